import {
  effectiveAt,
  resolveTimeline,
  versionStatus,
  type VersionTiming,
} from '../versions/timeline.js'

/**
 * Whether a subject must accept a document now (pure): the rule of docs/API.md "Acceptance
 * ledger". Which version is in force or upcoming comes from `resolveTimeline` alone, at the
 * plugin's clock.
 */

/** What the rule reads of an archive record (`legal-versions`). */
export type ArchiveVersion = {
  changeSummary?: null | string
  contentHash?: null | string
  materialChange?: boolean | null
} & VersionTiming

export type LastAcceptance = {
  locale?: null | string
  method?: null | string
  recordedAt: string
  version: number
}

export type ChangeEntry = {
  changeSummary: null | string
  effectiveAt: string
  materialChange: boolean
  /** Not in force yet. */
  upcoming: boolean
  version: number
}

export type DocumentAcceptanceStatus = {
  /** The version to accept now (the one in force), when `mustAccept`. */
  acceptVersion: null | number
  /** The versions after the last accepted one, up to the one in force, then the upcoming ones. */
  changes: ChangeEntry[]
  inForce: { contentHash: null | string; effectiveAt: string; version: number } | null
  lastAccepted: LastAcceptance | null
  /** Accept now: the site should not let the subject continue before they do. */
  mustAccept: boolean
  reason: 'material-change' | 'never-accepted' | null
  /**
   * A material version above what the subject accepted that takes effect later: the site may
   * ask for it ahead of `effectiveAt`, after which `mustAccept` becomes true.
   */
  upcoming: { contentHash: null | string; effectiveAt: string; version: number } | null
}

const iso = (ms: number) => new Date(ms).toISOString()

export function acceptanceStatus(
  versions: ArchiveVersion[],
  lastAccepted: LastAcceptance | null,
  now: number,
  requiresAcceptance = true,
): DocumentAcceptanceStatus {
  const timeline = resolveTimeline(versions, now)
  const inForce = timeline.inForce
  const accepted = lastAccepted?.version ?? 0
  const status = (v: ArchiveVersion) => versionStatus(v, timeline, versions)
  // In force now, or in force for a while after the accepted version: never-in-force ones bind nobody.
  const bound = versions.filter(
    (v) => v.version > accepted && (status(v) === 'in-force' || status(v) === 'superseded'),
  )
  const upcoming = timeline.upcoming.filter((v) => v.version > accepted)

  let reason: DocumentAcceptanceStatus['reason'] = null
  if (requiresAcceptance && inForce) {
    if (!lastAccepted) {
      reason = 'never-accepted'
    } else if (inForce.version > accepted && bound.some((v) => v.materialChange)) {
      reason = 'material-change'
    }
  }
  const materialUpcoming = requiresAcceptance ? upcoming.find((v) => v.materialChange) : undefined
  const entry = (v: ArchiveVersion, isUpcoming: boolean): ChangeEntry => ({
    changeSummary: v.changeSummary ?? null,
    effectiveAt: iso(effectiveAt(v)),
    materialChange: Boolean(v.materialChange),
    upcoming: isUpcoming,
    version: v.version,
  })
  const pointer = (v: ArchiveVersion | null | undefined) =>
    v
      ? { contentHash: v.contentHash ?? null, effectiveAt: iso(effectiveAt(v)), version: v.version }
      : null
  return {
    acceptVersion: reason !== null && inForce ? inForce.version : null,
    inForce: pointer(inForce),
    lastAccepted,
    mustAccept: reason !== null,
    reason,
    upcoming: pointer(materialUpcoming),
    // Nothing to list for someone who never accepted: they are shown the whole document.
    changes: lastAccepted
      ? [
          ...bound.sort((a, b) => a.version - b.version).map((v) => entry(v, false)),
          ...upcoming.map((v) => entry(v, true)),
        ]
      : [],
  }
}

/** Whether `version` may be accepted at `now`: it is in force or upcoming. */
export function acceptableVersion<V extends VersionTiming>(
  versions: V[],
  version: number,
  now: number,
): null | V {
  const timeline = resolveTimeline(versions, now)
  if (timeline.inForce?.version === version) {
    return timeline.inForce
  }
  return timeline.upcoming.find((v) => v.version === version) ?? null
}

import { effectiveAt, resolveTimeline, type VersionTiming, versionStatus } from '../versions/timeline.js'

/**
 * Whether a subject must accept a document now (pure): the rule of docs/API.md "Acceptance
 * ledger". Which version is in force or upcoming comes from `resolveTimeline` alone, at the
 * plugin's clock.
 */

/** What the rule reads of an archive record (`legal-versions`). */
export type ArchiveVersion = VersionTiming & {
  changeSummary?: string | null
  materialChange?: boolean | null
  contentHash?: string | null
}

export type LastAcceptance = { version: number; recordedAt: string; locale?: string | null; method?: string | null }

export type ChangeEntry = {
  version: number
  effectiveAt: string
  changeSummary: string | null
  materialChange: boolean
  /** Not in force yet. */
  upcoming: boolean
}

export type DocumentAcceptanceStatus = {
  /** Accept now: the site should not let the subject continue before they do. */
  mustAccept: boolean
  reason: 'never-accepted' | 'material-change' | null
  /** The version to accept now (the one in force), when `mustAccept`. */
  acceptVersion: number | null
  inForce: { version: number; effectiveAt: string; contentHash: string | null } | null
  lastAccepted: LastAcceptance | null
  /**
   * A material version above what the subject accepted that takes effect later: the site may
   * ask for it ahead of `effectiveAt`, after which `mustAccept` becomes true.
   */
  upcoming: { version: number; effectiveAt: string; contentHash: string | null } | null
  /** The versions after the last accepted one, up to the one in force, then the upcoming ones. */
  changes: ChangeEntry[]
}

const iso = (ms: number) => new Date(ms).toISOString()

export function acceptanceStatus(versions: ArchiveVersion[], lastAccepted: LastAcceptance | null, now: number, requiresAcceptance = true): DocumentAcceptanceStatus {
  const timeline = resolveTimeline(versions, now)
  const inForce = timeline.inForce
  const accepted = lastAccepted?.version ?? 0
  const status = (v: ArchiveVersion) => versionStatus(v, timeline, versions)
  // In force now, or in force for a while after the accepted version: never-in-force ones bind nobody.
  const bound = versions.filter((v) => v.version > accepted && (status(v) === 'in-force' || status(v) === 'superseded'))
  const upcoming = timeline.upcoming.filter((v) => v.version > accepted)

  let reason: DocumentAcceptanceStatus['reason'] = null
  if (requiresAcceptance && inForce) {
    if (!lastAccepted) reason = 'never-accepted'
    else if (inForce.version > accepted && bound.some((v) => v.materialChange)) reason = 'material-change'
  }
  const materialUpcoming = requiresAcceptance ? upcoming.find((v) => v.materialChange) : undefined
  const entry = (v: ArchiveVersion, isUpcoming: boolean): ChangeEntry => ({
    version: v.version,
    effectiveAt: iso(effectiveAt(v)),
    changeSummary: v.changeSummary ?? null,
    materialChange: Boolean(v.materialChange),
    upcoming: isUpcoming,
  })
  return {
    mustAccept: reason !== null,
    reason,
    acceptVersion: reason !== null && inForce ? inForce.version : null,
    inForce: inForce ? { version: inForce.version, effectiveAt: iso(effectiveAt(inForce)), contentHash: inForce.contentHash ?? null } : null,
    lastAccepted,
    upcoming: materialUpcoming
      ? { version: materialUpcoming.version, effectiveAt: iso(effectiveAt(materialUpcoming)), contentHash: materialUpcoming.contentHash ?? null }
      : null,
    // Nothing to list for someone who never accepted: they are shown the whole document.
    changes: lastAccepted
      ? [...bound.sort((a, b) => a.version - b.version).map((v) => entry(v, false)), ...upcoming.map((v) => entry(v, true))]
      : [],
  }
}

/** Whether `version` may be accepted at `now`: it is in force or upcoming. */
export function acceptableVersion<V extends VersionTiming>(versions: V[], version: number, now: number): V | null {
  const timeline = resolveTimeline(versions, now)
  if (timeline.inForce?.version === version) return timeline.inForce
  return timeline.upcoming.find((v) => v.version === version) ?? null
}

/**
 * Which published version of a document is in force, and which are upcoming, at an instant.
 *
 * Pure: the delivery API, GraphQL, the public pages, the acceptance ledger and the admin all ask
 * this one function, with the document's archive records and the plugin's clock. Nothing is
 * stored about the switch: a version takes effect because time passed its effective instant,
 * so every instance agrees on the very next request without a job having to run.
 */

/** What the timeline needs of an archive record (`legal-versions`). */
export type VersionTiming = {
  effectiveDate: null | string
  publishedAt: string
  version: number
}

export type VersionStatus =
  /** The version readers are bound by now. */
  | 'in-force'
  /** Published ahead of its effective date; takes effect at `effectiveAt`. */
  | 'never-in-force'
  /** Was in force; a later version replaced it. */
  | 'superseded'
  /** A later version took effect first (or at the same instant): this one never will. */
  | 'upcoming'

export type Timeline<V extends VersionTiming> = {
  inForce: null | V
  /** The next instant (ms) at which `inForce` changes, or null when nothing is upcoming. */
  nextBoundary: null | number
  /** Versions that will take effect, soonest first. */
  upcoming: V[]
}

const time = (iso: null | string | undefined): number => (iso ? Date.parse(iso) : Number.NaN)

/**
 * The instant a version takes effect: its effective date, but never before it was published
 * (an effective date in the past labels the version; it cannot make it retroactively in force).
 */
export function effectiveAt(v: Pick<VersionTiming, 'effectiveDate' | 'publishedAt'>): number {
  const published = time(v.publishedAt)
  const effective = time(v.effectiveDate)
  return Number.isNaN(effective) ? published : Math.max(published, effective)
}

/** A version never takes effect when a later-numbered one takes effect no later than it does. */
function overtaken<V extends VersionTiming>(v: V, all: V[]): boolean {
  const at = effectiveAt(v)
  return all.some((w) => w.version > v.version && effectiveAt(w) <= at)
}

/**
 * In force: the highest-numbered version whose effective instant has passed. Upcoming: the
 * versions above it whose instant is still ahead and that no later version overtakes.
 */
export function resolveTimeline<V extends VersionTiming>(versions: V[], now: number): Timeline<V> {
  let inForce: null | V = null
  for (const v of versions) {
    if (effectiveAt(v) <= now && (!inForce || v.version > inForce.version)) {
      inForce = v
    }
  }
  const floor = inForce?.version ?? 0
  const upcoming = versions
    .filter((v) => v.version > floor && effectiveAt(v) > now && !overtaken(v, versions))
    .sort((a, b) => effectiveAt(a) - effectiveAt(b) || a.version - b.version)
  return { inForce, nextBoundary: upcoming.length ? effectiveAt(upcoming[0]) : null, upcoming }
}

/** Each version's status at the instant `timeline` was resolved, for the archive list and the admin. */
export function versionStatus<V extends VersionTiming>(
  v: V,
  timeline: Timeline<V>,
  all: V[],
): VersionStatus {
  if (timeline.inForce?.version === v.version) {
    return 'in-force'
  }
  if (timeline.upcoming.some((u) => u.version === v.version)) {
    return 'upcoming'
  }
  return overtaken(v, all) ? 'never-in-force' : 'superseded'
}

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

import { idOf } from '../utilities/ids.js'
import { documentNoticeRefusal } from '../versions/noticePolicy.js'
import { APPROVAL_OUTDATED } from '../workflow/approval.js'
import { englishT, type Refusal, refusalText } from '../workflow/refusals.js'
import {
  type Actor,
  changeSummaryProblem,
  decidePublish,
  type ReviewState,
} from '../workflow/rules.js'

/**
 * The publish decision, as pure functions over plain data: the document's beforeChange hook
 * reads the facts (the row being published, its latest draft, the frozen content's hash, the
 * last archive record) and applies the answer; `completePublish` does the writes.
 *
 * Two steps, because freezing the content is a read of every section: who may publish what is
 * decided before it (`refusePublish`), what the publish makes after it (`planPublish`).
 */

/** A refusal: the hook throws it as a WorkflowError (or, for `field`, a field's ValidationError). */
export type PublishRefusal = {
  field?: string
  /** In English. */
  message: string
  problems?: string[]
  /** When set, the route says `message` in the asker's language (src/workflow/refusals.ts). */
  refusal?: Refusal
  status: number
}

type Row = Record<string, unknown>

const sameInstant = (a: unknown, b: unknown) =>
  new Date(String(a)).getTime() === new Date(String(b)).getTime()

/**
 * Whether this request may publish this row at all. `latest`: the document's latest draft (a
 * bulk update starts from the live row, which would put stale text live next to fresh sections,
 * so only the latest draft may be published). `changed`: content fields this request changes.
 */
export function refusePublish(input: {
  actor: Actor
  changed: readonly string[]
  latest: Row
  original: Row
  /** No user: a job (a scheduled publish without a user) or the system itself. */
  system: boolean
}): null | PublishRefusal {
  const { latest, original } = input
  if (!sameInstant(latest.updatedAt, original.updatedAt)) {
    if (latest._status === 'published' && latest.workflowState === 'published') {
      return { message: 'This document has just been published by someone else.', status: 409 }
    }
    return {
      message:
        'Open this document and publish it from there: its latest draft is not the version being published.',
      status: 409,
    }
  }
  const decision = decidePublish({
    actor: input.actor,
    state: (original.workflowState as ReviewState) ?? 'draft',
    system: input.system,
  })
  if (!decision.ok) {
    return { message: decision.reason, refusal: decision.refusal, status: decision.status }
  }
  if (input.changed.length) {
    return {
      message: 'The document was changed after it was approved; submit it for review again.',
      status: 409,
    }
  }
  return null
}

/** What a publish makes: the archive record's fields and the document's own. */
export type PublishOutcome = {
  approvedBy: null | number | string
  changeSummary: null | string
  /** False when readers would see nothing new: no version, no archive record, same date. */
  contentChanged: boolean
  /** The document's "last updated" after this publish (null before any). */
  lastModified: null | string
  materialChange: boolean
  publishedAt: string
  version: number
}

/**
 * What the reviewer approved is exactly what is published (`approvedContentHash`); a
 * significant change keeps its notice period unless the approval overrode it; a new version
 * needs a change summary; version and date move only when the content hash does.
 */
export function planPublish(input: {
  frozenHash: string
  now: number
  options: Pick<ResolvedLegalDocumentsPluginOptions, 'notice'>
  original: Row
  /** The last archive record of this document, if any. */
  previous: { contentHash?: string; version?: number } | undefined
}): { outcome: PublishOutcome } | { refusal: PublishRefusal } {
  const { now, original, previous } = input
  if (!original.approvedContentHash || original.approvedContentHash !== input.frozenHash) {
    return { refusal: { message: APPROVAL_OUTDATED, status: 409 } }
  }
  // Binding at publish time, scheduled publishes included: readers get notice from publication.
  const tooSoon = documentNoticeRefusal(original, input.options, now)
  if (tooSoon && !original.noticeOverride) {
    const message = refusalText(tooSoon, englishT)
    return { refusal: { message, problems: [message], refusal: tooSoon, status: 422 } }
  }

  const contentChanged = previous?.contentHash !== input.frozenHash
  const currentVersion = Number(original.version ?? 0)
  const version = contentChanged
    ? Math.max(currentVersion, Number(previous?.version ?? 0)) + 1
    : currentVersion
  const changeSummary = (original.changeSummary as null | string) ?? null
  if (contentChanged) {
    const problem = changeSummaryProblem(version, changeSummary)
    if (problem) {
      return { refusal: { field: 'changeSummary', message: problem, status: 400 } }
    }
  }
  const at = new Date(now).toISOString()
  return {
    outcome: {
      approvedBy: original.approvedBy ? idOf(original.approvedBy) : null,
      changeSummary,
      contentChanged,
      lastModified: contentChanged ? at : ((original.lastModified as null | string) ?? null),
      materialChange: Boolean(original.materialChange),
      publishedAt: at,
      version,
    },
  }
}

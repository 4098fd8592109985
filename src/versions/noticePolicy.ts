import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

import { englishT, type Refusal, refusalText } from '../workflow/refusals.js'

/** What the notice rules read of a legal document. */
export type NoticeDocument = {
  kind?: null | string
  noticePeriodDays?: null | number
  /** 'yes' / 'no', or empty for the kind's default. */
  requiresAcceptance?: null | string
}

type NoticeOptions = Pick<ResolvedLegalDocumentsPluginOptions, 'notice'>

/** The document's own setting, else the plugin's default for its kind. */
export function noticePeriodDaysOf(doc: NoticeDocument, options: NoticeOptions): number {
  if (typeof doc.noticePeriodDays === 'number' && doc.noticePeriodDays >= 0) {
    return doc.noticePeriodDays
  }
  return (
    options.notice.periodDays[(doc.kind ?? 'other') as keyof typeof options.notice.periodDays] ?? 0
  )
}

/** Whether readers must accept this document (and accept again after each material change). */
export function requiresAcceptanceOf(doc: NoticeDocument, options: NoticeOptions): boolean {
  if (doc.requiresAcceptance === 'yes' || doc.requiresAcceptance === 'no') {
    return doc.requiresAcceptance === 'yes'
  }
  return (
    options.notice.requiresAcceptance[
      (doc.kind ?? 'other') as keyof typeof options.notice.requiresAcceptance
    ] ?? false
  )
}

const DAY = 86_400_000

/** What the notice rule needs to know about a publish, now or at approval. */
export type NoticeCheck = {
  effectiveDate: null | string
  materialChange: boolean
  now: number
  periodDays: number
  /** False for a document's first publish: there is no earlier version whose readers need notice. */
  previouslyPublished: boolean
}

/** The first day a significant change may take effect (whole UTC days: effective dates are days). */
export function earliestEffectiveDay(now: number, periodDays: number): number {
  return Math.floor(now / DAY) * DAY + periodDays * DAY
}

/**
 * Why a significant change would take effect too soon, or null. Readers get the notice from
 * publication, so the rule is checked at approval (early) and again at publish (binding).
 */
export function noticeRefusal(check: NoticeCheck): null | Refusal {
  if (!check.materialChange || !check.previouslyPublished || check.periodDays <= 0) {
    return null
  }
  const earliest = earliestEffectiveDay(check.now, check.periodDays)
  const effective = check.effectiveDate ? Date.parse(check.effectiveDate) : check.now
  if (!Number.isNaN(effective) && Math.floor(effective / DAY) * DAY >= earliest) {
    return null
  }
  const date = new Date(earliest).toISOString().slice(0, 10)
  return { code: 'notice', date, days: check.periodDays }
}

/** `noticeRefusal` in English. */
export function noticeProblem(check: NoticeCheck): null | string {
  const refusal = noticeRefusal(check)
  return refusal ? refusalText(refusal, englishT) : null
}

/** The notice rule for a legal document's latest draft (as stored), by the plugin's options. */
export function documentNoticeRefusal(
  doc: NoticeDocument & Record<string, unknown>,
  options: NoticeOptions,
  now: number,
): null | Refusal {
  return noticeRefusal({
    effectiveDate: doc.effectiveDate ? new Date(doc.effectiveDate as string).toISOString() : null,
    materialChange: Boolean(doc.materialChange),
    now,
    periodDays: noticePeriodDaysOf(doc, options),
    previouslyPublished: Number(doc.version ?? 0) > 0,
  })
}

/** `documentNoticeRefusal` in English. */
export function documentNoticeProblem(
  doc: NoticeDocument & Record<string, unknown>,
  options: NoticeOptions,
  now: number,
): null | string {
  const refusal = documentNoticeRefusal(doc, options, now)
  return refusal ? refusalText(refusal, englishT) : null
}

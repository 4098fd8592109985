import type { PayloadRequest } from 'payload'

import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { asTrusted } from './trust.js'

/** The steps the review history records: the `action` select's values (collections/LegalReviewEvents.ts). */
export const REVIEW_EVENT_VALUES = [
  'submitted',
  'approved',
  'changes-requested',
  'approval-voided',
  'published',
  'scheduled',
  'withdrawn',
  'notice-overridden',
] as const

export type ReviewEventAction = (typeof REVIEW_EVENT_VALUES)[number]

export async function recordReviewEvent(
  req: PayloadRequest,
  event: {
    action: ReviewEventAction
    /** Who took the step, when it is not the request's user (a job queued by the admin UI). */
    by?: null | number | string
    comment?: null | string
    cookieEntry?: number | string
    /** The legal document the step was taken on; or `cookieEntry`, the cookie entry. */
    document?: number | string
    /** Changes requested on a document: the content the reviewer reviewed (src/workflow/lastReviewed.ts). */
    reviewedContent?: unknown
    version?: number
  },
): Promise<void> {
  await asTrusted(req, () =>
    localApi(req.payload).create({
      collection: SLUGS.reviewEvents,
      data: {
        action: event.action,
        at: new Date().toISOString(),
        by: event.by ?? req.user?.id ?? null,
        comment: event.comment ?? null,
        cookieEntry: event.cookieEntry ?? null,
        document: event.document ?? null,
        reviewedContent: event.reviewedContent ?? null,
        version: event.version ?? null,
      },
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
}

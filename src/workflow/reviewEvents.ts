import type { PayloadRequest } from 'payload'

import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { asTrusted } from './trust.js'

/** The steps the review history records: the `action` select's values (collections/LegalReviewEvents.ts). */
export const REVIEW_EVENT_VALUES = ['submitted', 'approved', 'changes-requested', 'approval-voided', 'published', 'scheduled', 'withdrawn', 'notice-overridden'] as const

export type ReviewEventAction = (typeof REVIEW_EVENT_VALUES)[number]

export async function recordReviewEvent(
  req: PayloadRequest,
  event: {
    /** The legal document the step was taken on; or `cookieEntry`, the cookie entry. */
    document?: string | number
    cookieEntry?: string | number
    action: ReviewEventAction
    comment?: string | null
    version?: number
    /** Changes requested on a document: the content the reviewer reviewed (src/workflow/lastReviewed.ts). */
    reviewedContent?: unknown
    /** Who took the step, when it is not the request's user (a job queued by the admin UI). */
    by?: string | number | null
  },
): Promise<void> {
  await asTrusted(req, () =>
    localApi(req.payload).create({
      collection: SLUGS.reviewEvents,
      data: {
        document: event.document ?? null,
        cookieEntry: event.cookieEntry ?? null,
        action: event.action,
        by: event.by ?? req.user?.id ?? null,
        at: new Date().toISOString(),
        comment: event.comment ?? null,
        version: event.version ?? null,
        reviewedContent: event.reviewedContent ?? null,
      },
      req,
      overrideAccess: true,
      depth: 0,
    }),
  )
}

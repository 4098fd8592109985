import type { PayloadRequest } from 'payload'

import { SLUGS } from '../slugs.js'
import { asTrusted } from './trust.js'

/** The steps the review history records: the `action` select's values (collections/LegalReviewEvents.ts). */
export const REVIEW_EVENT_VALUES = ['submitted', 'approved', 'changes-requested', 'approval-voided', 'published', 'scheduled', 'withdrawn', 'notice-overridden'] as const

export type ReviewEventAction = (typeof REVIEW_EVENT_VALUES)[number]

export async function recordReviewEvent(
  req: PayloadRequest,
  event: {
    document: string | number
    action: ReviewEventAction
    comment?: string | null
    version?: number
    /** Who took the step, when it is not the request's user (a job queued by the admin UI). */
    by?: string | number | null
  },
): Promise<void> {
  await asTrusted(req, () =>
    req.payload.create({
      collection: SLUGS.reviewEvents,
      data: {
        document: event.document,
        action: event.action,
        by: event.by ?? req.user?.id ?? null,
        at: new Date().toISOString(),
        comment: event.comment ?? null,
        version: event.version ?? null,
      } as never,
      req,
      overrideAccess: true,
      depth: 0,
    }),
  )
}

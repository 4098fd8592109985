import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'
import { wrapJobsQueue } from '../payloadInternals.js'
import { rolesOf } from '../roles.js'
import { SLUGS } from '../slugs.js'
import { WorkflowError } from '../workflow/errors.js'
import { recordReviewEvent } from '../workflow/reviewEvents.js'
import { canPublishRole, type ReviewState } from '../workflow/rules.js'

type ScheduleInput = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo?: string; value?: string | number }
  user?: { relationTo?: string; value?: string | number } | string | number
}
type QueueArgs = { task?: string; input?: unknown; waitUntil?: Date; req?: PayloadRequest }

function legalSchedule(args: QueueArgs): ScheduleInput | null {
  if (args.task !== 'schedulePublish') return null
  const input = (args.input ?? {}) as ScheduleInput
  return input.doc?.relationTo === SLUGS.documents && input.doc.value !== undefined ? input : null
}

const userIdOf = (user: ScheduleInput['user']) => (user && typeof user === 'object' ? user.value : user)

/**
 * Checks a scheduled publish of a legal document when it is scheduled, not only when it runs
 * (the job publishes as its scheduler, through the same hooks as any publish, and is refused
 * there too): only reviewers and admins schedule, and only an approved draft. Returns the
 * document's id in its own type.
 */
async function checkSchedule(req: PayloadRequest, schedule: ScheduleInput, userId: string | number | undefined, usersSlug: string) {
  const user = (
    userId === undefined
      ? null
      : await req.payload.findByID({ collection: usersSlug as never, id: userId, depth: 0, overrideAccess: true, req }).catch(() => null)
  ) as { id: string | number } | null
  if (!user || !canPublishRole({ id: user.id, roles: rolesOf(user as never) })) {
    throw new WorkflowError('Only reviewers and admins can schedule a publish.', 403)
  }
  const doc = (await req.payload
    .findByID({ collection: SLUGS.documents, id: schedule.doc!.value!, draft: true, depth: 0, overrideAccess: true, req })
    .catch(() => null)) as Record<string, unknown> | null
  if (!doc) throw new WorkflowError('Document not found.', 404)
  if (schedule.type !== 'unpublish' && (doc.workflowState as ReviewState) !== 'approved') {
    throw new WorkflowError('Only an approved draft can be scheduled for publishing.', 409)
  }
  return doc.id as string | number
}

/**
 * Payload's "Schedule publish" (the admin's drawer, or `payload.jobs.queue`) writes the job
 * without collection hooks and without a request user (the scheduler is the job's
 * `input.user`), so the check and the review-history entry wrap the queue call itself.
 */
export function guardScheduledPublishes(payload: Payload, options: ResolvedLegalDocumentsPluginOptions): void {
  wrapJobsQueue<QueueArgs>(payload, (queue) => async (args) => {
    const schedule = legalSchedule(args)
    if (!schedule) return queue(args)
    const req = args.req ?? (await createLocalReq({}, payload))
    const by = req.user?.id ?? userIdOf(schedule.user)
    const documentId = await checkSchedule(req, schedule, by, options.usersCollection)
    const job = await queue({ ...args, req })
    const when = args.waitUntil ? new Date(args.waitUntil).toISOString() : 'now'
    await recordReviewEvent(req, {
      document: documentId,
      action: 'scheduled',
      by: by ?? null,
      comment: `${schedule.type === 'unpublish' ? 'Unpublish' : 'Publish'} scheduled for ${when}`,
    })
    return job
  })
}

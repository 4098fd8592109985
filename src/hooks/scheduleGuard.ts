import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

import { findLatestDraft, localApi } from '../localApi.js'
import { wrapJobsQueue } from '../payloadInternals.js'
import { rolesOf } from '../roles.js'
import { WorkflowError } from '../workflow/errors.js'
import { recordReviewEvent } from '../workflow/reviewEvents.js'
import {
  canPublishRole,
  COOKIE_UNPUBLISH_REFUSAL,
  type ReviewState,
  STATE_LABELS,
  UNPUBLISH_REFUSAL,
} from '../workflow/rules.js'
import { DOCUMENT_SUBJECT, subjectFor } from '../workflow/subjects.js'

type ScheduleInput = {
  doc?: { relationTo?: string; value?: number | string }
  type?: 'publish' | 'unpublish'
  user?: { relationTo?: string; value?: number | string } | number | string
}
type QueueArgs = { input?: unknown; req?: PayloadRequest; task?: string; waitUntil?: Date }

function legalSchedule(args: QueueArgs): null | ScheduleInput {
  if (args.task !== 'schedulePublish') {
    return null
  }
  const input = (args.input ?? {}) as ScheduleInput
  return input.doc?.relationTo !== undefined &&
    subjectFor(input.doc.relationTo) &&
    input.doc.value !== undefined
    ? input
    : null
}

/** What the schedule publishes: a legal document or a cookie entry (src/workflow/subjects.ts). */
const subjectOf = (schedule: ScheduleInput) =>
  subjectFor(schedule.doc?.relationTo) ?? DOCUMENT_SUBJECT

type Scheduler = { collection?: string; id: number | string }

/** Who schedules: the signed-in user, else the job's `input.user` (the admin's drawer sets it). */
function schedulerOf(req: PayloadRequest, schedule: ScheduleInput): Scheduler | undefined {
  if (req.user) {
    return { id: req.user.id, collection: req.user.collection }
  }
  const user = schedule.user
  if (user && typeof user === 'object') {
    return user.value === undefined ? undefined : { id: user.value, collection: user.relationTo }
  }
  return user === undefined || user === null ? undefined : { id: user }
}

/** The rule, as every refusal states it. */
export const SCHEDULE_ROLE_REFUSAL =
  'Only reviewers and admins can schedule a publish or an unpublish of a legal document.'
export const SCHEDULE_SIGNED_OUT_REFUSAL =
  'You must be signed in as a reviewer or admin to schedule a publish.'
export const JOBS_COLLECTION_REFUSAL =
  'Scheduled publishes cannot be created through the jobs collection (REST or GraphQL): ' +
  'a reviewer or admin schedules an approved draft with "Schedule publish" in the admin panel.'

const approvedOnly = (state: ReviewState | undefined) =>
  `Only an approved draft can be scheduled for publishing; this one is "${STATE_LABELS[state as ReviewState] ?? state ?? 'Draft'}". ` +
  "It needs a reviewer's approval first."

/**
 * Checks a scheduled publish of a legal document when it is scheduled, not only when it runs
 * (the job publishes as its scheduler, through the same hooks as any publish, and is refused
 * there too): only reviewers and admins schedule, and only an approved draft. Returns the
 * document's id in its own type. Refusals are WorkflowErrors: a status and a reason on every
 * route.
 */
async function checkSchedule(
  req: PayloadRequest,
  schedule: ScheduleInput,
  scheduler: Scheduler | undefined,
  usersSlug: string,
) {
  if (!scheduler) {
    throw new WorkflowError(SCHEDULE_SIGNED_OUT_REFUSAL, 401)
  }
  // An account of another auth collection is no reviewer, even with the id of one.
  const user = (
    scheduler.collection !== undefined && scheduler.collection !== usersSlug
      ? null
      : await localApi(req.payload)
          .findByID({
            id: scheduler.id,
            collection: usersSlug,
            depth: 0,
            overrideAccess: true,
            req,
          })
          .catch(() => null)
  ) as { id: number | string } | null
  if (!user || !canPublishRole({ id: user.id, roles: rolesOf(user) })) {
    throw new WorkflowError(SCHEDULE_ROLE_REFUSAL, 403)
  }
  // A scheduled unpublish would take the document offline with no reason on the record: a
  // reviewer withdraws it with the workflow's "Withdraw" action instead (src/hooks/refuseUnpublish.ts).
  const subject = subjectOf(schedule)
  if (schedule.type === 'unpublish') {
    throw new WorkflowError(subject.legalText ? UNPUBLISH_REFUSAL : COOKIE_UNPUBLISH_REFUSAL, 409)
  }
  const id = schedule.doc!.value!
  const doc = await findLatestDraft(req, subject.slug, id).catch(() => null)
  if (!doc) {
    throw new WorkflowError(subject.notFound, 404)
  }
  const state = doc.workflowState as ReviewState | undefined
  if (state !== 'approved') {
    throw new WorkflowError(approvedOnly(state), 409)
  }
  return doc.id
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/**
 * Payload's jobs collection refuses every REST and GraphQL write with a bare "You are not
 * allowed to perform this action." For a scheduled publish of a legal document, say why
 * instead: the same check as a schedule from the admin (role, then approval), then that this
 * route cannot schedule at all. Never grants more than the collection's own rule: a host that
 * opened the collection still gets the check, and other jobs get the collection's rule.
 */
function explainJobsCollectionRefusal(
  payload: Payload,
  options: ResolvedLegalDocumentsPluginOptions,
): void {
  // Found by its config: `payload-jobs` is Payload's own collection, outside a host's generated slug union.
  const jobs = Object.values(payload.collections).find(
    (collection) => collection.config.slug === 'payload-jobs',
  )
  if (!jobs) {
    return
  }
  const access = jobs.config.access
  const create = access.create
  access.create = async (args) => {
    const data: unknown = args.data
    const schedule = isRecord(data)
      ? legalSchedule({ input: data.input, task: String(data.taskSlug) })
      : null
    if (!schedule) {
      return create ? create(args) : false
    }
    await checkSchedule(
      args.req,
      schedule,
      args.req.user ? { id: args.req.user.id, collection: args.req.user.collection } : undefined,
      options.usersCollection,
    )
    const allowed = create ? await create(args) : false
    if (!allowed) {
      throw new WorkflowError(JOBS_COLLECTION_REFUSAL, 403)
    }
    return allowed
  }
}

/**
 * Payload's "Schedule publish" (the admin's drawer, or `payload.jobs.queue`) writes the job
 * without collection hooks and without a request user (the scheduler is the job's
 * `input.user`), so the check and the review-history entry wrap the queue call itself.
 */
export function guardScheduledPublishes(
  payload: Payload,
  options: ResolvedLegalDocumentsPluginOptions,
): void {
  explainJobsCollectionRefusal(payload, options)
  wrapJobsQueue<QueueArgs>(payload, (queue) => async (args) => {
    const schedule = legalSchedule(args)
    if (!schedule) {
      return queue(args)
    }
    const req = args.req ?? (await createLocalReq({}, payload))
    const scheduler = schedulerOf(req, schedule)
    const documentId = await checkSchedule(req, schedule, scheduler, options.usersCollection)
    const by = scheduler?.id
    const job = await queue({ ...args, req })
    const when = args.waitUntil ? new Date(args.waitUntil).toISOString() : 'now'
    await recordReviewEvent(req, {
      action: 'scheduled',
      by: by ?? null,
      comment: `${schedule.type === 'unpublish' ? 'Unpublish' : 'Publish'} scheduled for ${when}`,
      [subjectOf(schedule).eventField]: documentId,
    })
    return job
  })
}

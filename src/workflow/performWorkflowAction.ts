import type { CollectionSlug, PayloadRequest } from 'payload'

import { announcePublish } from '../delivery/invalidation.js'
import { findLatestDraft, localApi } from '../localApi.js'
import { lockForWrite } from '../publish/concurrency.js'
import { freezeContent } from '../publish/freezeContent.js'
import { SLUGS } from '../slugs.js'
import { nowOf, pluginOptionsOf } from '../utilities/pluginOptions.js'
import { inTransaction } from '../utilities/transaction.js'
import { documentNoticeRefusal } from '../versions/noticePolicy.js'
import { queueWithdrawWebhooks } from '../webhooks/webhookTask.js'
import { actorOf } from './actor.js'
import { NO_APPROVAL } from './approval.js'
import { WorkflowError } from './errors.js'
import { englishT, refusalFor, refusalText } from './refusals.js'
import { recordReviewEvent, type ReviewEventAction } from './reviewEvents.js'
import {
  decideWorkflowAction,
  type ReviewState,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from './rules.js'
import { subjectFor } from './subjects.js'
import { asTrusted } from './trust.js'

const EVENT: Record<WorkflowAction, ReviewEventAction> = {
  approve: 'approved',
  'request-changes': 'changes-requested',
  submit: 'submitted',
  withdraw: 'withdrawn',
}

export type WorkflowActionResult = { id: number | string; workflowState: ReviewState }

/**
 * Submit, approve, request changes or withdraw, as `req.user`, on a legal document or a cookie
 * entry (`collection`, legal documents by default; src/workflow/subjects.ts). The one implementation behind the REST
 * endpoint, the GraphQL mutation and the Local API; it runs in one transaction, so the state
 * change and its history entry are written together or not at all.
 */
export async function performWorkflowAction(
  req: PayloadRequest,
  input: {
    action: string
    /** `legal-documents` (the default) or `cookie-entries`. */
    collection?: string
    comment?: null | string
    fourEyes: boolean
    id: number | string
    /**
     * Approve only: the reviewer's reason for approving a significant change with less notice
     * than the document requires (an urgent legal requirement). Logged in the review history.
     */
    noticeOverride?: null | string
  },
): Promise<WorkflowActionResult> {
  if (!(WORKFLOW_ACTIONS as readonly string[]).includes(input.action)) {
    throw new WorkflowError(
      `Unknown action "${input.action}". Use one of: ${WORKFLOW_ACTIONS.join(', ')}.`,
      400,
    )
  }
  if (input.comment != null && (typeof input.comment !== 'string' || input.comment.length > 5000)) {
    throw new WorkflowError('The comment must be text of at most 5000 characters.', 400)
  }
  if (
    input.noticeOverride != null &&
    (typeof input.noticeOverride !== 'string' || input.noticeOverride.length > 2000)
  ) {
    throw new WorkflowError(
      'The reason for overriding the notice period must be text of at most 2000 characters.',
      400,
    )
  }
  const subject = subjectFor(input.collection)
  if (!subject) {
    throw new WorkflowError(`The review workflow does not cover "${input.collection}".`, 400)
  }
  const action = input.action as WorkflowAction
  const actor = actorOf(req)
  if (!actor) {
    throw new WorkflowError('You must be signed in.', 401)
  }

  return inTransaction(req, async () => {
    const read = (id: number | string): Promise<null | Record<string, unknown>> =>
      findLatestDraft(req, subject.slug, id).catch(() => null)
    const found = await read(input.id)
    if (!found) {
      throw new WorkflowError(subject.notFound, 404)
    }
    // Route params arrive as text; relationships need the id in its own type.
    const id = found.id as number | string
    // One step (or publish, or save) at a time per document, decided on the state as of the
    // lock: two reviewers approving at once must not both succeed (src/publish/concurrency.ts).
    await lockForWrite(
      req,
      subject.slug,
      id,
      'Someone else is acting on this document right now. Try again in a moment.',
    )
    const doc = (await read(id)) ?? found

    const state = (doc.workflowState as ReviewState) ?? 'draft'
    const live = await isLive(req, id, subject.slug)
    const decision = decideWorkflowAction({
      action,
      actor,
      state,
      // The document's contributors and the authors of its listed sections' unpublished drafts.
      comment: input.comment,
      contributors: await subject.contributors(req, doc),
      fourEyes: input.fourEyes,
      // A draft without a title, web address or text cannot go to a reviewer (src/workflow/submission.ts).
      live,
      submitProblems: action === 'submit' ? await subject.submitProblems(req, id) : [],
    })
    if (!decision.ok) {
      // `code` names the refusal for programs; the message is in the asker's language.
      throw new WorkflowError(refusalFor(decision, req), decision.status, {
        code: decision.refusal.code,
        ...(decision.problems ? { problems: decision.problems } : {}),
      })
    }

    if (action === 'withdraw') {
      await withdraw(req, subject.slug, id, decision.next)
      await recordReviewEvent(req, {
        action: 'withdrawn',
        comment: input.comment?.trim() || null,
        [subject.eventField]: id,
        version: Number(doc.version ?? 0) || undefined,
      })
      // Webhooks are about legal documents (docs/API.md "Webhooks"); cookie entries send none.
      if (subject.slug === SLUGS.documents) {
        await queueWithdrawnWebhook(req, id)
      }
      return { id, workflowState: decision.next }
    }

    const overrideReason =
      action === 'approve' && subject.legalText
        ? noticeOverrideFor(req, doc, input.noticeOverride)
        : null
    const approvedContentHash = action === 'approve' ? await subject.approvalHash(req, id) : null
    await asTrusted(req, () =>
      localApi(req.payload).update({
        id,
        collection: subject.slug,
        data: {
          workflowState: decision.next,
          // An approval is bound to exactly the content the reviewer approved (src/workflow/approval.ts).
          ...(action === 'approve'
            ? {
                approvedAt: new Date(nowOf(req.payload)).toISOString(),
                approvedBy: actor.id,
                approvedContentHash,
              }
            : NO_APPROVAL),
          // Cookie entries have no notice period.
          ...(subject.legalText ? { noticeOverride: overrideReason } : {}),
        },
        depth: 0,
        draft: true,
        overrideAccess: true,
        req,
      }),
    )
    // What the reviewer reviewed, kept with their request: the re-review compares the revised draft with it.
    const reviewedContent =
      action === 'request-changes' && subject.slug === SLUGS.documents
        ? (await freezeContent(req, id)).content
        : undefined
    await recordReviewEvent(req, {
      action: EVENT[action],
      comment: input.comment?.trim() || null,
      reviewedContent,
      [subject.eventField]: id,
    })
    if (overrideReason) {
      await recordReviewEvent(req, {
        action: 'notice-overridden',
        comment: overrideReason,
        [subject.eventField]: id,
      })
    }
    return { id, workflowState: decision.next }
  })
}

/**
 * The notice rule at approval: a significant change that would take effect too soon is refused
 * (422, with the first allowed date) unless the reviewer gives a reason to override it. Returns
 * the override's reason when one is needed and given; an override nobody needed is not recorded.
 */
function noticeOverrideFor(
  req: PayloadRequest,
  doc: Record<string, unknown>,
  override: null | string | undefined,
): null | string {
  const options = pluginOptionsOf(req.payload)
  if (!options) {
    return null
  }
  const refusal = documentNoticeRefusal(doc, options, nowOf(req.payload))
  if (!refusal) {
    return null
  }
  const reason = override?.trim()
  if (!reason) {
    const problem = refusalFor({ reason: refusalText(refusal, englishT), refusal }, req)
    throw new WorkflowError(problem, 422, { code: refusal.code, problems: [problem] })
  }
  return reason
}

/**
 * Tells the webhook receivers that the document is gone, naming the last version readers had
 * (its archive record: the live row may carry a newer draft's title). Inside the transaction.
 */
async function queueWithdrawnWebhook(req: PayloadRequest, id: number | string): Promise<void> {
  const options = pluginOptionsOf(req.payload)
  if (!options?.webhooks.urls.length) {
    return
  }
  const { docs } = await req.payload.db.find<{ slug: string; title: string; version: number }>({
    collection: SLUGS.versions,
    limit: 1,
    req,
    sort: '-version',
    where: { document: { equals: id } },
  })
  const last = docs[0]
  if (!last) {
    return
  }
  await queueWithdrawWebhooks(req, options, {
    slug: last.slug,
    title: last.title,
    version: last.version,
    withdrawnAt: new Date(nowOf(req.payload)).toISOString(),
  })
}

/** Whether readers see a published version of the document (or entry) now: its live row is published. */
export async function isLive(
  req: PayloadRequest,
  id: number | string,
  collection: CollectionSlug = SLUGS.documents,
): Promise<boolean> {
  const row = (await req.payload.db.findOne({
    collection,
    req,
    where: { id: { equals: id } },
  })) as null | Record<string, unknown>
  return row?._status === 'published'
}

/**
 * Takes the document offline: its live row becomes a draft, so no route serves it to readers
 * (delivery answers 410 for the current text; the archive keeps every published version as
 * history). The latest draft and its sections are kept as they are; the next publish goes
 * through review like any other. Runs inside the workflow action's transaction.
 */
async function withdraw(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
  next: ReviewState,
): Promise<void> {
  await asTrusted(req, () =>
    localApi(req.payload).update({
      id,
      collection,
      // Not a draft save: the live row itself stops being published.
      data: {
        _status: 'draft',
        workflowState: next,
        ...(next === 'draft' ? NO_APPROVAL : {}),
      },
      depth: 0,
      draft: false,
      overrideAccess: true,
      req,
    }),
  )
  await announcePublish(req)
}

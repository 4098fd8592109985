import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { announcePublish } from '../delivery/invalidation.js'
import { lockForWrite } from '../publish/concurrency.js'
import { SLUGS } from '../slugs.js'
import { actorOf } from './actor.js'
import { WorkflowError } from './errors.js'
import { approvalHash, contentContributors } from './approval.js'
import { type ReviewEventAction, recordReviewEvent } from './reviewEvents.js'
import { decideWorkflowAction, type ReviewState, WORKFLOW_ACTIONS, type WorkflowAction } from './rules.js'
import { draftSubmissionProblems } from './submissionDraft.js'
import { asTrusted } from './trust.js'
import { nowOf, pluginOptionsOf } from '../utilities/pluginOptions.js'
import { documentNoticeProblem } from '../versions/noticePolicy.js'

const EVENT: Record<WorkflowAction, ReviewEventAction> = {
  submit: 'submitted',
  approve: 'approved',
  'request-changes': 'changes-requested',
  withdraw: 'withdrawn',
}

export type WorkflowActionResult = { id: string | number; workflowState: ReviewState }

/**
 * Submit, approve or request changes, as `req.user`. The one implementation behind the REST
 * endpoint, the GraphQL mutation and the Local API; it runs in one transaction, so the state
 * change and its history entry are written together or not at all.
 */
export async function performWorkflowAction(
  req: PayloadRequest,
  input: {
    id: string | number
    action: string
    comment?: string | null
    fourEyes: boolean
    /**
     * Approve only: the reviewer's reason for approving a significant change with less notice
     * than the document requires (an urgent legal requirement). Logged in the review history.
     */
    noticeOverride?: string | null
  },
): Promise<WorkflowActionResult> {
  if (!(WORKFLOW_ACTIONS as readonly string[]).includes(input.action)) {
    throw new WorkflowError(`Unknown action "${input.action}". Use one of: ${WORKFLOW_ACTIONS.join(', ')}.`, 400)
  }
  if (input.comment != null && (typeof input.comment !== 'string' || input.comment.length > 5000)) {
    throw new WorkflowError('The comment must be text of at most 5000 characters.', 400)
  }
  if (input.noticeOverride != null && (typeof input.noticeOverride !== 'string' || input.noticeOverride.length > 2000)) {
    throw new WorkflowError('The reason for overriding the notice period must be text of at most 2000 characters.', 400)
  }
  const action = input.action as WorkflowAction
  const actor = actorOf(req)
  if (!actor) throw new WorkflowError('You must be signed in.', 401)

  const shouldCommit = await initTransaction(req)
  try {
    const read = (id: string | number) =>
      req.payload
        .findByID({ collection: SLUGS.documents, id, draft: true, depth: 0, overrideAccess: true, req })
        .catch(() => null) as Promise<Record<string, unknown> | null>
    const found = await read(input.id)
    if (!found) throw new WorkflowError('Document not found.', 404)
    // Route params arrive as text; relationships need the id in its own type.
    const id = found.id as string | number
    // One step (or publish, or save) at a time per document, decided on the state as of the
    // lock: two reviewers approving at once must not both succeed (src/publish/concurrency.ts).
    await lockForWrite(req, SLUGS.documents, id, 'Someone else is acting on this document right now. Try again in a moment.')
    const doc = (await read(id)) ?? found

    const state = ((doc.workflowState as ReviewState) ?? 'draft') as ReviewState
    const live = await isLive(req, id)
    const decision = decideWorkflowAction({
      action,
      state,
      actor,
      // The document's contributors and the authors of its listed sections' unpublished drafts.
      contributors: await contentContributors(req, doc),
      comment: input.comment,
      fourEyes: input.fourEyes,
      // A draft without a title, web address or text cannot go to a reviewer (src/workflow/submission.ts).
      submitProblems: action === 'submit' ? await draftSubmissionProblems(req, id) : [],
      live,
    })
    if (!decision.ok) throw new WorkflowError(decision.reason, decision.status, decision.problems ? { problems: decision.problems } : undefined)

    if (action === 'withdraw') {
      await withdraw(req, id, decision.next)
      await recordReviewEvent(req, { document: id, action: 'withdrawn', comment: input.comment?.trim() || null, version: Number(doc.version ?? 0) || undefined })
      if (shouldCommit) await commitTransaction(req)
      return { id, workflowState: decision.next }
    }

    const overrideReason = action === 'approve' ? noticeOverrideFor(req, doc, input.noticeOverride) : null
    const approvedContentHash = action === 'approve' ? await approvalHash(req, id) : null
    await asTrusted(req, () =>
      req.payload.update({
        collection: SLUGS.documents,
        id,
        draft: true,
        data: {
          workflowState: decision.next,
          // An approval is bound to exactly the content the reviewer approved (src/workflow/approval.ts).
          ...(action === 'approve'
            ? { approvedBy: actor.id, approvedAt: new Date(nowOf(req.payload)).toISOString(), approvedContentHash, noticeOverride: overrideReason }
            : { approvedBy: null, approvedAt: null, approvedContentHash: null, noticeOverride: null }),
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    await recordReviewEvent(req, { document: id, action: EVENT[action], comment: input.comment?.trim() || null })
    if (overrideReason) await recordReviewEvent(req, { document: id, action: 'notice-overridden', comment: overrideReason })
    if (shouldCommit) await commitTransaction(req)
    return { id, workflowState: decision.next }
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/**
 * The notice rule at approval: a significant change that would take effect too soon is refused
 * (422, with the first allowed date) unless the reviewer gives a reason to override it. Returns
 * the override's reason when one is needed and given; an override nobody needed is not recorded.
 */
function noticeOverrideFor(req: PayloadRequest, doc: Record<string, unknown>, override: string | null | undefined): string | null {
  const options = pluginOptionsOf(req.payload)
  if (!options) return null
  const problem = documentNoticeProblem(doc, options, nowOf(req.payload))
  if (!problem) return null
  const reason = override?.trim()
  if (!reason) throw new WorkflowError(problem, 422, { problems: [problem] })
  return reason
}

/** Whether readers see a published version of the document now: its live row is published. */
export async function isLive(req: PayloadRequest, id: string | number): Promise<boolean> {
  const row = (await req.payload.db.findOne({ collection: SLUGS.documents, where: { id: { equals: id } }, req })) as Record<string, unknown> | null
  return row?._status === 'published'
}

/**
 * Takes the document offline: its live row becomes a draft, so no route serves it to readers
 * (delivery answers 410 for the current text; the archive keeps every published version as
 * history). The latest draft and its sections are kept as they are; the next publish goes
 * through review like any other. Runs inside the workflow action's transaction.
 */
async function withdraw(req: PayloadRequest, id: string | number, next: ReviewState): Promise<void> {
  await asTrusted(req, () =>
    req.payload.update({
      collection: SLUGS.documents,
      id,
      // Not a draft save: the live row itself stops being published.
      draft: false,
      data: {
        _status: 'draft',
        workflowState: next,
        ...(next === 'draft' ? { approvedBy: null, approvedAt: null, approvedContentHash: null } : {}),
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
  await announcePublish(req)
}

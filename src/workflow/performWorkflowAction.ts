import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { lockForWrite } from '../publish/concurrency.js'
import { SLUGS } from '../slugs.js'
import { actorOf } from './actor.js'
import { WorkflowError } from './errors.js'
import { approvalHash, contentContributors } from './approval.js'
import { type ReviewEventAction, recordReviewEvent } from './reviewEvents.js'
import { decideWorkflowAction, type ReviewState, WORKFLOW_ACTIONS, type WorkflowAction } from './rules.js'
import { draftSubmissionProblems } from './submissionDraft.js'
import { asTrusted } from './trust.js'

const EVENT: Record<WorkflowAction, ReviewEventAction> = {
  submit: 'submitted',
  approve: 'approved',
  'request-changes': 'changes-requested',
}

export type WorkflowActionResult = { id: string | number; workflowState: ReviewState }

/**
 * Submit, approve or request changes, as `req.user`. The one implementation behind the REST
 * endpoint, the GraphQL mutation and the Local API; it runs in one transaction, so the state
 * change and its history entry are written together or not at all.
 */
export async function performWorkflowAction(
  req: PayloadRequest,
  input: { id: string | number; action: string; comment?: string | null; fourEyes: boolean },
): Promise<WorkflowActionResult> {
  if (!(WORKFLOW_ACTIONS as readonly string[]).includes(input.action)) {
    throw new WorkflowError(`Unknown action "${input.action}". Use one of: ${WORKFLOW_ACTIONS.join(', ')}.`, 400)
  }
  if (input.comment != null && (typeof input.comment !== 'string' || input.comment.length > 5000)) {
    throw new WorkflowError('The comment must be text of at most 5000 characters.', 400)
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
    })
    if (!decision.ok) throw new WorkflowError(decision.reason, decision.status, decision.problems ? { problems: decision.problems } : undefined)

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
            ? { approvedBy: actor.id, approvedAt: new Date().toISOString(), approvedContentHash }
            : { approvedBy: null, approvedAt: null, approvedContentHash: null }),
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    await recordReviewEvent(req, { document: id, action: EVENT[action], comment: input.comment?.trim() || null })
    if (shouldCommit) await commitTransaction(req)
    return { id, workflowState: decision.next }
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

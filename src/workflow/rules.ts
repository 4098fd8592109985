/**
 * The review workflow as pure rules: no database, no Payload. Every route (REST, GraphQL,
 * Local API, admin, bulk, scheduled jobs) reaches these through the hooks and the workflow
 * operation, so a rule changed here changes everywhere.
 */
import type { Role } from '../roles.js'

import { REFUSAL_KEYS } from '../translations/keys.js'
import { englishT, type Refusal, refusalText } from './refusals.js'
import { type SubmissionProblem, submissionRefusal } from './submission.js'

export const REVIEW_STATES = [
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'published',
] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'request-changes', 'withdraw'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

export type UserId = number | string
export type Actor = { id: UserId; roles: Role[] } | null

export type Decision =
  | { next: ReviewState; ok: true }
  | {
      ok: false
      problems?: SubmissionProblem[]
      /** In English; `refusal` says the same in any language of the admin (src/workflow/refusals.ts). */
      reason: string
      refusal: Refusal
      status: 400 | 403 | 409 | 422
    }

const deny = (status: 400 | 403 | 409, refusal: Refusal): Decision => ({
  ok: false,
  reason: refusalText(refusal, englishT),
  refusal,
  status,
})

const is = (actor: Actor, ...roles: Role[]) => !!actor && roles.some((r) => actor.roles.includes(r))
const sameId = (a: UserId, b: UserId) => String(a) === String(b)

export const WITHDRAW_ROLE_REFUSAL = englishT(REFUSAL_KEYS['withdraw-role'])

/**
 * Payload's own "Unpublish" (a non-draft save with `_status: 'draft'`) would take the document
 * offline with no reason and no record; every route refuses it with this message instead.
 */
export const UNPUBLISH_REFUSAL =
  'A legal document cannot be unpublished by a save. A reviewer or admin withdraws it with the workflow\'s "Withdraw" action ' +
  '(POST /api/legal-documents/:id/workflow {"action":"withdraw","comment":"<reason>"}), which records the reason in the review history.'

/** The same for a cookie entry: removing a cookie from the public declaration is a reviewed, recorded act. */
export const COOKIE_UNPUBLISH_REFUSAL =
  'A published cookie entry cannot be unpublished by a save. A reviewer or admin withdraws it from the declaration with the workflow\'s "Withdraw" action ' +
  '(POST /api/cookie-entries/:id/workflow {"action":"withdraw","comment":"<reason>"}), which records the reason in the review history.'

/** The same for a section: it goes live and offline with its document, never on its own. */
export const SECTION_UNPUBLISH_REFUSAL =
  'A section cannot be unpublished on its own. Remove it from its document and have the document reviewed and published, ' +
  'or have a reviewer withdraw the whole document.'

export const STATE_LABELS: Record<ReviewState, string> = {
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
}

/** Who may change content (documents, sections, cookie entries). Reviewers only read. */
export function canEditContent(actor: Actor): boolean {
  return is(actor, 'admin', 'editor')
}

/** Who may publish an approved draft (now or scheduled). */
export function canPublishRole(actor: Actor): boolean {
  return is(actor, 'admin', 'reviewer')
}

export function decideWorkflowAction(input: {
  action: WorkflowAction
  actor: Actor
  comment?: null | string
  /** Everyone who changed the document or its sections since the last publish. */
  contributors: UserId[]
  fourEyes: boolean
  /** Whether readers see a published version now (the live row is published). */
  live?: boolean
  state: ReviewState
  /** What the draft still lacks (`submissionProblems`); a submit is refused while there is any. */
  submitProblems?: SubmissionProblem[]
}): Decision {
  const { action, actor, contributors, fourEyes, state } = input
  const comment = input.comment?.trim() ?? ''
  if (!actor) {
    return deny(403, { code: 'signed-out' })
  }

  switch (action) {
    case 'approve':
      if (!is(actor, 'admin', 'reviewer')) {
        return deny(403, { code: 'approve-role' })
      }
      if (state !== 'in-review') {
        return deny(409, { code: 'approve-state', state })
      }
      if (fourEyes && contributors.some((id) => sameId(id, actor.id))) {
        return deny(403, { code: 'four-eyes' })
      }
      return { next: 'approved', ok: true }

    case 'request-changes':
      if (!is(actor, 'admin', 'reviewer')) {
        return deny(403, { code: 'request-role' })
      }
      if (state !== 'in-review' && state !== 'approved') {
        return deny(409, { code: 'request-state', state })
      }
      if (!comment) {
        return deny(400, { code: 'request-comment' })
      }
      return { next: 'changes-requested', ok: true }

    case 'submit':
      if (!is(actor, 'admin', 'editor')) {
        return deny(403, { code: 'submit-role' })
      }
      if (state === 'in-review') {
        return deny(409, { code: 'submit-in-review' })
      }
      if (state === 'approved') {
        return deny(409, { code: 'submit-approved' })
      }
      if (state === 'published') {
        return deny(409, { code: 'submit-published' })
      }
      if (input.submitProblems?.length) {
        // 422: the step is allowed, the draft is not ready; every reason, so all can be fixed at once.
        return {
          ok: false,
          problems: input.submitProblems,
          reason: submissionRefusal(input.submitProblems),
          refusal: { code: 'submit-problems', problems: input.submitProblems },
          status: 422,
        }
      }
      return { next: 'in-review', ok: true }

    case 'withdraw':
      // Taking a legal document offline is a legal act: a reviewer's or admin's, with a reason, on the record.
      if (!is(actor, 'admin', 'reviewer')) {
        return deny(403, { code: 'withdraw-role' })
      }
      if (!input.live) {
        return deny(409, { code: 'withdraw-not-live' })
      }
      if (!comment) {
        return deny(400, { code: 'withdraw-reason' })
      }
      // Nothing published is left to compare a draft with: the next publish goes through review again.
      return { next: state === 'published' || state === 'approved' ? 'draft' : state, ok: true }

    default:
      return deny(400, { action: String(action), code: 'unknown-action' })
  }
}

export function decidePublish(input: {
  actor: Actor
  state: ReviewState
  system: boolean
}): Decision {
  if (!input.system && !canPublishRole(input.actor)) {
    return deny(403, { code: 'publish-role' })
  }
  if (input.state !== 'approved') {
    return deny(409, { code: 'publish-state', state: input.state })
  }
  return { next: 'published', ok: true }
}

/**
 * A content change pulls a draft out of review and voids an approval; after changes were
 * requested the editor keeps working in that state until they resubmit.
 */
export function stateAfterContentChange(state: ReviewState): ReviewState {
  return state === 'changes-requested' ? 'changes-requested' : 'draft'
}

/** Change summary is required for every publish that creates a version after the first. */
export function changeSummaryProblem(
  nextVersion: number,
  summary: null | string | undefined,
): null | string {
  if (nextVersion > 1 && !summary?.trim()) {
    return 'Describe what changed (change summary) before publishing a new version.'
  }
  return null
}

/** What the admin's workflow bar offers: the actions the rules would accept, and whether Publish is. */
export type WorkflowOptions = {
  actions: WorkflowAction[]
  canPublish: boolean
  /** Why Publish is unavailable, in words for the person looking at it; null when it is available. */
  publishBlockedReason: null | string
  /** The same as a refusal, for the route to say in the asker's language. */
  publishRefusal: null | Refusal
  /**
   * What the draft still lacks when this person could otherwise submit it (role and state allow
   * it): Submit is shown disabled with these. Empty when Submit is offered, or is not theirs to take.
   */
  submitProblems: SubmissionProblem[]
}

export function workflowOptions(input: {
  actor: Actor
  contributors: UserId[]
  fourEyes: boolean
  live?: boolean
  state: ReviewState
  submitProblems?: SubmissionProblem[]
}): WorkflowOptions {
  const decisions = WORKFLOW_ACTIONS.map((action) => ({
    action,
    // The comment is asked for when the action is chosen; it does not decide whether it is offered.
    decision: decideWorkflowAction({
      ...input,
      action,
      comment: action === 'request-changes' || action === 'withdraw' ? 'offered' : null,
    }),
  }))
  const actions = decisions.filter(({ decision }) => decision.ok).map(({ action }) => action)
  const submit = decisions.find(({ action }) => action === 'submit')!.decision
  const publish = decidePublish({ actor: input.actor, state: input.state, system: false })
  return {
    actions,
    canPublish: publish.ok,
    publishBlockedReason: publish.ok ? null : publish.reason,
    publishRefusal: publish.ok ? null : publish.refusal,
    submitProblems: !submit.ok && submit.problems ? submit.problems : [],
  }
}

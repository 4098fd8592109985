import type { ReviewState } from '../workflow/rules.js'
import type { LegalTranslationKey } from './index.js'

/**
 * Keys of values that are stored data (workflow states, review steps): the data keeps its
 * value, the admin shows the key's text. Shared by the collection configs and the admin
 * components, so both show the same words.
 */
export const STATE_KEYS: Record<ReviewState, LegalTranslationKey> = {
  approved: 'legal-documents:state-approved',
  'changes-requested': 'legal-documents:state-changes-requested',
  draft: 'legal-documents:state-draft',
  'in-review': 'legal-documents:state-in-review',
  published: 'legal-documents:state-published',
}

export const REVIEW_ACTION_KEYS: Record<string, LegalTranslationKey> = {
  'approval-voided': 'legal-documents:review-action-approval-voided',
  approved: 'legal-documents:review-action-approved',
  'changes-requested': 'legal-documents:review-action-changes-requested',
  'notice-overridden': 'legal-documents:review-action-notice-overridden',
  published: 'legal-documents:review-action-published',
  scheduled: 'legal-documents:review-action-scheduled',
  submitted: 'legal-documents:review-action-submitted',
  withdrawn: 'legal-documents:review-action-withdrawn',
}

/** The workflow's refusals (src/workflow/refusals.ts): the code programs read, and its words. */
export const REFUSAL_KEYS = {
  'approve-role': 'legal-documents:refusal-approve-role',
  'approve-state': 'legal-documents:refusal-approve-state',
  'four-eyes': 'legal-documents:refusal-four-eyes',
  notice: 'legal-documents:refusal-notice',
  'publish-role': 'legal-documents:refusal-publish-role',
  'publish-state': 'legal-documents:refusal-publish-state',
  'request-comment': 'legal-documents:refusal-request-comment',
  'request-role': 'legal-documents:refusal-request-role',
  'request-state': 'legal-documents:refusal-request-state',
  'signed-out': 'legal-documents:refusal-signed-out',
  'submit-approved': 'legal-documents:refusal-submit-approved',
  'submit-in-review': 'legal-documents:refusal-submit-in-review',
  'submit-problems': 'legal-documents:refusal-submit-problems',
  'submit-published': 'legal-documents:refusal-submit-published',
  'submit-role': 'legal-documents:refusal-submit-role',
  'unknown-action': 'legal-documents:refusal-unknown-action',
  'withdraw-not-live': 'legal-documents:refusal-withdraw-not-live',
  'withdraw-reason': 'legal-documents:refusal-withdraw-reason',
  'withdraw-role': 'legal-documents:refusal-withdraw-role',
} as const satisfies Record<string, LegalTranslationKey>

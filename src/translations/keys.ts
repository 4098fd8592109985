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

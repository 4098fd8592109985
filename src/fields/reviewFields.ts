import type { CollectionSlug, Field } from 'payload'

import { SLUGS } from '../slugs.js'
import { legalLabel, perLanguage } from '../translations/index.js'
import { STATE_KEYS } from '../translations/keys.js'
import { REVIEW_STATES } from '../workflow/rules.js'

/**
 * The review fields legal documents and cookie entries share (src/workflow/subjects.ts): the
 * state, the approval and its content binding. Read-only in the admin; written by the workflow
 * only (the hooks pin them against any client write).
 */
export const reviewStateFields = (usersCollection: CollectionSlug): Field[] => [
  {
    name: 'workflowState',
    type: 'select',
    admin: { position: 'sidebar', readOnly: true },
    defaultValue: 'draft',
    index: true,
    label: legalLabel(({ t }) => t('legal-documents:field-workflow-state')),
    options: REVIEW_STATES.map((value) => ({
      label: legalLabel(({ t }) => t(STATE_KEYS[value])),
      value,
    })),
  },
  {
    name: 'approvedBy',
    type: 'relationship',
    admin: { condition: (data) => Boolean(data?.approvedBy), position: 'sidebar', readOnly: true },
    label: legalLabel(({ t }) => t('legal-documents:field-approved-by')),
    relationTo: usersCollection,
  },
  {
    name: 'approvedAt',
    type: 'date',
    admin: { condition: (data) => Boolean(data?.approvedAt), position: 'sidebar', readOnly: true },
    label: legalLabel(({ t }) => t('legal-documents:field-approved-at')),
  },
  {
    // The content hash of exactly what the approving reviewer saw; a publish of anything
    // else is refused (src/workflow/approval.ts). Written by the workflow only.
    name: 'approvedContentHash',
    type: 'text',
    admin: { hidden: true, readOnly: true },
    label: legalLabel(({ t }) => t('legal-documents:field-approved-content-hash')),
  },
]

/** The review history: over the API (a join on the review events), and with names in the admin. */
export const reviewHistoryFields = (
  componentsPath: string,
  on: 'cookieEntry' | 'document',
): Field[] => [
  {
    name: 'reviewHistory',
    type: 'join',
    collection: SLUGS.reviewEvents,
    defaultLimit: 50,
    defaultSort: '-at',
    label: legalLabel(({ t }) => t('legal-documents:field-review-history')),
    on,
    // Readable over the API; the admin shows the history with names (ReviewHistory).
    admin: { hidden: true },
  },
  {
    name: 'reviewHistoryView',
    type: 'ui',
    // A ui field's label takes no function: each language's text (list view column picker).
    admin: { components: { Field: `${componentsPath}/client#ReviewHistory` } },
    label: perLanguage('field-review-history'),
  },
]

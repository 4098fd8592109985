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
    defaultValue: 'draft',
    label: legalLabel(({ t }) => t('legal-documents:field-workflow-state')),
    options: REVIEW_STATES.map((value) => ({ label: legalLabel(({ t }) => t(STATE_KEYS[value])), value })),
    index: true,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'approvedBy',
    type: 'relationship',
    relationTo: usersCollection,
    label: legalLabel(({ t }) => t('legal-documents:field-approved-by')),
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.approvedBy) },
  },
  {
    name: 'approvedAt',
    type: 'date',
    label: legalLabel(({ t }) => t('legal-documents:field-approved-at')),
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.approvedAt) },
  },
  {
    // The content hash of exactly what the approving reviewer saw; a publish of anything
    // else is refused (src/workflow/approval.ts). Written by the workflow only.
    name: 'approvedContentHash',
    type: 'text',
    label: legalLabel(({ t }) => t('legal-documents:field-approved-content-hash')),
    admin: { hidden: true, readOnly: true },
  },
]

/** The review history: over the API (a join on the review events), and with names in the admin. */
export const reviewHistoryFields = (componentsPath: string, on: 'document' | 'cookieEntry'): Field[] => [
  {
    name: 'reviewHistory',
    type: 'join',
    collection: SLUGS.reviewEvents,
    on,
    label: legalLabel(({ t }) => t('legal-documents:field-review-history')),
    defaultSort: '-at',
    defaultLimit: 50,
    // Readable over the API; the admin shows the history with names (ReviewHistory).
    admin: { hidden: true },
  },
  {
    name: 'reviewHistoryView',
    type: 'ui',
    // A ui field's label takes no function: each language's text (list view column picker).
    label: perLanguage('field-review-history'),
    admin: { components: { Field: `${componentsPath}/client#ReviewHistory` } },
  },
]

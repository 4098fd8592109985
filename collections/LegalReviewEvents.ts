import type { CollectionConfig } from 'payload'

import { nobody, staffOnly } from '../src/access/index.js'
import { refuseUntrustedWrites } from '../src/hooks/refuseUntrustedWrites.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'

export const REVIEW_EVENT_ACTIONS = [
  { label: 'Submitted for review', value: 'submitted' },
  { label: 'Approved', value: 'approved' },
  { label: 'Changes requested', value: 'changes-requested' },
  { label: 'Approval withdrawn by a change', value: 'approval-voided' },
  { label: 'Published', value: 'published' },
  { label: 'Publish scheduled', value: 'scheduled' },
] as const

/** The review history: an append-only log written by the workflow, shown on each document. */
export function legalReviewEventsCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.reviewEvents,
    labels: { singular: 'Review step', plural: 'Review history' },
    admin: { useAsTitle: 'action', defaultColumns: ['document', 'action', 'by', 'at', 'comment'], group: 'Legal', hidden: true },
    access: { read: staffOnly, create: nobody, update: nobody, delete: nobody },
    hooks: { beforeChange: [refuseUntrustedWrites], beforeDelete: [refuseUntrustedWrites] },
    fields: [
      { name: 'document', type: 'relationship', relationTo: SLUGS.documents, required: true, index: true },
      { name: 'action', type: 'select', required: true, options: [...REVIEW_EVENT_ACTIONS] },
      { name: 'by', type: 'relationship', relationTo: options.usersCollection },
      { name: 'at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'comment', type: 'textarea' },
      { name: 'version', type: 'number' },
    ],
  }
}

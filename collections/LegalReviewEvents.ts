import type { CollectionConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { nobody, staffOnly } from '../src/access/index.js'
import { refuseUntrustedWrites } from '../src/hooks/refuseUntrustedWrites.js'
import { SLUGS } from '../src/slugs.js'
import { perLanguage } from '../src/translations/index.js'
import { REVIEW_ACTION_KEYS } from '../src/translations/keys.js'
import { REVIEW_EVENT_VALUES } from '../src/workflow/reviewEvents.js'
import { translated } from './fields/translated.js'

/** The steps of the review history: `value` is stored, `label` is translated (REVIEW_ACTION_KEYS). */
export const REVIEW_EVENT_ACTIONS = REVIEW_EVENT_VALUES.map((value) => ({
  label: translated(REVIEW_ACTION_KEYS[value]),
  value,
}))

/** The review history: an append-only log written by the workflow, shown on each document and cookie entry. */
export function legalReviewEventsCollection(
  options: ResolvedLegalDocumentsPluginOptions,
): CollectionConfig {
  return {
    slug: SLUGS.reviewEvents,
    // Explicit: Payload 4 turns versions on by default. Review events are append-only records.
    access: { create: nobody, delete: nobody, read: staffOnly, update: nobody },
    admin: {
      defaultColumns: ['document', 'action', 'by', 'at', 'comment'],
      group: perLanguage('group'),
      hidden: true,
      useAsTitle: 'action',
    },
    fields: [
      {
        name: 'document',
        type: 'relationship',
        relationTo: SLUGS.documents,
        // Empty on a cookie entry's step (`cookieEntry`); the workflow sets exactly one of the two.
        index: true,
        label: translated('legal-documents:field-document'),
      },
      {
        name: 'cookieEntry',
        type: 'relationship',
        index: true,
        label: translated('legal-documents:cookies-singular'),
        relationTo: SLUGS.cookies,
      },
      {
        name: 'action',
        type: 'select',
        label: translated('legal-documents:history-step'),
        options: REVIEW_EVENT_ACTIONS,
        required: true,
      },
      {
        name: 'by',
        type: 'relationship',
        label: translated('legal-documents:history-by'),
        relationTo: options.usersCollection,
      },
      {
        name: 'at',
        type: 'date',
        admin: { date: { pickerAppearance: 'dayAndTime' } },
        label: translated('legal-documents:history-when'),
        required: true,
      },
      {
        name: 'comment',
        type: 'textarea',
        label: translated('legal-documents:history-comment'),
      },
      {
        name: 'version',
        type: 'number',
        label: translated('legal-documents:field-version'),
      },
      {
        // "Changes requested" on a document: the content the reviewer had in front of them (the
        // submitted draft, frozen as the archive would keep it), so a re-review can show what
        // changed since then (GET …/preview?against=last-request).
        name: 'reviewedContent',
        type: 'json',
        admin: { hidden: true },
        label: translated('legal-documents:history-reviewed-content'),
      },
    ],
    hooks: { beforeChange: [refuseUntrustedWrites], beforeDelete: [refuseUntrustedWrites] },
    labels: {
      plural: translated('legal-documents:review-events-plural'),
      singular: translated('legal-documents:review-events-singular'),
    },
    versions: false,
  }
}

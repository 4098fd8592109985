import type { CollectionConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { anyone, nobody } from '../src/access/index.js'
import { readersSortByOwnFields } from '../src/hooks/publicQueries.js'
import { refuseUntrustedWrites } from '../src/hooks/refuseUntrustedWrites.js'
import { SLUGS } from '../src/slugs.js'
import { perLanguage } from '../src/translations/index.js'
import { translated } from './fields/translated.js'

/**
 * The public archive: one immutable record per publish that changed what readers see.
 * Access is closed for every API; the publish operation writes records itself.
 */
export function legalVersionsCollection(
  options: ResolvedLegalDocumentsPluginOptions,
): CollectionConfig {
  return {
    slug: SLUGS.versions,
    // Explicit: Payload 4 turns versions on by default. An archive record is itself a frozen version.
    access: { create: nobody, delete: nobody, read: anyone, update: nobody },
    admin: {
      defaultColumns: ['title', 'version', 'publishedAt', 'materialChange'],
      group: perLanguage('group'),
      useAsTitle: 'title',
    },
    hooks: {
      beforeChange: [refuseUntrustedWrites],
      beforeDelete: [refuseUntrustedWrites],
      beforeOperation: [readersSortByOwnFields],
    },
    labels: {
      plural: translated('legal-documents:versions-plural'),
      singular: translated('legal-documents:versions-singular'),
    },
    versions: false,
    // One record per version of a document, even under concurrent publishes.
    fields: [
      {
        name: 'document',
        type: 'relationship',
        index: true,
        label: translated('legal-documents:field-document'),
        relationTo: SLUGS.documents,
        required: true,
      },
      {
        name: 'version',
        type: 'number',
        index: true,
        label: translated('legal-documents:field-version'),
        required: true,
      },
      {
        name: 'title',
        type: 'text',
        label: translated('legal-documents:field-title'),
        required: true,
      },
      {
        name: 'slug',
        type: 'text',
        index: true,
        label: translated('legal-documents:field-web-address'),
        required: true,
      },
      {
        name: 'publishedAt',
        type: 'date',
        label: translated('legal-documents:field-published-at'),
        required: true,
      },
      {
        name: 'effectiveDate',
        type: 'date',
        label: translated('legal-documents:field-effective-date'),
      },
      {
        name: 'lastModified',
        type: 'date',
        label: translated('legal-documents:field-last-modified'),
        required: true,
      },
      {
        name: 'changeSummary',
        type: 'textarea',
        label: translated('legal-documents:field-change-summary'),
      },
      {
        name: 'materialChange',
        type: 'checkbox',
        defaultValue: false,
        label: translated('legal-documents:field-significant-change'),
        // "Yes"/"No" in the archive list, not a raw `false`.
        admin: { components: { Cell: `${options.componentsPath}/client#YesNoCell` } },
      },
      {
        name: 'approvedBy',
        type: 'relationship',
        label: translated('legal-documents:field-approved-by'),
        relationTo: options.usersCollection,
      },
      {
        name: 'publishedBy',
        type: 'relationship',
        label: translated('legal-documents:field-published-by'),
        relationTo: options.usersCollection,
      },
      {
        name: 'content',
        type: 'json',
        admin: {
          description: translated('legal-documents:field-content-description'),
        },
        label: translated('legal-documents:field-content'),
        required: true,
      },
      {
        name: 'contentHash',
        type: 'text',
        admin: {
          description: translated('legal-documents:field-content-hash-description'),
        },
        label: translated('legal-documents:field-content-hash'),
        required: true,
      },
    ],
    indexes: [{ fields: ['document', 'version'], unique: true }],
  }
}

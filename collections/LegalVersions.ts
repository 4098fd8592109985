import type { CollectionConfig } from 'payload'

import { anyone, nobody } from '../src/access/index.js'
import { readersSortByOwnFields } from '../src/hooks/publicQueries.js'
import { refuseUntrustedWrites } from '../src/hooks/refuseUntrustedWrites.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'

/**
 * The public archive: one immutable record per publish that changed what readers see.
 * Access is closed for every API; the publish operation writes records itself.
 */
export function legalVersionsCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.versions,
    // Explicit: Payload 4 turns versions on by default. An archive record is itself a frozen version.
    versions: false,
    labels: {
      singular: legalLabel(({ t }) => t('legal-documents:versions-singular')),
      plural: legalLabel(({ t }) => t('legal-documents:versions-plural')),
    },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'version', 'publishedAt', 'materialChange'],
      group: perLanguage('group'),
    },
    access: { read: anyone, create: nobody, update: nobody, delete: nobody },
    hooks: { beforeOperation: [readersSortByOwnFields], beforeChange: [refuseUntrustedWrites], beforeDelete: [refuseUntrustedWrites] },
    // One record per version of a document, even under concurrent publishes.
    indexes: [{ fields: ['document', 'version'], unique: true }],
    fields: [
      {
        name: 'document',
        type: 'relationship',
        relationTo: SLUGS.documents,
        required: true,
        index: true,
        label: legalLabel(({ t }) => t('legal-documents:field-document')),
      },
      { name: 'version', type: 'number', required: true, index: true, label: legalLabel(({ t }) => t('legal-documents:field-version')) },
      { name: 'title', type: 'text', required: true, label: legalLabel(({ t }) => t('legal-documents:field-title')) },
      { name: 'slug', type: 'text', required: true, index: true, label: legalLabel(({ t }) => t('legal-documents:field-web-address')) },
      { name: 'publishedAt', type: 'date', required: true, label: legalLabel(({ t }) => t('legal-documents:field-published-at')) },
      { name: 'effectiveDate', type: 'date', label: legalLabel(({ t }) => t('legal-documents:field-effective-date')) },
      { name: 'lastModified', type: 'date', required: true, label: legalLabel(({ t }) => t('legal-documents:field-last-modified')) },
      { name: 'changeSummary', type: 'textarea', label: legalLabel(({ t }) => t('legal-documents:field-change-summary')) },
      {
        name: 'materialChange',
        type: 'checkbox',
        defaultValue: false,
        label: legalLabel(({ t }) => t('legal-documents:field-significant-change')),
        // "Yes"/"No" in the archive list, not a raw `false`.
        admin: { components: { Cell: `${options.componentsPath}/client#YesNoCell` } },
      },
      { name: 'approvedBy', type: 'relationship', relationTo: options.usersCollection, label: legalLabel(({ t }) => t('legal-documents:field-approved-by')) },
      { name: 'publishedBy', type: 'relationship', relationTo: options.usersCollection, label: legalLabel(({ t }) => t('legal-documents:field-published-by')) },
      {
        name: 'content',
        type: 'json',
        required: true,
        label: legalLabel(({ t }) => t('legal-documents:field-content')),
        admin: { description: legalLabel(({ t }) => t('legal-documents:field-content-description')) },
      },
      {
        name: 'contentHash',
        type: 'text',
        required: true,
        label: legalLabel(({ t }) => t('legal-documents:field-content-hash')),
        admin: { description: legalLabel(({ t }) => t('legal-documents:field-content-hash-description')) },
      },
    ],
  }
}

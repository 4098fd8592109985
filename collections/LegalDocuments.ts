import type { CollectionConfig } from 'payload'

import { editorsOrAdmins, publishedOrStaff } from '../src/access'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options'
import { DOCUMENT_KINDS, SLUG_PATTERN, SLUGS } from '../src/slugs'

export function legalDocumentsCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.documents,
    labels: { singular: 'Legal document', plural: 'Legal documents' },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'kind', 'version', 'lastModified', '_status'],
      group: 'Legal',
    },
    access: {
      read: publishedOrStaff,
      create: editorsOrAdmins,
      update: editorsOrAdmins,
      delete: editorsOrAdmins,
    },
    versions: {
      drafts: { autosave: { interval: 2000 }, schedulePublish: true },
      // Payload prunes to the newest 100 by default; legal history must never be pruned.
      maxPerDoc: 0,
    },
    fields: [
      { name: 'title', type: 'text', required: true, localized: true, label: 'Title' },
      {
        name: 'slug',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        label: 'Web address',
        admin: {
          position: 'sidebar',
          description: 'The last part of the page address, e.g. "privacy-policy". Lowercase letters, digits and hyphens.',
        },
        validate: (value: string | null | undefined) =>
          typeof value === 'string' && SLUG_PATTERN.test(value) && value.length <= 100
            ? true
            : 'Use lowercase letters, digits and single hyphens only, e.g. "privacy-policy".',
      },
      {
        name: 'kind',
        type: 'select',
        required: true,
        defaultValue: 'other',
        options: [...DOCUMENT_KINDS],
        label: 'Type of document',
        admin: { position: 'sidebar' },
      },
      { name: 'summary', type: 'textarea', localized: true, label: 'Short summary' },
      {
        name: 'sections',
        type: 'relationship',
        relationTo: SLUGS.sections,
        hasMany: true,
        label: 'Sections (in reading order)',
      },
      {
        type: 'row',
        fields: [
          { name: 'governingLaw', type: 'text', label: 'Governing law' },
          { name: 'jurisdiction', type: 'text', label: 'Courts (jurisdiction)' },
        ],
      },
      { name: 'effectiveDate', type: 'date', label: 'Effective from', admin: { position: 'sidebar' } },
      {
        name: 'lastModified',
        type: 'date',
        label: 'Last updated',
        admin: { position: 'sidebar', readOnly: true, description: 'Set automatically when a publish changes what readers see.' },
      },
      {
        name: 'version',
        type: 'number',
        defaultValue: 0,
        label: 'Version',
        admin: { position: 'sidebar', readOnly: true },
      },
    ],
    timestamps: true,
  }
}

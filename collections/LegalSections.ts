import type { CollectionConfig } from 'payload'

import { legalRichTextEditor } from '../src/fields/legalRichText'
import { editorsOrAdmins, publishedOrStaff } from '../src/access'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options'
import { SLUGS } from '../src/slugs'

export function legalSectionsCollection(_options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.sections,
    labels: { singular: 'Section', plural: 'Sections' },
    admin: { useAsTitle: 'heading', defaultColumns: ['heading', 'document', '_status'], group: 'Legal' },
    access: {
      read: publishedOrStaff,
      create: editorsOrAdmins,
      update: editorsOrAdmins,
      delete: editorsOrAdmins,
    },
    versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 0 },
    fields: [
      { name: 'heading', type: 'text', required: true, localized: true, label: 'Heading' },
      {
        name: 'anchor',
        type: 'text',
        index: true,
        label: 'Link name',
        admin: { description: 'Used in links to this section (#link-name). Made from the heading if left empty.' },
      },
      { name: 'body', type: 'richText', localized: true, label: 'Text', editor: legalRichTextEditor },
      {
        name: 'document',
        type: 'relationship',
        relationTo: SLUGS.documents,
        required: true,
        index: true,
        label: 'Belongs to',
        admin: { position: 'sidebar' },
      },
    ],
  }
}

import type { CollectionConfig } from 'payload'

import { anyone, nobody } from '../src/access/index.js'
import { refuseUntrustedWrites } from '../src/hooks/refuseUntrustedWrites.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'

/**
 * The public archive: one immutable record per publish that changed what readers see.
 * Access is closed for every API; the publish operation writes records itself.
 */
export function legalVersionsCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.versions,
    labels: { singular: 'Published version', plural: 'Published versions (archive)' },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'version', 'publishedAt', 'materialChange'],
      group: 'Legal',
    },
    access: { read: anyone, create: nobody, update: nobody, delete: nobody },
    hooks: { beforeChange: [refuseUntrustedWrites], beforeDelete: [refuseUntrustedWrites] },
    // One record per version of a document, even under concurrent publishes.
    indexes: [{ fields: ['document', 'version'], unique: true }],
    fields: [
      { name: 'document', type: 'relationship', relationTo: SLUGS.documents, required: true, index: true },
      { name: 'version', type: 'number', required: true, index: true },
      { name: 'title', type: 'text', required: true },
      { name: 'slug', type: 'text', required: true, index: true },
      { name: 'publishedAt', type: 'date', required: true },
      { name: 'effectiveDate', type: 'date' },
      { name: 'lastModified', type: 'date', required: true },
      { name: 'changeSummary', type: 'textarea' },
      { name: 'materialChange', type: 'checkbox', defaultValue: false },
      { name: 'approvedBy', type: 'relationship', relationTo: options.usersCollection },
      { name: 'publishedBy', type: 'relationship', relationTo: options.usersCollection },
      {
        name: 'content',
        type: 'json',
        required: true,
        admin: { description: 'Frozen content of every locale: title, sections (heading, anchor, rich text, HTML).' },
      },
      { name: 'contentHash', type: 'text', required: true, admin: { description: 'SHA-256 of the frozen content.' } },
    ],
  }
}

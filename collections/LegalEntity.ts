import type { GlobalConfig } from 'payload'

import { adminsOnly, anyone } from '../src/access/index.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'

/** The company behind the documents; sections refer to it with {{company.…}} placeholders. */
export function legalEntityGlobal(_options: ResolvedLegalDocumentsPluginOptions): GlobalConfig {
  return {
    slug: SLUGS.entity,
    label: 'Company details',
    admin: { group: 'Legal' },
    access: { read: anyone, update: adminsOnly },
    fields: [
      { name: 'name', type: 'text', label: 'Company name' },
      { name: 'address', type: 'textarea', label: 'Address' },
      { name: 'phone', type: 'text', label: 'Phone' },
      { name: 'email', type: 'email', label: 'E-mail' },
      { name: 'website', type: 'text', label: 'Website' },
      {
        name: 'consentRevision',
        type: 'number',
        defaultValue: 1,
        label: 'Cookie consent revision',
        admin: {
          readOnly: true,
          description: 'Goes up when a significant cookie change is published, so visitors are asked for consent again.',
        },
        // Written only by the publish workflow (with overrideAccess).
        access: { update: () => false, create: () => false },
      },
    ],
  }
}

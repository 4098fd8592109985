import type { GlobalConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { adminsOnly, anyone } from '../src/access/index.js'
import { SLUGS } from '../src/slugs.js'
import { perLanguage } from '../src/translations/index.js'
import { translated } from './fields/translated.js'

/** The company behind the documents; sections refer to it with {{company.…}} placeholders. */
export function legalEntityGlobal(options: ResolvedLegalDocumentsPluginOptions): GlobalConfig {
  return {
    slug: SLUGS.entity,
    // Explicit: Payload 4 turns versions on by default. Changes are admin-only and not legal text.
    access: { read: anyone, update: adminsOnly },
    admin: { group: perLanguage('group') },
    fields: [
      {
        // For everyone but administrators, who the form is read-only for: who can change these and how to ask.
        name: 'accessNote',
        type: 'ui',
        // A ui field's label takes no function: each language's text (list view column picker).
        admin: { components: { Field: `${options.componentsPath}/rsc#EntityAccessNote` } },
        label: perLanguage('entity-note-label'),
      },
      {
        name: 'name',
        type: 'text',
        label: translated('legal-documents:field-company-name'),
      },
      {
        name: 'address',
        type: 'textarea',
        label: translated('legal-documents:field-address'),
      },
      {
        name: 'phone',
        type: 'text',
        label: translated('legal-documents:field-phone'),
      },
      {
        name: 'email',
        type: 'email',
        label: translated('legal-documents:field-email'),
      },
      {
        name: 'website',
        type: 'text',
        label: translated('legal-documents:field-website'),
      },
      {
        name: 'consentRevision',
        type: 'number',
        admin: {
          description: translated('legal-documents:field-consent-revision-description'),
          readOnly: true,
        },
        defaultValue: 1,
        label: translated('legal-documents:field-consent-revision'),
        // Written only by the publish workflow (with overrideAccess).
        access: { create: () => false, update: () => false },
      },
    ],
    label: translated('legal-documents:entity-label'),
    versions: false,
  }
}

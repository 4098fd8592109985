import type { GlobalConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { adminsOnly, anyone } from '../src/access/index.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'

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
        label: legalLabel(({ t }) => t('legal-documents:field-company-name')),
      },
      {
        name: 'address',
        type: 'textarea',
        label: legalLabel(({ t }) => t('legal-documents:field-address')),
      },
      {
        name: 'phone',
        type: 'text',
        label: legalLabel(({ t }) => t('legal-documents:field-phone')),
      },
      {
        name: 'email',
        type: 'email',
        label: legalLabel(({ t }) => t('legal-documents:field-email')),
      },
      {
        name: 'website',
        type: 'text',
        label: legalLabel(({ t }) => t('legal-documents:field-website')),
      },
      {
        name: 'consentRevision',
        type: 'number',
        admin: {
          description: legalLabel(({ t }) =>
            t('legal-documents:field-consent-revision-description'),
          ),
          readOnly: true,
        },
        defaultValue: 1,
        label: legalLabel(({ t }) => t('legal-documents:field-consent-revision')),
        // Written only by the publish workflow (with overrideAccess).
        access: { create: () => false, update: () => false },
      },
    ],
    label: legalLabel(({ t }) => t('legal-documents:entity-label')),
    versions: false,
  }
}

import type { GlobalConfig } from 'payload'

import { adminsOnly, anyone } from '../src/access/index.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'

/** The company behind the documents; sections refer to it with {{company.…}} placeholders. */
export function legalEntityGlobal(options: ResolvedLegalDocumentsPluginOptions): GlobalConfig {
  return {
    slug: SLUGS.entity,
    // Explicit: Payload 4 turns versions on by default. Changes are admin-only and not legal text.
    versions: false,
    label: legalLabel(({ t }) => t('legal-documents:entity-label')),
    admin: { group: perLanguage('group') },
    access: { read: anyone, update: adminsOnly },
    fields: [
      {
        // For everyone but administrators, who the form is read-only for: who can change these and how to ask.
        name: 'accessNote',
        type: 'ui',
        // A ui field's label takes no function: each language's text (list view column picker).
        label: perLanguage('entity-note-label'),
        admin: { components: { Field: `${options.componentsPath}/rsc#EntityAccessNote` } },
      },
      { name: 'name', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-company-name')) },
      { name: 'address', type: 'textarea', label: legalLabel(({ t }) => t('legal-documents:field-address')) },
      { name: 'phone', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-phone')) },
      { name: 'email', type: 'email', label: legalLabel(({ t }) => t('legal-documents:field-email')) },
      { name: 'website', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-website')) },
      {
        name: 'consentRevision',
        type: 'number',
        defaultValue: 1,
        label: legalLabel(({ t }) => t('legal-documents:field-consent-revision')),
        admin: {
          readOnly: true,
          description: legalLabel(({ t }) => t('legal-documents:field-consent-revision-description')),
        },
        // Written only by the publish workflow (with overrideAccess).
        access: { update: () => false, create: () => false },
      },
    ],
  }
}

import type { CollectionConfig } from 'payload'

import { adminsOnly, nobody } from '../src/access/index.js'
import { refuseConsentWrites } from '../src/consent/appendOnly.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'

/** cookieconsent 3's `acceptType`: `value` is stored, `label` is translated. */
export const CONSENT_ACCEPT_TYPES = [
  { label: legalLabel(({ t }) => t('legal-documents:consent-accept-all')), value: 'all' },
  { label: legalLabel(({ t }) => t('legal-documents:consent-accept-necessary')), value: 'necessary' },
  { label: legalLabel(({ t }) => t('legal-documents:consent-accept-custom')), value: 'custom' },
] as const

/**
 * The consent log: one record per choice a visitor made in the cookie banner, as proof of
 * consent (GDPR Art. 7(1)). Append-only on every route: access closes REST, GraphQL, the admin
 * and the Local API with `overrideAccess: false`; the hooks close the Local API with
 * `overrideAccess: true` too, except for the insert of `POST /api/legal/consents`
 * (src/consent/endpoint.ts). Read: admins only (it holds truncated IPs and browser strings).
 */
export function legalConsentsCollection(): CollectionConfig {
  const readOnly = { readOnly: true }
  return {
    slug: SLUGS.consents,
    // Explicit: Payload 4 turns versions on by default. Consent records never change.
    versions: false,
    // Records are never edited, so there is nothing to lock; and a lock row's foreign key to
    // `legal_consents` could not name a record kept in a month table (src/consent/storage.ts).
    lockDocuments: false,
    labels: {
      singular: legalLabel(({ t }) => t('legal-documents:consents-singular')),
      plural: legalLabel(({ t }) => t('legal-documents:consents-plural')),
    },
    admin: {
      useAsTitle: 'consentId',
      defaultColumns: ['recordedAt', 'consentId', 'acceptType', 'acceptedCategories', 'revision', 'language'],
      group: perLanguage('group'),
      description: perLanguage('consent-description'),
    },
    access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
    hooks: { beforeChange: [refuseConsentWrites], beforeDelete: [refuseConsentWrites] },
    timestamps: true,
    fields: [
      { name: 'consentId', type: 'text', required: true, index: true, admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-id')) },
      {
        name: 'acceptType',
        type: 'select',
        required: true,
        options: [...CONSENT_ACCEPT_TYPES],
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-accept-type')),
      },
      { name: 'acceptedCategories', type: 'json', required: true, admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-accepted-categories')) },
      { name: 'rejectedCategories', type: 'json', required: true, admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-rejected-categories')) },
      { name: 'acceptedServices', type: 'json', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-accepted-services')) },
      { name: 'rejectedServices', type: 'json', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-rejected-services')) },
      { name: 'revision', type: 'number', required: true, admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-revision')) },
      { name: 'language', type: 'text', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-language')) },
      { name: 'configHash', type: 'text', required: true, admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-config-hash')) },
      { name: 'ip', type: 'text', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-ip')) },
      { name: 'ipHash', type: 'text', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-ip-hash')) },
      { name: 'userAgent', type: 'text', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-user-agent')) },
      { name: 'pageUrl', type: 'text', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:consent-page-url')) },
      {
        name: 'recordedAt',
        type: 'date',
        required: true,
        index: true,
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
        label: legalLabel(({ t }) => t('legal-documents:consent-recorded-at')),
      },
    ],
  }
}

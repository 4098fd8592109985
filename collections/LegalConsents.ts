import type { CollectionConfig } from 'payload'

import { adminsOnly, nobody } from '../src/access/index.js'
import { refuseConsentWrites } from '../src/consent/appendOnly.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'

/** cookieconsent 3's `acceptType`: `value` is stored, `label` is translated. */
export const CONSENT_ACCEPT_TYPES = [
  { label: legalLabel(({ t }) => t('legal-documents:consent-accept-all')), value: 'all' },
  {
    label: legalLabel(({ t }) => t('legal-documents:consent-accept-necessary')),
    value: 'necessary',
  },
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
    access: { create: nobody, delete: nobody, read: adminsOnly, update: nobody },
    admin: {
      defaultColumns: [
        'recordedAt',
        'consentId',
        'acceptType',
        'acceptedCategories',
        'revision',
        'language',
      ],
      description: perLanguage('consent-description'),
      group: perLanguage('group'),
      useAsTitle: 'consentId',
    },
    fields: [
      {
        name: 'consentId',
        type: 'text',
        admin: readOnly,
        index: true,
        label: legalLabel(({ t }) => t('legal-documents:consent-id')),
        required: true,
      },
      {
        name: 'acceptType',
        type: 'select',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-accept-type')),
        options: [...CONSENT_ACCEPT_TYPES],
        required: true,
      },
      {
        name: 'acceptedCategories',
        type: 'json',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-accepted-categories')),
        required: true,
      },
      {
        name: 'rejectedCategories',
        type: 'json',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-rejected-categories')),
        required: true,
      },
      {
        name: 'acceptedServices',
        type: 'json',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-accepted-services')),
      },
      {
        name: 'rejectedServices',
        type: 'json',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-rejected-services')),
      },
      {
        name: 'revision',
        type: 'number',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-revision')),
        required: true,
      },
      {
        name: 'language',
        type: 'text',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-language')),
      },
      {
        name: 'configHash',
        type: 'text',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-config-hash')),
        required: true,
      },
      {
        name: 'ip',
        type: 'text',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-ip')),
      },
      {
        name: 'ipHash',
        type: 'text',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-ip-hash')),
      },
      {
        name: 'userAgent',
        type: 'text',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-user-agent')),
      },
      {
        name: 'pageUrl',
        type: 'text',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:consent-page-url')),
      },
      {
        name: 'recordedAt',
        type: 'date',
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
        index: true,
        label: legalLabel(({ t }) => t('legal-documents:consent-recorded-at')),
        required: true,
      },
    ],
    hooks: { beforeChange: [refuseConsentWrites], beforeDelete: [refuseConsentWrites] },
    labels: {
      plural: legalLabel(({ t }) => t('legal-documents:consents-plural')),
      singular: legalLabel(({ t }) => t('legal-documents:consents-singular')),
    },
    lockDocuments: false,
    timestamps: true,
  }
}

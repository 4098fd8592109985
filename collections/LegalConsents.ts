import type { CollectionConfig } from 'payload'

import { adminsOnly, nobody } from '../src/access/index.js'
import { refuseConsentWrites } from '../src/consent/appendOnly.js'
import { SLUGS } from '../src/slugs.js'
import { perLanguage } from '../src/translations/index.js'
import { recordedAtField, recordField } from './fields/records.js'
import { translated } from './fields/translated.js'

/** cookieconsent 3's `acceptType`: `value` is stored, `label` is translated. */
export const CONSENT_ACCEPT_TYPES = [
  { label: translated('legal-documents:consent-accept-all'), value: 'all' },
  {
    label: translated('legal-documents:consent-accept-necessary'),
    value: 'necessary',
  },
  { label: translated('legal-documents:consent-accept-custom'), value: 'custom' },
] as const

/**
 * The consent log: one record per choice a visitor made in the cookie banner, as proof of
 * consent (GDPR Art. 7(1)). Append-only on every route: access closes REST, GraphQL, the admin
 * and the Local API with `overrideAccess: false`; the hooks close the Local API with
 * `overrideAccess: true` too, except for the insert of `POST /api/legal/consents`
 * (src/consent/endpoint.ts). Read: admins only (it holds truncated IPs and browser strings).
 */
export function legalConsentsCollection(): CollectionConfig {
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
      recordField('text', 'consentId', 'legal-documents:consent-id', {
        index: true,
        required: true,
      }),
      {
        name: 'acceptType',
        type: 'select',
        admin: { readOnly: true },
        label: translated('legal-documents:consent-accept-type'),
        options: [...CONSENT_ACCEPT_TYPES],
        required: true,
      },
      recordField('json', 'acceptedCategories', 'legal-documents:consent-accepted-categories', {
        required: true,
      }),
      recordField('json', 'rejectedCategories', 'legal-documents:consent-rejected-categories', {
        required: true,
      }),
      recordField('json', 'acceptedServices', 'legal-documents:consent-accepted-services'),
      recordField('json', 'rejectedServices', 'legal-documents:consent-rejected-services'),
      recordField('number', 'revision', 'legal-documents:consent-revision', { required: true }),
      recordField('text', 'language', 'legal-documents:consent-language'),
      recordField('text', 'configHash', 'legal-documents:consent-config-hash', { required: true }),
      recordField('text', 'ip', 'legal-documents:consent-ip'),
      recordField('text', 'ipHash', 'legal-documents:consent-ip-hash'),
      recordField('text', 'userAgent', 'legal-documents:consent-user-agent'),
      recordField('text', 'pageUrl', 'legal-documents:consent-page-url'),
      recordedAtField('legal-documents:consent-recorded-at'),
    ],
    hooks: { beforeChange: [refuseConsentWrites], beforeDelete: [refuseConsentWrites] },
    labels: {
      plural: translated('legal-documents:consents-plural'),
      singular: translated('legal-documents:consents-singular'),
    },
    lockDocuments: false,
    timestamps: true,
  }
}

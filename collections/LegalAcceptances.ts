import type { CollectionConfig, Field, LabelFunction } from 'payload'

import { adminsOnly, nobody } from '../src/access/index.js'
import { refuseAcceptanceWrites } from '../src/acceptance/appendOnly.js'
import { ACCEPTANCE_METHODS } from '../src/acceptance/validate.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'


const METHOD_LABELS: Record<(typeof ACCEPTANCE_METHODS)[number], LabelFunction> = {
  clickwrap: legalLabel(({ t }) => t('legal-documents:acceptance-method-clickwrap')),
  checkbox: legalLabel(({ t }) => t('legal-documents:acceptance-method-checkbox')),
  signup: legalLabel(({ t }) => t('legal-documents:acceptance-method-signup')),
  api: legalLabel(({ t }) => t('legal-documents:acceptance-method-api')),
  other: legalLabel(({ t }) => t('legal-documents:acceptance-method-other')),
}

/**
 * The acceptance ledger: one record per subject (the host site's user id) who accepted a
 * version of a legal document, hash-chained (src/acceptance/chain.ts). Append-only on every
 * route: access closes REST, GraphQL, the admin and the Local API with `overrideAccess: false`;
 * the hooks close the Local API with `overrideAccess: true` too. The only writes are the
 * insert of `POST /api/legal/acceptances` and the pseudonymisation of an erasure, both made in
 * src/acceptance/ledger.ts. Read: admins only.
 */
export function legalAcceptancesCollection(): CollectionConfig {
  const readOnly = { readOnly: true }
  const text = (name: string, label: LabelFunction, extra: Partial<Field> = {}): Field => ({ name, type: 'text', admin: readOnly, label, ...extra }) as Field
  return {
    slug: SLUGS.acceptances,
    // Explicit: Payload 4 turns versions on by default. Ledger records never change.
    versions: false,
    labels: { singular: legalLabel(({ t }) => t('legal-documents:acceptances-singular')), plural: legalLabel(({ t }) => t('legal-documents:acceptances-plural')) },
    admin: {
      useAsTitle: 'subject',
      defaultColumns: ['recordedAt', 'subject', 'document', 'version', 'method', 'source'],
      group: perLanguage('group'),
      description: perLanguage('acceptance-description'),
    },
    access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
    hooks: { beforeChange: [refuseAcceptanceWrites], beforeDelete: [refuseAcceptanceWrites] },
    timestamps: true,
    indexes: [{ fields: ['subject', 'documentId', 'version'] }],
    fields: [
      {
        name: 'event',
        type: 'select',
        required: true,
        defaultValue: 'acceptance',
        options: [
          { label: legalLabel(({ t }) => t('legal-documents:acceptance-event-acceptance')), value: 'acceptance' },
          { label: legalLabel(({ t }) => t('legal-documents:acceptance-event-erasure')), value: 'erasure' },
        ],
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:acceptance-event')),
      },
      text('subject', legalLabel(({ t }) => t('legal-documents:acceptance-subject')), { required: true, index: true }),
      text('document', legalLabel(({ t }) => t('legal-documents:acceptance-document')), { index: true }),
      { name: 'documentId', type: 'number', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:acceptance-document-id')) },
      { name: 'version', type: 'number', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:acceptance-version')) },
      text('locale', legalLabel(({ t }) => t('legal-documents:acceptance-locale'))),
      text('contentHash', legalLabel(({ t }) => t('legal-documents:acceptance-content-hash'))),
      {
        name: 'recordedAt',
        type: 'date',
        required: true,
        index: true,
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
        label: legalLabel(({ t }) => t('legal-documents:acceptance-recorded-at')),
      },
      {
        name: 'method',
        type: 'select',
        options: ACCEPTANCE_METHODS.map((value) => ({ label: METHOD_LABELS[value], value })),
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:acceptance-method')),
      },
      text('source', legalLabel(({ t }) => t('legal-documents:acceptance-source'))),
      text('ip', legalLabel(({ t }) => t('legal-documents:acceptance-ip'))),
      text('ipHash', legalLabel(({ t }) => t('legal-documents:acceptance-ip-hash'))),
      text('userAgent', legalLabel(({ t }) => t('legal-documents:acceptance-user-agent'))),
      text('recordedBy', legalLabel(({ t }) => t('legal-documents:acceptance-recorded-by'))),
      { name: 'erasedRecords', type: 'number', admin: readOnly, label: legalLabel(({ t }) => t('legal-documents:acceptance-erased-records')) },
      text('subjectSalt', legalLabel(({ t }) => t('legal-documents:acceptance-subject-salt'))),
      text('subjectCommitment', legalLabel(({ t }) => t('legal-documents:acceptance-subject-commitment')), { required: true }),
      text('previousHash', legalLabel(({ t }) => t('legal-documents:acceptance-previous-hash')), { required: true }),
      text('hash', legalLabel(({ t }) => t('legal-documents:acceptance-hash')), { required: true, unique: true }),
      {
        // One live acceptance per subject, document and version, whatever arrives at once:
        // SHA-256 of the three, unique; erasure empties it (several NULLs never collide), so a
        // subject who returns after erasure can accept again.
        name: 'liveKey',
        type: 'text',
        unique: true,
        admin: { ...readOnly, hidden: true },
        label: legalLabel(({ t }) => t('legal-documents:acceptance-live-key')),
      },
    ],
  }
}

import type { CollectionConfig, Field, LabelFunction } from 'payload'

import { refuseAcceptanceWrites } from '../src/acceptance/appendOnly.js'
import { ACCEPTANCE_METHODS } from '../src/acceptance/validate.js'
import { adminsOnly, nobody } from '../src/access/index.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'

const METHOD_LABELS: Record<(typeof ACCEPTANCE_METHODS)[number], LabelFunction> = {
  api: legalLabel(({ t }) => t('legal-documents:acceptance-method-api')),
  checkbox: legalLabel(({ t }) => t('legal-documents:acceptance-method-checkbox')),
  clickwrap: legalLabel(({ t }) => t('legal-documents:acceptance-method-clickwrap')),
  other: legalLabel(({ t }) => t('legal-documents:acceptance-method-other')),
  signup: legalLabel(({ t }) => t('legal-documents:acceptance-method-signup')),
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
  const text = (name: string, label: LabelFunction, extra: Partial<Field> = {}): Field =>
    ({ name, type: 'text', admin: readOnly, label, ...extra }) as Field
  return {
    slug: SLUGS.acceptances,
    // Explicit: Payload 4 turns versions on by default. Ledger records never change.
    access: { create: nobody, delete: nobody, read: adminsOnly, update: nobody },
    admin: {
      defaultColumns: ['recordedAt', 'subject', 'document', 'version', 'method', 'source'],
      description: perLanguage('acceptance-description'),
      group: perLanguage('group'),
      useAsTitle: 'subject',
    },
    fields: [
      {
        name: 'event',
        type: 'select',
        admin: readOnly,
        defaultValue: 'acceptance',
        label: legalLabel(({ t }) => t('legal-documents:acceptance-event')),
        options: [
          {
            label: legalLabel(({ t }) => t('legal-documents:acceptance-event-acceptance')),
            value: 'acceptance',
          },
          {
            label: legalLabel(({ t }) => t('legal-documents:acceptance-event-erasure')),
            value: 'erasure',
          },
        ],
        required: true,
      },
      text(
        'subject',
        legalLabel(({ t }) => t('legal-documents:acceptance-subject')),
        { index: true, required: true },
      ),
      text(
        'document',
        legalLabel(({ t }) => t('legal-documents:acceptance-document')),
        { index: true },
      ),
      {
        name: 'documentId',
        type: 'number',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:acceptance-document-id')),
      },
      {
        name: 'version',
        type: 'number',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:acceptance-version')),
      },
      text(
        'locale',
        legalLabel(({ t }) => t('legal-documents:acceptance-locale')),
      ),
      text(
        'contentHash',
        legalLabel(({ t }) => t('legal-documents:acceptance-content-hash')),
      ),
      {
        name: 'recordedAt',
        type: 'date',
        admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
        index: true,
        label: legalLabel(({ t }) => t('legal-documents:acceptance-recorded-at')),
        required: true,
      },
      {
        name: 'method',
        type: 'select',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:acceptance-method')),
        options: ACCEPTANCE_METHODS.map((value) => ({ label: METHOD_LABELS[value], value })),
      },
      text(
        'source',
        legalLabel(({ t }) => t('legal-documents:acceptance-source')),
      ),
      text(
        'ip',
        legalLabel(({ t }) => t('legal-documents:acceptance-ip')),
      ),
      text(
        'ipHash',
        legalLabel(({ t }) => t('legal-documents:acceptance-ip-hash')),
      ),
      text(
        'userAgent',
        legalLabel(({ t }) => t('legal-documents:acceptance-user-agent')),
      ),
      text(
        'recordedBy',
        legalLabel(({ t }) => t('legal-documents:acceptance-recorded-by')),
      ),
      {
        name: 'erasedRecords',
        type: 'number',
        admin: readOnly,
        label: legalLabel(({ t }) => t('legal-documents:acceptance-erased-records')),
      },
      text(
        'subjectSalt',
        legalLabel(({ t }) => t('legal-documents:acceptance-subject-salt')),
      ),
      text(
        'subjectCommitment',
        legalLabel(({ t }) => t('legal-documents:acceptance-subject-commitment')),
        { required: true },
      ),
      text(
        'previousHash',
        legalLabel(({ t }) => t('legal-documents:acceptance-previous-hash')),
        { required: true },
      ),
      text(
        'hash',
        legalLabel(({ t }) => t('legal-documents:acceptance-hash')),
        { required: true, unique: true },
      ),
      {
        // One live acceptance per subject, document and version, whatever arrives at once:
        // SHA-256 of the three, unique; erasure empties it (several NULLs never collide), so a
        // subject who returns after erasure can accept again.
        name: 'liveKey',
        type: 'text',
        admin: { ...readOnly, hidden: true },
        label: legalLabel(({ t }) => t('legal-documents:acceptance-live-key')),
        unique: true,
      },
    ],
    hooks: { beforeChange: [refuseAcceptanceWrites], beforeDelete: [refuseAcceptanceWrites] },
    indexes: [{ fields: ['subject', 'documentId', 'version'] }],
    labels: {
      plural: legalLabel(({ t }) => t('legal-documents:acceptances-plural')),
      singular: legalLabel(({ t }) => t('legal-documents:acceptances-singular')),
    },
    timestamps: true,
    versions: false,
  }
}

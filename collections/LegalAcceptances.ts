import type { CollectionConfig, LabelFunction } from 'payload'

import { refuseAcceptanceWrites } from '../src/acceptance/appendOnly.js'
import { ACCEPTANCE_METHODS } from '../src/acceptance/validate.js'
import { adminsOnly, nobody } from '../src/access/index.js'
import { SLUGS } from '../src/slugs.js'
import { perLanguage } from '../src/translations/index.js'
import { recordedAtField, recordField } from './fields/records.js'
import { translated } from './fields/translated.js'

const METHOD_LABELS: Record<(typeof ACCEPTANCE_METHODS)[number], LabelFunction> = {
  api: translated('legal-documents:acceptance-method-api'),
  checkbox: translated('legal-documents:acceptance-method-checkbox'),
  clickwrap: translated('legal-documents:acceptance-method-clickwrap'),
  other: translated('legal-documents:acceptance-method-other'),
  signup: translated('legal-documents:acceptance-method-signup'),
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
        admin: { readOnly: true },
        defaultValue: 'acceptance',
        label: translated('legal-documents:acceptance-event'),
        options: [
          {
            label: translated('legal-documents:acceptance-event-acceptance'),
            value: 'acceptance',
          },
          {
            label: translated('legal-documents:acceptance-event-erasure'),
            value: 'erasure',
          },
        ],
        required: true,
      },
      recordField('text', 'subject', 'legal-documents:acceptance-subject', {
        index: true,
        required: true,
      }),
      recordField('text', 'document', 'legal-documents:acceptance-document', { index: true }),
      recordField('number', 'documentId', 'legal-documents:acceptance-document-id'),
      recordField('number', 'version', 'legal-documents:acceptance-version'),
      recordField('text', 'locale', 'legal-documents:acceptance-locale'),
      recordField('text', 'contentHash', 'legal-documents:acceptance-content-hash'),
      recordedAtField('legal-documents:acceptance-recorded-at'),
      {
        name: 'method',
        type: 'select',
        admin: { readOnly: true },
        label: translated('legal-documents:acceptance-method'),
        options: ACCEPTANCE_METHODS.map((value) => ({ label: METHOD_LABELS[value], value })),
      },
      recordField('text', 'source', 'legal-documents:acceptance-source'),
      recordField('text', 'ip', 'legal-documents:acceptance-ip'),
      recordField('text', 'ipHash', 'legal-documents:acceptance-ip-hash'),
      recordField('text', 'userAgent', 'legal-documents:acceptance-user-agent'),
      recordField('text', 'recordedBy', 'legal-documents:acceptance-recorded-by'),
      recordField('number', 'erasedRecords', 'legal-documents:acceptance-erased-records'),
      recordField('text', 'subjectSalt', 'legal-documents:acceptance-subject-salt'),
      recordField('text', 'subjectCommitment', 'legal-documents:acceptance-subject-commitment', {
        required: true,
      }),
      recordField('text', 'previousHash', 'legal-documents:acceptance-previous-hash', {
        required: true,
      }),
      recordField('text', 'hash', 'legal-documents:acceptance-hash', {
        required: true,
        unique: true,
      }),
      {
        // One live acceptance per subject, document and version, whatever arrives at once:
        // SHA-256 of the three, unique; erasure empties it (several NULLs never collide), so a
        // subject who returns after erasure can accept again.
        name: 'liveKey',
        type: 'text',
        admin: { hidden: true, readOnly: true },
        label: translated('legal-documents:acceptance-live-key'),
        unique: true,
      },
    ],
    hooks: { beforeChange: [refuseAcceptanceWrites], beforeDelete: [refuseAcceptanceWrites] },
    indexes: [{ fields: ['subject', 'documentId', 'version'] }],
    labels: {
      plural: translated('legal-documents:acceptances-plural'),
      singular: translated('legal-documents:acceptances-singular'),
    },
    timestamps: true,
    versions: false,
  }
}

import type { CollectionConfig } from 'payload'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { cookieAfterChange, cookieAfterDelete, cookieBeforeChange, cookieBeforeDelete } from '../src/hooks/cookieHooks.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { readersSortByOwnFields } from '../src/hooks/publicQueries.js'
import { readersSeePublished, routeWritesToDrafts } from '../src/hooks/routeWrites.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { COOKIE_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { legalLabel, perLanguage, type LegalTranslationKey } from '../src/translations/index.js'

export const COOKIE_CATEGORIES = [
  { label: 'Strictly necessary', value: 'necessary' },
  { label: 'Security', value: 'security' },
  { label: 'Functional / preferences', value: 'functional' },
  { label: 'Performance / analytics', value: 'analytics' },
  { label: 'Advertising / marketing', value: 'marketing' },
] as const

/** The admin's words for the categories; the public declaration keeps `COOKIE_CATEGORIES`' own labels. */
const CATEGORY_KEYS: Record<(typeof COOKIE_CATEGORIES)[number]['value'], LegalTranslationKey> = {
  necessary: 'legal-documents:cookie-category-necessary',
  security: 'legal-documents:cookie-category-security',
  functional: 'legal-documents:cookie-category-functional',
  analytics: 'legal-documents:cookie-category-analytics',
  marketing: 'legal-documents:cookie-category-marketing',
}

export function cookieEntriesCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.cookies,
    labels: {
      singular: legalLabel(({ t }) => t('legal-documents:cookies-singular')),
      plural: legalLabel(({ t }) => t('legal-documents:cookies-plural')),
    },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'service', 'category', 'duration', '_status'],
      group: perLanguage('group'),
      components: { edit: { PublishButton: `${options.componentsPath}/client#CookieEntryPublishButton` } },
    },
    access: {
      read: publishedOrStaff,
      create: editorsOrAdmins,
      // Reviewers need update to publish; the hooks refuse them any change of content.
      update: staffOnly,
      delete: staffOnly,
      readVersions: staffOnly,
    },
    hooks: {
      beforeOperation: [routeWritesToDrafts, readersSeePublished, readersSortByOwnFields],
      beforeChange: [rememberLiveRow(SLUGS.cookies), cookieBeforeChange],
      afterChange: [refuseRestoreOverLiveRow(SLUGS.cookies), cookieAfterChange],
      beforeDelete: [cookieBeforeDelete],
      afterDelete: [cookieAfterDelete],
    },
    versions: { drafts: true, maxPerDoc: 0 },
    fields: withContentAccess([
      {
        name: 'name',
        type: 'text',
        required: true,
        label: legalLabel(({ t }) => t('legal-documents:field-cookie-name')),
        admin: { description: legalLabel(({ t }) => t('legal-documents:field-cookie-name-description')) },
      },
      {
        name: 'service',
        type: 'text',
        label: legalLabel(({ t }) => t('legal-documents:field-service')),
        admin: { description: legalLabel(({ t }) => t('legal-documents:field-service-description')) },
      },
      { name: 'provider', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-provider')) },
      {
        type: 'row',
        fields: [
          { name: 'domain', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-domain')) },
          { name: 'path', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-path')), defaultValue: '/' },
        ],
      },
      {
        name: 'category',
        type: 'select',
        options: COOKIE_CATEGORIES.map(({ value }) => ({ label: legalLabel(({ t }) => t(CATEGORY_KEYS[value])), value })),
        label: legalLabel(({ t }) => t('legal-documents:field-category')),
      },
      { name: 'purpose', type: 'textarea', localized: true, label: legalLabel(({ t }) => t('legal-documents:field-purpose')) },
      {
        name: 'duration',
        type: 'text',
        localized: true,
        label: legalLabel(({ t }) => t('legal-documents:field-duration')),
        admin: { description: legalLabel(({ t }) => t('legal-documents:field-duration-description')) },
      },
      {
        name: 'storageType',
        type: 'select',
        defaultValue: 'cookie',
        label: legalLabel(({ t }) => t('legal-documents:field-storage-type')),
        options: [
          { label: legalLabel(({ t }) => t('legal-documents:storage-cookie')), value: 'cookie' },
          { label: legalLabel(({ t }) => t('legal-documents:storage-local-storage')), value: 'local-storage' },
          { label: legalLabel(({ t }) => t('legal-documents:storage-session-storage')), value: 'session-storage' },
          { label: legalLabel(({ t }) => t('legal-documents:storage-pixel')), value: 'pixel' },
        ],
      },
      {
        name: 'party',
        type: 'select',
        defaultValue: 'first',
        label: legalLabel(({ t }) => t('legal-documents:field-party')),
        options: [
          { label: legalLabel(({ t }) => t('legal-documents:party-first')), value: 'first' },
          { label: legalLabel(({ t }) => t('legal-documents:party-third')), value: 'third' },
        ],
      },
      { name: 'privacyPolicyUrl', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-privacy-policy-url')) },
      {
        name: 'materialChange',
        type: 'checkbox',
        defaultValue: false,
        label: legalLabel(({ t }) => t('legal-documents:field-consent-again')),
      },
      {
        name: 'updatedBy',
        type: 'relationship',
        relationTo: options.usersCollection,
        label: legalLabel(({ t }) => t('legal-documents:field-updated-by')),
        admin: { position: 'sidebar', readOnly: true },
      },
    ], COOKIE_CONTENT_FIELDS),
  }
}

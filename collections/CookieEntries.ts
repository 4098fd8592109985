import type { CollectionConfig } from 'payload'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { cookieAfterChange, cookieAfterDelete, cookieBeforeChange, cookieBeforeDelete } from '../src/hooks/cookieHooks.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { refuseSilentUnpublish, refuseSingleLocalePublish } from '../src/hooks/refuseUnpublish.js'
import { workflowStatusEndpoint } from '../src/endpoints/reviewEndpoints.js'
import { workflowEndpoint } from '../src/endpoints/workflowEndpoint.js'
import { reviewHistoryFields, reviewStateFields } from '../src/fields/reviewFields.js'
import { contributorsField, updatedByField } from '../src/fields/workflowPeople.js'
import { COOKIE_UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'
import { COOKIE_SUBJECT } from '../src/workflow/subjects.js'
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
      defaultColumns: ['name', 'service', 'category', 'duration', 'workflowState', '_status'],
      group: perLanguage('group'),
      components: {
        edit: {
          // The same review workflow as documents (src/workflow/subjects.ts): submit, approve by
          // someone else, publish exactly what was approved.
          beforeDocumentControls: [`${options.componentsPath}/client#WorkflowBar`],
          PublishButton: `${options.componentsPath}/client#CookieEntryPublishButton`,
          // Taking a cookie out of the declaration is the workflow's "Withdraw", with a reason.
          UnpublishButton: `${options.componentsPath}/client#NoUnpublishButton`,
        },
        // Payload's autosaves are the "Save history", as on documents and sections.
        views: { edit: { versions: { tab: { label: ({ t }) => (t as (key: string) => string)('legal-documents:tab-save-history') } } } },
      },
    },
    access: {
      read: publishedOrStaff,
      create: editorsOrAdmins,
      // Reviewers need update to publish; the hooks refuse them any change of content.
      update: staffOnly,
      // Whether this entry may go (never a published one): cookieBeforeDelete.
      delete: staffOnly,
      readVersions: staffOnly,
    },
    hooks: {
      beforeOperation: [
        refuseSilentUnpublish(SLUGS.cookies, COOKIE_UNPUBLISH_REFUSAL),
        refuseSingleLocalePublish,
        routeWritesToDrafts,
        readersSeePublished,
        readersSortByOwnFields,
      ],
      beforeChange: [rememberLiveRow(SLUGS.cookies), cookieBeforeChange],
      afterChange: [refuseRestoreOverLiveRow(SLUGS.cookies), cookieAfterChange],
      beforeDelete: [cookieBeforeDelete],
      afterDelete: [cookieAfterDelete],
    },
    endpoints: options.disabled ? [] : [workflowEndpoint(options.fourEyes, COOKIE_SUBJECT), workflowStatusEndpoint(options.fourEyes, COOKIE_SUBJECT)],
    // Scheduled publishes are checked like documents' (src/hooks/scheduleGuard.ts): an approved entry, a reviewer or admin.
    versions: { drafts: { schedulePublish: true }, maxPerDoc: 0 },
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
      ...reviewStateFields(options.usersCollection),
      contributorsField('workflowContributors', options.usersCollection),
      updatedByField(options.usersCollection),
      ...reviewHistoryFields(options.componentsPath, 'cookieEntry'),
    ], COOKIE_CONTENT_FIELDS),
  }
}

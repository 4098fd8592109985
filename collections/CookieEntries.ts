import type { CollectionConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { workflowStatusEndpoint } from '../src/endpoints/reviewEndpoints.js'
import { workflowEndpoint } from '../src/endpoints/workflowEndpoint.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { reviewHistoryFields, reviewStateFields } from '../src/fields/reviewFields.js'
import { contributorsField, updatedByField } from '../src/fields/workflowPeople.js'
import {
  cookieAfterChange,
  cookieAfterDelete,
  cookieBeforeChange,
  cookieBeforeDelete,
} from '../src/hooks/cookieHooks.js'
import { readersSortByOwnFields } from '../src/hooks/publicQueries.js'
import { refuseSilentUnpublish, refuseSingleLocalePublish } from '../src/hooks/refuseUnpublish.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { readersSeePublished, routeWritesToDrafts } from '../src/hooks/routeWrites.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, type LegalTranslationKey, perLanguage } from '../src/translations/index.js'
import { COOKIE_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { COOKIE_UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'
import { COOKIE_SUBJECT } from '../src/workflow/subjects.js'

export const COOKIE_CATEGORIES = [
  { label: 'Strictly necessary', value: 'necessary' },
  { label: 'Security', value: 'security' },
  { label: 'Functional / preferences', value: 'functional' },
  { label: 'Performance / analytics', value: 'analytics' },
  { label: 'Advertising / marketing', value: 'marketing' },
] as const

/** The admin's words for the categories; the public declaration keeps `COOKIE_CATEGORIES`' own labels. */
const CATEGORY_KEYS: Record<(typeof COOKIE_CATEGORIES)[number]['value'], LegalTranslationKey> = {
  analytics: 'legal-documents:cookie-category-analytics',
  functional: 'legal-documents:cookie-category-functional',
  marketing: 'legal-documents:cookie-category-marketing',
  necessary: 'legal-documents:cookie-category-necessary',
  security: 'legal-documents:cookie-category-security',
}

export function cookieEntriesCollection(
  options: ResolvedLegalDocumentsPluginOptions,
): CollectionConfig {
  return {
    slug: SLUGS.cookies,
    access: {
      create: editorsOrAdmins,
      read: publishedOrStaff,
      // Reviewers need update to publish; the hooks refuse them any change of content.
      update: staffOnly,
      // Whether this entry may go (never a published one): cookieBeforeDelete.
      delete: staffOnly,
      readVersions: staffOnly,
    },
    admin: {
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
        views: {
          edit: { versions: { tab: { label: ({ t }) => t('legal-documents:tab-save-history') } } },
        },
      },
      defaultColumns: ['name', 'service', 'category', 'duration', 'workflowState', '_status'],
      group: perLanguage('group'),
      useAsTitle: 'name',
    },
    endpoints: options.disabled
      ? []
      : [
          workflowEndpoint(options.fourEyes, COOKIE_SUBJECT),
          workflowStatusEndpoint(options.fourEyes, COOKIE_SUBJECT),
        ],
    hooks: {
      afterChange: [refuseRestoreOverLiveRow(SLUGS.cookies), cookieAfterChange],
      afterDelete: [cookieAfterDelete],
      beforeChange: [rememberLiveRow(SLUGS.cookies), cookieBeforeChange],
      beforeDelete: [cookieBeforeDelete],
      beforeOperation: [
        refuseSilentUnpublish(SLUGS.cookies, COOKIE_UNPUBLISH_REFUSAL),
        refuseSingleLocalePublish,
        routeWritesToDrafts,
        readersSeePublished,
        readersSortByOwnFields,
      ],
    },
    labels: {
      plural: legalLabel(({ t }) => t('legal-documents:cookies-plural')),
      singular: legalLabel(({ t }) => t('legal-documents:cookies-singular')),
    },
    // Scheduled publishes are checked like documents' (src/hooks/scheduleGuard.ts): an approved entry, a reviewer or admin.
    fields: withContentAccess(
      [
        {
          name: 'name',
          type: 'text',
          admin: {
            description: legalLabel(({ t }) => t('legal-documents:field-cookie-name-description')),
          },
          label: legalLabel(({ t }) => t('legal-documents:field-cookie-name')),
          required: true,
        },
        {
          name: 'service',
          type: 'text',
          admin: {
            description: legalLabel(({ t }) => t('legal-documents:field-service-description')),
          },
          label: legalLabel(({ t }) => t('legal-documents:field-service')),
        },
        {
          name: 'provider',
          type: 'text',
          label: legalLabel(({ t }) => t('legal-documents:field-provider')),
        },
        {
          type: 'row',
          fields: [
            {
              name: 'domain',
              type: 'text',
              label: legalLabel(({ t }) => t('legal-documents:field-domain')),
            },
            {
              name: 'path',
              type: 'text',
              defaultValue: '/',
              label: legalLabel(({ t }) => t('legal-documents:field-path')),
            },
          ],
        },
        {
          name: 'category',
          type: 'select',
          label: legalLabel(({ t }) => t('legal-documents:field-category')),
          options: COOKIE_CATEGORIES.map(({ value }) => ({
            label: legalLabel(({ t }) => t(CATEGORY_KEYS[value])),
            value,
          })),
        },
        {
          name: 'purpose',
          type: 'textarea',
          label: legalLabel(({ t }) => t('legal-documents:field-purpose')),
          localized: true,
        },
        {
          name: 'duration',
          type: 'text',
          admin: {
            description: legalLabel(({ t }) => t('legal-documents:field-duration-description')),
          },
          label: legalLabel(({ t }) => t('legal-documents:field-duration')),
          localized: true,
        },
        {
          name: 'storageType',
          type: 'select',
          defaultValue: 'cookie',
          label: legalLabel(({ t }) => t('legal-documents:field-storage-type')),
          options: [
            { label: legalLabel(({ t }) => t('legal-documents:storage-cookie')), value: 'cookie' },
            {
              label: legalLabel(({ t }) => t('legal-documents:storage-local-storage')),
              value: 'local-storage',
            },
            {
              label: legalLabel(({ t }) => t('legal-documents:storage-session-storage')),
              value: 'session-storage',
            },
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
        {
          name: 'privacyPolicyUrl',
          type: 'text',
          label: legalLabel(({ t }) => t('legal-documents:field-privacy-policy-url')),
        },
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
      ],
      COOKIE_CONTENT_FIELDS,
    ),
    versions: { drafts: { schedulePublish: true }, maxPerDoc: 0 },
  }
}

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
import { SLUGS } from '../src/slugs.js'
import { type LegalTranslationKey, perLanguage } from '../src/translations/index.js'
import { COOKIE_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { COOKIE_UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'
import { COOKIE_SUBJECT } from '../src/workflow/subjects.js'
import { publishedContentComponents, publishedContentHooks } from './fields/publishedContent.js'
import { translated } from './fields/translated.js'

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
      // Taking a cookie out of the declaration is the workflow's "Withdraw", with a reason.
      components: publishedContentComponents(options.componentsPath, {
        PublishButton: 'CookieEntryPublishButton',
        // The same review workflow as documents (src/workflow/subjects.ts): submit, approve by
        // someone else, publish exactly what was approved.
        workflowBar: true,
      }),
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
    hooks: publishedContentHooks(SLUGS.cookies, {
      afterChange: cookieAfterChange,
      afterDelete: cookieAfterDelete,
      beforeChange: cookieBeforeChange,
      beforeDelete: cookieBeforeDelete,
      refuseSingleLocalePublish: true,
      unpublishRefusal: COOKIE_UNPUBLISH_REFUSAL,
    }),
    labels: {
      plural: translated('legal-documents:cookies-plural'),
      singular: translated('legal-documents:cookies-singular'),
    },
    // Scheduled publishes are checked like documents' (src/hooks/scheduleGuard.ts): an approved entry, a reviewer or admin.
    fields: withContentAccess(
      [
        {
          name: 'name',
          type: 'text',
          admin: {
            description: translated('legal-documents:field-cookie-name-description'),
          },
          label: translated('legal-documents:field-cookie-name'),
          required: true,
        },
        {
          name: 'service',
          type: 'text',
          admin: {
            description: translated('legal-documents:field-service-description'),
          },
          label: translated('legal-documents:field-service'),
        },
        {
          name: 'provider',
          type: 'text',
          label: translated('legal-documents:field-provider'),
        },
        {
          type: 'row',
          fields: [
            {
              name: 'domain',
              type: 'text',
              label: translated('legal-documents:field-domain'),
            },
            {
              name: 'path',
              type: 'text',
              defaultValue: '/',
              label: translated('legal-documents:field-path'),
            },
          ],
        },
        {
          name: 'category',
          type: 'select',
          label: translated('legal-documents:field-category'),
          options: COOKIE_CATEGORIES.map(({ value }) => ({
            label: translated(CATEGORY_KEYS[value]),
            value,
          })),
        },
        {
          name: 'purpose',
          type: 'textarea',
          label: translated('legal-documents:field-purpose'),
          localized: true,
        },
        {
          name: 'duration',
          type: 'text',
          admin: {
            description: translated('legal-documents:field-duration-description'),
          },
          label: translated('legal-documents:field-duration'),
          localized: true,
        },
        {
          name: 'storageType',
          type: 'select',
          defaultValue: 'cookie',
          label: translated('legal-documents:field-storage-type'),
          options: [
            { label: translated('legal-documents:storage-cookie'), value: 'cookie' },
            {
              label: translated('legal-documents:storage-local-storage'),
              value: 'local-storage',
            },
            {
              label: translated('legal-documents:storage-session-storage'),
              value: 'session-storage',
            },
            { label: translated('legal-documents:storage-pixel'), value: 'pixel' },
          ],
        },
        {
          name: 'party',
          type: 'select',
          defaultValue: 'first',
          label: translated('legal-documents:field-party'),
          options: [
            { label: translated('legal-documents:party-first'), value: 'first' },
            { label: translated('legal-documents:party-third'), value: 'third' },
          ],
        },
        {
          name: 'privacyPolicyUrl',
          type: 'text',
          label: translated('legal-documents:field-privacy-policy-url'),
        },
        {
          name: 'materialChange',
          type: 'checkbox',
          defaultValue: false,
          label: translated('legal-documents:field-consent-again'),
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

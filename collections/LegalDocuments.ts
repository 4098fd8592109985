import type { CollectionConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { consentBannerField } from '../src/cookies/bannerTexts.js'
import { previewEndpoint, workflowStatusEndpoint } from '../src/endpoints/reviewEndpoints.js'
import { workflowEndpoint } from '../src/endpoints/workflowEndpoint.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { reviewHistoryFields, reviewStateFields } from '../src/fields/reviewFields.js'
import { contributorsField, updatedByField } from '../src/fields/workflowPeople.js'
import {
  documentAfterChange,
  documentBeforeChange,
  documentBeforeDelete,
} from '../src/hooks/documentHooks.js'
import { DOCUMENT_KINDS, SLUG_PATTERN, SLUGS } from '../src/slugs.js'
import { perLanguage } from '../src/translations/index.js'
import { DOCUMENT_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'
import { publishedContentComponents, publishedContentHooks } from './fields/publishedContent.js'
import { translated } from './fields/translated.js'

export function legalDocumentsCollection(
  options: ResolvedLegalDocumentsPluginOptions,
): CollectionConfig {
  return {
    slug: SLUGS.documents,
    access: {
      create: editorsOrAdmins,
      read: publishedOrStaff,
      // Reviewers need update to publish; the hooks refuse them any change of content.
      delete: editorsOrAdmins,
      readVersions: staffOnly,
      update: staffOnly,
    },
    admin: {
      // Withdrawing is the workflow's "Withdraw" (reviewers and admins, with a reason).
      components: publishedContentComponents(options.componentsPath, {
        PublishButton: 'LegalDocumentPublishButton',
        // What readers see, without "Revert to published" (a publish the workflow refuses).
        Status: 'LegalDocumentStatus',
        workflowBar: true,
      }),
      defaultColumns: ['title', 'kind', 'version', 'lastModified', '_status'],
      group: perLanguage('group'),
      useAsTitle: 'title',
    },
    endpoints: options.disabled
      ? []
      : [
          workflowEndpoint(options.fourEyes),
          workflowStatusEndpoint(options.fourEyes),
          previewEndpoint(),
        ],
    fields: withContentAccess(
      [
        {
          name: 'title',
          type: 'text',
          label: translated('legal-documents:field-title'),
          localized: true,
          required: true,
        },
        {
          name: 'slug',
          type: 'text',
          admin: {
            description: translated('legal-documents:field-web-address-description'),
            position: 'sidebar',
          },
          index: true,
          label: translated('legal-documents:field-web-address'),
          required: true,
          unique: true,
          validate: (value: null | string | undefined) =>
            typeof value === 'string' && SLUG_PATTERN.test(value) && value.length <= 100
              ? true
              : 'Use lowercase letters, digits and single hyphens only, e.g. "privacy-policy".',
        },
        {
          name: 'kind',
          type: 'select',
          admin: { position: 'sidebar' },
          defaultValue: 'other',
          label: translated('legal-documents:field-kind'),
          options: [...DOCUMENT_KINDS],
          required: true,
        },
        {
          name: 'summary',
          type: 'textarea',
          label: translated('legal-documents:field-summary'),
          localized: true,
        },
        // Cookie policies only: the cookie banner's texts, reviewed and published with the document.
        consentBannerField(),
        {
          name: 'sections',
          type: 'relationship',
          hasMany: true,
          label: translated('legal-documents:field-sections'),
          relationTo: SLUGS.sections,
          // A section is written in a drawer from here ("Add new"); it joins this document on save.
          admin: {
            // Clicking a section's name opens it; removing one asks first (src/admin/SectionsField.tsx).
            components: { Field: `${options.componentsPath}/client#LegalSectionsField` },
            description: translated('legal-documents:field-sections-description'),
            isSortable: true,
          },
          filterOptions: ({ id }) => ({
            or: [{ document: { equals: id } }, { document: { exists: false } }],
          }),
        },
        {
          name: 'preview',
          type: 'ui',
          // A ui field's label takes no function: each language's text (list view column picker).
          admin: { components: { Field: `${options.componentsPath}/client#DraftPreview` } },
          label: perLanguage('field-preview'),
        },
        {
          type: 'row',
          fields: [
            {
              name: 'governingLaw',
              type: 'text',
              label: translated('legal-documents:field-governing-law'),
            },
            {
              name: 'jurisdiction',
              type: 'text',
              label: translated('legal-documents:field-jurisdiction'),
            },
          ],
        },
        {
          name: 'effectiveDate',
          type: 'date',
          admin: { position: 'sidebar' },
          label: translated('legal-documents:field-effective-date'),
        },
        {
          name: 'versionTimeline',
          type: 'ui',
          // A ui field's label takes no function: each language's text (list view column picker).
          admin: {
            components: { Field: `${options.componentsPath}/client#VersionTimeline` },
            position: 'sidebar',
          },
          label: perLanguage('timeline-title'),
        },
        {
          // Empty: the plugin's default for the document's kind (options.notice.periodDays).
          name: 'noticePeriodDays',
          type: 'number',
          admin: {
            description: translated('legal-documents:field-notice-period-description'),
            position: 'sidebar',
          },
          label: translated('legal-documents:field-notice-period'),
          max: 365,
          min: 0,
        },
        {
          // Empty: the plugin's default for the document's kind (options.notice.requiresAcceptance).
          name: 'requiresAcceptance',
          type: 'select',
          admin: {
            description: translated('legal-documents:field-requires-acceptance-description'),
            position: 'sidebar',
          },
          label: translated('legal-documents:field-requires-acceptance'),
          options: [
            {
              label: translated('legal-documents:requires-acceptance-yes'),
              value: 'yes',
            },
            {
              label: translated('legal-documents:requires-acceptance-no'),
              value: 'no',
            },
          ],
        },
        {
          name: 'lastModified',
          type: 'date',
          admin: {
            description: translated('legal-documents:field-last-modified-description'),
            position: 'sidebar',
            readOnly: true,
          },
          label: translated('legal-documents:field-last-modified'),
        },
        {
          name: 'version',
          type: 'number',
          admin: {
            description: translated('legal-documents:field-version-description'),
            position: 'sidebar',
            readOnly: true,
          },
          defaultValue: 0,
          label: translated('legal-documents:field-version'),
        },
        {
          name: 'changeSummary',
          type: 'textarea',
          admin: {
            description: translated('legal-documents:field-change-summary-description'),
          },
          label: translated('legal-documents:field-change-summary'),
        },
        {
          name: 'materialChange',
          type: 'checkbox',
          admin: { components: { Cell: `${options.componentsPath}/client#YesNoCell` } },
          defaultValue: false,
          label: translated('legal-documents:field-material-change'),
        },
        ...reviewStateFields(options.usersCollection),
        {
          // Set by the approving reviewer's urgent override of the notice period (with its reason,
          // also in the review history); cleared with the approval. Written by the workflow only.
          name: 'noticeOverride',
          type: 'textarea',
          admin: {
            condition: (data) => Boolean(data?.noticeOverride),
            position: 'sidebar',
            readOnly: true,
          },
          label: translated('legal-documents:field-notice-override'),
        },
        contributorsField('workflowContributors', options.usersCollection),
        updatedByField(options.usersCollection),
        ...reviewHistoryFields(options.componentsPath, 'document'),
      ],
      DOCUMENT_CONTENT_FIELDS,
    ),
    hooks: publishedContentHooks(SLUGS.documents, {
      afterChange: documentAfterChange(options),
      beforeChange: documentBeforeChange(options),
      beforeDelete: documentBeforeDelete,
      refuseSingleLocalePublish: true,
      unpublishRefusal: UNPUBLISH_REFUSAL,
    }),
    labels: {
      plural: translated('legal-documents:documents-plural'),
      singular: translated('legal-documents:documents-singular'),
    },
    timestamps: true,
    versions: {
      drafts: { autosave: { interval: 2000 }, schedulePublish: true },
      // Payload prunes to the newest 100 by default; legal history must never be pruned.
      maxPerDoc: 0,
    },
  }
}

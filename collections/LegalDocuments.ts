import type { CollectionConfig } from 'payload'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { previewEndpoint, workflowStatusEndpoint } from '../src/endpoints/reviewEndpoints.js'
import { workflowEndpoint } from '../src/endpoints/workflowEndpoint.js'
import { documentAfterChange, documentBeforeChange, documentBeforeDelete } from '../src/hooks/documentHooks.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { readersSortByOwnFields } from '../src/hooks/publicQueries.js'
import { readersSeePublished, routeWritesToDrafts } from '../src/hooks/routeWrites.js'
import { refuseSilentUnpublish, refuseSingleLocalePublish } from '../src/hooks/refuseUnpublish.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { DOCUMENT_KINDS, SLUG_PATTERN, SLUGS } from '../src/slugs.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { consentBannerField } from '../src/cookies/bannerTexts.js'
import { contributorsField, updatedByField } from '../src/fields/workflowPeople.js'
import { DOCUMENT_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'
import { reviewHistoryFields, reviewStateFields } from '../src/fields/reviewFields.js'

export function legalDocumentsCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.documents,
    labels: {
      singular: legalLabel(({ t }) => t('legal-documents:documents-singular')),
      plural: legalLabel(({ t }) => t('legal-documents:documents-plural')),
    },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'kind', 'version', 'lastModified', '_status'],
      group: perLanguage('group'),
      components: {
        edit: {
          beforeDocumentControls: [`${options.componentsPath}/client#WorkflowBar`],
          PublishButton: `${options.componentsPath}/client#LegalDocumentPublishButton`,
          // What readers see, without "Revert to published" (a publish the workflow refuses).
          Status: `${options.componentsPath}/client#LegalDocumentStatus`,
          // Withdrawing is the workflow's "Withdraw" (reviewers and admins, with a reason).
          UnpublishButton: `${options.componentsPath}/client#NoUnpublishButton`,
        },
        // Payload's autosaves, named apart from the legal version number ("Version 2").
        views: { edit: { versions: { tab: { label: ({ t }) => (t as (key: string) => string)('legal-documents:tab-save-history') } } } },
      },
    },
    access: {
      read: publishedOrStaff,
      create: editorsOrAdmins,
      // Reviewers need update to publish; the hooks refuse them any change of content.
      update: staffOnly,
      delete: editorsOrAdmins,
      readVersions: staffOnly,
    },
    hooks: {
      beforeOperation: [refuseSilentUnpublish(SLUGS.documents, UNPUBLISH_REFUSAL), refuseSingleLocalePublish, routeWritesToDrafts, readersSeePublished, readersSortByOwnFields],
      beforeChange: [rememberLiveRow(SLUGS.documents), documentBeforeChange(options)],
      afterChange: [refuseRestoreOverLiveRow(SLUGS.documents), documentAfterChange(options)],
      beforeDelete: [documentBeforeDelete],
    },
    endpoints: options.disabled ? [] : [workflowEndpoint(options.fourEyes), workflowStatusEndpoint(options.fourEyes), previewEndpoint()],
    versions: {
      drafts: { autosave: { interval: 2000 }, schedulePublish: true },
      // Payload prunes to the newest 100 by default; legal history must never be pruned.
      maxPerDoc: 0,
    },
    fields: withContentAccess([
      { name: 'title', type: 'text', required: true, localized: true, label: legalLabel(({ t }) => t('legal-documents:field-title')) },
      {
        name: 'slug',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        label: legalLabel(({ t }) => t('legal-documents:field-web-address')),
        admin: {
          position: 'sidebar',
          description: legalLabel(({ t }) => t('legal-documents:field-web-address-description')),
        },
        validate: (value: string | null | undefined) =>
          typeof value === 'string' && SLUG_PATTERN.test(value) && value.length <= 100
            ? true
            : 'Use lowercase letters, digits and single hyphens only, e.g. "privacy-policy".',
      },
      {
        name: 'kind',
        type: 'select',
        required: true,
        defaultValue: 'other',
        options: [...DOCUMENT_KINDS],
        label: legalLabel(({ t }) => t('legal-documents:field-kind')),
        admin: { position: 'sidebar' },
      },
      { name: 'summary', type: 'textarea', localized: true, label: legalLabel(({ t }) => t('legal-documents:field-summary')) },
      // Cookie policies only: the cookie banner's texts, reviewed and published with the document.
      consentBannerField(),
      {
        name: 'sections',
        type: 'relationship',
        relationTo: SLUGS.sections,
        hasMany: true,
        label: legalLabel(({ t }) => t('legal-documents:field-sections')),
        // A section is written in a drawer from here ("Add new"); it joins this document on save.
        filterOptions: ({ id }) => ({ or: [{ document: { equals: id } }, { document: { exists: false } }] }),
        admin: {
          // Clicking a section's name opens it; removing one asks first (src/admin/SectionsField.tsx).
          components: { Field: `${options.componentsPath}/client#LegalSectionsField` },
          isSortable: true,
          description: legalLabel(({ t }) => t('legal-documents:field-sections-description')),
        },
      },
      {
        name: 'preview',
        type: 'ui',
        // A ui field's label takes no function: each language's text (list view column picker).
        label: perLanguage('field-preview'),
        admin: { components: { Field: `${options.componentsPath}/client#DraftPreview` } },
      },
      {
        type: 'row',
        fields: [
          { name: 'governingLaw', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-governing-law')) },
          { name: 'jurisdiction', type: 'text', label: legalLabel(({ t }) => t('legal-documents:field-jurisdiction')) },
        ],
      },
      {
        name: 'effectiveDate',
        type: 'date',
        label: legalLabel(({ t }) => t('legal-documents:field-effective-date')),
        admin: { position: 'sidebar' },
      },
      {
        name: 'versionTimeline',
        type: 'ui',
        // A ui field's label takes no function: each language's text (list view column picker).
        label: perLanguage('timeline-title'),
        admin: { position: 'sidebar', components: { Field: `${options.componentsPath}/client#VersionTimeline` } },
      },
      {
        // Empty: the plugin's default for the document's kind (options.notice.periodDays).
        name: 'noticePeriodDays',
        type: 'number',
        min: 0,
        max: 365,
        label: legalLabel(({ t }) => t('legal-documents:field-notice-period')),
        admin: { position: 'sidebar', description: legalLabel(({ t }) => t('legal-documents:field-notice-period-description')) },
      },
      {
        // Empty: the plugin's default for the document's kind (options.notice.requiresAcceptance).
        name: 'requiresAcceptance',
        type: 'select',
        options: [
          { label: legalLabel(({ t }) => t('legal-documents:requires-acceptance-yes')), value: 'yes' },
          { label: legalLabel(({ t }) => t('legal-documents:requires-acceptance-no')), value: 'no' },
        ],
        label: legalLabel(({ t }) => t('legal-documents:field-requires-acceptance')),
        admin: { position: 'sidebar', description: legalLabel(({ t }) => t('legal-documents:field-requires-acceptance-description')) },
      },
      {
        name: 'lastModified',
        type: 'date',
        label: legalLabel(({ t }) => t('legal-documents:field-last-modified')),
        admin: {
          position: 'sidebar',
          readOnly: true,
          description: legalLabel(({ t }) => t('legal-documents:field-last-modified-description')),
        },
      },
      {
        name: 'version',
        type: 'number',
        defaultValue: 0,
        label: legalLabel(({ t }) => t('legal-documents:field-version')),
        admin: { position: 'sidebar', readOnly: true, description: legalLabel(({ t }) => t('legal-documents:field-version-description')) },
      },
      {
        name: 'changeSummary',
        type: 'textarea',
        label: legalLabel(({ t }) => t('legal-documents:field-change-summary')),
        admin: { description: legalLabel(({ t }) => t('legal-documents:field-change-summary-description')) },
      },
      {
        name: 'materialChange',
        type: 'checkbox',
        defaultValue: false,
        label: legalLabel(({ t }) => t('legal-documents:field-material-change')),
        admin: { components: { Cell: `${options.componentsPath}/client#YesNoCell` } },
      },
      ...reviewStateFields(options.usersCollection),
      {
        // Set by the approving reviewer's urgent override of the notice period (with its reason,
        // also in the review history); cleared with the approval. Written by the workflow only.
        name: 'noticeOverride',
        type: 'textarea',
        label: legalLabel(({ t }) => t('legal-documents:field-notice-override')),
        admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.noticeOverride) },
      },
      contributorsField('workflowContributors', options.usersCollection),
      updatedByField(options.usersCollection),
      ...reviewHistoryFields(options.componentsPath, 'document'),
    ], DOCUMENT_CONTENT_FIELDS),
    timestamps: true,
  }
}

import type { CollectionConfig } from 'payload'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { previewEndpoint, workflowStatusEndpoint } from '../src/endpoints/reviewEndpoints.js'
import { workflowEndpoint } from '../src/endpoints/workflowEndpoint.js'
import { documentAfterChange, documentBeforeChange, documentBeforeDelete } from '../src/hooks/documentHooks.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { readersSeePublished, routeWritesToDrafts } from '../src/hooks/routeWrites.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { DOCUMENT_KINDS, SLUG_PATTERN, SLUGS } from '../src/slugs.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { DOCUMENT_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { REVIEW_STATES, STATE_LABELS } from '../src/workflow/rules.js'

export function legalDocumentsCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.documents,
    labels: { singular: 'Legal document', plural: 'Legal documents' },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'kind', 'version', 'lastModified', '_status'],
      group: 'Legal',
      components: {
        edit: {
          beforeDocumentControls: [`${options.componentsPath}/client#WorkflowBar`],
          PublishButton: `${options.componentsPath}/client#LegalDocumentPublishButton`,
        },
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
      beforeOperation: [routeWritesToDrafts, readersSeePublished],
      beforeChange: [rememberLiveRow(SLUGS.documents), documentBeforeChange],
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
      { name: 'title', type: 'text', required: true, localized: true, label: 'Title' },
      {
        name: 'slug',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        label: 'Web address',
        admin: {
          position: 'sidebar',
          description: 'The last part of the page address, e.g. "privacy-policy". Lowercase letters, digits and hyphens.',
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
        label: 'Type of document',
        admin: { position: 'sidebar' },
      },
      { name: 'summary', type: 'textarea', localized: true, label: 'Short summary' },
      {
        name: 'sections',
        type: 'relationship',
        relationTo: SLUGS.sections,
        hasMany: true,
        label: 'Sections (in reading order)',
        // A section is written in a drawer from here ("Add new"); it joins this document on save.
        filterOptions: ({ id }) => ({ or: [{ document: { equals: id } }, { document: { exists: false } }] }),
        admin: {
          isSortable: true,
          description: 'Drag to reorder. Click a section to edit it; "Add new" writes a new one in place.',
        },
      },
      {
        name: 'preview',
        type: 'ui',
        label: 'Preview',
        admin: { components: { Field: `${options.componentsPath}/client#DraftPreview` } },
      },
      {
        type: 'row',
        fields: [
          { name: 'governingLaw', type: 'text', label: 'Governing law' },
          { name: 'jurisdiction', type: 'text', label: 'Courts (jurisdiction)' },
        ],
      },
      { name: 'effectiveDate', type: 'date', label: 'Effective from', admin: { position: 'sidebar' } },
      {
        name: 'lastModified',
        type: 'date',
        label: 'Last updated',
        admin: { position: 'sidebar', readOnly: true, description: 'Set automatically when a publish changes what readers see.' },
      },
      {
        name: 'version',
        type: 'number',
        defaultValue: 0,
        label: 'Version',
        admin: { position: 'sidebar', readOnly: true, description: 'Goes up by one with each publish that changes the text.' },
      },
      {
        name: 'changeSummary',
        type: 'textarea',
        label: 'What changed in this version',
        admin: { description: 'Required for every publish after the first. Shown in the public version history.' },
      },
      {
        name: 'materialChange',
        type: 'checkbox',
        defaultValue: false,
        label: 'This is a significant change that readers must be told about',
      },
      {
        name: 'workflowState',
        type: 'select',
        defaultValue: 'draft',
        label: 'Review status',
        options: REVIEW_STATES.map((value) => ({ label: STATE_LABELS[value], value })),
        index: true,
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'approvedBy',
        type: 'relationship',
        relationTo: options.usersCollection,
        label: 'Approved by',
        admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.approvedBy) },
      },
      { name: 'approvedAt', type: 'date', label: 'Approved on', admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.approvedAt) } },
      {
        name: 'workflowContributors',
        type: 'relationship',
        relationTo: options.usersCollection,
        hasMany: true,
        label: 'Changed since the last publish by',
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'updatedBy',
        type: 'relationship',
        relationTo: options.usersCollection,
        label: 'Last changed by',
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'reviewHistory',
        type: 'join',
        collection: SLUGS.reviewEvents,
        on: 'document',
        label: 'Review history',
        defaultSort: '-at',
        defaultLimit: 50,
        // Readable over the API; the admin shows the history with names (ReviewHistory).
        admin: { hidden: true },
      },
      {
        name: 'reviewHistoryView',
        type: 'ui',
        label: 'Review history',
        admin: { components: { Field: `${options.componentsPath}/client#ReviewHistory` } },
      },
    ], DOCUMENT_CONTENT_FIELDS),
    timestamps: true,
  }
}

import type { CollectionConfig } from 'payload'

import { legalRichTextEditor } from '../src/fields/legalRichText.js'
import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { readersSortByOwnFields } from '../src/hooks/publicQueries.js'
import { readersSeePublished, routeWritesToDrafts } from '../src/hooks/routeWrites.js'
import { refuseSilentUnpublish } from '../src/hooks/refuseUnpublish.js'
import { SECTION_UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'
import { sectionAfterChange, sectionBeforeChange, sectionBeforeDelete } from '../src/hooks/sectionHooks.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { contributorsField, updatedByField } from '../src/fields/workflowPeople.js'
import { SECTION_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'

export function legalSectionsCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.sections,
    labels: {
      singular: legalLabel(({ t }) => t('legal-documents:sections-singular')),
      plural: legalLabel(({ t }) => t('legal-documents:sections-plural')),
    },
    admin: {
      useAsTitle: 'heading',
      defaultColumns: ['heading', 'document', '_status'],
      group: perLanguage('group'),
      components: {
        edit: {
          PublishButton: `${options.componentsPath}/client#LegalSectionPublishButton`,
          // What an editor can do here (autosaved draft, published with its document), instead of "Status: Published".
          Status: `${options.componentsPath}/client#LegalSectionStatus`,
          UnpublishButton: `${options.componentsPath}/client#NoUnpublishButton`,
        },
        views: { edit: { versions: { tab: { label: ({ t }) => (t as (key: string) => string)('legal-documents:tab-save-history') } } } },
      },
    },
    access: {
      read: publishedOrStaff,
      create: editorsOrAdmins,
      update: editorsOrAdmins,
      delete: editorsOrAdmins,
      readVersions: staffOnly,
    },
    hooks: {
      beforeOperation: [refuseSilentUnpublish(SLUGS.sections, SECTION_UNPUBLISH_REFUSAL), routeWritesToDrafts, readersSeePublished, readersSortByOwnFields],
      beforeChange: [rememberLiveRow(SLUGS.sections), sectionBeforeChange],
      afterChange: [refuseRestoreOverLiveRow(SLUGS.sections), sectionAfterChange],
      beforeDelete: [sectionBeforeDelete],
    },
    versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 0 },
    fields: withContentAccess([
      { name: 'heading', type: 'text', required: true, localized: true, label: legalLabel(({ t }) => t('legal-documents:field-heading')) },
      {
        name: 'anchor',
        type: 'text',
        index: true,
        label: legalLabel(({ t }) => t('legal-documents:field-anchor')),
        admin: { description: legalLabel(({ t }) => t('legal-documents:field-anchor-description')) },
      },
      { name: 'body', type: 'richText', localized: true, label: legalLabel(({ t }) => t('legal-documents:field-body')), editor: legalRichTextEditor },
      {
        name: 'document',
        type: 'relationship',
        relationTo: SLUGS.documents,
        index: true,
        label: legalLabel(({ t }) => t('legal-documents:field-belongs-to')),
        admin: { position: 'sidebar', description: legalLabel(({ t }) => t('legal-documents:field-belongs-to-description')) },
      },
      // Everyone who changed this section since it was last published (four-eyes, whatever
      // document lists it). Written by the workflow only.
      contributorsField('draftContributors', options.usersCollection),
      updatedByField(options.usersCollection),
    ], SECTION_CONTENT_FIELDS),
  }
}

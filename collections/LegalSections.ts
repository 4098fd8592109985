import type { CollectionConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { legalRichTextEditor } from '../src/fields/legalRichText.js'
import { contributorsField, updatedByField } from '../src/fields/workflowPeople.js'
import { readersSortByOwnFields } from '../src/hooks/publicQueries.js'
import { refuseSilentUnpublish } from '../src/hooks/refuseUnpublish.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { readersSeePublished, routeWritesToDrafts } from '../src/hooks/routeWrites.js'
import {
  sectionAfterChange,
  sectionBeforeChange,
  sectionBeforeDelete,
} from '../src/hooks/sectionHooks.js'
import { SLUGS } from '../src/slugs.js'
import { legalLabel, perLanguage } from '../src/translations/index.js'
import { SECTION_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { SECTION_UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'

export function legalSectionsCollection(
  options: ResolvedLegalDocumentsPluginOptions,
): CollectionConfig {
  return {
    slug: SLUGS.sections,
    access: {
      create: editorsOrAdmins,
      delete: editorsOrAdmins,
      read: publishedOrStaff,
      readVersions: staffOnly,
      update: editorsOrAdmins,
    },
    admin: {
      components: {
        edit: {
          PublishButton: `${options.componentsPath}/client#LegalSectionPublishButton`,
          // What an editor can do here (autosaved draft, published with its document), instead of "Status: Published".
          Status: `${options.componentsPath}/client#LegalSectionStatus`,
          UnpublishButton: `${options.componentsPath}/client#NoUnpublishButton`,
        },
        views: {
          edit: { versions: { tab: { label: ({ t }) => t('legal-documents:tab-save-history') } } },
        },
      },
      defaultColumns: ['heading', 'document', '_status'],
      group: perLanguage('group'),
      useAsTitle: 'heading',
    },
    fields: withContentAccess(
      [
        {
          name: 'heading',
          type: 'text',
          label: legalLabel(({ t }) => t('legal-documents:field-heading')),
          localized: true,
          required: true,
        },
        {
          name: 'anchor',
          type: 'text',
          admin: {
            description: legalLabel(({ t }) => t('legal-documents:field-anchor-description')),
          },
          index: true,
          label: legalLabel(({ t }) => t('legal-documents:field-anchor')),
        },
        {
          name: 'body',
          type: 'richText',
          editor: legalRichTextEditor,
          label: legalLabel(({ t }) => t('legal-documents:field-body')),
          localized: true,
        },
        {
          name: 'document',
          type: 'relationship',
          admin: {
            description: legalLabel(({ t }) => t('legal-documents:field-belongs-to-description')),
            position: 'sidebar',
          },
          index: true,
          label: legalLabel(({ t }) => t('legal-documents:field-belongs-to')),
          relationTo: SLUGS.documents,
        },
        // Everyone who changed this section since it was last published (four-eyes, whatever
        // document lists it). Written by the workflow only.
        contributorsField('draftContributors', options.usersCollection),
        updatedByField(options.usersCollection),
      ],
      SECTION_CONTENT_FIELDS,
    ),
    hooks: {
      afterChange: [refuseRestoreOverLiveRow(SLUGS.sections), sectionAfterChange],
      beforeChange: [rememberLiveRow(SLUGS.sections), sectionBeforeChange],
      beforeDelete: [sectionBeforeDelete],
      beforeOperation: [
        refuseSilentUnpublish(SLUGS.sections, SECTION_UNPUBLISH_REFUSAL),
        routeWritesToDrafts,
        readersSeePublished,
        readersSortByOwnFields,
      ],
    },
    labels: {
      plural: legalLabel(({ t }) => t('legal-documents:sections-plural')),
      singular: legalLabel(({ t }) => t('legal-documents:sections-singular')),
    },
    versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 0 },
  }
}

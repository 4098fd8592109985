import type { CollectionConfig } from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { legalRichTextEditor } from '../src/fields/legalRichText.js'
import { contributorsField, updatedByField } from '../src/fields/workflowPeople.js'
import {
  sectionAfterChange,
  sectionBeforeChange,
  sectionBeforeDelete,
} from '../src/hooks/sectionHooks.js'
import { SLUGS } from '../src/slugs.js'
import { perLanguage } from '../src/translations/index.js'
import { SECTION_CONTENT_FIELDS } from '../src/workflow/fields.js'
import { SECTION_UNPUBLISH_REFUSAL } from '../src/workflow/rules.js'
import { publishedContentComponents, publishedContentHooks } from './fields/publishedContent.js'
import { translated } from './fields/translated.js'

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
      components: publishedContentComponents(options.componentsPath, {
        PublishButton: 'LegalSectionPublishButton',
        // What an editor can do here (autosaved draft, published with its document), instead of "Status: Published".
        Status: 'LegalSectionStatus',
      }),
      defaultColumns: ['heading', 'document', '_status'],
      group: perLanguage('group'),
      useAsTitle: 'heading',
    },
    fields: withContentAccess(
      [
        {
          name: 'heading',
          type: 'text',
          label: translated('legal-documents:field-heading'),
          localized: true,
          required: true,
        },
        {
          name: 'anchor',
          type: 'text',
          admin: {
            description: translated('legal-documents:field-anchor-description'),
          },
          index: true,
          label: translated('legal-documents:field-anchor'),
        },
        {
          name: 'body',
          type: 'richText',
          editor: legalRichTextEditor,
          label: translated('legal-documents:field-body'),
          localized: true,
        },
        {
          name: 'document',
          type: 'relationship',
          admin: {
            description: translated('legal-documents:field-belongs-to-description'),
            position: 'sidebar',
          },
          index: true,
          label: translated('legal-documents:field-belongs-to'),
          relationTo: SLUGS.documents,
        },
        // Everyone who changed this section since it was last published (four-eyes, whatever
        // document lists it). Written by the workflow only.
        contributorsField('draftContributors', options.usersCollection),
        updatedByField(options.usersCollection),
      ],
      SECTION_CONTENT_FIELDS,
    ),
    hooks: publishedContentHooks(SLUGS.sections, {
      afterChange: sectionAfterChange,
      beforeChange: sectionBeforeChange,
      beforeDelete: sectionBeforeDelete,
      unpublishRefusal: SECTION_UNPUBLISH_REFUSAL,
    }),
    labels: {
      plural: translated('legal-documents:sections-plural'),
      singular: translated('legal-documents:sections-singular'),
    },
    versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 0 },
  }
}

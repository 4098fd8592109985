import { LegalSectionsField as LegalSectionsField_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { DraftPreview as DraftPreview_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { VersionTimeline as VersionTimeline_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { YesNoCell as YesNoCell_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { ReviewHistory as ReviewHistory_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { WorkflowBar as WorkflowBar_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { LegalDocumentPublishButton as LegalDocumentPublishButton_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { LegalDocumentStatus as LegalDocumentStatus_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { NoUnpublishButton as NoUnpublishButton_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LegalSectionPublishButton as LegalSectionPublishButton_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { LegalSectionStatus as LegalSectionStatus_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { CookieEntryPublishButton as CookieEntryPublishButton_2c1f94dea84c00465f196037ef7dd1cf } from 'payload-plugin-legal-documents/client'
import { EntityAccessNote as EntityAccessNote_18a78de1d95d380153d5d571709cac2f } from 'payload-plugin-legal-documents/rsc'
import { ReviewQueue as ReviewQueue_18a78de1d95d380153d5d571709cac2f } from 'payload-plugin-legal-documents/rsc'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "payload-plugin-legal-documents/client#LegalSectionsField": LegalSectionsField_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#DraftPreview": DraftPreview_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#VersionTimeline": VersionTimeline_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#YesNoCell": YesNoCell_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#ReviewHistory": ReviewHistory_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#WorkflowBar": WorkflowBar_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#LegalDocumentPublishButton": LegalDocumentPublishButton_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#LegalDocumentStatus": LegalDocumentStatus_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#NoUnpublishButton": NoUnpublishButton_2c1f94dea84c00465f196037ef7dd1cf,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "payload-plugin-legal-documents/client#LegalSectionPublishButton": LegalSectionPublishButton_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#LegalSectionStatus": LegalSectionStatus_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/client#CookieEntryPublishButton": CookieEntryPublishButton_2c1f94dea84c00465f196037ef7dd1cf,
  "payload-plugin-legal-documents/rsc#EntityAccessNote": EntityAccessNote_18a78de1d95d380153d5d571709cac2f,
  "payload-plugin-legal-documents/rsc#ReviewQueue": ReviewQueue_18a78de1d95d380153d5d571709cac2f,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}

'use client'
/** The plugin's admin components (client side), referenced from the collection configs. */
import '../admin/styles.css'

export {
  LegalDocumentStatus,
  LegalSectionStatus,
  NoUnpublishButton,
} from '../admin/DocumentStatus.js'
export { DraftPreview } from '../admin/DraftPreview.js'
export {
  CookieEntryPublishButton,
  LegalDocumentPublishButton,
  LegalSectionPublishButton,
} from '../admin/PublishButtons.js'
export { ReviewHistory } from '../admin/ReviewHistory.js'
export { LegalSectionsField } from '../admin/SectionsField.js'
export { VersionTimeline } from '../admin/VersionTimeline.js'
export { WorkflowBar } from '../admin/WorkflowBar.js'
export { YesNoCell } from '../admin/YesNoCell.js'

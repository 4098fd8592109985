'use client'
/** The plugin's admin components (client side), referenced from the collection configs. */
import '../admin/styles.css'

export { DraftPreview } from '../admin/DraftPreview.js'
export { CookieEntryPublishButton, LegalDocumentPublishButton, LegalSectionPublishButton } from '../admin/PublishButtons.js'
export { ReviewHistory } from '../admin/ReviewHistory.js'
export { WorkflowBar } from '../admin/WorkflowBar.js'

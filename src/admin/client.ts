'use client'
/** The plugin's admin components (client side), referenced from the collection configs. */
import './styles.css'

export { DraftPreview } from './DraftPreview'
export { CookieEntryPublishButton, LegalDocumentPublishButton, LegalSectionPublishButton } from './PublishButtons'
export { ReviewHistory } from './ReviewHistory'
export { WorkflowBar } from './WorkflowBar'

'use client'
/** The plugin's admin components (client side), referenced from the collection configs. */
import './styles.css'

export { DraftPreview } from './DraftPreview'
export { CookieEntryPublishButton, LegalDocumentPublishButton, LegalSectionPublishButton } from './PublishButtons'
export { WorkflowBar } from './WorkflowBar'

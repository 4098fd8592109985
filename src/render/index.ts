/**
 * Pure rendering of legal texts: Lexical editor state in, sanitised HTML, plain text and
 * Markdown out. No database and no Payload instance, so hooks, the publish operation and the
 * delivery endpoints all render the same way.
 */
export { FALLBACK_ANCHOR, isDerivedAnchor, slugifyAnchor, uniqueAnchor } from './anchors'
export { canonicalJSON, contentHash } from './contentHash'
export {
  type DocumentSectionInput,
  type RenderDocumentInput,
  type RenderedDocument,
  type RenderedSection,
  renderDocument,
  type TocEntry,
} from './document'
export { escapeHTML } from './escapeHTML'
export { lexicalToHTML } from './html'
export { escapeMarkdown, lexicalToMarkdown } from './markdown'
export {
  findMissingValues,
  findPlaceholders,
  findSplitPlaceholders,
  findUnknownPlaceholders,
  isKnownPlaceholder,
  KNOWN_PLACEHOLDERS,
  type PlaceholderName,
  resolvePlaceholders,
  resolveStatePlaceholders,
  resolveUrlPlaceholders,
} from './placeholders'
export { sanitizeLegalHTML } from './sanitize'
export { lexicalToText } from './text'
export type { LegalEntity, LexicalNode, LexicalStateInput, LinkFields, RenderOptions } from './types'

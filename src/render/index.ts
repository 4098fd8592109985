/**
 * Pure rendering of legal texts: Lexical editor state in, sanitised HTML, plain text and
 * Markdown out. No database and no Payload instance, so hooks, the publish operation and the
 * delivery endpoints all render the same way.
 */
export { FALLBACK_ANCHOR, isDerivedAnchor, slugifyAnchor, uniqueAnchor } from './anchors.js'
export { canonicalJSON, contentHash } from './contentHash.js'
export {
  type DocumentSectionInput,
  renderDocument,
  type RenderDocumentInput,
  type RenderedDocument,
  type RenderedSection,
  type TocEntry,
} from './document.js'
export { escapeHTML } from './escapeHTML.js'
export { lexicalToHTML } from './html.js'
export { escapeMarkdown, lexicalToMarkdown } from './markdown.js'
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
} from './placeholders.js'
export { sanitizeLegalHTML } from './sanitize.js'
export { lexicalToText } from './text.js'
export type {
  LegalEntity,
  LexicalNode,
  LexicalStateInput,
  LinkFields,
  RenderOptions,
} from './types.js'

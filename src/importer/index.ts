/**
 * Pure parsing core of the legal-page importer: plain text or Markdown in, title + intro +
 * sections of Lexical JSON out. No database access; the seed and the `npm run import` command build on it.
 */
export { ImportError, type ImportWarning } from './errors.js'
export { type HeadingContext, type HeadingOptions, isAllCaps, isLikelyHeading } from './headings.js'
export {
  type Direction,
  type ElementFormat,
  heading,
  type HeadingTag,
  type LexicalBlockNode,
  type LexicalHeadingNode,
  type LexicalInlineNode,
  type LexicalLineBreakNode,
  type LexicalLinkNode,
  type LexicalListItemNode,
  type LexicalListNode,
  type LexicalParagraphNode,
  type LexicalRootNode,
  type LexicalState,
  type LexicalTextNode,
  lineBreak,
  link,
  list,
  listItem,
  type ListType,
  paragraph,
  root,
  text,
  TEXT_FORMAT,
} from './lexicalNodes.js'
export {
  type ParsedLegalText,
  type ParsedSection,
  parseLegalText,
  type ParseLegalTextOptions,
} from './parse.js'

/**
 * Pure parsing core of the legal-page importer: plain text or Markdown in, title + intro +
 * sections of Lexical JSON out. No database access; the seed and the `npm run import` command build on it.
 */
export { ImportError, type ImportWarning } from './errors.js'
export { isAllCaps, isLikelyHeading, type HeadingContext, type HeadingOptions } from './headings.js'
export {
  heading,
  lineBreak,
  link,
  list,
  listItem,
  paragraph,
  root,
  text,
  TEXT_FORMAT,
  type Direction,
  type ElementFormat,
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
  type ListType,
} from './lexicalNodes.js'
export { parseLegalText, type ParsedLegalText, type ParsedSection, type ParseLegalTextOptions } from './parse.js'

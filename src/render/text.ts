import type { LexicalStateInput, RenderOptions } from './types.js'

import { resolveStatePlaceholders } from './placeholders.js'
import { layoutText, listMarker, type TextDialect } from './textLayout.js'

const PLAIN: TextDialect = {
  finishInline: (inline) => inline,
  heading: (inline) => inline,
  linebreak: '\n',
  link: (inner) => inner,
  marker: listMarker('• ', ''),
  nestedIndent: () => '  ',
  quote: (inline) => inline,
  text: (node) => node.text ?? '',
}

/**
 * Plain text of a rich-text body with placeholders resolved:
 * - blocks (paragraphs, headings, quotes, lists) separated by one blank line;
 * - headings and quotes as their bare text; links as their text; a line break as a newline;
 * - each list item on its own line, "• " for bullets, "N. " with the item's own number
 *   (so 1, 3 stays 1, 3), "[x] "/"[ ] " for checklists;
 * - nested items indented two spaces per level; a wrapped item's continuation lines are
 *   indented to line up with its text;
 * - no trailing spaces on any line, no leading or trailing blank lines.
 */
export function lexicalToText(state: LexicalStateInput, options: RenderOptions = {}): string {
  const resolved = resolveStatePlaceholders(state, options.entity)
  return resolved ? layoutText(resolved.root, PLAIN) : ''
}

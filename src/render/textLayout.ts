import type { LexicalNode } from './types.js'

import { listEntries, type ListEntry, safeHref } from './nodes.js'

/** What differs between the plain-text and Markdown renderings; the layout is shared. */
export type TextDialect = {
  /** Applied to a block's inline content before any list marker or prefix is added. */
  finishInline(inline: string): string
  heading(inline: string, level: number): string
  linebreak: string
  link(inner: string, href: null | string): string
  marker(listType: string | undefined, entry: ListEntry): string
  /** Indent of a nested list under an item whose marker is `markerWidth` characters wide. */
  nestedIndent(markerWidth: number): string
  quote(inline: string): string
  /** A text node, formatted and escaped as the dialect needs. */
  text(node: LexicalNode): string
}

/**
 * List markers: `3. ` on numbered items, `[x] ` or `[ ] ` after `checkPrefix` on checklists,
 * `bullet` on the rest.
 */
export const listMarker =
  (bullet: string, checkPrefix: string): TextDialect['marker'] =>
  (listType, entry) => {
    if (listType === 'number') {
      return `${entry.number}. `
    }
    if (listType === 'check') {
      return `${checkPrefix}${entry.checked ? '[x]' : '[ ]'} `
    }
    return bullet
  }

// A line break at either end of a block would leave an empty line, or in Markdown a stray
// backslash, at the block's edge.
function trimLinebreaks(nodes: LexicalNode[]): LexicalNode[] {
  let start = 0
  let end = nodes.length
  while (start < end && nodes[start].type === 'linebreak') {
    start++
  }
  while (end > start && nodes[end - 1].type === 'linebreak') {
    end--
  }
  return nodes.slice(start, end)
}

function inline(nodes: LexicalNode[], dialect: TextDialect): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') {
      out += dialect.text(node)
    } else if (node.type === 'linebreak') {
      out += dialect.linebreak
    } else if (node.type === 'tab') {
      out += '\t'
    } else if (node.type === 'link' || node.type === 'autolink') {
      out += dialect.link(inline(node.children, dialect), safeHref(node.fields))
    } else {
      out += inline(node.children, dialect)
    }
  }
  return out
}

function blockInline(nodes: LexicalNode[], dialect: TextDialect): string {
  return dialect.finishInline(inline(trimLinebreaks(nodes), dialect).trim())
}

function indentLines(lines: string[], indent: string): string[] {
  return lines.map((line) => (line ? indent + line : line))
}

function listLines(list: LexicalNode, dialect: TextDialect): string[] {
  const lines: string[] = []
  for (const entry of listEntries(list)) {
    // Also computed for a list that opens with a nested list, which is indented as if
    // there were an item above it.
    const marker = dialect.marker(list.listType, entry)
    if (entry.hasMarker) {
      const [first = '', ...rest] = blockInline(entry.inline, dialect).split('\n')
      // Continuation lines of an item line up with its text, not with its marker.
      lines.push(marker + first, ...indentLines(rest, ' '.repeat(marker.length)))
    }
    for (const nested of entry.nested) {
      lines.push(...indentLines(listLines(nested, dialect), dialect.nestedIndent(marker.length)))
    }
  }
  return lines
}

function headingLevel(tag: string | undefined): number {
  const level = Number(/^h([1-6])$/.exec(tag ?? '')?.[1] ?? 2)
  // h1 belongs to the page title, as in the HTML rendering.
  return Math.max(level, 2)
}

function block(node: LexicalNode, dialect: TextDialect): string {
  switch (node.type) {
    case 'heading':
      return dialect.heading(blockInline(node.children, dialect), headingLevel(node.tag))
    case 'list':
      return listLines(node, dialect).join('\n')
    case 'quote':
      return dialect.quote(blockInline(node.children, dialect))
    default:
      // Paragraphs, and unknown blocks reduced to their text.
      return blockInline(node.type === 'text' ? [node] : node.children, dialect)
  }
}

/**
 * Blocks separated by one blank line, empty blocks dropped, trailing spaces removed from
 * every line, so two renderings of the same text compare equal line by line.
 */
export function layoutText(root: LexicalNode, dialect: TextDialect): string {
  return root.children
    .map((node) => block(node, dialect))
    .filter((text) => text.trim() !== '')
    .join('\n\n')
    .replace(/[ \t]+$/gm, '')
}

import {
  BlockquoteHTMLConverter,
  convertLexicalToHTML,
  HeadingHTMLConverter,
  type HTMLConverter,
  type HTMLConverters,
  LinebreakHTMLConverter,
  ParagraphHTMLConverter,
  TabHTMLConverter,
} from '@payloadcms/richtext-lexical/html'

import type { LexicalNode, LexicalStateInput, RenderOptions } from './types.js'

import { escapeHTML } from './escapeHTML.js'
import { hasFormat, listEntries, safeHref, TEXT_FORMAT } from './nodes.js'
import { resolveStatePlaceholders } from './placeholders.js'
import { sanitizeLegalHTML } from './sanitize.js'

type EditorState = Parameters<typeof convertLexicalToHTML>[0]['data']
type NodesToHTML = Parameters<
  Extract<HTMLConverter, (...args: never[]) => unknown>
>[0]['nodesToHTML']

// Payload types converters by its own node types; every node reaching ours went through
// normalizeState, so it is a LexicalNode.
function converter(render: (node: LexicalNode, nodesToHTML: NodesToHTML) => string): HTMLConverter {
  return ({ node, nodesToHTML }) => render(node as LexicalNode, nodesToHTML)
}

function nodesHTML(nodesToHTML: NodesToHTML, nodes: LexicalNode[]): string {
  return nodes.length ? nodesToHTML({ nodes }).join('') : ''
}

// Payload's text converter writes strikethrough and underline as <span style>, which the
// sanitiser would strip along with the formatting; <s> and <u> need no style.
const text = converter((node) => {
  let html = escapeHTML(node.text ?? '')
  if (hasFormat(node, TEXT_FORMAT.code)) {
    html = `<code>${html}</code>`
  }
  if (hasFormat(node, TEXT_FORMAT.underline)) {
    html = `<u>${html}</u>`
  }
  if (hasFormat(node, TEXT_FORMAT.strikethrough)) {
    html = `<s>${html}</s>`
  }
  if (hasFormat(node, TEXT_FORMAT.italic)) {
    html = `<em>${html}</em>`
  }
  if (hasFormat(node, TEXT_FORMAT.bold)) {
    html = `<strong>${html}</strong>`
  }
  return html
})

// Payload's link converter turns an unsafe URL into href="#"; plain text is better than a
// dead link, and internal links have no URL here.
const link = converter((node, nodesToHTML) => {
  const inner = nodesHTML(nodesToHTML, node.children)
  const href = safeHref(node.fields)
  if (href === null) {
    return inner
  }
  const newTab = node.fields?.newTab ? ' rel="noopener noreferrer" target="_blank"' : ''
  return `<a href="${escapeHTML(href)}"${newTab}>${inner}</a>`
})

// Payload's list converter drops `start`, and wraps nested lists in an extra <li> whose
// marker it hides with a style the sanitiser strips; nesting inside the previous item is
// valid HTML and needs neither.
const list = converter((node, nodesToHTML) => {
  const ordered = node.listType === 'number'
  const entries = listEntries(node)
  let expected = entries[0]?.number ?? 1
  const items = entries.map((entry) => {
    // Only numbers that break the sequence need a value attribute.
    const value =
      ordered && entry.hasMarker && entry.number !== expected ? ` value="${entry.number}"` : ''
    if (entry.hasMarker) {
      expected = entry.number + 1
    }
    return `<li${value}>${nodesHTML(nodesToHTML, entry.inline)}${nodesHTML(nodesToHTML, entry.nested)}</li>`
  })
  if (!ordered) {
    return `<ul>${items.join('')}</ul>`
  }
  const start = entries[0] && entries[0].number !== 1 ? ` start="${entries[0].number}"` : ''
  return `<ol${start}>${items.join('')}</ol>`
})

// A listitem outside a list, or a node type this plugin does not know: keep its text.
const contents = converter((node, nodesToHTML) =>
  node.children.length ? nodesHTML(nodesToHTML, node.children) : escapeHTML(node.text ?? ''),
)

const CONVERTERS: HTMLConverters = {
  ...ParagraphHTMLConverter,
  ...HeadingHTMLConverter,
  ...BlockquoteHTMLConverter,
  ...LinebreakHTMLConverter,
  ...TabHTMLConverter,
  autolink: link,
  link,
  list,
  listitem: contents,
  text,
  unknown: contents,
}

/** Sanitised HTML of a rich-text body with placeholders resolved; '' when it is empty. */
export function lexicalToHTML(state: LexicalStateInput, options: RenderOptions = {}): string {
  const resolved = resolveStatePlaceholders(state, options.entity)
  if (!resolved) {
    return ''
  }
  const raw = convertLexicalToHTML({
    converters: CONVERTERS,
    // Cast: stored Lexical JSON is checked node by node by the converters; EditorState is
    // lexical's in-memory class type, which plain JSON from the database never is.
    data: resolved as unknown as EditorState,
    disableContainer: true,
    // Alignment and indent arrive as inline styles, which the sanitiser would strip anyway.
    disableIndent: true,
    disableTextAlign: true,
  })
  return sanitizeLegalHTML(raw)
}

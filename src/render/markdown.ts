import type { LexicalNode, LexicalStateInput, RenderOptions } from './types.js'

import { hasFormat, TEXT_FORMAT } from './nodes.js'
import { resolveStatePlaceholders } from './placeholders.js'
import { layoutText, listMarker, type TextDialect } from './textLayout.js'

/**
 * Backslash-escapes what Markdown would read as markup anywhere in a line. Escaping < and >
 * also matters for safety: a Markdown-to-HTML step downstream must never see raw HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&')
}

// Text that only means something at the start of a line: headings, list markers, setext
// underlines. Leading spaces go too, or four of them would start a code block.
function escapeLineStart(line: string): string {
  return line
    .trimStart()
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^([-=])(?=[-=]*\s*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
}

function codeSpan(code: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${code}${pad}${fence}`
}

function formattedText(node: LexicalNode): string {
  // Emphasis markers must touch the text ("**bold** " not "**bold **"), so whitespace at the
  // ends stays outside them.
  const text = node.text ?? ''
  const core = text.trim()
  const lead = text.slice(0, text.length - text.trimStart().length)
  const trail = text.slice(lead.length + core.length)
  if (!core) {
    return lead + trail
  }
  let md = hasFormat(node, TEXT_FORMAT.code) ? codeSpan(core) : escapeMarkdown(core)
  if (hasFormat(node, TEXT_FORMAT.strikethrough)) {
    md = `~~${md}~~`
  }
  if (hasFormat(node, TEXT_FORMAT.italic)) {
    md = `*${md}*`
  }
  if (hasFormat(node, TEXT_FORMAT.bold)) {
    md = `**${md}**`
  }
  return lead + md + trail
}

/**
 * A link destination that a CommonMark parser reads back as exactly `url`. Inside a
 * destination a backslash escapes the punctuation after it (a URL ending in a backslash would
 * escape the closing parenthesis) and character references like "&amp;" are decoded, so
 * backslashes, parentheses, angle brackets and an "&" that would start a reference are
 * backslash-escaped. A URL with spaces goes in the <…> form. Line breaks and other control
 * characters fit in neither form and are percent-encoded (safeHref removes them already).
 */
export function markdownLinkDestination(url: string): string {
  const escaped = url
    .replace(/[\\()<>]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    // eslint-disable-next-line no-control-regex -- control characters are what is encoded
    .replace(/[\u0000-\u001f\u007f]/g, (char) => encodeURIComponent(char))
  return escaped === '' || escaped.includes(' ') ? `<${escaped}>` : escaped
}

const MARKDOWN: TextDialect = {
  link: (inner, href) => {
    if (href === null) {
      return inner
    }
    return `[${inner || escapeMarkdown(href)}](${markdownLinkDestination(href)})`
  },
  text: formattedText,
  // CommonMark's hard line break; two trailing spaces would be invisible and easily lost.
  finishInline: (inline) => inline.split('\n').map(escapeLineStart).join('\n'),
  heading: (inline, level) => `${'#'.repeat(level)} ${inline.replace(/\\\n/g, ' ')}`,
  linebreak: '\\\n',
  marker: listMarker('- ', '- '),
  quote: (inline) =>
    inline
      .split('\n')
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n'),
  // CommonMark nests a list only if it starts at the parent item's text column.
  nestedIndent: (markerWidth) => ' '.repeat(markerWidth),
}

/**
 * CommonMark (plus GFM ~~strikethrough~~) of a rich-text body with placeholders resolved:
 * headings as #, lists as "-" and "N." with nested lists indented to their parent's text,
 * **bold**, *italic*, `code`, [text](url). Underline has no Markdown and is dropped; unsafe
 * links become their text. Markdown renumbers ordered lists from the first number, so
 * skipped numbers survive in the source only.
 */
export function lexicalToMarkdown(state: LexicalStateInput, options: RenderOptions = {}): string {
  const resolved = resolveStatePlaceholders(state, options.entity)
  return resolved ? layoutText(resolved.root, MARKDOWN) : ''
}

import {
  type LexicalInlineNode,
  type LexicalLineBreakNode,
  type LexicalTextNode,
  lineBreak,
  link,
  text,
  TEXT_FORMAT,
} from './lexicalNodes.js'

/**
 * A run of source text to parse as one unit (a paragraph or a list item's text), with the
 * offsets where each source line starts so warnings can name the right line.
 * Hard line breaks are "\n" in `text`.
 */
export interface InlineSource {
  lineStarts: Array<{ line: number; offset: number }>
  text: string
}

export interface InlineContext {
  format: 'markdown' | 'text'
  warn: (line: number, message: string) => void
}

type LinkChild = LexicalLineBreakNode | LexicalTextNode

// Bare URLs stop at whitespace, angle brackets and quotes; trailing punctuation is trimmed after.
const AUTOLINK =
  /(https?:\/\/[^\s<>"“”«»]+|\bwww\.[\p{L}\p{N}-]+\.[^\s<>"“”«»]+)|((?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})/gu
const AUTOLINK_AT = new RegExp(AUTOLINK.source, 'uy')
// CommonMark's ASCII punctuation, as its spec lists it.
// eslint-disable-next-line regexp/no-obscure-range
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

function trimUrl(url: string): string {
  let result = url
  for (;;) {
    const last = result.at(-1)!
    const count = (char: string) => result.split(char).length - 1
    if (/[.,;:!?'"’”»*]/.test(last)) {
      result = result.slice(0, -1)
    } else if (last === ')' && count(')') > count('(')) {
      result = result.slice(0, -1)
    } else if (last === ']' && count(']') > count('[')) {
      result = result.slice(0, -1)
    } else {
      return result
    }
  }
}

/** The href for something written as a link target or found as a bare address. */
export function normalizeUrl(target: string): string {
  if (/^www\./i.test(target)) {
    return `https://${target}`
  }
  if (
    !/^[a-z][a-z0-9+.-]*:/i.test(target) &&
    // One bare address (no spaces), so the overlap around the dot stays short.
    // eslint-disable-next-line regexp/no-super-linear-backtracking
    /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(target)
  ) {
    return `mailto:${target}`
  }
  return target
}

class InlineBuilder {
  private readonly ctx: InlineContext

  private readonly source: InlineSource
  readonly nodes: LexicalInlineNode[] = []

  constructor(source: InlineSource, ctx: InlineContext) {
    this.source = source
    this.ctx = ctx
  }

  lineAt(offset: number): number {
    let line = this.source.lineStarts[0]?.line ?? 1
    for (const start of this.source.lineStarts) {
      if (start.offset <= offset) {
        line = start.line
      }
    }
    return line
  }

  /** Literal text: splits off line breaks and, unless inside a link, bare URLs and e-mails. */
  pushText(
    into: LexicalInlineNode[] | LinkChild[],
    value: string,
    format: number,
    autolink: boolean,
  ): void {
    if (!autolink) {
      pushPlain(into, value, format)
      return
    }
    let last = 0
    for (const match of value.matchAll(AUTOLINK)) {
      const found = match[1] ? trimUrl(match[1]) : match[2]
      const start = match.index
      pushPlain(into, value.slice(last, start), format)
      ;(into as LexicalInlineNode[]).push(link(normalizeUrl(found), [text(found, format)]))
      last = start + found.length
    }
    pushPlain(into, value.slice(last), format)
  }

  warn(line: number, message: string): void {
    this.ctx.warn(line, message)
  }
}

function pushPlain(into: LexicalInlineNode[] | LinkChild[], value: string, format: number): void {
  value.split('\n').forEach((part, index) => {
    if (index > 0) {
      ;(into as LinkChild[]).push(lineBreak())
    }
    if (part === '') {
      return
    }
    const previous = into.at(-1)
    // Lexical merges adjacent text nodes of equal format on the first edit; doing it here keeps
    // the stored JSON identical before and after.
    if (previous?.type === 'text' && previous.format === format && previous.style === '') {
      previous.text += part
    } else {
      ;(into as LinkChild[]).push(text(part, format))
    }
  })
}

/** Parses one run of text into Lexical inline nodes (text, linebreak, link). */
export function parseInline(source: InlineSource, ctx: InlineContext): LexicalInlineNode[] {
  const builder = new InlineBuilder(source, ctx)
  if (ctx.format === 'text') {
    builder.pushText(builder.nodes, source.text, 0, true)
  } else {
    parseMarkdown(builder, builder.nodes, source.text, 0, 0, false)
  }
  return builder.nodes
}

function runLength(src: string, at: number, char: string): number {
  let end = at
  while (src[end] === char) {
    end++
  }
  return end - at
}

function skipCodeSpan(src: string, at: number): number {
  const ticks = runLength(src, at, '`')
  const close = findRun(src, at + ticks, '`', ticks)
  return close < 0 ? at + ticks : close + ticks
}

/** Index of the next run of exactly `length` copies of `char`, or -1. */
function findRun(src: string, from: number, char: string, length: number): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] !== char) {
      continue
    }
    const run = runLength(src, i, char)
    if (run === length) {
      return i
    }
    i += run - 1
  }
  return -1
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char)
}

/** Where the emphasis opened at `at` with `length` delimiters closes, or -1. */
function findEmphasisClose(src: string, at: number, char: string, length: number): number {
  for (let i = at + length; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '`') {
      i = skipCodeSpan(src, i) - 1
      continue
    }
    if (c !== char) {
      continue
    }
    const run = runLength(src, i, char)
    // A closer is right-flanking: it follows non-whitespace; "_" also must not sit inside a word,
    // so snake_case_names stay literal.
    const closes =
      run === length && !/\s/.test(src[i - 1]) && (char !== '_' || !isWordChar(src[i + run]))
    if (closes && i > at + length) {
      return i
    }
    i += run - 1
  }
  return -1
}

/** Index just past the bracket that closes the one at `at`, or -1. */
function matchBracket(src: string, at: number, open: string, close: string): number {
  let depth = 0
  for (let i = at; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      i++
    } else if (c === open) {
      depth++
    } else if (c === close && --depth === 0) {
      return i + 1
    }
  }
  return -1
}

interface MarkdownLink {
  end: number
  label: string
  target: string
}

/** `[label](target "title")` starting at `at` (the "["), or null. */
function readLink(src: string, at: number): MarkdownLink | null {
  const labelEnd = matchBracket(src, at, '[', ']')
  if (labelEnd < 0 || src[labelEnd] !== '(') {
    return null
  }
  const targetEnd = matchBracket(src, labelEnd, '(', ')')
  if (targetEnd < 0) {
    return null
  }
  let target = src.slice(labelEnd + 1, targetEnd - 1).trim()
  const angled = /^<([^>]*)>/.exec(target)
  target = angled
    ? angled[1]
    : target.replace(/\s+(?:"[^"]*"|'[^']*'|\([^)]*\))$/, '').replace(/\s+/g, '')
  return { end: targetEnd, label: src.slice(at + 1, labelEnd - 1), target }
}

// Bounded by the angle brackets of one autolink.
const AUTOLINK_BRACKETED =
  // eslint-disable-next-line regexp/no-super-linear-backtracking
  /^<((?:https?|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/i

/**
 * A small Markdown inline parser: enough of CommonMark for legal text (emphasis, strong,
 * strikethrough, code, links, autolinks, escapes), deliberately forgiving: anything that does
 * not close is kept as literal text rather than dropped.
 */
function parseMarkdown(
  b: InlineBuilder,
  into: LexicalInlineNode[] | LinkChild[],
  src: string,
  format: number,
  offset: number,
  inLink: boolean,
): void {
  let literal = ''
  const flush = () => {
    b.pushText(into, literal, format, !inLink)
    literal = ''
  }
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (c === '\\' && i + 1 < src.length && ASCII_PUNCTUATION.test(src[i + 1])) {
      literal += src[i + 1]
      i += 2
      continue
    }
    if (c === '`') {
      const ticks = runLength(src, i, '`')
      const close = findRun(src, i + ticks, '`', ticks)
      if (close > 0) {
        flush()
        let code = src.slice(i + ticks, close).replace(/\n/g, ' ')
        // CommonMark: one space is stripped from each end of a code span that is not all spaces.
        // eslint-disable-next-line regexp/no-super-linear-backtracking
        if (/^ .*[^ ].* $/.test(code)) {
          code = code.slice(1, -1)
        }
        pushPlain(into, code, format | TEXT_FORMAT.code)
        i = close + ticks
        continue
      }
      literal += src.slice(i, i + ticks)
      i += ticks
      continue
    }
    if ((c === '[' || (c === '!' && src[i + 1] === '[')) && !inLink) {
      const image = c === '!'
      const found = readLink(src, image ? i + 1 : i)
      if (found) {
        flush()
        const line = b.lineAt(offset + i)
        if (image) {
          b.pushText(into, found.label, format, false)
          b.warn(line, `image "${found.target}" is not imported; its alt text was kept`)
        } else if (found.target === '') {
          b.warn(line, `link "${found.label}" has no target; imported as text`)
          parseMarkdown(b, into, found.label, format, offset + i + 1, true)
        } else {
          const children: LinkChild[] = []
          parseMarkdown(b, children, found.label, format, offset + i + 1, true)
          ;(into as LexicalInlineNode[]).push(link(normalizeUrl(found.target), children))
        }
        i = found.end
        continue
      }
    }
    if (c === '<' && !inLink) {
      const auto = AUTOLINK_BRACKETED.exec(src.slice(i))
      if (auto) {
        flush()
        ;(into as LexicalInlineNode[]).push(
          link(normalizeUrl(auto[1]), [text(auto[1].replace(/^mailto:/i, ''), format)]),
        )
        i += auto[0].length
        continue
      }
    }
    if (!inLink && /[\p{L}\p{N}]/u.test(c) && !isWordChar(src[i - 1])) {
      // Bare URLs win over emphasis, so the underscores in https://x.org/_private_ stay in the link.
      AUTOLINK_AT.lastIndex = i
      const match = AUTOLINK_AT.exec(src)
      if (match) {
        const found = match[1] ? trimUrl(match[1]) : match[2]
        flush()
        ;(into as LexicalInlineNode[]).push(link(normalizeUrl(found), [text(found, format)]))
        i += found.length
        continue
      }
    }
    if (c === '*' || c === '_' || c === '~') {
      const run = runLength(src, i, c)
      const opens =
        run <= (c === '~' ? 2 : 3) &&
        (c !== '~' || run === 2) &&
        i + run < src.length &&
        !/\s/.test(src[i + run]) &&
        (c !== '_' || !isWordChar(src[i - 1]))
      const close = opens ? findEmphasisClose(src, i, c, run) : -1
      if (close > 0) {
        flush()
        const bits =
          c === '~'
            ? TEXT_FORMAT.strikethrough
            : run === 3
              ? TEXT_FORMAT.bold | TEXT_FORMAT.italic
              : run === 2
                ? TEXT_FORMAT.bold
                : TEXT_FORMAT.italic
        parseMarkdown(b, into, src.slice(i + run, close), format | bits, offset + i + run, inLink)
        i = close + run
        continue
      }
      literal += src.slice(i, i + run)
      i += run
      continue
    }
    literal += c
    i++
  }
  flush()
}

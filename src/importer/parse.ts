import {
  type Block,
  type ListBlock,
  type ParagraphBlock,
  parseBlocks,
  type TextLine,
} from './blocks.js'
import { ImportError, type ImportWarning } from './errors.js'
import { type InlineContext, type InlineSource, parseInline } from './inline.js'
import {
  heading,
  type HeadingTag,
  type LexicalBlockNode,
  type LexicalInlineNode,
  type LexicalListItemNode,
  type LexicalListNode,
  type LexicalState,
  list,
  listItem,
  paragraph,
  root,
  textContent,
} from './lexicalNodes.js'
import { readLines } from './lines.js'

export interface ParseLegalTextOptions {
  /** Take a leading heading as the document title instead of a section. Default true. */
  detectTitle?: boolean
  /** How to read the input. Default 'text' (plain text as copied from a web page). */
  format?: 'markdown' | 'text'
  /**
   * Gives each link node an id, as Payload's editor does (a 24-hex bson ObjectID). Without it links
   * are stored without an id, which Payload accepts; the output then depends on the input only.
   */
  linkId?: () => string
  /** Plain text: longest line still taken for a heading (see isLikelyHeading). Default 120. */
  maxHeadingLength?: number
  /**
   * Markdown only: headings of this depth or shallower start a section; deeper ones stay in the
   * section's body as heading nodes (h4, h5 ...). Default 6: every heading starts a section.
   * Plain text has no heading levels, so there every detected heading starts a section.
   */
  sectionDepth?: number
}

export interface ParsedSection {
  body: LexicalState
  /** The heading as plain text (Markdown emphasis and link syntax removed). */
  heading: string
  /** 1-based input line of the heading. */
  line: number
}

export interface ParsedLegalText {
  /** Content between the title (or the start) and the first section heading. */
  intro?: LexicalState
  sections: ParsedSection[]
  title?: string
  warnings: ImportWarning[]
}

/**
 * Parses one legal document (plain text or Markdown) into a title, an intro and sections whose
 * bodies are Lexical states ready for a Payload richText field. Pure: no I/O, no Payload instance.
 *
 * Sections: every heading starts one (plain text: lines passing isLikelyHeading; Markdown: ATX
 * and setext headings up to `sectionDepth`). A leading heading is the title (Markdown: only a
 * lone "#"). Content before the first section heading is the intro.
 *
 * Paragraphs: blank lines separate them. Plain text keeps single line breaks as Lexical line
 * breaks (a browser copy has no soft wraps); Markdown joins lines with a space unless the line
 * ends in a hard break.
 *
 * Lists: "•", "-", "*", "+", "–" bullets and "1." / "1)" numbers, written numbers kept.
 * Nesting is by relative indentation (deeper than the parent item's marker), not CommonMark's
 * content column; blank lines do not end a list; indented lines continue the item above.
 *
 * Throws ImportError for input that cannot be read without guessing (binary data, wrong
 * encoding, an empty document, a Markdown list item indented so deep that Markdown reads it as
 * code). Everything else is imported, and whatever looked odd is listed in `warnings`.
 */
export function parseLegalText(
  input: string,
  options: ParseLegalTextOptions = {},
): ParsedLegalText {
  const format = options.format ?? 'text'
  const warnings: ImportWarning[] = []
  const warn = (line: number, message: string) => warnings.push({ line, message })
  const lines = readLines(input, warnings)
  const blocks = parseBlocks(lines, { format, maxHeadingLength: options.maxHeadingLength }, warn)
  if (blocks.length === 0) {
    throw new ImportError(
      lines.find((line) => line.content !== '')?.no ?? 1,
      'the document has no content (only separators)',
    )
  }

  const ctx: InlineContext = { format, warn }
  const sectionDepth = options.sectionDepth ?? 6
  const isSectionHeading = (block: Block) =>
    block.kind === 'heading' && (format === 'text' || block.depth <= sectionDepth)

  const result: ParsedLegalText = { sections: [], warnings }
  let index = 0
  const first = blocks[0]
  if (options.detectTitle !== false && first.kind === 'heading') {
    // Markdown: the title is a leading "#" that is the only one; several "#" are peer sections.
    const title =
      format === 'text' ||
      (first.depth === 1 &&
        blocks.filter((b) => b.kind === 'heading' && b.depth === 1).length === 1)
    if (title) {
      result.title = headingText(first.text, ctx, first.line)
      index = 1
    }
  }

  const takeBody = (): LexicalBlockNode[] => {
    const body: LexicalBlockNode[] = []
    for (; index < blocks.length && !isSectionHeading(blocks[index]); index++) {
      body.push(...toLexical(blocks[index], ctx))
    }
    return body
  }

  const intro = takeBody()
  if (intro.length > 0) {
    result.intro = root(intro)
  }

  const seen = new Map<string, number>()
  while (index < blocks.length) {
    const block = blocks[index++]
    if (block.kind !== 'heading') {
      continue
    }
    const text = headingText(block.text, ctx, block.line)
    const body = takeBody()
    if (body.length === 0) {
      warn(block.line, `heading "${text}" has no content`)
    }
    const key = text.toLowerCase()
    if (seen.has(key)) {
      warn(block.line, `heading "${text}" repeats the one on line ${seen.get(key)}`)
    } else {
      seen.set(key, block.line)
    }
    result.sections.push({ body: root(body), heading: text, line: block.line })
  }

  if (options.linkId) {
    const states = [result.intro, ...result.sections.map((section) => section.body)]
    for (const state of states) {
      if (state) {
        assignLinkIds(state.root.children, options.linkId)
      }
    }
  }
  return result
}

function headingText(source: string, ctx: InlineContext, line: number): string {
  const nodes = parseInline({ lineStarts: [{ line, offset: 0 }], text: source }, ctx)
  return nodes.map(textContent).join('').replace(/\s+/g, ' ').trim()
}

function assignLinkIds(
  nodes: Array<{ children?: unknown[]; id?: string; type: string }>,
  linkId: () => string,
): void {
  for (const node of nodes) {
    if (node.type === 'link') {
      node.id = linkId()
    }
    if (node.children) {
      assignLinkIds(node.children as typeof nodes, linkId)
    }
  }
}

/**
 * Joins lines into one inline run. Plain text copied from a browser has one line per block or
 * <br>, never soft wraps, so its line breaks are kept; Markdown soft-wraps paragraphs, so its
 * lines join with a space unless the line ended in a hard break.
 */
function joinParagraphs(paragraphs: ParagraphBlock[], format: 'markdown' | 'text'): InlineSource {
  let text = ''
  const lineStarts: InlineSource['lineStarts'] = []
  paragraphs.forEach((block, p) => {
    if (p > 0) {
      text += '\n'
    }
    block.lines.forEach((line: TextLine, l) => {
      if (l > 0) {
        const previous = block.lines[l - 1]
        text += format === 'text' || block.preformatted || previous.hardBreak ? '\n' : ' '
      }
      lineStarts.push({ line: line.no, offset: text.length })
      text += line.text
    })
  })
  return { lineStarts, text }
}

function inlineOf(paragraphs: ParagraphBlock[], ctx: InlineContext): LexicalInlineNode[] {
  if (paragraphs.length === 0) {
    return []
  }
  const preformatted = paragraphs.every((block) => block.preformatted)
  return parseInline(
    joinParagraphs(paragraphs, ctx.format),
    preformatted ? { ...ctx, format: 'text' } : ctx,
  )
}

function toLexical(block: Block, ctx: InlineContext): LexicalBlockNode[] {
  switch (block.kind) {
    case 'heading': {
      // Only Markdown sub-headings below `sectionDepth` get here.
      const tag = `h${Math.min(Math.max(block.depth, 1), 6)}` as HeadingTag
      return [
        heading(
          tag,
          parseInline({ lineStarts: [{ line: block.line, offset: 0 }], text: block.text }, ctx),
        ),
      ]
    }
    case 'list':
      return [toLexicalList(block, ctx)]
    case 'paragraph':
      return block.lines.length === 0 ? [] : [paragraph(inlineOf([block], ctx))]
  }
}

/**
 * Lexical list items hold inline content only, so an item's paragraphs become one item joined
 * by line breaks, and each sub-list goes into an item of its own right after it (Lexical's
 * nesting). Text that follows a sub-list inside the same source item has no place in that
 * shape; it becomes a further item carrying the same number, with a warning.
 */
function toLexicalList(block: ListBlock, ctx: InlineContext): LexicalListNode {
  const items: LexicalListItemNode[] = []
  for (const item of block.items) {
    let pending: ParagraphBlock[] = []
    let emitted = false
    const emitText = () => {
      if (!emitted && pending.length === 0) {
        ctx.warn(item.line, 'empty list item')
      }
      if (emitted) {
        ctx.warn(
          pending[0].lines[0].no,
          `text after a sub-list of the item on line ${item.line} became a list item of its own (Lexical list items cannot continue after a sub-list)`,
        )
      }
      items.push(listItem(inlineOf(pending, ctx), item.value))
      emitted = true
      pending = []
    }
    for (const part of item.parts) {
      if (part.kind === 'paragraph') {
        pending.push(part)
        continue
      }
      if (!emitted || pending.length > 0) {
        emitText()
      }
      items.push(listItem(toLexicalList(part, ctx)))
    }
    if (!emitted || pending.length > 0) {
      emitText()
    }
  }
  const ordered = block.ordered
  return list(ordered ? 'number' : 'bullet', items, { start: ordered ? block.items[0].value : 1 })
}

import { ImportError } from './errors.js'
import { isLikelyHeading } from './headings.js'
import { type ListMarker, matchListMarker, type SourceLine, TAB_STOP } from './lines.js'

/** One source line of a paragraph, as it will be joined into inline text. */
export interface TextLine {
  /** The line ends in a hard break (Markdown "  " or "\"), kept as a line break when joining. */
  hardBreak: boolean
  no: number
  text: string
}

export interface ParagraphBlock {
  kind: 'paragraph'
  lines: TextLine[]
  /** Lines of a Markdown code block: joined with line breaks, never reflowed. */
  preformatted?: boolean
}

export interface HeadingBlock {
  /** Markdown "#" count; plain-text headings are depth 2 (a section under the document title). */
  depth: number
  kind: 'heading'
  line: number
  /** Raw heading text (Markdown inline syntax not yet parsed). */
  text: string
}

export interface ListItemBlock {
  contentIndent: number
  line: number
  markerIndent: number
  /** The item's own text and continuation paragraphs, interleaved with its sub-lists. */
  parts: Array<ListBlock | ParagraphBlock>
  /** The number written for ordered lists; the position for bullets. */
  value: number
}

export interface ListBlock {
  items: ListItemBlock[]
  kind: 'list'
  line: number
  ordered: boolean
}

export type Block = HeadingBlock | ListBlock | ParagraphBlock

export interface BlockOptions {
  format: 'markdown' | 'text'
  maxHeadingLength?: number
}

type Warn = (line: number, message: string) => void

interface OpenList {
  /** Where the list lives: the top-level block sequence or a parent item's parts. */
  container: Array<Block | ListBlock | ParagraphBlock>
  /** An item belongs to this list when indented at least this far (one past its parent's marker). */
  floor: number
  list: ListBlock
}

// One line at a time (bounded by the importer's line length), so the backtracking stays linear in practice.
// The optional closing hashes look redundant to regexp/optimal-quantifier-concatenation, which
// weighs the language and not the capture: they keep "## Law ###" a heading titled "Law".
// eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/optimal-quantifier-concatenation
const ATX_HEADING = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const SETEXT_UNDERLINE = /^(=+|-+)[ \t]*$/
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
// Plain-text rules such as "-----" or "*****" are decoration, not content.
const SEPARATOR = /^(?:[-=_*~•·–—][ \t]*){3,}$/
const FENCE = /^(`{3,}|~{3,})/

/** Markdown hard breaks: two trailing spaces, or an unescaped backslash at the end of the line. */
function textLine(line: SourceLine, content: string, markdown: boolean): TextLine {
  if (markdown && /(?:^|[^\\])(?:\\\\)*\\$/.test(content)) {
    return { hardBreak: true, no: line.no, text: content.slice(0, -1).trimEnd() }
  }
  return { hardBreak: markdown && line.trailingBreak, no: line.no, text: content }
}

const raw = (line: SourceLine | undefined): string | undefined =>
  line === undefined ? undefined : ' '.repeat(line.indent) + line.content

/**
 * Groups lines into paragraphs, headings and (nested) lists. Lists nest by relative indentation:
 * an item indented deeper than the previous item's marker is its child, whatever the exact
 * number of spaces; a blank line does not end a list, only a line that is not indented past
 * the markers of the open items does.
 */
export function parseBlocks(lines: SourceLine[], options: BlockOptions, warn: Warn): Block[] {
  const markdown = options.format === 'markdown'
  const blocks: Block[] = []
  const stack: OpenList[] = []
  let paragraph: null | ParagraphBlock = null
  let previousBlank = true
  let fence: {
    block: ParagraphBlock
    char: string
    indent: number
    length: number
    line: number
  } | null = null
  let inQuote = false
  let inIndentedCode = false
  let lastContent = lines.length - 1
  while (lastContent >= 0 && lines[lastContent].content === '') {
    lastContent--
  }

  const closeLists = () => {
    stack.length = 0
  }

  const startParagraph = (
    container: Array<Block | ListBlock | ParagraphBlock>,
    line: TextLine,
  ): ParagraphBlock => {
    const block: ParagraphBlock = { kind: 'paragraph', lines: [line] }
    container.push(block)
    return block
  }

  const addItem = (line: SourceLine, marker: ListMarker) => {
    let parentItem: ListItemBlock | null = null
    let sibling: null | OpenList = null
    for (let k = stack.length - 1; k >= 0; k--) {
      const last = stack[k].list.items.at(-1)!
      if (line.indent > last.markerIndent) {
        parentItem = last
        stack.length = k + 1
        break
      }
      if (line.indent >= stack[k].floor) {
        sibling = stack[k]
        stack.length = k + 1
        break
      }
    }

    let open: OpenList
    if (sibling && sibling.list.ordered === marker.ordered) {
      open = sibling
    } else {
      let container: OpenList['container']
      let floor: number
      if (sibling) {
        // Bullets after numbers (or the reverse) at the same level: a new list beside the old one.
        stack.pop()
        container = sibling.container
        floor = sibling.floor
      } else if (parentItem) {
        if (markdown && line.indent > parentItem.contentIndent + TAB_STOP - 1) {
          throw new ImportError(
            line.no,
            `list item indented ${line.indent} columns, deeper than its parent item on line ${parentItem.line} allows ` +
              `(at most ${parentItem.contentIndent + TAB_STOP - 1}); Markdown would read it as a code block`,
          )
        }
        container = parentItem.parts
        floor = parentItem.markerIndent + 1
      } else {
        if (markdown && line.indent >= TAB_STOP) {
          throw new ImportError(
            line.no,
            `list item indented ${line.indent} columns outside any list; Markdown would read it as a code block (remove the indentation)`,
          )
        }
        closeLists()
        paragraph = null
        container = blocks
        floor = 0
      }
      const list: ListBlock = { items: [], kind: 'list', line: line.no, ordered: marker.ordered }
      container.push(list)
      open = { container, floor, list }
      stack.push(open)
    }

    const previous = open.list.items.at(-1)
    const value = marker.ordered ? marker.number! : (previous?.value ?? 0) + 1
    if (marker.ordered && previous && value !== previous.value + 1) {
      warn(
        line.no,
        `numbered list goes from ${previous.value} to ${value}; the numbers are kept as written ` +
          `(Payload's editor renumbers the list consecutively once someone edits it)`,
      )
    }
    const item: ListItemBlock = {
      contentIndent: line.indent + marker.width,
      line: line.no,
      markerIndent: line.indent,
      parts: [],
      value,
    }
    if (marker.text !== '') {
      item.parts.push({ kind: 'paragraph', lines: [textLine(line, marker.text, markdown)] })
    }
    open.list.items.push(item)
  }

  /** Adds a non-list line to an open list item if it belongs there; false when it ends the lists. */
  const continueItem = (line: SourceLine, text: TextLine): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const owner = stack[k].list.items.at(-1)!
      if (line.indent > owner.markerIndent) {
        stack.length = k + 1
        const last = owner.parts.at(-1)
        if (last?.kind === 'paragraph' && !previousBlank) {
          last.lines.push(text)
        } else {
          startParagraph(owner.parts, text)
        }
        return true
      }
    }
    if (markdown && !previousBlank) {
      // CommonMark's lazy continuation: an unindented line right after an item's text continues it.
      const last = stack.at(-1)!.list.items.at(-1)!.parts.at(-1)
      if (last?.kind === 'paragraph') {
        last.lines.push(text)
        return true
      }
    }
    return false
  }

  lines.forEach((line, index) => {
    if (fence) {
      const close = FENCE.exec(line.content)
      if (
        close &&
        close[1][0] === fence.char &&
        close[1].length >= fence.length &&
        line.content.trim() === close[1]
      ) {
        fence = null
        previousBlank = false
        return
      }
      fence.block.lines.push({
        hardBreak: true,
        no: line.no,
        text: ' '.repeat(Math.max(0, line.indent - fence.indent)) + line.content,
      })
      return
    }

    if (line.content === '') {
      previousBlank = true
      paragraph = null
      inQuote = false
      inIndentedCode = false
      return
    }

    let content = line.content
    if (markdown && line.indent < TAB_STOP) {
      const fenceOpen = FENCE.exec(content)
      if (
        fenceOpen &&
        !(fenceOpen[1][0] === '`' && content.slice(fenceOpen[1].length).includes('`'))
      ) {
        closeLists()
        warn(line.no, 'code block imported as a plain paragraph')
        const block: ParagraphBlock = { kind: 'paragraph', lines: [], preformatted: true }
        blocks.push(block)
        fence = {
          block,
          char: fenceOpen[1][0],
          indent: line.indent,
          length: fenceOpen[1].length,
          line: line.no,
        }
        paragraph = null
        return
      }
      const atx = ATX_HEADING.exec(content)
      if (atx) {
        closeLists()
        paragraph = null
        previousBlank = false
        const text = (atx[2] ?? '').trim()
        if (text === '') {
          warn(line.no, 'empty heading ignored')
        } else {
          blocks.push({ depth: atx[1].length, kind: 'heading', line: line.no, text })
        }
        return
      }
      const setext = SETEXT_UNDERLINE.exec(content)
      if (setext && paragraph && !previousBlank && stack.length === 0) {
        blocks.splice(blocks.indexOf(paragraph), 1)
        const first = paragraph.lines[0]
        blocks.push({
          depth: setext[1][0] === '=' ? 1 : 2,
          kind: 'heading',
          line: first.no,
          text: paragraph.lines.map((l) => l.text).join(' '),
        })
        paragraph = null
        previousBlank = false
        return
      }
      if (content.startsWith('>')) {
        if (!inQuote) {
          warn(line.no, 'block quote imported as a plain paragraph')
        }
        inQuote = true
        content = content.replace(/^(?:>[ \t]?)+/, '').trim()
        if (content === '') {
          previousBlank = true
          paragraph = null
          return
        }
      }
    }

    if (line.indent < TAB_STOP && (markdown ? THEMATIC_BREAK : SEPARATOR).test(content)) {
      closeLists()
      paragraph = null
      previousBlank = false
      warn(line.no, 'separator line dropped')
      return
    }

    const marker = matchListMarker(content)
    if (marker) {
      addItem({ ...line, content }, marker)
      paragraph = null
      previousBlank = false
      return
    }

    const text = textLine(line, content, markdown)

    if (stack.length > 0) {
      if (continueItem(line, text)) {
        previousBlank = false
        return
      }
      closeLists()
    }

    if (markdown && line.indent >= TAB_STOP && !(paragraph && !previousBlank)) {
      if (!inIndentedCode) {
        warn(line.no, 'indented code block imported as a plain paragraph')
      }
      inIndentedCode = true
    } else if (
      !markdown &&
      isLikelyHeading(
        raw(line)!,
        {
          followedByContent: index < lastContent,
          nextLine: raw(lines[index + 1]),
          previousLine: raw(lines[index - 1]),
        },
        { maxLength: options.maxHeadingLength },
      )
    ) {
      blocks.push({ depth: 2, kind: 'heading', line: line.no, text: content })
      paragraph = null
      previousBlank = false
      return
    }

    if (paragraph && !previousBlank) {
      paragraph.lines.push(text)
    } else {
      paragraph = startParagraph(blocks, text)
    }
    previousBlank = false
  })

  const unclosed = fence as { line: number } | null
  if (unclosed) {
    warn(unclosed.line, 'code block is never closed; everything after it was imported as its text')
  }
  return blocks
}

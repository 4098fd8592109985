import { ImportError, type ImportWarning } from './errors.js'

export interface SourceLine {
  /** The text after the indentation, trailing whitespace removed. Empty for a blank line. */
  content: string
  /** Leading whitespace in columns; a tab advances to the next multiple of 4 (CommonMark's tab stop). */
  indent: number
  /** 1-based line number in the input. */
  no: number
  /** The raw line ended in two or more spaces (a Markdown hard line break). */
  trailingBreak: boolean
}

export const TAB_STOP = 4

// NUL and the other C0 controls never occur in text a person copied or typed: their presence
// means a binary file (PDF, DOCX, image) was read as text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/
// C1 controls show up when Windows-1252 text (curly quotes, dashes) is decoded as Latin-1;
// importing them would publish mojibake in a legal text.
const C1_CONTROL = /[\u0080-\u0084\u0086-\u009F]/
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
// Form feed (page breaks from pdftotext) and vertical tab (Word's soft return) are layout, not content.

const LAYOUT_CONTROL = /[\v\f]/g
// U+0085 NEL and U+2028/2029 are Unicode line terminators; treating them as such keeps line numbers
// in step with what an editor shows.
const LINE_TERMINATOR = /\r\n|[\r\n\u0085\u2028\u2029]/

function hex(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Splits the input into lines and rejects what is not text. CRLF, CR and LF all end a line;
 * non-breaking spaces count as spaces for indentation (browsers emit them when copying).
 */
export function readLines(input: string, warnings: ImportWarning[]): SourceLine[] {
  if (typeof input !== 'string') {
    throw new TypeError('parseLegalText expects a string')
  }
  const raw = input.replace(/^\uFEFF/, '').split(LINE_TERMINATOR)
  const lines = raw.map((rawLine, index): SourceLine => {
    const no = index + 1
    const binary = BINARY_CONTROL.exec(rawLine)
    if (binary) {
      throw new ImportError(
        no,
        `control character ${hex(binary[0])} at column ${binary.index + 1}: this looks like binary data (PDF, DOCX, image), not text`,
      )
    }
    const c1 = C1_CONTROL.exec(rawLine)
    if (c1) {
      throw new ImportError(
        no,
        `control character ${hex(c1[0])} at column ${c1.index + 1}: the text was decoded with the wrong encoding (Windows-1252 read as Latin-1?)`,
      )
    }
    const surrogate = LONE_SURROGATE.exec(rawLine)
    if (surrogate) {
      throw new ImportError(no, `broken UTF-16 (lone surrogate) at column ${surrogate.index + 1}`)
    }
    if (rawLine.includes('\uFFFD')) {
      warnings.push({
        line: no,
        message:
          'contains U+FFFD (a character the decoder could not read); check the source encoding',
      })
    }

    const line = rawLine.replace(LAYOUT_CONTROL, ' ')
    let indent = 0
    let i = 0
    for (; i < line.length; i++) {
      const char = line[i]
      if (char === ' ' || char === '\u00A0') {
        indent++
      } else if (char === '\t') {
        indent = (Math.floor(indent / TAB_STOP) + 1) * TAB_STOP
      } else {
        break
      }
    }
    const rest = line.slice(i)
    let content = rest.replace(/\s+$/, '')
    if (content.includes('\t')) {
      // Tabs inside a line usually come from a copied table; Lexical text has no columns to keep.
      warnings.push({
        line: no,
        message:
          'tab characters inside the text were replaced by spaces (tables are not imported as tables)',
      })
      content = content.replace(/\t+/g, ' ')
    }
    return { content, indent: content === '' ? 0 : indent, no, trailingBreak: / {2,}$/.test(rest) }
  })
  if (lines.every((line) => line.content === '')) {
    throw new ImportError(1, 'the document is empty')
  }
  return lines
}

export interface ListMarker {
  /** The number written (ordered lists only). */
  number?: number
  ordered: boolean
  /** The item's text after the marker, possibly empty. */
  text: string
  /** Columns from the line's indentation to where the item's text starts. */
  width: number
}

// "•" and "–" are what browsers and word processors produce when a list is copied as text;
// "-", "*", "+" are Markdown's. "◦", "▪", "·" appear for nested levels in copied lists.
// Anchored and applied to one line, so the gap/text split backtracks at most once per gap.
// eslint-disable-next-line regexp/no-super-linear-backtracking
const BULLET = /^([•◦▪·\-*+–])(?:([ \t\u00A0]+)(.*))?$/
// eslint-disable-next-line regexp/no-super-linear-backtracking
const ORDERED = /^(\d{1,9})[.)](?:([ \t\u00A0]+)(.*))?$/

/** A list marker at the start of `content` (already without indentation), or null. */
export function matchListMarker(content: string): ListMarker | null {
  const bullet = BULLET.exec(content)
  if (bullet) {
    return marker(false, undefined, bullet[1].length, bullet[2], bullet[3])
  }
  const ordered = ORDERED.exec(content)
  if (ordered) {
    return marker(true, Number(ordered[1]), ordered[1].length + 1, ordered[2], ordered[3])
  }
  return null
}

function marker(
  ordered: boolean,
  number: number | undefined,
  length: number,
  gap = '',
  text = '',
): ListMarker {
  // CommonMark: five or more spaces after the marker mean the text is indented code, so the
  // item's content column is one space past the marker.
  const spaces = gap.length === 0 || gap.length > TAB_STOP ? 1 : gap.length
  return { number, ordered, text: text.trim(), width: length + spaces }
}

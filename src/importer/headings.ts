import { matchListMarker } from './lines.js'

export interface HeadingContext {
  /** Whether any non-blank line follows. Defaults to true. */
  followedByContent?: boolean
  /** The line just after; undefined (or blank) at the end of the document. */
  nextLine?: string
  /** The line just before; undefined (or blank) at the start of the document. */
  previousLine?: string
}

export interface HeadingOptions {
  /** Longest line (trimmed, in characters) still taken for a heading. Default 120. */
  maxLength?: number
}

export const DEFAULT_MAX_HEADING_LENGTH = 120
// ALL CAPS headings in legal texts run long ("LIMITATION OF LIABILITY AND ..."), and capitals are
// a deliberate signal, so they get more room.
const MAX_CAPS_HEADING_LENGTH = 200

const URL_OR_EMAIL = /https?:\/\/|www\.\S|\S@\S+\.\p{L}/iu
const blank = (line: string | undefined): boolean => line === undefined || line.trim() === ''

/** True when every letter of the line is a capital (at least three letters): "LIMITATION OF LIABILITY". */
export function isAllCaps(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? []
  return letters.length >= 3 && letters.every((letter) => letter !== letter.toLowerCase())
}

// "OUR RIGHT TO MODIFY General Conditions, ...": capitals that open a line mark it as a title.
const CAPS_LEAD = /^\p{Lu}{2,}[\s,&/-]+\p{Lu}{2,}(?!\p{Ll})/u

/**
 * Decides whether a line of plain text (as copied from a web page) is a heading. Web pages lose
 * their <h2>s when copied, but headings keep a recognisable shape: a short line of its own,
 * with a blank line before and after, that does not read like a sentence.
 *
 * A line is a heading when all of these hold:
 * - it is not indented (at most one space), is not a list item ("•", "-", "1." ...) and has a letter;
 * - a blank line (or the start of the document) comes before it, and some content follows it;
 * - it contains no URL or e-mail address;
 * - then either it is ALL CAPS (see isAllCaps): up to 200 characters, may end with ":", and
 *   needs no blank line after it;
 * - or it is an ordinary line: at most `maxLength` (120) characters (200 when it opens with two
 *   capitalised words, as "OUR RIGHT TO MODIFY ..." does), a blank line after it, no terminal
 *   . , ; : (a "?" is fine: "What data do we collect?"), no "label: value" colon
 *   ("Name: Digitroom Holding Limited"), and it does not start with a lower-case letter
 *   (that is the tail of a broken sentence).
 *
 * Without a context the line is judged as if it stood alone between blank lines.
 */
export function isLikelyHeading(
  line: string,
  context: HeadingContext = {},
  options: HeadingOptions = {},
): boolean {
  const maxLength = options.maxLength ?? DEFAULT_MAX_HEADING_LENGTH
  const indent = /^[ \t\u00A0]*/.exec(line)![0]
  if (indent.includes('\t') || indent.length > 1) {
    return false
  }
  const text = line.trim()
  if (text === '' || !/\p{L}/u.test(text)) {
    return false
  }
  if (matchListMarker(text)) {
    return false
  }
  if (context.followedByContent === false) {
    return false
  }
  if (!blank(context.previousLine)) {
    return false
  }
  if (URL_OR_EMAIL.test(text)) {
    return false
  }

  if (isAllCaps(text)) {
    return text.length <= Math.max(maxLength, MAX_CAPS_HEADING_LENGTH) && !/[.,;]$/.test(text)
  }

  if (!blank(context.nextLine)) {
    return false
  }
  if (
    text.length > (CAPS_LEAD.test(text) ? Math.max(maxLength, MAX_CAPS_HEADING_LENGTH) : maxLength)
  ) {
    return false
  }
  if (/[.,;:…]$/.test(text)) {
    return false
  }
  if (/:\s/.test(text)) {
    return false
  }
  if (/^\P{L}*\p{Ll}/u.test(text)) {
    return false
  }
  return true
}

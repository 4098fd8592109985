/**
 * Comparing a document's source text with what readers are served, section by section.
 * Only differences that carry no meaning are forgiven: runs of whitespace (indentation, blank
 * lines, line breaks) and which glyph marks a bullet. Words, punctuation, list numbers and the
 * order of everything must match.
 */

export type SectionText = { heading: string; text: string }

// A bullet glyph at the start of a line: "•" from a browser copy, "-", "*", "+" from
// Markdown, "◦", "▪", "·", "–" from word processors.
const BULLET_AT_LINE_START = /^([ \t\u00A0]*)[•◦▪·\-*+–](?=[ \t\u00A0])/gm

export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(BULLET_AT_LINE_START, '$1•')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Where two normalised texts part, with some context, for a readable failure. */
export function firstDifference(expected: string, actual: string, context = 60): null | string {
  if (expected === actual) {
    return null
  }
  let at = 0
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) {
    at++
  }
  const from = Math.max(0, at - context)
  const show = (s: string) =>
    JSON.stringify(
      (from > 0 ? '…' : '') + s.slice(from, at + context) + (at + context < s.length ? '…' : ''),
    )
  return `at character ${at}:\n    expected ${show(expected)}\n    actual   ${show(actual)}`
}

/**
 * The differences between two documents, one message per section that differs (empty when
 * they match): a missing or extra section, another heading, or other text.
 */
export function compareSections(expected: SectionText[], actual: SectionText[]): string[] {
  const problems: string[] = []
  const count = Math.max(expected.length, actual.length)
  for (let i = 0; i < count; i++) {
    const want = expected[i]
    const got = actual[i]
    if (!want) {
      problems.push(`section ${i + 1} "${got.heading}" is not in the source`)
      continue
    }
    if (!got) {
      problems.push(`section ${i + 1} "${want.heading}" is missing`)
      continue
    }
    const label = `section ${i + 1} "${want.heading}"`
    if (normaliseText(want.heading) !== normaliseText(got.heading)) {
      problems.push(`${label}: heading is "${got.heading}"`)
    }
    const difference = firstDifference(normaliseText(want.text), normaliseText(got.text))
    if (difference) {
      problems.push(`${label}: text differs ${difference}`)
    }
  }
  return problems
}

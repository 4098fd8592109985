import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs'

import { compareSections, type SectionText } from '../../seed/roundTrip'
import { seedReferenceContent } from '../../seed/seed'
import { cutSourceDocuments, defaultSourcePath } from '../../seed/sourceDocuments'
import { resolvePlaceholders } from '../../src/render'
import { SLUGS } from '../../src/slugs'
import { listen } from '../helpers/httpServer'
import { startTestPayload, type TestApp } from '../helpers/testPayload'

/**
 * The import loses and garbles nothing: for each of the five documents, the plain text the
 * delivery API serves equals the source text of that document, section by section (only
 * whitespace and bullet glyphs normalised, placeholders resolved). That the source text here
 * is the file's own text, except for the listed fills, is proven line for line in
 * test/unit/seed/sourceDocuments.test.ts.
 */

let app: TestApp
let payload: Payload
let server: Awaited<ReturnType<typeof listen>>
const cut = cutSourceDocuments(fs.readFileSync(defaultSourcePath(), 'utf8'))
// Values for the two details the source lacks, so their placeholders show up in the text.
const entityInput = { email: 'legal@digitroom.test', website: 'https://digitroom.test' }

type Served = {
  sections: Array<{ anchor: string; heading: string }>
  text: string
  title: string
  version: number
}

/**
 * The served `text` is "heading, blank line, body" per section, sections separated by a blank
 * line; cut it at the headings the response lists, in order.
 */
function splitServedText(text: string, headings: string[]): SectionText[] {
  const starts = headings.map(() => -1)
  let from = 0
  headings.forEach((heading, i) => {
    const at = i === 0 ? (text.startsWith(heading) ? 0 : -1) : text.indexOf(`\n\n${heading}`, from)
    if (at < 0) {
      throw new Error(`heading "${heading}" not found in the served text`)
    }
    starts[i] = i === 0 ? 0 : at + 2
    from = starts[i] + heading.length
  })
  return headings.map((heading, i) => ({
    heading,
    text: text
      .slice(starts[i] + heading.length, i + 1 < headings.length ? starts[i + 1] : text.length)
      .trim(),
  }))
}

async function served(slug: string): Promise<Served> {
  const res = await fetch(`${server.baseUrl}/api/legal/documents/${slug}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Served
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  server = await listen(app)
  await payload.updateGlobal({ slug: SLUGS.entity, data: entityInput, overrideAccess: true })
  await seedReferenceContent(payload)
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('round trip: source text → seed → delivery API → plain text', () => {
  test.each(cut.documents.map((d) => [d.title, d] as const))('%s', async (_title, doc) => {
    const entity = await payload.findGlobal({ slug: SLUGS.entity, depth: 0, overrideAccess: true })
    const body = await served(doc.slug)
    expect(body.title).toBe(doc.title)
    expect(body.version).toBe(1)
    expect(body.sections.map((s) => s.heading)).toEqual(doc.sections.map((s) => s.heading))

    const actual = splitServedText(
      body.text,
      body.sections.map((s) => s.heading),
    )
    const expected = doc.sections.map((s) => ({
      heading: s.heading,
      text: resolvePlaceholders(s.text, entity as never),
    }))
    expect(compareSections(expected, actual)).toEqual([])
    expect(body.text).not.toContain('{{')

    // The comparison is not vacuous on this document: a sentence dropped from the source side
    // (the first of the longest section) is reported.
    const longest = expected.reduce((a, b) => (b.text.length > a.text.length ? b : a))
    const sentence = /[^.;:]{20,}[.;:]/.exec(longest.text)![0]
    const dropped = expected.map((s) =>
      s === longest ? { ...s, text: s.text.replace(sentence, '') } : s,
    )
    expect(compareSections(dropped, actual)).toEqual([
      expect.stringContaining(`"${longest.heading}": text differs`),
    ])
  })

  test('placeholders are served resolved: contact blanks show the company e-mail, "Who we are" the profile', async () => {
    const general = await served('general-conditions')
    expect(general.text).toContain(`please contact us via this email address: ${entityInput.email}`)
    expect(general.text).toContain('Name: Digitroom Holding Limited')
    expect(general.text).toContain('Phone: +380671505900')
    const terms = await served('terms-of-use')
    expect(terms.text).toContain(`without providing a link to ${entityInput.website}. This license`)
    expect(terms.text).toContain('may be terminated by Digitroom Holding Limited at any time')
  })

  test('list numbers survive as written, skipped ones included', async () => {
    const general = await served('general-conditions')
    const provisions = splitServedText(
      general.text,
      general.sections.map((s) => s.heading),
    )[2]
    expect(provisions.heading).toBe('General provisions')
    expect(provisions.text).toMatch(/^1\. We are not responsible[^\n]*\n3\. When you get access/)
  })
})

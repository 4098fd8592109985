import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'

import { sectionsFromParsed } from '../../../seed/importDocument'
import {
  BLANKS,
  cutSourceDocuments,
  DOCUMENTS,
  EDITS,
  SOURCE_ENTITY,
  SOURCE_FILE,
  SUSPECTED_BLANK_PATTERNS,
  type TextEdit,
} from '../../../seed/sourceDocuments'
import { parseLegalText } from '../../../src/importer'
import { findPlaceholders, isKnownPlaceholder, resolvePlaceholders } from '../../../src/render'

const source = fs.readFileSync(path.resolve(process.cwd(), SOURCE_FILE), 'utf8')
const sourceLines = source.split('\n')
const cut = cutSourceDocuments(source)
const bySlug = (slug: string) => cut.documents.find((d) => d.slug === slug)!
const textEdits = EDITS.filter((e): e is TextEdit => e.kind !== 'heading')
// How the sentences read once the company details the source itself gives are filled in.
const sourceEntity = { ...SOURCE_ENTITY, email: '', website: '' }

// Characters rather than words: a fill may sit between a word and its punctuation ("address: …,").
const chars = (text: string) => [...text.replace(/\s+/g, '')]
function isSubsequence(needle: string[], haystack: string[]): boolean {
  let i = 0
  for (const char of haystack) {
    if (i < needle.length && char === needle[i]) {
      i++
    }
  }
  return i === needle.length
}

describe('cutting the source into the five documents', () => {
  test('five documents with the product titles; the cookie policy is one of its own', () => {
    expect(cut.documents.map((d) => [d.slug, d.kind, d.title])).toEqual([
      ['general-conditions', 'general-conditions', 'General Conditions'],
      ['privacy-policy', 'privacy-policy', 'Privacy Policy'],
      ['data-security', 'data-security', 'Data Security'],
      ['cookie-policy', 'cookie-policy', 'Cookie Policy'],
      ['terms-of-use', 'terms-of-use', 'Terms of Use'],
    ])
    expect(bySlug('data-security').text).not.toContain('cookie-files')
    expect(bySlug('cookie-policy').sections.map((s) => s.heading)).toEqual([
      'Our policy regarding cookie-files',
    ])
    expect(bySlug('cookie-policy').text).toContain(
      'You may unsubscribe from Google Analytics here.',
    )
  })

  test('every line of the source is in exactly one document (or the skipped page header), in order', () => {
    const used = cut.documents.flatMap((d) => d.sourceLines.filter((n): n is number => n !== null))
    const header = cut.findings.find((f) => f.kind === 'skipped')!
    const headerLines = Array.from({ length: 9 }, (_, i) => i + 1)
    expect(header.line).toBe(1)
    expect(header.sentence).toContain('Privacy & terms of use')
    expect([...headerLines, ...used].sort((a, b) => a - b)).toEqual(
      sourceLines.map((_, i) => i + 1),
    )
    expect(new Set(used).size).toBe(used.length)
  })

  test('undoing the listed edits gives back the source line for line: nothing else was changed', () => {
    expect(cut.documents.length).toBeGreaterThan(0)
    for (const doc of cut.documents) {
      const edited = doc.text.split('\n')
      edited.forEach((line, i) => {
        const no = doc.sourceLines[i]
        if (no === null) {
          // Added lines: the cookie policy's title, the blank after a title, a restored heading.
          const restored = EDITS.some(
            (e) => e.kind === 'heading' && e.document === doc.slug && e.heading === line,
          )
          expect(line === '' || line === doc.title || restored).toBe(true)
          return
        }
        let original = i === 0 ? doc.sourceTitle : line
        for (const edit of textEdits.filter((e) => e.document === doc.slug)) {
          original = original.replace(edit.replace, edit.find)
        }
        expect({ line: no, text: original }).toEqual({ line: no, text: sourceLines[no - 1] })
      })
    }
  })

  test('an edit only adds: every character of the source sentence stays, in order', () => {
    expect(textEdits.length).toBeGreaterThan(0)
    for (const edit of textEdits) {
      const resolved = resolvePlaceholders(edit.replace, sourceEntity)
      expect({ edit: edit.find, kept: isSubsequence(chars(edit.find), chars(resolved)) }).toEqual({
        edit: edit.find,
        kept: true,
      })
    }
  })

  test('contact blanks are filled with company placeholders, all of them known', () => {
    const all = cut.documents.map((d) => d.text).join('\n')
    expect(bySlug('general-conditions').text).toContain(
      'please contact us via this email address: {{company.email}}',
    )
    expect(bySlug('privacy-policy').text).toContain(
      'Write to us via this address: {{company.email}}, if you want',
    )
    expect(bySlug('general-conditions').text).toContain('Name: {{company.name}}')
    const used = findPlaceholders(all)
    expect(used.sort()).toEqual([
      'company.address',
      'company.email',
      'company.name',
      'company.phone',
      'company.website',
    ])
    expect(used.every(isKnownPlaceholder)).toBe(true)
  })

  test('every gap is reported with its document, section, sentence and source line', () => {
    const blanks = cut.findings.filter((f) => f.kind === 'blank')
    expect(blanks).toHaveLength(BLANKS.length)
    expect(blanks).toContainEqual({
      document: 'Cookie Policy',
      kind: 'blank',
      line: 187,
      note: expect.stringContaining('web address to visit was cut'),
      section: 'Our policy regarding cookie-files',
      sentence: 'by visiting;',
    })
    expect(blanks).toContainEqual(
      expect.objectContaining({
        document: 'General Conditions',
        line: 36,
        section: 'General provisions',
        sentence: expect.stringMatching(/^When you get access/),
      }),
    )
    const fills = cut.findings.filter((f) => f.kind === 'fill')
    expect(fills).toContainEqual(
      expect.objectContaining({
        document: 'General Conditions',
        line: 43,
        section: 'Questions',
        sentence: expect.stringContaining('{{company.email}}'),
      }),
    )
    expect(cut.findings).toContainEqual(
      expect.objectContaining({
        document: 'General Conditions',
        kind: 'heading',
        line: 43,
        sentence: 'Questions',
      }),
    )
  })

  test('the blank detector finds the cut links and addresses, and the lists cover all it finds', () => {
    const cutSentences = [
      'If you have any questions regarding our Privacy Policy or working with our website, please contact us via this email address:',
      'Write to us via this address:, if you want to make a request',
      'by visiting;',
      'please visit and choose your country.',
      'Please, visit to actively manage cookie-files in your device.',
      'may be terminated by at any time.',
      'without providing a link to This license',
      'You may unsubscribe from Google Analytics here.',
    ]
    for (const sentence of cutSentences) {
      expect({
        detected: SUSPECTED_BLANK_PATTERNS.some((p) => p.test(sentence)),
        sentence,
      }).toEqual({ detected: true, sentence })
    }
    expect(cut.findings.filter((f) => f.kind === 'suspected')).toEqual([])
  })

  test('a gap that is not in the lists is reported as suspected, never dropped', () => {
    const changed = source.replace(
      'We strive to provide maximum protection',
      'For details please visit and read. We strive to provide maximum protection',
    )
    const suspected = cutSourceDocuments(changed).findings.filter((f) => f.kind === 'suspected')
    expect(suspected).toEqual([
      expect.objectContaining({
        document: 'Data Security',
        line: 149,
        section: 'Introduction',
        sentence: 'For details please visit and read.',
      }),
    ])
  })

  test('a source whose listed sentence changed is refused, naming the sentence', () => {
    expect(() =>
      cutSourceDocuments(source.replace('2. by visiting;', '2. by visiting our page;')),
    ).toThrow(/"by visiting;".*found it 0 times/)
    expect(() => cutSourceDocuments(source.replace('\nLinked websites\n', '\nLinks\n'))).toThrow(
      /heading "Linked websites" not found/,
    )
    expect(() => cutSourceDocuments(source.replace('\nTerms of use\n', '\nTerms\n'))).toThrow(
      /no line "Terms of use"/,
    )
  })

  test('the importer finds exactly the sections the cut expects, the intro first', () => {
    expect(cut.documents.length).toBeGreaterThan(0)
    for (const doc of cut.documents) {
      const parsed = parseLegalText(doc.text)
      expect(parsed.title).toBe(doc.title)
      const sections = sectionsFromParsed(parsed, doc.introHeading ?? '')
      expect(sections.map((s) => s.heading)).toEqual(doc.sections.map((s) => s.heading))
      const spec = DOCUMENTS.find((d) => d.slug === doc.slug)!
      expect(doc.sections.map((s) => s.heading)).toEqual([
        ...(spec.introHeading ? [spec.introHeading] : []),
        ...spec.headings,
      ])
    }
  })
})

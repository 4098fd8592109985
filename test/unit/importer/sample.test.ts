import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'

import { parseLegalText } from '../../../src/importer/parse'
import { expected, outline } from './outline'

const sample = fs.readFileSync(
  path.resolve(process.cwd(), '../shared/seeds/legal-pages.txt'),
  'utf8',
)
const sampleLines = sample.split('\n')

/** One document of the sample: from its title line up to (not including) the next document's title. */
function part(title: string, nextTitle: string): string {
  const start = sampleLines.indexOf(title)
  const end = sampleLines.indexOf(nextTitle, start + 1)
  expect(start).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  return sampleLines.slice(start, end).join('\n')
}

describe('the real legal pages (shared/seeds/legal-pages.txt)', () => {
  test('General Conditions: title, intro and section headings', () => {
    const result = parseLegalText(part('General Conditions', 'Privacy Policy'))
    expect(result.title).toBe('General Conditions')
    expect(result.sections.map((s) => [s.heading, s.line])).toEqual([
      ['Who we are', 9],
      ['General provisions', 24],
      [
        'OUR RIGHT TO MODIFY General Conditions, Privacy Policy, Data Security, Cookie Policy, and Terms of Use',
        29,
      ],
    ])
    expect(outline(result.intro)).toBe(
      expected(`
      paragraph
        "This document will describe:"
      bullet@1
        item 1 (indent 0)
          "Who we are"
        item 2 (indent 0)
          "General provisions"
        item 3 (indent 0)
          "Our right to modify General Conditions, Privacy Policy, Data Security, Cookie Policy, and Terms of Use"
        item 4 (indent 0)
          "Questions"
    `),
    )
    // The contact lines are paragraphs, not headings.
    expect(outline(result.sections[0].body)).toBe(
      expected(`
      paragraph
        "We are the company that specializes in software development."
      paragraph
        "We are the owners of this website."
      paragraph
        "Our contact information:"
      paragraph
        "Name: Digitroom Holding Limited"
      paragraph
        "Address: Rm 7B, One Capital Place, 18 Luard Road, Wan Chai, Hong Kong"
      paragraph
        "Phone: +380671505900"
    `),
    )
    // "1." then "3." in the source: kept, and flagged for a human to check.
    const provisions = result.sections[1].body.root.children[0]
    expect(provisions).toMatchObject({ type: 'list', listType: 'number', start: 1 })
    expect(provisions.type === 'list' && provisions.children.map((item) => item.value)).toEqual([
      1, 3,
    ])
    expect(result.warnings).toEqual([
      { line: 27, message: expect.stringContaining('goes from 1 to 3') },
    ])
    // The page lost its "Questions" heading when copied, so that paragraph stays in the section before.
    const last = result.sections[2].body.root.children
    expect(last).toHaveLength(2)
    expect(outline(result.sections[2].body)).toContain(
      '"If you have any questions regarding our Privacy Policy',
    )
  })

  test('the whole file: every document title and heading is found, nothing else', () => {
    const result = parseLegalText(sample)
    expect(result.title).toBe('Privacy & terms of use')
    expect(result.sections.map((s) => s.heading)).toEqual([
      'General Conditions',
      'Who we are',
      'General provisions',
      'OUR RIGHT TO MODIFY General Conditions, Privacy Policy, Data Security, Cookie Policy, and Terms of Use',
      'Privacy Policy',
      'Your rights to access stored data, to modify it and to retract the consent to the use of your personal data',
      'What data about you we collect',
      'How we use information about you',
      'Marketing activity',
      'Links to third-party websites',
      'Data security',
      'Where we store your data',
      'How long we store your data',
      'Measures taken to protect your data',
      'Our policy regarding cookie-files',
      'Terms of use',
      'Website terms of use',
      'Website materials',
      'Linked websites',
      'Exhaustive nature of the agreement and applicable law',
    ])
    expect(result.warnings).toEqual([
      { line: 36, message: expect.stringContaining('goes from 1 to 3') },
    ])
  })

  test('every non-blank line of the sample ends up in the output', () => {
    const result = parseLegalText(sample)
    const texts: string[] = [result.title ?? '', ...result.sections.map((s) => s.heading)]
    const collect = (node: { children?: unknown[]; text?: string; type: string }) => {
      if (node.type === 'text') {
        texts.push(node.text!)
      }
      for (const child of (node.children ?? []) as Array<typeof node>) {
        collect(child)
      }
    }
    for (const state of [result.intro, ...result.sections.map((s) => s.body)]) {
      if (state) {
        collect(state.root)
      }
    }
    const all = texts.join('\n')
    expect(sampleLines.filter((line) => line.trim() !== '').length).toBeGreaterThan(0)
    for (const line of sampleLines) {
      const text = line.trim().replace(/^(?:•|\d+\.)\s*/, '')
      if (text !== '') {
        expect(all).toContain(text)
      }
    }
  })

  test('Privacy Policy: numbered items with continuation text and a nested bullet list', () => {
    const result = parseLegalText(part('Privacy Policy', 'Data security'))
    const section = result.sections.find((s) => s.heading === 'What data about you we collect')!
    const tree = outline(section.body)
    expect(tree).toContain(
      expected(`
        item 3 (indent 0)
          "Data we collect/you download while using our website."
          <br>
          "When you use our website to search for information and to learn about our services, or interact with the website, we collect data related to this activity, including:"
        item 4 (indent 0)
          bullet@1
            item 1 (indent 1)
    `).replace(/^/gm, '  '),
    )
    expect(tree).toContain(
      expected(`
        item 4 (indent 0)
          "Information we collect from social networks, used by you"
    `).replace(/^/gm, '  '),
    )
  })

  test('cookie policy: a sub-list inside a numbered item, items separated by blank lines', () => {
    const result = parseLegalText(part('Data security', 'Terms of use'))
    const cookies = result.sections.find((s) => s.heading === 'Our policy regarding cookie-files')!
    const list = cookies.body.root.children[0]
    expect(list.type).toBe('list')
    if (list.type !== 'list') {
      return
    }
    // Items 1..5 of the source, each followed by its sub-list item where it has one.
    expect(
      list.children.map((item) =>
        item.children[0]?.type === 'list' ? `[${item.value}]` : item.value,
      ),
    ).toEqual([1, '[2]', 2, 3, '[4]', 4, 5, '[6]'])
    const lastSubList = list.children[7].children[0]
    expect(lastSubList.type === 'list' && lastSubList.children.map((item) => item.value)).toEqual([
      1, 2, 3, 4, 5,
    ])
  })
})

import { describe, expect, test } from '@jest/globals'

import { compareSections, normaliseText } from '../../../seed/roundTrip'
import { parseLegalText } from '../../../src/importer'
import { lexicalToText } from '../../../src/render'

const section = (heading: string, text: string) => ({ heading, text })

describe('comparing source and served text', () => {
  test('whitespace and bullet glyphs are all that is forgiven', () => {
    expect(normaliseText('  • one\n\n    - two\n\t* three  ')).toBe('• one • two • three')
    expect(normaliseText('1. a\n  2. b')).toBe('1. a 2. b')
    // A dash inside a sentence is text, not a bullet.
    expect(normaliseText('data – and more')).toBe('data – and more')
    expect(
      compareSections([section('A', '  - one\n\n  - two')], [section('A', '• one\n• two')]),
    ).toEqual([])
  })

  test('a dropped sentence is found, and the message says where', () => {
    const source = 'We collect data. We keep it safe. We delete it on request.'
    const served = 'We collect data. We delete it on request.'
    const problems = compareSections([section('Data', source)], [section('Data', served)])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^section 1 "Data": text differs at character 20/)
    expect(problems[0]).toContain('We keep it safe.')
  })

  test('other list numbers, a changed word or punctuation are differences', () => {
    expect(
      compareSections([section('A', '1. one\n3. three')], [section('A', '1. one\n2. three')]),
    ).toHaveLength(1)
    expect(
      compareSections([section('A', 'We may share it.')], [section('A', 'We may sell it.')]),
    ).toHaveLength(1)
    expect(
      compareSections([section('A', 'by e-mail, using')], [section('A', 'by e-mail using')]),
    ).toHaveLength(1)
  })

  test('a missing, extra or renamed section is a difference', () => {
    const source = [section('A', 'a'), section('B', 'b')]
    expect(compareSections(source, [section('A', 'a')])).toEqual(['section 2 "B" is missing'])
    expect(compareSections(source, [...source, section('C', 'c')])).toEqual([
      'section 3 "C" is not in the source',
    ])
    expect(compareSections(source, [section('A', 'a'), section('Bee', 'b')])).toEqual([
      'section 2 "B": heading is "Bee"',
    ])
  })
})

/** Plain text in → Lexical → plain text out must say the same thing. */
function roundTrip(input: string): string {
  const parsed = parseLegalText(input, { detectTitle: false })
  expect(parsed.sections).toEqual([])
  return lexicalToText(parsed.intro)
}

describe('the importer keeps tricky text whole (text → Lexical → text)', () => {
  test.each([
    [
      'nested lists: numbers in numbers, bullets in numbers',
      'We collect:\n\n  1. Data you give us:\n    • your name;\n    • your e-mail address.\n  2. Data we observe:\n    1. your IP address;\n    2. your device.\n  3. Nothing else.',
    ],
    [
      'numbering that skips',
      '  1. We are not responsible.\n  3. When you get access, you agree.\n  4. And more.',
    ],
    [
      'blank lines inside items',
      '  1. Access to your data.\n\n    If you want to know what we store, ask.\n\n    We answer within 40 days.\n  2. Amendment of your data.\n\n    Simply contact us.',
    ],
    [
      '"•" bullets copied from a page, and "-" bullets',
      'You may not:\n\n  • change the materials;\n  • copy them.\n\n- one\n- two',
    ],
    [
      'a list that starts at 4, with a nested bullet',
      '  4. Besides, you may block cookies.\n    • in your browser;\n  5. Performance',
    ],
    [
      'links and e-mail addresses stay as their text',
      'Visit https://example.com/privacy, or write to privacy@example.com.',
    ],
  ])('%s', (_name, input) => {
    const output = roundTrip(input)
    expect(normaliseText(output)).toBe(normaliseText(input))
  })

  test('numbers are the written ones, and nesting shows in the indentation', () => {
    expect(roundTrip('  1. one\n    • a\n  3. three')).toBe('1. one\n  • a\n3. three')
  })
})

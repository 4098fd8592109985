import { describe, expect, test } from '@jest/globals'

import { ImportError } from '../../../src/importer/errors'
import { parseLegalText } from '../../../src/importer/parse'
import { intro } from './intro'
import { expected, expectSplit, outline } from './outline'

describe('plain text', () => {
  test('title, intro and sections split on heading-like lines', () => {
    const result = parseLegalText(
      [
        'Terms of Use',
        '',
        'Read these terms.',
        '',
        'Restrictions',
        '',
        'You may not copy.',
        '',
        'Linked websites',
        '',
        'We do not check them.',
      ].join('\n'),
    )
    expectSplit(result, {
      intro: 'Read these terms.',
      sections: [
        ['Restrictions', 5],
        ['Linked websites', 9],
      ],
      title: 'Terms of Use',
    })
  })

  test('detectTitle: false makes a leading heading a section', () => {
    const result = parseLegalText('Who we are\n\nA company.', { detectTitle: false })
    expect(result.title).toBeUndefined()
    expect(result.sections.map((s) => s.heading)).toEqual(['Who we are'])
  })

  test('consecutive lines stay one paragraph with line breaks (a <br> in the copied page)', () => {
    const result = parseLegalText('Contact\n\nDigitroom Holding Limited\nWan Chai, Hong Kong')
    expect(result.title).toBe('Contact')
    expect(outline(result.intro)).toBe(
      expected(`
      paragraph
        "Digitroom Holding Limited"
        <br>
        "Wan Chai, Hong Kong"
    `),
    )
  })

  test('asterisks and underscores are literal in plain text', () => {
    expect(intro('Prices * apply to file_name and **this**.').tree).toBe(
      expected(`
      paragraph
        "Prices * apply to file_name and **this**."
    `),
    )
  })

  test('bare URLs and e-mail addresses become links; trailing punctuation stays text', () => {
    const { tree } = intro(
      'Write to privacy@example.com, visit https://example.com/policy. Or www.example.org (https://en.wikipedia.org/wiki/Cookie_(disambiguation)).',
    )
    expect(tree).toBe(
      expected(`
      paragraph
        "Write to "
        link mailto:privacy@example.com
          "privacy@example.com"
        ", visit "
        link https://example.com/policy
          "https://example.com/policy"
        ". Or "
        link https://www.example.org
          "www.example.org"
        " ("
        link https://en.wikipedia.org/wiki/Cookie_(disambiguation)
          "https://en.wikipedia.org/wiki/Cookie_(disambiguation)"
        ")."
    `),
    )
  })

  test('CRLF and CR line endings give the same result and line numbers as LF', () => {
    const lf = 'Title\n\nIntro.\n\nSection\n\n  1. one\n  3. three\n'
    const crlf = parseLegalText(lf.replace(/\n/g, '\r\n'))
    const cr = parseLegalText(lf.replace(/\n/g, '\r'))
    const plain = parseLegalText(lf)
    expect(crlf).toEqual(plain)
    expect(cr).toEqual(plain)
    expect(plain.sections[0].line).toBe(5)
    expect(plain.warnings).toEqual([
      { line: 8, message: expect.stringContaining('goes from 1 to 3') },
    ])
    expect(JSON.stringify(crlf)).not.toContain('\\r')
  })

  test('separator lines are dropped with a warning', () => {
    const { result, tree } = intro('Intro.\n\n-----\n\nMore.')
    expect(tree).toBe(
      expected(`
      paragraph
        "Intro."
      paragraph
        "More."
    `),
    )
    expect(result.warnings).toEqual([{ line: 3, message: 'separator line dropped' }])
  })

  test('non-breaking spaces indent like spaces; a BOM is ignored', () => {
    expect(intro('\uFEFFList:\n\u00A0\u00A0• a\n\u00A0\u00A0\u00A0\u00A0• b').tree).toBe(
      expected(`
      paragraph
        "List:"
      bullet@1
        item 1 (indent 0)
          "a"
        item 2 (indent 0)
          bullet@1
            item 1 (indent 1)
              "b"
    `),
    )
  })

  test('right-to-left text gets direction rtl, as Lexical computes it', () => {
    const result = parseLegalText('מדיניות פרטיות של האתר', { detectTitle: false })
    expect(result.intro!.root.direction).toBe('rtl')
    expect(result.intro!.root.children[0].direction).toBe('rtl')
  })
})

describe('ImportError', () => {
  const failure = (
    input: string,
    options: Parameters<typeof parseLegalText>[1] = {},
  ): ImportError => {
    try {
      parseLegalText(input, options)
    } catch (error) {
      if (error instanceof ImportError) {
        return error
      }
      throw error
    }
    throw new Error('expected an ImportError')
  }

  test('binary data (NUL) names its line', () => {
    const error = failure('Title\n\nText\nPK\u0003\u0004\u0000\u0000')
    expect(error.line).toBe(4)
    expect(error.message).toMatch(
      /^line 4: control character U\+0003 at column 3: this looks like binary data/,
    )
    expect(error.name).toBe('ImportError')
  })

  test('C1 controls mean the wrong encoding', () => {
    const error = failure('We don\u0092t sell data.')
    expect(error.line).toBe(1)
    expect(error.message).toContain('wrong encoding')
  })

  test('an empty or whitespace-only document', () => {
    expect(failure('').line).toBe(1)
    expect(failure(' \r\n\t\n\u00A0').message).toBe('line 1: the document is empty')
    expect(failure('\n\n-----\n').message).toBe(
      'line 3: the document has no content (only separators)',
    )
  })

  test('a Markdown list item indented deeper than its level allows', () => {
    const error = failure('Intro\n\n- parent\n        - too deep', { format: 'markdown' })
    expect(error.line).toBe(4)
    expect(error.message).toContain('deeper than its parent item on line 3 allows (at most 5)')
    // The same depth is fine one level in (content column 2 + 3).
    expect(() => parseLegalText('- parent\n     - child', { format: 'markdown' })).not.toThrow()
    // Plain text nests by relative indentation only, so the same input reads fine.
    expect(() => parseLegalText('Intro\n\n- parent\n        - deep')).not.toThrow()
  })

  test('a Markdown list item indented 4 columns outside any list', () => {
    const error = failure('Intro\n\n    - code?', { format: 'markdown' })
    expect(error.line).toBe(3)
    expect(error.message).toContain('outside any list')
  })

  test('U+FFFD is only a warning', () => {
    const result = parseLegalText('Caf\uFFFD policy.', { detectTitle: false })
    expect(result.warnings).toEqual([{ line: 1, message: expect.stringContaining('U+FFFD') }])
  })
})

import { describe, expect, test } from '@jest/globals'

import { parseLegalText } from '../../../src/importer/parse'
import { intro } from './intro'
import { expected, expectSplit, outline } from './outline'

const md = (text: string, options: Parameters<typeof parseLegalText>[1] = {}) =>
  parseLegalText(text, { format: 'markdown', ...options })

describe('Markdown', () => {
  test('a single "#" is the title; "##" headings start sections', () => {
    const result = md(
      [
        '# Privacy Policy',
        '',
        'We respect your privacy.',
        '',
        '## Who we are',
        '',
        'A company.',
        '',
        '## Questions',
        '',
        'Ask us.',
      ].join('\n'),
    )
    expectSplit(result, {
      intro: 'We respect your privacy.',
      sections: [
        ['Who we are', 5],
        ['Questions', 9],
      ],
      title: 'Privacy Policy',
    })
    expect(outline(result.sections[1].body)).toBe(
      expected(`
      paragraph
        "Ask us."
    `),
    )
    expect(result.warnings).toEqual([])
  })

  test('several "#" headings are all sections, and there is no title', () => {
    const result = md('# One\n\ntext\n\n# Two\n\nmore')
    expect(result.title).toBeUndefined()
    expect(result.intro).toBeUndefined()
    expect(result.sections.map((s) => s.heading)).toEqual(['One', 'Two'])
  })

  test('setext headings and closing hashes', () => {
    const result = md(
      'Terms\n=====\n\nIntro.\n\nScope\n-----\n\nText.\n\n### Law ###\n\nUkrainian law.',
    )
    expect(result.title).toBe('Terms')
    expect(result.sections.map((s) => [s.heading, s.line])).toEqual([
      ['Scope', 6],
      ['Law', 11],
    ])
  })

  test('sectionDepth keeps deeper headings inside the section body', () => {
    const result = md(
      '## Cookies\n\nWe use cookies.\n\n### Analytics\n\nGoogle.\n\n## Law\n\nText.',
      { sectionDepth: 2 },
    )
    expect(result.sections.map((s) => s.heading)).toEqual(['Cookies', 'Law'])
    expect(outline(result.sections[0].body)).toBe(
      expected(`
      paragraph
        "We use cookies."
      h3
        "Analytics"
      paragraph
        "Google."
    `),
    )
  })

  test('paragraph lines join with a space; two trailing spaces or a backslash force a line break', () => {
    const { tree } = intro('one\ntwo  \nthree\\\nfour', 'markdown')
    expect(tree).toBe(
      expected(`
      paragraph
        "one two"
        <br>
        "three"
        <br>
        "four"
    `),
    )
  })

  test('bold, italic, both, strikethrough and code', () => {
    const { tree } = intro(
      'Some **bold**, *italic*, _also italic_, ***both***, ~~gone~~ and `code`.',
      'markdown',
    )
    expect(tree).toBe(
      expected(`
      paragraph
        "Some "
        "bold" [b]
        ", "
        "italic" [i]
        ", "
        "also italic" [i]
        ", "
        "both" [bi]
        ", "
        "gone" [s]
        " and "
        "code" [c]
        "."
    `),
    )
  })

  test('emphasis nests, and unmatched or intraword markers stay literal', () => {
    const { tree } = intro(
      '**bold *and italic* text** 2 * 3 * 4 snake_case_name **open',
      'markdown',
    )
    expect(tree).toBe(
      expected(`
      paragraph
        "bold " [b]
        "and italic" [bi]
        " text" [b]
        " 2 * 3 * 4 snake_case_name **open"
    `),
    )
  })

  test('the paragraph textFormat follows its first text node, as Lexical exports it', () => {
    const result = md('**Important:** read this.', { detectTitle: false })
    expect(result.intro!.root.children[0]).toMatchObject({
      type: 'paragraph',
      textFormat: 1,
      textStyle: '',
    })
  })

  test('links: inline, with emphasis inside, with a title, autolinks and e-mail targets', () => {
    const { result, tree } = intro(
      'See [our **policy**](https://example.com/privacy "Privacy"), <https://example.com/a>, <info@example.com> and [write](info@example.com).',
      'markdown',
    )
    expect(tree).toBe(
      expected(`
      paragraph
        "See "
        link https://example.com/privacy
          "our "
          "policy" [b]
        ", "
        link https://example.com/a
          "https://example.com/a"
        ", "
        link mailto:info@example.com
          "info@example.com"
        " and "
        link mailto:info@example.com
          "write"
        "."
    `),
    )
    const link = (result.intro!.root.children[0] as { children: unknown[] }).children[1]
    expect(link).toEqual({
      type: 'link',
      children: [
        { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: 'our ', version: 1 },
        {
          type: 'text',
          detail: 0,
          format: 1,
          mode: 'normal',
          style: '',
          text: 'policy',
          version: 1,
        },
      ],
      direction: 'ltr',
      fields: { linkType: 'custom', newTab: false, url: 'https://example.com/privacy' },
      format: '',
      indent: 0,
      version: 3,
    })
  })

  test('bare URLs win over emphasis markers inside them; e-mails with underscores stay whole', () => {
    const { tree } = intro(
      'See https://example.com/_private_/page and first_last@example.com, _really_.',
      'markdown',
    )
    expect(tree).toBe(
      expected(`
      paragraph
        "See "
        link https://example.com/_private_/page
          "https://example.com/_private_/page"
        " and "
        link mailto:first_last@example.com
          "first_last@example.com"
        ", "
        "really" [i]
        "."
    `),
    )
  })

  test('links in list items and headings; heading text drops the syntax', () => {
    const result = md(
      '## The [GDPR](https://gdpr.eu) *rights*\n\n- see [here](https://example.com)',
    )
    expect(result.sections[0].heading).toBe('The GDPR rights')
    expect(outline(result.sections[0].body)).toBe(
      expected(`
      bullet@1
        item 1 (indent 0)
          "see "
          link https://example.com
            "here"
    `),
    )
  })

  test('escapes, images and empty link targets', () => {
    const { result, tree } = intro('Not \\*emphasis\\*. ![logo](logo.png) [nowhere]()', 'markdown')
    expect(tree).toBe(
      expected(`
      paragraph
        "Not *emphasis*. logo nowhere"
    `),
    )
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('image "logo.png" is not imported'),
      expect.stringContaining('has no target'),
    ])
  })

  test('numbered Markdown list with nested bullets and a blank line between items', () => {
    const { tree } = intro('1. first\n\n   - a\n   - b\n\n2. second', 'markdown')
    expect(tree).toBe(
      expected(`
      number@1
        item 1 (indent 0)
          "first"
        item 2 (indent 0)
          bullet@1
            item 1 (indent 1)
              "a"
            item 2 (indent 1)
              "b"
        item 2 (indent 0)
          "second"
    `),
    )
  })

  test('horizontal rules, quotes and code blocks are imported as text or dropped, never silently', () => {
    const { result, tree } = intro(
      ['Intro', '', '---', '', '> quoted', '> text', '', '```', 'code line', '```'].join('\n'),
      'markdown',
    )
    expect(tree).toBe(
      expected(`
      paragraph
        "Intro"
      paragraph
        "quoted text"
      paragraph
        "code line"
    `),
    )
    expect(result.warnings).toEqual([
      { line: 3, message: 'separator line dropped' },
      { line: 5, message: 'block quote imported as a plain paragraph' },
      { line: 8, message: 'code block imported as a plain paragraph' },
    ])
  })

  test('a heading with no content and a repeated heading are reported', () => {
    const result = md('## A\n\n## B\n\ntext\n\n## b\n\nmore')
    expect(result.warnings).toEqual([
      { line: 1, message: 'heading "A" has no content' },
      { line: 7, message: 'heading "b" repeats the one on line 3' },
    ])
    expect(result.sections[0].body.root.children).toEqual([])
  })
})

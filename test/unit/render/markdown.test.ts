import { describe, expect, test } from '@jest/globals'

import { lexicalToMarkdown } from '../../../src/render'
import { br, FORMAT, heading, li, link, nest, ol, p, quote, state, text, ul } from './lexical'

describe('lexicalToMarkdown', () => {
  test('headings, paragraphs and quotes', () => {
    const body = state(
      heading('h3', 'Scope'),
      p('Text'),
      quote('Quoted', br(), 'twice'),
      heading('h1', 'Top'),
    )
    expect(lexicalToMarkdown(body)).toBe('### Scope\n\nText\n\n> Quoted\\\n> twice\n\n## Top')
  })

  test('bold, italic, strikethrough, code; whitespace stays outside the markers', () => {
    const body = state(
      p(
        text('bold ', FORMAT.bold),
        text('italic', FORMAT.italic),
        ' ',
        text('both', FORMAT.bold | FORMAT.italic),
        ' ',
        text('gone', FORMAT.strikethrough),
        ' ',
        text('a`b', FORMAT.code),
        ' ',
        text('under', FORMAT.underline),
      ),
    )
    expect(lexicalToMarkdown(body)).toBe('**bold** *italic* ***both*** ~~gone~~ ``a`b`` under')
  })

  test('links, with placeholders resolved and unsafe ones unlinked', () => {
    const body = state(
      p(
        link('mailto:{{company.email}}', ['write to us']),
        ' ',
        link('https://example.com/a (b)', ['odd']),
        ' ',
        link('javascript:alert(1)', ['bad']),
      ),
    )
    expect(lexicalToMarkdown(body, { entity: { email: 'legal@acme.example' } })).toBe(
      '[write to us](mailto:legal@acme.example) [odd](https://example.com/a%20%28b%29) bad',
    )
  })

  test("nested lists are indented to their parent item's text", () => {
    const body = state(
      ol(1, li(1, 'one'), nest(2, ul(li(1, 'a'), nest(2, ol(1, li(1, 'deep'))))), li(2, 'two')),
      ul(li(1, 'x', br(), 'y')),
    )
    expect(lexicalToMarkdown(body)).toBe('1. one\n   - a\n     1. deep\n2. two\n\n- x\\\n  y')
  })

  test('markup characters in text are escaped', () => {
    const body = state(
      p('*not bold* _x_ [y](z) <img src=x onerror=alert(1)> `c` ~s~'),
      p('# not a heading'),
      p('1. not a list'),
      p('- nor this'),
    )
    expect(lexicalToMarkdown(body)).toBe(
      '\\*not bold\\* \\_x\\_ \\[y\\](z) \\<img src=x onerror=alert(1)\\> \\`c\\` \\~s\\~\n\n' +
        '\\# not a heading\n\n1\\. not a list\n\n\\- nor this',
    )
  })
})

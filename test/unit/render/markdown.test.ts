import { describe, expect, test } from '@jest/globals'
import { fromMarkdown } from 'mdast-util-from-markdown'

import { lexicalToHTML, lexicalToMarkdown } from '../../../src/render'
import { markdownLinkDestination } from '../../../src/render/markdown'
import { br, FORMAT, heading, link, p, quote, state, text } from './lexical'
import { li, nest, ol, ul } from './lists'

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
      '[write to us](mailto:legal@acme.example) [odd](<https://example.com/a \\(b\\)>) bad',
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

  describe('link destinations read back as the same URL by a CommonMark parser', () => {
    type Mdast = { children?: Mdast[]; type: string; url?: string; value?: string }
    const links = (node: Mdast): Mdast[] => [
      ...(node.type === 'link' ? [node] : []),
      ...(node.children ?? []).flatMap(links),
    ]
    const plain = (node: Mdast): string => node.value ?? (node.children ?? []).map(plain).join('')
    // The HTML rendering's href, unescaped: the URL both renderings must point to.
    const htmlHref = (html: string) =>
      /href="([^"]*)"/
        .exec(html)?.[1]
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')

    const HOSTILE_URLS = [
      'https://example.com/a\\',
      'https://example.com/a\\\\',
      'https://example.com/a\\)',
      'https://example.com/a)',
      'https://example.com/a)b(c',
      'https://example.com/a(b)',
      'https://example.com/a (b)',
      'https://example.com/ trailing\\',
      'https://example.com/<script>',
      'https://example.com/a>b<c',
      'https://example.com/a\nb',
      'https://example.com/a\r\n(b)\\',
      'https://example.com/?q=1&amp;r=2&#41;&#x29;',
      'https://example.com/a\\*b\\_c\\[d\\]',
      'https://example.com/a"b\'c',
      'https://example.com/a) [x](javascript:alert(1)',
      'mailto:a\\@b.example',
    ]

    test.each(HOSTILE_URLS)('%j', (url) => {
      const body = state(p('before ', link(url, ['the text']), ' after'))
      const md = lexicalToMarkdown(body)
      const expected = htmlHref(lexicalToHTML(body))
      expect(expected).toBeDefined()
      const tree = fromMarkdown(md) as Mdast
      const found = links(tree)
      // One link, with the text and URL it was given, and nothing of the URL leaking into the text around it.
      expect(found).toHaveLength(1)
      expect(found[0].url).toBe(expected)
      expect(plain(found[0])).toBe('the text')
      expect(plain(tree)).toBe('before the text after')
    })

    test.each(HOSTILE_URLS)('%j as its own link text', (url) => {
      const body = state(p(link(url, [])))
      const found = links(fromMarkdown(lexicalToMarkdown(body)))
      const expected = htmlHref(lexicalToHTML(body))
      expect(found).toHaveLength(1)
      expect(found[0].url).toBe(expected)
      expect(plain(found[0])).toBe(expected)
    })

    test('the destination form, exactly', () => {
      const md = (url: string) => lexicalToMarkdown(state(p(link(url, ['t']))))
      expect(md('https://example.com/a\\')).toBe('[t](https://example.com/a\\\\)')
      expect(md('https://example.com/a(b)')).toBe('[t](https://example.com/a\\(b\\))')
      expect(md('https://example.com/a b')).toBe('[t](<https://example.com/a b>)')
      expect(md('https://example.com/<x>')).toBe('[t](https://example.com/\\<x\\>)')
      expect(md('https://example.com/?a=1&b=2&amp;')).toBe(
        '[t](https://example.com/?a=1&b=2\\&amp;)',
      )
      // Line breaks are removed before rendering; if one got this far it could not end the link.
      expect(markdownLinkDestination('https://example.com/a\nb\\')).toBe(
        'https://example.com/a%0Ab\\\\',
      )
      expect(markdownLinkDestination('')).toBe('<>')
    })
  })
})

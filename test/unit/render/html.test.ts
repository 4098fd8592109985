import { describe, expect, test } from '@jest/globals'

import { lexicalToHTML, sanitizeLegalHTML } from '../../../src/render'
import { autolink, br, FORMAT, heading, link, p, quote, state, tab, text } from './lexical'
import { li, nest, ol, ul } from './lists'

/**
 * No executable markup, whatever the route it took. Text is escaped, so every raw "<" opens a
 * real tag; only tags are searched, as escaped payloads may show "onerror=" as text.
 */
function expectInert(html: string) {
  const tags = html.match(/<[^>]*>/g) ?? []
  for (const tag of tags) {
    expect(tag).toMatch(/^<\/?(?:[pa]|h[2-6]|ul|ol|li|strong|em|[us]|code|br|blockquote)[\s/>]/)
    expect(tag).not.toMatch(/\son\w*\s*=/i)
    expect(tag).not.toMatch(/(?:javascript|data|vbscript|file):/i)
  }
}

describe('lexicalToHTML', () => {
  test('paragraphs, headings, quotes, line breaks and tabs', () => {
    const body = state(
      heading('h3', 'Scope'),
      p('First', br(), 'second', tab(), 'tabbed'),
      quote('Quoted'),
      heading('h1', 'Demoted'),
    )
    expect(lexicalToHTML(body)).toBe(
      '<h3>Scope</h3><p>First<br />second\ttabbed</p><blockquote>Quoted</blockquote><h2>Demoted</h2>',
    )
  })

  test('text formats become tags, not styles', () => {
    const body = state(
      p(
        text('b', FORMAT.bold),
        text('i', FORMAT.italic),
        text('bi', FORMAT.bold | FORMAT.italic),
        text('u', FORMAT.underline),
        text('s', FORMAT.strikethrough),
        text('c', FORMAT.code),
      ),
    )
    expect(lexicalToHTML(body)).toBe(
      '<p><strong>b</strong><em>i</em><strong><em>bi</em></strong><u>u</u><s>s</s><code>c</code></p>',
    )
  })

  test('nested mixed lists nest inside the previous item', () => {
    const body = state(
      ul(li(1, 'Fruit'), nest(2, ol(1, li(1, 'Apple'), li(2, 'Pear'))), li(2, 'Vegetables')),
    )
    expect(lexicalToHTML(body)).toBe(
      '<ul><li>Fruit<ol><li>Apple</li><li>Pear</li></ol></li><li>Vegetables</li></ul>',
    )
  })

  test('numbering that skips or starts late is kept', () => {
    expect(lexicalToHTML(state(ol(1, li(1, 'one'), li(3, 'three'), li(4, 'four'))))).toBe(
      '<ol><li>one</li><li value="3">three</li><li>four</li></ol>',
    )
    expect(lexicalToHTML(state(ol(5, li(5, 'five'), li(6, 'six'))))).toBe(
      '<ol start="5"><li>five</li><li>six</li></ol>',
    )
  })

  test('links keep safe URLs, open new tabs safely, resolve mailto placeholders', () => {
    const body = state(
      p(
        link('https://example.com/a?b=1&c=2', ['site'], true),
        ' ',
        link('mailto:{{company.email}}', ['{{company.email}}']),
        ' ',
        autolink('https://example.org'),
        ' ',
        link('/privacy#cookies', ['relative']),
      ),
    )
    expect(lexicalToHTML(body, { entity: { email: 'legal@acme.example' } })).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">site</a> ' +
        '<a href="mailto:legal@acme.example">legal@acme.example</a> ' +
        '<a href="https://example.org" rel="noopener noreferrer">https://example.org</a> <a href="/privacy#cookies">relative</a></p>',
    )
  })

  test('empty states render as an empty string', () => {
    expect(lexicalToHTML(null)).toBe('')
    expect(lexicalToHTML(undefined)).toBe('')
    expect(lexicalToHTML(state())).toBe('')
    expect(lexicalToHTML(state(p()))).toBe('')
  })

  test('unknown nodes keep their text; malformed nodes do not throw', () => {
    const body = state(
      { type: 'mystery', children: [text('kept')], version: 1 },
      { type: 'paragraph', children: 'nope', version: 1 },
      p({ type: 'text', version: 1 }, 'ok'),
    )
    expect(lexicalToHTML(body)).toBe('kept<p><br /></p><p>ok</p>')
  })
})

describe('XSS', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
  ]

  test.each(payloads)('text %s is shown, not run', (payload) => {
    const html = lexicalToHTML(state(p(payload), heading('h2', payload), ul(li(1, payload))))
    expectInert(html)
    expect(html).toContain('&lt;')
  })

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('link to %j renders as plain text', (url) => {
    const html = lexicalToHTML(state(p(link(url, ['click']), autolink(url))))
    expectInert(html)
    expect(html).not.toContain('<a')
    expect(html).toContain('click')
  })

  test('a placeholder value cannot inject a javascript: URL or markup', () => {
    const entity = { email: '"><script>alert(1)</script>', website: 'javascript:alert(1)' }
    const html = lexicalToHTML(
      state(
        p(
          link('{{company.website}}', ['site']),
          link('mailto:{{company.email}}', ['{{company.email}}']),
        ),
      ),
      { entity },
    )
    expectInert(html)
    expect(html).not.toContain('<script')
  })

  test('quotes in a URL cannot break out of the attribute', () => {
    const html = lexicalToHTML(state(p(link('https://x.example/"onmouseover="alert(1)', ['x']))))
    expectInert(html)
    expect(html).toContain('href="https://x.example/&quot;onmouseover=&quot;alert(1)"')
  })

  test('the sanitiser strips anything outside the allow-list', () => {
    expect(
      sanitizeLegalHTML(
        '<p class="x" style="color:red" onclick="alert(1)">a<script>alert(1)</script><iframe src="x"></iframe>' +
          '<a href="javascript:alert(1)" target="_top" rel="opener">b</a><a href="data:text/html,x">c</a>' +
          '<a href="https://x.example" target="_blank">d</a></p><h1>T</h1>',
      ),
    ).toBe(
      '<p>a<a>b</a><a>c</a><a href="https://x.example" rel="noopener noreferrer" target="_blank">d</a></p><h2>T</h2>',
    )
  })
})

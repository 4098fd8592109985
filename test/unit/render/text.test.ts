import { describe, expect, test } from '@jest/globals'

import { lexicalToText } from '../../../src/render'
import { autolink, br, FORMAT, heading, link, p, quote, state, tab, text } from './lexical'
import { li, nest, ol, ul } from './lists'

describe('lexicalToText', () => {
  test('blocks are separated by one blank line; headings and quotes are their text', () => {
    const body = state(
      heading('h3', 'Scope'),
      p('First ', text('bold', FORMAT.bold)),
      quote('Quoted'),
      p('Last'),
    )
    expect(lexicalToText(body)).toBe('Scope\n\nFirst bold\n\nQuoted\n\nLast')
  })

  test('line breaks are newlines, tabs stay, empty paragraphs vanish', () => {
    const body = state(p('a', br(), 'b', tab(), 'c', br()), p(), p('   '), p('d'))
    expect(lexicalToText(body)).toBe('a\nb\tc\n\nd')
  })

  test('links render as their text', () => {
    const body = state(
      p('See ', link('https://example.com', ['our site']), ' or ', autolink('https://x.example')),
    )
    expect(lexicalToText(body)).toBe('See our site or https://x.example')
  })

  test('bullets and numbers, each item on its own line', () => {
    const body = state(ul(li(1, 'apples'), li(2, 'pears')), ol(1, li(1, 'one'), li(2, 'two')))
    expect(lexicalToText(body)).toBe('• apples\n• pears\n\n1. one\n2. two')
  })

  test('numbering that skips, or starts late, keeps its numbers', () => {
    expect(lexicalToText(state(ol(1, li(1, 'one'), li(3, 'three'), li(4, 'four'))))).toBe(
      '1. one\n3. three\n4. four',
    )
    expect(lexicalToText(state(ol(7, li(7, 'seven'), li(8, 'eight'))))).toBe('7. seven\n8. eight')
  })

  test('items without a stored value are counted from start', () => {
    const list = ol(3, li(3, 'x'), li(4, 'y'))
    for (const item of list.children as Array<Record<string, unknown>>) {
      delete item.value
    }
    expect(lexicalToText(state(list))).toBe('3. x\n4. y')
  })

  test('nested mixed lists indent two spaces per level', () => {
    const body = state(
      ol(
        1,
        li(1, 'Data we collect'),
        nest(
          2,
          ul(li(1, 'name'), li(2, 'e-mail'), nest(3, ol(1, li(1, 'work'), li(2, 'private')))),
        ),
        li(2, 'Why'),
      ),
      p('After'),
    )
    expect(lexicalToText(body)).toBe(
      [
        '1. Data we collect',
        '  • name',
        '  • e-mail',
        '    1. work',
        '    2. private',
        '2. Why',
        '',
        'After',
      ].join('\n'),
    )
  })

  test('a list that opens with a nested list still indents it', () => {
    expect(lexicalToText(state(ul(nest(1, ul(li(1, 'deep'))), li(1, 'top'))))).toBe(
      '  • deep\n• top',
    )
  })

  test('continuation lines of an item line up with its text', () => {
    expect(lexicalToText(state(ol(9, li(9, 'nine'), li(10, 'ten', br(), 'more'))))).toBe(
      '9. nine\n10. ten\n    more',
    )
  })

  test('no trailing spaces, no surrounding blank lines', () => {
    expect(lexicalToText(state(p('  padded  '), p('x ', br(), 'y')))).toBe('padded\n\nx\ny')
  })

  test('text is not escaped: it is plain text', () => {
    expect(lexicalToText(state(p('<b>&amp;</b>')))).toBe('<b>&amp;</b>')
  })

  test('empty states give an empty string', () => {
    expect(lexicalToText(null)).toBe('')
    expect(lexicalToText(state(p()))).toBe('')
  })
})

import type { DefaultTypedEditorState } from '@payloadcms/richtext-lexical'

import { describe, expect, test } from '@jest/globals'

import {
  heading,
  type LexicalState,
  lineBreak,
  link,
  list,
  listItem,
  paragraph,
  root,
  text,
  TEXT_FORMAT,
} from '../../../src/importer/lexicalNodes'
import { parseLegalText } from '../../../src/importer/parse'
import { richText } from '../../helpers/lexical'
import { text as textNode } from '../render/lexical'
import { expected, outline } from './outline'

describe('Lexical node builders', () => {
  test('root, paragraph and text produce what Payload stores', () => {
    expect(root([paragraph('Hello')])).toEqual(richText('Hello'))
  })

  test('heading, link (with and without id) and line break', () => {
    expect(heading('h3', [text('Cookies', TEXT_FORMAT.italic)])).toEqual({
      type: 'heading',
      children: [textNode('Cookies', 2)],
      direction: 'ltr',
      format: '',
      indent: 0,
      tag: 'h3',
      version: 1,
    })
    expect(link('mailto:a@b.co', 'a@b.co')).toMatchObject({
      type: 'link',
      fields: { linkType: 'custom', newTab: false, url: 'mailto:a@b.co' },
      version: 3,
    })
    expect(
      link('https://x.y', 'x', { id: '65f0c0ffee0000000000beef', newTab: true }),
    ).toMatchObject({
      id: '65f0c0ffee0000000000beef',
      fields: { newTab: true },
    })
    expect('id' in link('https://x.y', 'x')).toBe(false)
    expect(lineBreak()).toEqual({ type: 'linebreak', version: 1 })
  })

  test('list numbers items like Lexical and nests them with the right indent', () => {
    const built = list('number', [
      listItem('one'),
      listItem(list('bullet', [listItem('a'), listItem(list('number', [listItem('deep')]))])),
      listItem('two'),
    ])
    expect(outline(root([built]))).toBe(
      expected(`
      number@1
        item 1 (indent 0)
          "one"
        item 2 (indent 0)
          bullet@1
            item 1 (indent 1)
              "a"
            item 2 (indent 1)
              number@1
                item 1 (indent 2)
                  "deep"
        item 2 (indent 0)
          "two"
    `),
    )
    expect(built.tag).toBe('ol')
  })

  test('explicit values are kept and set the start', () => {
    const built = list('number', [
      listItem('a', 1),
      listItem('c', 3),
      listItem(list('bullet', [listItem('x')])),
    ])
    expect(built.start).toBe(1)
    expect(built.children.map((item) => item.value)).toEqual([1, 3, 4])
    expect(list('number', [listItem('zero', 0)]).start).toBe(0)
  })

  test('parser output is assignable to Payload’s DefaultTypedEditorState', () => {
    const state: LexicalState = parseLegalText('Intro [x](https://x.y)\n\n- a\n  1. b', {
      detectTitle: false,
      format: 'markdown',
    }).intro!
    const typed: DefaultTypedEditorState = state
    expect(typed.root.type).toBe('root')
  })

  test('linkId gives every link an id', () => {
    let n = 0
    const result = parseLegalText(
      'See https://a.example and b@c.example.\n\n- [d](https://d.example)',
      {
        detectTitle: false,
        linkId: () => `id${++n}`,
      },
    )
    expect(JSON.stringify(result.intro).match(/"id":"id\d"/g)).toEqual([
      '"id":"id1"',
      '"id":"id2"',
      '"id":"id3"',
    ])
  })
})

import { describe, expect, test } from '@jest/globals'

import { text } from '../render/lexical'
import { intro } from './intro'
import { expected } from './outline'

describe('lists', () => {
  // Each case: the text, its tree, and (where given) the warnings it must give.
  test.each<{ name: string; text: string; tree: string; warnings?: unknown[] }>([
    {
      name: '"•" bullets copied from a web page',
      text: 'This document will describe:\n  • Who we are\n  • General provisions\n',
      tree: `
        paragraph
          "This document will describe:"
        bullet@1
          item 1 (indent 0)
            "Who we are"
          item 2 (indent 0)
            "General provisions"
      `,
      warnings: [],
    },
    {
      name: '"1)" numbers and a list that starts at 4',
      text: '4) four\n5) five',
      tree: `
        number@4
          item 4 (indent 0)
            "four"
          item 5 (indent 0)
            "five"
      `,
    },
    {
      name: 'bullets inside numbers inside bullets (3 levels), as Lexical nests them',
      text: [
        '- fruit',
        '  1. apple',
        '     - green',
        '     - red',
        '  2. pear',
        '- vegetables',
      ].join('\n'),
      tree: `
        bullet@1
          item 1 (indent 0)
            "fruit"
          item 2 (indent 0)
            number@1
              item 1 (indent 1)
                "apple"
              item 2 (indent 1)
                bullet@1
                  item 1 (indent 2)
                    "green"
                  item 2 (indent 2)
                    "red"
              item 2 (indent 1)
                "pear"
          item 2 (indent 0)
            "vegetables"
      `,
    },
    {
      name: 'numbers inside bullets, by relative indentation of any width',
      text: ['• a', '        1. deep', '        2. deeper', '• b'].join('\n'),
      tree: `
        bullet@1
          item 1 (indent 0)
            "a"
          item 2 (indent 0)
            number@1
              item 1 (indent 1)
                "deep"
              item 2 (indent 1)
                "deeper"
          item 2 (indent 0)
            "b"
      `,
    },
    {
      name: 'blank lines between items do not end the list; continuation paragraphs stay in their item',
      text: [
        '  1. Access to your data stored by us.',
        '',
        '    If you want to know what we store, write to us.',
        '  2. Amendment of your data.',
        '',
        '',
        '  3. Retraction of the consent.',
        '',
        '    You may change your mind.',
        '',
        '    At any time.',
        '',
        'After the list.',
      ].join('\n'),
      tree: `
        number@1
          item 1 (indent 0)
            "Access to your data stored by us."
            <br>
            "If you want to know what we store, write to us."
          item 2 (indent 0)
            "Amendment of your data."
          item 3 (indent 0)
            "Retraction of the consent."
            <br>
            "You may change your mind."
            <br>
            "At any time."
        paragraph
          "After the list."
      `,
      warnings: [],
    },
    {
      name: 'a sub-list after continuation text, then the next item (as in the Privacy Policy)',
      text: [
        '  3. Data we collect while you use our website.',
        '',
        '    When you use our website, we collect:',
        '    • data of your accounts;',
        '    • your location.',
        '  4. Information from social networks',
      ].join('\n'),
      tree: `
        number@3
          item 3 (indent 0)
            "Data we collect while you use our website."
            <br>
            "When you use our website, we collect:"
          item 4 (indent 0)
            bullet@1
              item 1 (indent 1)
                "data of your accounts;"
              item 2 (indent 1)
                "your location."
          item 4 (indent 0)
            "Information from social networks"
      `,
    },
    {
      name: 'an item continued by text at its own level after its sub-list: a further item, with a warning',
      text: ['1. a', '   - sub', '   more about a', '2. b'].join('\n'),
      tree: `
        number@1
          item 1 (indent 0)
            "a"
          item 2 (indent 0)
            bullet@1
              item 1 (indent 1)
                "sub"
          item 1 (indent 0)
            "more about a"
          item 2 (indent 0)
            "b"
      `,
      warnings: [
        {
          line: 3,
          message: expect.stringContaining('became a list item of its own'),
        },
      ],
    },
    {
      name: 'bullets after numbers at the same level start a second list',
      text: '1. one\n2. two\n- dash',
      tree: `
        number@1
          item 1 (indent 0)
            "one"
          item 2 (indent 0)
            "two"
        bullet@1
          item 1 (indent 0)
            "dash"
      `,
    },
    {
      name: 'right-aligned numbers (" 9." then "10.") stay one list',
      text: ' 9. nine\n10. ten',
      tree: `
        number@9
          item 9 (indent 0)
            "nine"
          item 10 (indent 0)
            "ten"
      `,
    },
    {
      name: 'empty list items are kept and reported',
      text: '•\n• real',
      tree: `
        bullet@1
          item 1 (indent 0)
          item 2 (indent 0)
            "real"
      `,
      warnings: [{ line: 1, message: 'empty list item' }],
    },
    {
      name: 'tabs indent to 4-column stops',
      text: '- a\n\t- b\n\t\t- c',
      tree: `
        bullet@1
          item 1 (indent 0)
            "a"
          item 2 (indent 0)
            bullet@1
              item 1 (indent 1)
                "b"
              item 2 (indent 1)
                bullet@1
                  item 1 (indent 2)
                    "c"
      `,
    },
    {
      name: 'a tab inside a line becomes a space, with a warning',
      text: 'Cookie\tDuration',
      tree: `
        paragraph
          "Cookie Duration"
      `,
      warnings: [{ line: 1, message: expect.stringContaining('tab') }],
    },
  ])('$name', ({ text, tree, warnings }) => {
    const { result, tree: actual } = intro(text)
    expect(actual).toBe(expected(tree))
    if (warnings) {
      expect(result.warnings).toEqual(warnings)
    }
  })

  test.each(['-', '*', '–', '+'])('"%s" bullets', (bullet) => {
    const { tree } = intro(`${bullet} one\n${bullet} two`)
    expect(tree).toBe(
      expected(`
      bullet@1
        item 1 (indent 0)
          "one"
        item 2 (indent 0)
          "two"
    `),
    )
  })

  test('numbering that skips keeps the written numbers, with a warning', () => {
    const { result, tree } = intro('We provide:\n\n  1. first\n  3. third\n  4. fourth')
    expect(tree).toContain(
      expected(`
      number@1
        item 1 (indent 0)
          "first"
        item 3 (indent 0)
          "third"
        item 4 (indent 0)
          "fourth"
    `),
    )
    expect(result.warnings).toEqual([
      { line: 4, message: expect.stringContaining('goes from 1 to 3') },
    ])
    const list = result.intro!.root.children[1]
    expect(list).toMatchObject({
      type: 'list',
      listType: 'number',
      start: 1,
      tag: 'ol',
    })
  })

  test('the nested list node is the only child of its item, and keeps the JSON shape', () => {
    const { result } = intro('1. a\n   - b')
    const list = result.intro!.root.children[0]
    expect(list).toEqual({
      type: 'list',
      children: [
        {
          type: 'listitem',
          children: [text('a')],
          direction: 'ltr',
          format: '',
          indent: 0,
          value: 1,
          version: 1,
        },
        {
          type: 'listitem',
          children: [
            {
              type: 'list',
              children: [
                {
                  type: 'listitem',
                  children: [text('b')],
                  direction: 'ltr',
                  format: '',
                  indent: 1,
                  value: 1,
                  version: 1,
                },
              ],
              direction: 'ltr',
              format: '',
              indent: 0,
              listType: 'bullet',
              start: 1,
              tag: 'ul',
              version: 1,
            },
          ],
          direction: 'ltr',
          format: '',
          indent: 0,
          value: 2,
          version: 1,
        },
      ],
      direction: 'ltr',
      format: '',
      indent: 0,
      listType: 'number',
      start: 1,
      tag: 'ol',
      version: 1,
    })
  })

  test('an unindented line after a list ends it in plain text, continues the item in Markdown', () => {
    expect(intro('• item\nnext').tree).toBe(
      expected(`
      bullet@1
        item 1 (indent 0)
          "item"
      paragraph
        "next"
    `),
    )
    expect(intro('- item\nlazy', 'markdown').tree).toBe(
      expected(`
      bullet@1
        item 1 (indent 0)
          "item lazy"
    `),
    )
  })
})

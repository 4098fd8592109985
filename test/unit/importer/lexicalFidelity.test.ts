import { describe, expect, test } from '@jest/globals'
import { LinkNode } from '@payloadcms/richtext-lexical'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { createHeadlessEditor } from '@payloadcms/richtext-lexical/lexical/headless'
import { ListItemNode, ListNode } from '@payloadcms/richtext-lexical/lexical/list'
import { HeadingNode } from '@payloadcms/richtext-lexical/lexical/rich-text'
import fs from 'node:fs'
import path from 'node:path'

import type { LexicalState } from '../../../src/importer/lexicalNodes'

import { parseLegalText } from '../../../src/importer/parse'

/**
 * The strongest check that the importer writes what Payload stores: Lexical itself (the version
 * Payload ships, with Payload's own LinkNode) parses each state and exports it again, and the
 * JSON must come back unchanged, property order included.
 */
describe('Lexical round trip', () => {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error
    },
  })
  const roundTrip = (state: LexicalState) => editor.parseEditorState(JSON.stringify(state)).toJSON()

  test('every section of the real legal pages survives parse → export unchanged', () => {
    const sample = fs.readFileSync(
      path.resolve(process.cwd(), '../shared/seeds/legal-pages.txt'),
      'utf8',
    )
    const result = parseLegalText(sample)
    for (const state of [result.intro!, ...result.sections.map((s) => s.body)]) {
      expect(JSON.stringify(roundTrip(state))).toBe(JSON.stringify(state))
    }
  })

  test('Markdown with headings, links, emphasis and three list levels survives unchanged', () => {
    const result = parseLegalText(
      [
        '## Cookies',
        '',
        'We **use** [cookies](https://example.com) — ask *privacy@example.com*.  ',
        'Second line.',
        '',
        '### Kinds',
        '',
        '1. first',
        '   - a',
        '     1. deep',
        '3. third',
      ].join('\n'),
      { format: 'markdown', linkId: () => '65f0c0ffee0000000000beef', sectionDepth: 2 },
    )
    const body = result.sections[0].body
    expect(JSON.stringify(roundTrip(body))).toBe(JSON.stringify(body))
  })

  test('Payload’s HTML converter renders it, keeping skipped numbers', () => {
    const result = parseLegalText('Provisions\n\n  1. one\n  3. three\n\nMail a@b.example')
    const html = convertLexicalToHTML({ data: result.intro as never })
    expect(html).toMatch(
      /<ol class="list-number"><li[^>]*value="1"\s*>one<\/li><li[^>]*value="3"\s*>three<\/li><\/ol>/,
    )
    expect(html).toContain('<a href="mailto:a@b.example">a@b.example</a>')
  })
})

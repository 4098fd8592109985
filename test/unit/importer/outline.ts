import { expect } from '@jest/globals'

import type { LexicalNode, LexicalState } from '../../../src/importer/lexicalNodes'
import type { parseLegalText } from '../../../src/importer/parse'

/**
 * A compact, indentation-based picture of a Lexical tree, so tests can assert a whole nested
 * structure at once and a failure shows exactly where it differs. Text formats print as
 * [b] bold, [i] italic, [s] strike, [c] code; lists as "number@3" (listType@start);
 * items as "item 3 (indent 1)".
 */
export function outline(state: LexicalState | undefined): string {
  if (!state) {
    return '(none)'
  }
  const out: string[] = []
  const walk = (node: LexicalNode, depth: number) => {
    const pad = '  '.repeat(depth)
    switch (node.type) {
      case 'heading':
        out.push(`${pad}${node.tag}`)
        break
      case 'linebreak':
        out.push(`${pad}<br>`)
        return
      case 'link':
        out.push(`${pad}link ${node.fields.url}`)
        break
      case 'list':
        out.push(`${pad}${node.listType}@${node.start}`)
        break
      case 'listitem':
        out.push(`${pad}item ${node.value} (indent ${node.indent})`)
        break
      case 'root':
        break
      case 'text': {
        const f = Number(node.format)
        const marks = [
          f & 1 ? 'b' : '',
          f & 2 ? 'i' : '',
          f & 4 ? 's' : '',
          f & 16 ? 'c' : '',
        ].join('')
        out.push(`${pad}"${node.text}"${marks ? ` [${marks}]` : ''}`)
        return
      }
      default:
        out.push(`${pad}${node.type}`)
    }
    for (const child of node.children ?? []) {
      walk(child, node.type === 'root' ? depth : depth + 1)
    }
  }
  walk(state.root, 0)
  return out.join('\n')
}

/** Builds the expected outline from an indented template literal. */
export function expected(template: string): string {
  const lines = template.split('\n').filter((line) => line.trim() !== '')
  const margin = Math.min(...lines.map((line) => /^ */.exec(line)![0].length))
  return lines.map((line) => line.slice(margin).trimEnd()).join('\n')
}

/**
 * The usual split of a short document: its `title`, an intro of one paragraph (`intro`), and
 * the sections' headings with the line each starts on.
 */
export function expectSplit(
  result: ReturnType<typeof parseLegalText>,
  split: { intro: string; sections: [string, number][]; title: string },
): void {
  expect(result.title).toBe(split.title)
  expect(outline(result.intro)).toBe(`paragraph\n  "${split.intro}"`)
  expect(result.sections.map((s) => [s.heading, s.line])).toEqual(split.sections)
}

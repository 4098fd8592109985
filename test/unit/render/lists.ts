/** Builders for Lexical's lists (bullet and numbered, nested), in the stored editor-state JSON. */
import { element, inline, type Node } from './lexical'

/** A list item; `value` is the number Lexical stores on every item. */
export const li = (value: number, ...children: Array<Node | string>) =>
  element('listitem', inline(children), { value })

/** Lexical nests a list in an extra item of its own, which carries the next item's value. */
export const nest = (value: number, list: Node) => element('listitem', [list], { value })

export const ul = (...items: Node[]) =>
  element('list', items, { listType: 'bullet', start: 1, tag: 'ul' })
export const ol = (start: number, ...items: Node[]) =>
  element('list', items, { listType: 'number', start, tag: 'ol' })

/** Builders for the editor-state JSON that @payloadcms/richtext-lexical stores. */
type Node = { type: string; version: number; [key: string]: unknown }

export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const

export function state(...children: Node[]) {
  return {
    root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children },
  }
}

export function text(value: string, format = 0): Node {
  return { type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' }
}

function element(type: string, children: Node[], extra: Record<string, unknown> = {}): Node {
  return { type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra }
}

const inline = (children: Array<Node | string>) => children.map((c) => (typeof c === 'string' ? text(c) : c))

export const p = (...children: Array<Node | string>) =>
  element('paragraph', inline(children), { textFormat: 0, textStyle: '' })
export const heading = (tag: string, ...children: Array<Node | string>) =>
  element('heading', inline(children), { tag })
export const quote = (...children: Array<Node | string>) => element('quote', inline(children))
export const br = (): Node => ({ type: 'linebreak', version: 1 })
export const tab = (): Node => ({
  type: 'tab',
  version: 1,
  text: '\t',
  format: 0,
  detail: 2,
  mode: 'normal',
  style: '',
})

export function link(url: string, children: Array<Node | string>, newTab = false): Node {
  return element('link', inline(children), { fields: { linkType: 'custom', url, newTab }, id: 'x' })
}
export function autolink(url: string): Node {
  return element('autolink', [text(url)], { fields: { linkType: 'custom', url, newTab: false } })
}

/** A list item; `value` is the number Lexical stores on every item. */
export const li = (value: number, ...children: Array<Node | string>) =>
  element('listitem', inline(children), { value })

/** Lexical nests a list in an extra item of its own, which carries the next item's value. */
export const nest = (value: number, list: Node) => element('listitem', [list], { value })

export const ul = (...items: Node[]) => element('list', items, { listType: 'bullet', tag: 'ul', start: 1 })
export const ol = (start: number, ...items: Node[]) =>
  element('list', items, { listType: 'number', tag: 'ol', start })

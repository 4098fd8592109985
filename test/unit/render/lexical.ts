/** Builders for the editor-state JSON that @payloadcms/richtext-lexical stores. */
export type Node = { [key: string]: unknown; type: string; version: number }

export const FORMAT = { bold: 1, code: 16, italic: 2, strikethrough: 4, underline: 8 } as const

export function state(...children: Node[]) {
  return {
    root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
  }
}

export function text(value: string, format = 0): Node {
  return { type: 'text', detail: 0, format, mode: 'normal', style: '', text: value, version: 1 }
}

export function element(type: string, children: Node[], extra: Record<string, unknown> = {}): Node {
  return { type, children, direction: 'ltr', format: '', indent: 0, version: 1, ...extra }
}

export const inline = (children: Array<Node | string>) =>
  children.map((c) => (typeof c === 'string' ? text(c) : c))

export const p = (...children: Array<Node | string>) =>
  element('paragraph', inline(children), { textFormat: 0, textStyle: '' })
export const heading = (tag: string, ...children: Array<Node | string>) =>
  element('heading', inline(children), { tag })
export const quote = (...children: Array<Node | string>) => element('quote', inline(children))
export const br = (): Node => ({ type: 'linebreak', version: 1 })
export const tab = (): Node => ({
  type: 'tab',
  detail: 2,
  format: 0,
  mode: 'normal',
  style: '',
  text: '\t',
  version: 1,
})

export function link(url: string, children: Array<Node | string>, newTab = false): Node {
  return element('link', inline(children), { id: 'x', fields: { linkType: 'custom', newTab, url } })
}
export function autolink(url: string): Node {
  return element('autolink', [text(url)], { fields: { linkType: 'custom', newTab: false, url } })
}

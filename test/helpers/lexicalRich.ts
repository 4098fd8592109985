/** Lexical nodes for tests that need more than plain paragraphs. */
const base = { format: '', indent: 0, version: 1, direction: 'ltr' }
export const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 })
export const paragraph = (...children: unknown[]) => ({ ...base, type: 'paragraph', textFormat: 0, textStyle: '', children })
export const link = (url: string, label: string) => ({
  ...base,
  type: 'link',
  version: 3,
  fields: { linkType: 'custom', url, newTab: false },
  children: [text(label)],
})
export const bulletList = (...items: string[]) => ({
  ...base,
  type: 'list',
  listType: 'bullet',
  tag: 'ul',
  start: 1,
  children: items.map((t, i) => ({ ...base, type: 'listitem', value: i + 1, children: [text(t)] })),
})
export const root = (...children: unknown[]) => ({ root: { ...base, type: 'root', children } })

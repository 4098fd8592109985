/** Lexical nodes for tests that need more than plain paragraphs. */
const base = { direction: 'ltr', format: '', indent: 0, version: 1 }
export const text = (t: string, format = 0) => ({
  type: 'text',
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: t,
  version: 1,
})
export const paragraph = (...children: unknown[]) => ({
  ...base,
  type: 'paragraph',
  children,
  textFormat: 0,
  textStyle: '',
})
export const link = (url: string, label: string) => ({
  ...base,
  type: 'link',
  children: [text(label)],
  fields: { linkType: 'custom', newTab: false, url },
  version: 3,
})
export const bulletList = (...items: string[]) => ({
  ...base,
  type: 'list',
  children: items.map((t, i) => ({ ...base, type: 'listitem', children: [text(t)], value: i + 1 })),
  listType: 'bullet',
  start: 1,
  tag: 'ul',
})
export const root = (...children: unknown[]) => ({ root: { ...base, type: 'root', children } })

/**
 * A Lexical node after `normalizeState`: every field the renderers read has a known type, so
 * renderers never meet `undefined` children or non-string text from hand-made or imported JSON.
 */
export type LexicalNode = {
  checked?: boolean
  children: LexicalNode[]
  /** Links and autolinks (Payload's LinkNode). */
  fields?: LinkFields
  /** Text nodes: bitmask (1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code...). */
  format?: number
  listType?: string
  start?: number
  /** Headings: h1..h6; lists: ul/ol. */
  tag?: string
  /** Text nodes only. */
  text?: string
  type: string
  /** List items: the number the item shows in an ordered list. */
  value?: number
  version: number
}

export type LinkFields = {
  [key: string]: unknown
  linkType?: string
  newTab?: boolean
  url?: string
}

/**
 * Editor state as stored by @payloadcms/richtext-lexical. Deliberately loose so Payload's
 * generated types, parsed JSON and test fixtures are all accepted; `normalizeState` checks it.
 */
export type LexicalStateInput = { [key: string]: unknown; root?: unknown } | null | undefined

/** The company values behind the `{{company.…}}` placeholders (the legal-entity global). */
export type LegalEntity = {
  address?: null | string
  email?: null | string
  name?: null | string
  phone?: null | string
  website?: null | string
}

export type RenderOptions = {
  /** Values for `{{company.…}}` placeholders; without it every placeholder renders empty. */
  entity?: LegalEntity | null
}

/**
 * A Lexical node after `normalizeState`: every field the renderers read has a known type, so
 * renderers never meet `undefined` children or non-string text from hand-made or imported JSON.
 */
export type LexicalNode = {
  type: string
  version: number
  children: LexicalNode[]
  /** Text nodes only. */
  text?: string
  /** Text nodes: bitmask (1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code...). */
  format?: number
  /** Headings: h1..h6; lists: ul/ol. */
  tag?: string
  listType?: string
  start?: number
  /** List items: the number the item shows in an ordered list. */
  value?: number
  checked?: boolean
  /** Links and autolinks (Payload's LinkNode). */
  fields?: LinkFields
}

export type LinkFields = {
  linkType?: string
  url?: string
  newTab?: boolean
  [key: string]: unknown
}

/**
 * Editor state as stored by @payloadcms/richtext-lexical. Deliberately loose so Payload's
 * generated types, parsed JSON and test fixtures are all accepted; `normalizeState` checks it.
 */
export type LexicalStateInput = { root?: unknown; [key: string]: unknown } | null | undefined

/** The company values behind the `{{company.…}}` placeholders (the legal-entity global). */
export type LegalEntity = {
  name?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
  website?: string | null
}

export type RenderOptions = {
  /** Values for `{{company.…}}` placeholders; without it every placeholder renders empty. */
  entity?: LegalEntity | null
}

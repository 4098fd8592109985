/* eslint-disable perfectionist/sort-objects -- Lexical nodes keep the key order of Lexical's own exportJSON: the importer writes byte for byte what the editor writes */
/**
 * Builders for the Lexical JSON that @payloadcms/richtext-lexical 3.90.2 stores (Lexical 0.50).
 *
 * The shapes mirror each node's exportJSON() so that a document written with these builders is
 * byte-for-byte what the admin editor would save: Payload's editor, its HTML/plain-text converters
 * and its validation all accept it without a round trip through a headless editor.
 * Property order follows exportJSON() too, which keeps snapshots and diffs readable.
 */

export type Direction = 'ltr' | 'rtl' | null
export type ElementFormat = '' | 'center' | 'end' | 'justify' | 'left' | 'right' | 'start'
export type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'
export type ListType = 'bullet' | 'number'

/** Lexical's text format bitmask (lexical/src/LexicalConstants.ts). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
} as const

interface SerializedElement {
  direction: Direction
  format: ElementFormat
  indent: number
}

export interface LexicalTextNode {
  detail: number
  format: number
  mode: 'normal' | 'segmented' | 'token'
  style: string
  text: string
  type: 'text'
  version: 1
}

export interface LexicalLineBreakNode {
  type: 'linebreak'
  version: 1
}

export interface LexicalLinkNode extends SerializedElement {
  children: Array<LexicalLineBreakNode | LexicalTextNode>
  fields: { linkType: 'custom'; newTab: boolean; url: string }
  id?: string
  type: 'link'
  // Payload bumped its link node to version 3 when it added `id`; older versions get migrated on load.
  version: 3
}

export type LexicalInlineNode = LexicalLineBreakNode | LexicalLinkNode | LexicalTextNode

export interface LexicalParagraphNode extends SerializedElement {
  children: LexicalInlineNode[]
  textFormat: number
  textStyle: string
  type: 'paragraph'
  version: 1
}

export interface LexicalHeadingNode extends SerializedElement {
  children: LexicalInlineNode[]
  tag: HeadingTag
  type: 'heading'
  version: 1
}

export interface LexicalListItemNode extends SerializedElement {
  /** Only check lists use it; ListItemNode.exportJSON() writes undefined (dropped by JSON) otherwise. */
  checked: boolean | undefined
  /** Inline content, or exactly one list: Lexical nests a list by wrapping it in its own item. */
  children: [LexicalListNode] | LexicalInlineNode[]
  type: 'listitem'
  value: number
  version: 1
}

export interface LexicalListNode extends SerializedElement {
  children: LexicalListItemNode[]
  listType: ListType
  start: number
  tag: 'ol' | 'ul'
  type: 'list'
  version: 1
}

export type LexicalBlockNode = LexicalHeadingNode | LexicalListNode | LexicalParagraphNode

export interface LexicalRootNode extends SerializedElement {
  children: LexicalBlockNode[]
  type: 'root'
  version: 1
}

/**
 * What a Payload richText field stores. A type alias, not an interface, so it stays assignable
 * to Payload's DefaultTypedEditorState (which has an index signature).
 */
export type LexicalState = {
  root: LexicalRootNode
}

/** Any node the importer writes. */
export type LexicalNode =
  LexicalBlockNode | LexicalInlineNode | LexicalListItemNode | LexicalRootNode

// Lexical's own strong-character classes (LexicalConstants.ts), so RTL documents get the same
// `direction` the editor would compute instead of a hard-coded 'ltr'.
const RTL = '\u0591-\u07FF\uFB1D-\uFDFD\uFE70-\uFEFC'
const LTR =
  'A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02B8\u0300-\u0590\u0800-\u1FFF\u200E\u2C00-\uFB1C\uFE00-\uFE6F\uFEFD-\uFFFF'
// The Unicode ranges of strong left-to-right and right-to-left letters, built from LTR and RTL above.
// eslint-disable-next-line no-misleading-character-class, regexp/no-misleading-unicode-character, regexp/no-obscure-range
const RTL_FIRST = new RegExp(`^[^${LTR}]*[${RTL}]`)

export function textContent(node: LexicalNode): string {
  if (node.type === 'text') {
    return node.text
  }
  if (node.type === 'linebreak') {
    return '\n'
  }
  return (node.children as LexicalNode[]).map(textContent).join('')
}

function directionOf(children: LexicalNode[]): Direction {
  // Payload's buildEditorState writes 'ltr' even for empty content; only real RTL text flips it.
  return RTL_FIRST.test(children.map(textContent).join('')) ? 'rtl' : 'ltr'
}

function inlineChildren(children: LexicalInlineNode[] | string): LexicalInlineNode[] {
  return typeof children === 'string' ? [text(children)] : children
}

export function text(value: string, format = 0): LexicalTextNode {
  return { detail: 0, format, mode: 'normal', style: '', text: value, type: 'text', version: 1 }
}

export function lineBreak(): LexicalLineBreakNode {
  return { type: 'linebreak', version: 1 }
}

/**
 * A custom-URL link. Payload's editor gives every link a 24-hex `id` (bson ObjectID); it is
 * optional in the stored JSON (the node loads without it), so pass one only if you have one.
 */
export function link(
  url: string,
  children: Array<LexicalLineBreakNode | LexicalTextNode> | string,
  options: { id?: string; newTab?: boolean } = {},
): LexicalLinkNode {
  const kids = typeof children === 'string' ? [text(children)] : children
  const node: LexicalLinkNode = {
    children: kids,
    direction: directionOf(kids),
    format: '',
    indent: 0,
    type: 'link',
    version: 3,
    fields: { linkType: 'custom', newTab: options.newTab ?? false, url },
  }
  if (options.id) {
    node.id = options.id
  }
  return node
}

export function paragraph(children: LexicalInlineNode[] | string): LexicalParagraphNode {
  const kids = inlineChildren(children)
  // ParagraphNode.exportJSON() copies the first direct text child's format and style.
  const firstText = kids.find((child): child is LexicalTextNode => child.type === 'text')
  return {
    children: kids,
    direction: directionOf(kids),
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
    textFormat: firstText?.format ?? 0,
    textStyle: firstText?.style ?? '',
  }
}

export function heading(
  tag: HeadingTag,
  children: LexicalInlineNode[] | string,
): LexicalHeadingNode {
  const kids = inlineChildren(children)
  return {
    children: kids,
    direction: directionOf(kids),
    format: '',
    indent: 0,
    type: 'heading',
    version: 1,
    tag,
  }
}

// Items built without a value, so list() can tell "number me" from an explicit 0 or 1.
const unnumbered = new WeakSet<LexicalListItemNode>()

/**
 * One list item: inline content, or a nested list (Lexical puts a sub-list in an item of its own,
 * right after the item it belongs to). `value` is optional: list() numbers items that lack one.
 */
export function listItem(
  children: LexicalInlineNode[] | LexicalListNode | string,
  value?: number,
): LexicalListItemNode {
  const kids: LexicalListItemNode['children'] =
    typeof children === 'string'
      ? [text(children)]
      : Array.isArray(children)
        ? children
        : [children]
  const item: LexicalListItemNode = {
    children: kids,
    direction: directionOf(kids),
    format: '',
    indent: 0,
    type: 'listitem',
    version: 1,
    checked: undefined,
    value: value ?? 1,
  }
  if (value === undefined) {
    unnumbered.add(item)
  }
  return item
}

function isWrapper(item: LexicalListItemNode): boolean {
  return item.children.length === 1 && item.children[0].type === 'list'
}

// A list item's `indent` is its nesting depth (ListItemNode.getIndent()); builders work bottom-up,
// so each enclosing list() pushes everything inside its wrapper items one level deeper.
function deepen(list: LexicalListNode): LexicalListNode {
  return {
    ...list,
    children: list.children.map((item) => ({
      ...item,
      indent: item.indent + 1,
      children: isWrapper(item) ? [deepen(item.children[0] as LexicalListNode)] : item.children,
    })),
  }
}

/**
 * A bullet or numbered list. Items without a value are numbered the way Lexical's
 * updateChildrenListItemValue() does it: consecutively from `start`, and an item that only
 * wraps a sub-list takes the next number without using it up. Explicit values are kept, so
 * "1, 3" stays "1, 3" (Payload's HTML converter writes them as <li value>).
 */
export function list(
  listType: ListType,
  items: LexicalListItemNode[],
  options: { start?: number } = {},
): LexicalListNode {
  const firstExplicit = items.find((item) => !isWrapper(item) && !unnumbered.has(item))?.value
  const start = options.start ?? (listType === 'number' ? (firstExplicit ?? 1) : 1)
  let next = start
  const children = items.map((item) => {
    const value = unnumbered.has(item) ? next : item.value
    if (!isWrapper(item)) {
      next = value + 1
    }
    return isWrapper(item)
      ? {
          ...item,
          value,
          children: [deepen(item.children[0] as LexicalListNode)] as [LexicalListNode],
        }
      : { ...item, value }
  })
  return {
    children,
    direction: directionOf(children),
    format: '',
    indent: 0,
    type: 'list',
    version: 1,
    listType,
    start,
    tag: listType === 'number' ? 'ol' : 'ul',
  }
}

/** The whole editor state ({ root }), i.e. the value of a richText field. */
export function root(children: LexicalBlockNode[]): LexicalState {
  return {
    root: {
      children,
      direction: directionOf(children),
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  }
}

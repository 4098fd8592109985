import type { LexicalNode, LexicalStateInput, LinkFields } from './types.js'

import { TEXT_FORMAT } from '../importer/lexicalNodes.js'

// One bitmask for writing (the importer's builders) and reading (the renderers).
export { TEXT_FORMAT }

export function hasFormat(node: LexicalNode, flag: number): boolean {
  return ((node.format ?? 0) & flag) !== 0
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function normalizeNode(raw: unknown): LexicalNode | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    return null
  }
  const node: LexicalNode = {
    type: raw.type,
    children: Array.isArray(raw.children)
      ? raw.children.map(normalizeNode).filter((child): child is LexicalNode => child !== null)
      : [],
    version: typeof raw.version === 'number' ? raw.version : 1,
  }
  if (raw.type === 'text') {
    node.text = typeof raw.text === 'string' ? raw.text : ''
  }
  // Element nodes use `format` for alignment ('center'...); only the text bitmask matters here.
  if (typeof raw.format === 'number') {
    node.format = raw.format
  }
  if (typeof raw.tag === 'string') {
    node.tag = raw.tag
  }
  if (typeof raw.listType === 'string') {
    node.listType = raw.listType
  }
  if (isListNumber(raw.start)) {
    node.start = raw.start
  }
  if (isListNumber(raw.value)) {
    node.value = raw.value
  }
  if (typeof raw.checked === 'boolean') {
    node.checked = raw.checked
  }
  if (isRecord(raw.fields)) {
    const fields: LinkFields = { ...raw.fields }
    if (typeof fields.url !== 'string') {
      delete fields.url
    }
    fields.newTab = fields.newTab === true
    node.fields = fields
  }
  return node
}

function isListNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

/** The root node of a stored editor state, or null when there is nothing to render. */
export function normalizeState(state: LexicalStateInput): LexicalNode | null {
  const root = normalizeNode(state?.root)
  return root && root.children.length > 0 ? root : null
}

/** One visible item of a list: its number, its own content and the lists nested under it. */
export type ListEntry = {
  checked?: boolean
  /** False only for a nested list that opens a list, so there is no item to hang it under. */
  hasMarker: boolean
  inline: LexicalNode[]
  nested: LexicalNode[]
  number: number
}

/**
 * Lexical nests a list by putting it alone in an extra listitem after the parent item; that
 * wrapper is not a visible item, so it is folded into the item before it. Numbers come from
 * each item's stored `value` (so skipped numbers survive), falling back to counting from
 * `start` like Lexical, where wrappers take no number.
 */
export function listEntries(list: LexicalNode): ListEntry[] {
  const entries: ListEntry[] = []
  let next = list.start ?? 1
  for (const child of list.children) {
    const content = child.type === 'listitem' ? child.children : [child]
    const nested = content.filter((node) => node.type === 'list')
    const inline = content.filter((node) => node.type !== 'list')
    const previous = entries.at(-1)
    if (inline.length === 0 && nested.length > 0) {
      if (previous) {
        previous.nested.push(...nested)
      } else {
        entries.push({ hasMarker: false, inline, nested, number: next })
      }
      continue
    }
    const number = child.type === 'listitem' && child.value !== undefined ? child.value : next
    entries.push({ checked: child.checked, hasMarker: true, inline, nested, number })
    next = number + 1
  }
  return entries
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * The href a link may carry, or null when it must render as plain text: a link whose target
 * is unsafe (javascript:, data:...) or unknown (internal links) is better unlinked than dead.
 * Relative and fragment URLs carry no scheme and stay.
 */
export function safeHref(fields: LinkFields | undefined): null | string {
  if (!fields || fields.linkType === 'internal' || !fields.url) {
    return null
  }
  // Browsers ignore control characters inside a scheme ("java\tscript:"), so must we.
  // eslint-disable-next-line no-control-regex -- browsers drop control characters in URLs; so do we, before checking the scheme
  const url = fields.url.trim().replace(/[\u0000-\u001f\u007f]/g, '')
  if (!url) {
    return null
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)
  if (scheme) {
    return SAFE_SCHEMES.has(scheme[1].toLowerCase()) ? url : null
  }
  return url
}

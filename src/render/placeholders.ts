import type { LegalEntity, LexicalNode, LexicalStateInput } from './types.js'

import { normalizeState } from './nodes.js'

export const KNOWN_PLACEHOLDERS = [
  'company.name',
  'company.address',
  'company.phone',
  'company.email',
  'company.website',
] as const

export type PlaceholderName = (typeof KNOWN_PLACEHOLDERS)[number]

const ENTITY_KEYS: Record<PlaceholderName, keyof LegalEntity> = {
  'company.address': 'address',
  'company.email': 'email',
  'company.name': 'name',
  'company.phone': 'phone',
  'company.website': 'website',
}

export function isKnownPlaceholder(name: string): name is PlaceholderName {
  return Object.hasOwn(ENTITY_KEYS, name)
}

// Anything between double braces counts, so a typo like {{company name}} is reported, not shown.
const TEXT_PLACEHOLDER = /\{\{([^{}]*)\}\}/g
// Payload's link field percent-encodes URLs it does not recognise, turning
// "{{company.website}}" into "%7B%7Bcompany.website%7D%7D"; both spellings must match.
const URL_PLACEHOLDER = /(?:\{|%7B){2}((?:(?!\}|%7D|\{|%7B)[\s\S])*)(?:\}|%7D){2}/gi

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw).trim()
  } catch {
    return raw.trim()
  }
}

function uniqueNames(pattern: RegExp, text: string, decode: (raw: string) => string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(pattern)) {
    names.add(decode(match[1]))
  }
  return [...names]
}

/** Names of the placeholders in a piece of text, each once, in order of appearance. */
export function findPlaceholders(text: string): string[] {
  return uniqueNames(TEXT_PLACEHOLDER, text, (raw) => raw.trim())
}

function entityValue(name: PlaceholderName, entity: LegalEntity | null | undefined): string {
  const value = entity?.[ENTITY_KEYS[name]]
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : ''
}

/**
 * Replaces known placeholders with the entity's values, in one pass so a value that itself
 * looks like a placeholder is never expanded. A missing value becomes an empty string: readers
 * must never see "{{company.phone}}"; `findMissingValues` lets publishing warn about it instead.
 * Unknown placeholders stay as written (save-time validation rejects them).
 * The result is plain text: callers escape it for the output format.
 */
export function resolvePlaceholders(text: string, entity: LegalEntity | null | undefined): string {
  return text.replace(TEXT_PLACEHOLDER, (whole, raw: string) => {
    const name = raw.trim()
    return isKnownPlaceholder(name) ? entityValue(name, entity) : whole
  })
}

/**
 * Like `resolvePlaceholders`, for a link URL such as "mailto:{{company.email}}". Values that
 * are addresses (e-mail, phone, website) go in verbatim minus whitespace, so "tel:" links
 * dial; free text (name, address) is percent-encoded as a query value would need. A website
 * without a scheme that starts the URL gets https://, or it would become a relative link.
 * The result still has to pass `safeHref`: a value cannot smuggle in a javascript: URL.
 */
export function resolveUrlPlaceholders(
  url: string,
  entity: LegalEntity | null | undefined,
): string {
  return (
    url
      // Payload's link field encodes such a URL whole, scheme included: "mailto%3A%7B%7B%20...".
      .replace(/^(https?|mailto|tel)%3A/i, '$1:')
      .replace(URL_PLACEHOLDER, (whole, raw: string, offset: number) => {
        const name = decodeName(raw)
        if (!isKnownPlaceholder(name)) {
          return whole
        }
        const value = entityValue(name, entity)
        if (name === 'company.name' || name === 'company.address') {
          return encodeURIComponent(value)
        }
        const compact = value.replace(/\s+/g, '')
        if (
          name === 'company.website' &&
          offset === 0 &&
          compact &&
          !/^[a-z][a-z0-9+.-]*:/i.test(compact)
        ) {
          return `https://${compact}`
        }
        return compact
      })
  )
}

function walk(node: LexicalNode, visit: (node: LexicalNode) => void): void {
  visit(node)
  for (const child of node.children) {
    walk(child, visit)
  }
}

function placeholdersInState(root: LexicalNode): string[] {
  const names = new Set<string>()
  walk(root, (node) => {
    if (node.text) {
      for (const name of findPlaceholders(node.text)) {
        names.add(name)
      }
    }
    const url = node.fields?.url
    if (url) {
      for (const name of uniqueNames(URL_PLACEHOLDER, url, decodeName)) {
        names.add(name)
      }
    }
  })
  return [...names]
}

/**
 * Placeholder names in text nodes and link URLs that are not in KNOWN_PLACEHOLDERS, each once,
 * as written inside the braces (trimmed), so save-time validation can name them.
 */
export function findUnknownPlaceholders(state: LexicalStateInput): string[] {
  const root = normalizeState(state)
  return root ? placeholdersInState(root).filter((name) => !isKnownPlaceholder(name)) : []
}

/** Known placeholders used in the state whose entity value is empty (they render as nothing). */
export function findMissingValues(
  state: LexicalStateInput,
  entity: LegalEntity | null | undefined,
): PlaceholderName[] {
  const root = normalizeState(state)
  if (!root) {
    return []
  }
  return placeholdersInState(root).filter(
    (name): name is PlaceholderName => isKnownPlaceholder(name) && entityValue(name, entity) === '',
  )
}

/**
 * Placeholders that only exist across two text nodes, e.g. "{{company." bold and "name}}" not:
 * they can be neither resolved nor reported as unknown, so validation should reject them.
 * Returned as written.
 */
export function findSplitPlaceholders(state: LexicalStateInput): string[] {
  const root = normalizeState(state)
  if (!root) {
    return []
  }
  const split = new Set<string>()
  walk(root, (node) => {
    // Ends of each text child within the joined text; a match crossing one is split.
    let joined = ''
    const boundaries: number[] = []
    for (const child of node.children) {
      joined += child.type === 'text' ? child.text : '\u0000'
      boundaries.push(joined.length)
    }
    for (const match of joined.matchAll(TEXT_PLACEHOLDER)) {
      const start = match.index
      const end = start + match[0].length
      if (boundaries.some((boundary) => boundary > start && boundary < end)) {
        split.add(match[0])
      }
    }
  })
  return [...split]
}

function resolveNode(node: LexicalNode, entity: LegalEntity | null | undefined): LexicalNode[] {
  if (node.type === 'text' && node.text) {
    const text = resolvePlaceholders(node.text, entity)
    // A multi-line value (the address is a textarea) becomes real line breaks, as typed ones are.
    return text.split('\n').flatMap((line, index) => {
      const textNode: LexicalNode = { ...node, text: line }
      return index === 0 ? [textNode] : [{ type: 'linebreak', children: [], version: 1 }, textNode]
    })
  }
  const resolved: LexicalNode = {
    ...node,
    children: node.children.flatMap((child) => resolveNode(child, entity)),
  }
  if (node.fields?.url) {
    resolved.fields = { ...node.fields, url: resolveUrlPlaceholders(node.fields.url, entity) }
  }
  return [resolved]
}

/**
 * A normalised copy of the state with every placeholder in text and link URLs resolved, so
 * values pass through the renderers' ordinary escaping (and could be archived as rendered).
 * Null when there is nothing to render.
 */
export function resolveStatePlaceholders(
  state: LexicalStateInput,
  entity: LegalEntity | null | undefined,
): { root: LexicalNode } | null {
  const root = normalizeState(state)
  const resolved = root ? resolveNode(root, entity)[0] : undefined
  return resolved ? { root: resolved } : null
}

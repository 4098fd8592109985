import { createHash } from 'node:crypto'

/**
 * JSON with object keys sorted at every depth, so the same content always serialises the same
 * way whatever order the database or an editor wrote the keys in. Otherwise it follows
 * JSON.stringify: toJSON is honoured, undefined and functions are left out of objects and
 * become null in arrays, non-finite numbers become null.
 */
export function canonicalJSON(value: unknown): string {
  return serialize(value) ?? 'null'
}

function serialize(value: unknown): string | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return serialize((value as { toJSON: () => unknown }).toJSON())
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value)
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? JSON.stringify(value) : 'null'
  }
  if (typeof value === 'bigint') {
    throw new TypeError('contentHash: BigInt has no JSON form')
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => serialize(item) ?? 'null').join(',')}]`
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const members = Object.keys(record)
      .sort()
      .flatMap((key) => {
        const member = serialize(record[key])
        return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`]
      })
    return `{${members.join(',')}}`
  }
  return undefined
}

/** Hex SHA-256 of `canonicalJSON(value)`: equal content, equal hash, regardless of key order. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJSON(value), 'utf8').digest('hex')
}

/** Normalises field values so that a re-save of the same content compares equal. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') {
    return null
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString()
  }
  // Dates arrive as ISO strings, sometimes without a time; stored ones always have it.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(value)) {
    const d = new Date(value)
    return Number.isNaN(d.getTime()) ? value : d.toISOString()
  }
  if (Array.isArray(value)) {
    return value.length ? value.map(normalise) : null
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    // A populated relationship compares by its id.
    if ('id' in obj && ('createdAt' in obj || 'updatedAt' in obj)) {
      return String(obj.id)
    }
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(obj).sort()) {
      const v = normalise(obj[key])
      if (v !== null) {
        out[key] = v
      }
    }
    return out
  }
  if (typeof value === 'number') {
    return String(value)
  }
  return value
}

/** Names of the given fields whose incoming value differs from the stored one. */
export function changedFields(
  data: Record<string, unknown>,
  original: Record<string, unknown> | undefined,
  fields: readonly string[],
): string[] {
  return fields.filter(
    (f) =>
      f in data && JSON.stringify(normalise(data[f])) !== JSON.stringify(normalise(original?.[f])),
  )
}

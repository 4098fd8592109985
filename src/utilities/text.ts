/**
 * A stored or sent value as text: a string as it is, a number or boolean written out, anything
 * else `fallback`. Values read from JSON or a request are `unknown`; an object among them must not
 * become "[object Object]" in a message, a hash input or a date.
 */
export function textOf(value: unknown, fallback = ''): string {
  if (typeof value === 'string') {
    return value
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  return fallback
}

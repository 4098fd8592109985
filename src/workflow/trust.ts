import type { PayloadRequest } from 'payload'

/**
 * Marks the writes made by the plugin's own operations (workflow actions, publish) while they
 * run. Keyed by the request object itself: nothing a REST or GraphQL client sends can reach
 * this map, and Payload passes the same request object down to nested Local API calls (its
 * `context`, by contrast, is rebuilt and would drop a Symbol key).
 */
const trustedDepth = new WeakMap<PayloadRequest, number>()

export function isTrusted(req: PayloadRequest): boolean {
  return (trustedDepth.get(req) ?? 0) > 0
}

export async function asTrusted<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
  trustedDepth.set(req, (trustedDepth.get(req) ?? 0) + 1)
  try {
    return await fn()
  } finally {
    trustedDepth.set(req, (trustedDepth.get(req) ?? 1) - 1)
  }
}

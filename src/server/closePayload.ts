import type { Payload } from 'payload'

type PgPool = {
  _clients?: { release?: (err?: Error | boolean) => void }[]
  _idle?: { client: unknown }[]
  end: () => Promise<void>
  ended?: boolean
}

/**
 * payload.destroy() does not end the pg pool, and db-postgres keeps the client of its first
 * connect() checked out for good, so `pool.end()` alone would wait forever. Release what is
 * still checked out, then end the pool.
 */
export async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  const pool = (payload.db as unknown as { pool?: PgPool }).pool
  if (!pool || pool.ended) return
  const idle = new Set((pool._idle ?? []).map((i) => i.client))
  for (const client of pool._clients ?? []) {
    if (!idle.has(client)) client.release?.(true)
  }
  await pool.end().catch(() => {})
}

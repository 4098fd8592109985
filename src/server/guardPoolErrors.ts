import type { EventEmitter } from 'node:events'
import type { Payload } from 'payload'

const guarded = new WeakSet<object>()

/**
 * node-postgres emits 'error' on the pool (idle clients) and on checked-out clients when the
 * server drops a connection (restart, failover, admin termination). An 'error' event without
 * a listener throws and takes the whole process down; the next query gets a fresh connection.
 */
export function guardPoolErrors(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: EventEmitter & { _clients?: EventEmitter[] } }).pool
  if (!pool || guarded.has(pool)) return
  guarded.add(pool)
  const warn = (err: Error) => payload.logger.warn(`Database connection lost: ${err.message}`)
  pool.on('error', warn)
  const guardClient = (client: EventEmitter) => {
    if (!guarded.has(client)) {
      guarded.add(client)
      client.on('error', warn)
    }
  }
  for (const client of pool._clients ?? []) guardClient(client)
  pool.on('connect', guardClient)
}

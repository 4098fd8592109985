import type { Payload } from 'payload'

import { postgresInternals } from '../payloadInternals.js'

const gated = new WeakSet<object>()

/**
 * Keeps the number of open transactions below the size of the PostgreSQL pool.
 *
 * Each transaction holds one pooled connection until it ends. Payload 3.90's REST update and
 * delete check `payload-locked-documents` with a query made outside the request's
 * transaction (checkDocumentLockStatus calls `db.find` without `req`), so such a request needs a
 * second connection while it holds the first. With as many concurrent REST writes as the pool
 * has free connections, every connection is held by a transaction that waits for another
 * one: the server hangs for good (the pool waits forever by default). Measured here: 20
 * concurrent publishes of one document with the default pool of 10, minus the connection
 * db-postgres keeps checked out and the one the publish listener holds.
 *
 * So a transaction may begin only while fewer than `pool max - reserve` are open; the others
 * wait their turn in memory, holding no connection. The reserve keeps the adapter's own
 * connection, the LISTEN connection and one for out-of-transaction queries free, so a
 * transaction that needs a second connection always gets one.
 */
export function limitOpenTransactions(payload: Payload, reserve = 3): void {
  const db = postgresInternals(payload)
  if (gated.has(db)) {
    return
  }
  gated.add(db)
  const limit = Math.max(1, (db.pool?.options?.max ?? 10) - reserve)
  let open = 0
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) {
      next()
    } else {
      open--
    }
  }
  const begin = db.beginTransaction.bind(db)
  db.beginTransaction = async (options?: unknown) => {
    if (open < limit) {
      open++
    } else {
      await new Promise<void>((resolve) => waiting.push(resolve))
    }
    let id: null | number | string
    try {
      id = await begin(options)
    } catch (err) {
      release()
      throw err
    }
    const session = id !== null && id !== undefined ? db.sessions[String(id)] : undefined
    if (!session) {
      release()
      return id
    }
    // Commit and rollback both end the session through one of these, exactly once.
    let ended = false
    const end = () => {
      if (ended) {
        return
      }
      ended = true
      release()
    }
    const { reject, resolve } = session
    session.resolve = async () => {
      try {
        await resolve()
      } finally {
        end()
      }
    }
    session.reject = async () => {
      try {
        await reject()
      } finally {
        end()
      }
    }
    return id
  }
}

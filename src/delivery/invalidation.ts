import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import {
  guardPoolErrors,
  type PgClient,
  postgresInternals,
  sqlExecutorFor,
} from '../payloadInternals.js'
import { deliveryCacheFor } from './cache.js'

export const PUBLISH_CHANNEL = 'legal_documents_published'

/**
 * Called inside the publish transaction. The local cache is dropped at once; other processes
 * on the same database hear a NOTIFY, which PostgreSQL delivers only when the transaction
 * commits (a rolled-back publish tells nobody), and drop theirs. The notifying process hears
 * it too, which also clears anything cached between this call and the commit.
 */
export async function announcePublish(req: PayloadRequest): Promise<void> {
  deliveryCacheFor(req.payload).clear()
  const { executor } = await sqlExecutorFor(req)
  await executor.execute(sql`select pg_notify(${PUBLISH_CHANNEL}, '')`)
}

/**
 * Keeps one connection LISTENing for publishes by other processes. After a lost connection it
 * reconnects, and clears the cache, since notifications sent meanwhile are lost.
 */
export function listenForPublishes(payload: Payload): () => void {
  const { pool } = postgresInternals(payload)
  // This connection lives as long as the process: when the database drops it (restart,
  // failover, a dropped database), the pool re-emits the error, which must not end the process.
  guardPoolErrors(payload)
  let stopped = false
  let client: PgClient | undefined
  let timer: NodeJS.Timeout | undefined
  let releaseCurrent: (() => void) | undefined

  const connect = async () => {
    if (stopped) {
      return
    }
    try {
      const c = await pool.connect()
      // A client may be released once only: a second release throws, and from an 'error'
      // event (the database going away during shutdown) that would end the process.
      let released = false
      const release = () => {
        if (released) {
          return
        }
        released = true
        try {
          c.release(true)
        } catch {
          // Already released by whoever closed the pool.
        }
      }
      releaseCurrent = release
      c.on('notification', () => deliveryCacheFor(payload).clear())
      c.on('error', () => {
        release()
        if (client === c) {
          client = undefined
        }
        retry()
      })
      if (stopped) {
        return release()
      }
      await c.query(`LISTEN ${PUBLISH_CHANNEL}`)
      client = c
      deliveryCacheFor(payload).clear()
    } catch {
      retry()
    }
  }
  const retry = () => {
    if (stopped) {
      return
    }
    timer = setTimeout(() => void connect(), 1000)
    timer.unref()
  }
  void connect()
  return () => {
    stopped = true
    clearTimeout(timer)
    releaseCurrent?.()
    client = undefined
  }
}

import type { EventEmitter } from 'node:events'
import type { Config, Payload, PayloadRequest } from 'payload'

/**
 * The one place where the plugin reaches past Payload's public API: the PostgreSQL adapter's
 * pool, drizzle instance and transaction sessions, its `beginTransaction`, the jobs queue,
 * the crons and `destroy`. Each accessor checks that the internal still has the shape this
 * code was written against (Payload 3.90) and throws `PayloadInternalsError` naming what
 * changed, so a Payload upgrade fails loudly here, at start, instead of quietly later.
 */

export class PayloadInternalsError extends Error {
  constructor(what: string) {
    super(
      `payload-plugin-legal-documents: Payload's ${what} no longer has the shape this plugin relies on ` +
        '(tested with Payload 3.90). Check the compatibility table in the README before upgrading Payload.',
    )
    this.name = 'PayloadInternalsError'
  }
}

/**
 * The plugin holds row locks inside Payload's transactions and tells other server processes
 * about publishes with LISTEN/NOTIFY: both exist only on PostgreSQL. Checked when the plugin is
 * applied, so a host on another adapter stops at once with one sentence.
 */
export function assertPostgresConfig(config: Config): void {
  const name = (config.db as { name?: unknown } | undefined)?.name
  if (name === 'postgres') {
    return
  }
  throw new Error(
    `legalDocumentsPlugin needs PostgreSQL (@payloadcms/db-postgres): it relies on row locks and LISTEN/NOTIFY, ` +
      `but this config's database adapter is ${typeof name === 'string' ? `"${name}"` : 'not set'}.`,
  )
}

export type SqlExecutor = { execute: (query: unknown) => Promise<unknown> }
/** A pooled node-postgres client, as the plugin's own queries use it. */
export type PgQueryClient = {
  query: (
    text: string,
    values?: unknown[],
  ) => Promise<{ rowCount?: null | number; rows: Record<string, unknown>[] }>
  release: (err?: boolean | Error) => void
}
export type PgClient = EventEmitter & PgQueryClient
export type PgPool = {
  _clients?: PgClient[]
  _idle?: { client: unknown }[]
  connect: () => Promise<PgClient>
  end: () => Promise<void>
  ended?: boolean
  options?: { max?: number }
} & EventEmitter
export type TransactionSession = {
  db?: SqlExecutor
  reject: () => Promise<void> | void
  resolve: () => Promise<void> | void
}
export type PostgresInternals = {
  beginTransaction: (options?: unknown) => Promise<null | number | string>
  drizzle: SqlExecutor
  pool: PgPool
  sessions: Record<string, TransactionSession>
}

const isFunction = (value: unknown): value is (...args: never[]) => unknown =>
  typeof value === 'function'
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
const isPool = (value: unknown): value is PgPool =>
  isObject(value) && isFunction(value.connect) && isFunction(value.end)
const isQueue = <A>(value: unknown): value is (args: A) => Promise<unknown> =>
  typeof value === 'function'

/** The PostgreSQL adapter's pool, drizzle, sessions and beginTransaction, shape-checked. */
export function postgresInternals(payload: Payload): PostgresInternals {
  const db: unknown = payload.db
  if (!isObject(db)) {
    throw new PayloadInternalsError('db (the database adapter)')
  }
  if (db.name !== 'postgres') {
    throw new PayloadInternalsError(`database adapter ("${String(db.name)}" instead of "postgres")`)
  }
  const pool = db.pool as PgPool | undefined
  if (
    !isObject(pool) ||
    !isFunction(pool.connect) ||
    typeof pool.on !== 'function' ||
    !isFunction(pool.end)
  ) {
    throw new PayloadInternalsError('db.pool (a node-postgres Pool)')
  }
  if (!isObject(db.drizzle) || !isFunction((db.drizzle as SqlExecutor).execute)) {
    throw new PayloadInternalsError('db.drizzle.execute')
  }
  if (!isObject(db.sessions)) {
    throw new PayloadInternalsError('db.sessions (open transactions by id)')
  }
  if (!isFunction(db.beginTransaction)) {
    throw new PayloadInternalsError('db.beginTransaction')
  }
  if (!hasPostgresShape(db)) {
    throw new PayloadInternalsError('db')
  }
  return db
}

/** The checks above, as a type guard for the shape they established. */
function hasPostgresShape(
  db: Record<string, unknown>,
): db is PostgresInternals & Record<string, unknown> {
  return (
    isObject(db.pool) &&
    isObject(db.drizzle) &&
    isObject(db.sessions) &&
    isFunction(db.beginTransaction)
  )
}

/** Where a request's SQL runs: its open transaction, or, outside one, the pool. */
export async function sqlExecutorFor(
  req: PayloadRequest,
): Promise<{ executor: SqlExecutor; inTransaction: boolean }> {
  const db = postgresInternals(req.payload)
  const id = req.transactionID ? await req.transactionID : undefined
  const session = id !== undefined && id !== null ? db.sessions[String(id)] : undefined
  return session?.db
    ? { executor: session.db, inTransaction: true }
    : { executor: db.drizzle, inTransaction: false }
}

/** Wraps `payload.jobs.queue` (scheduled publishes are checked when they are queued). */
export function wrapJobsQueue<A>(
  payload: Payload,
  wrap: (queue: (args: A) => Promise<unknown>) => (args: A) => Promise<unknown>,
): void {
  const jobs: unknown = payload.jobs
  if (!isObject(jobs) || !isQueue<A>(jobs.queue)) {
    throw new PayloadInternalsError('jobs.queue')
  }
  const queue = jobs.queue.bind(jobs)
  jobs.queue = wrap(queue)
}

/** Runs `stop` before Payload's own `destroy`. */
export function beforeDestroy(payload: Payload, stop: () => Promise<void> | void): void {
  if (!isFunction(payload.destroy)) {
    throw new PayloadInternalsError('destroy()')
  }
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    await stop()
    await destroy()
  }
}

const guarded = new WeakSet<object>()

/**
 * node-postgres emits 'error' on the pool (idle clients) and on checked-out clients when the
 * server drops a connection (restart, failover, admin termination). An 'error' event without
 * a listener throws and takes the whole process down; the next query gets a fresh connection.
 */
export function guardPoolErrors(payload: Payload): void {
  const pool = postgresInternals(payload).pool
  if (guarded.has(pool)) {
    return
  }
  guarded.add(pool)
  const warn = (err: Error) => payload.logger.warn(`Database connection lost: ${err.message}`)
  pool.on('error', warn)
  const guardClient = (client: EventEmitter) => {
    if (!guarded.has(client)) {
      guarded.add(client)
      client.on('error', warn)
    }
  }
  for (const client of pool._clients ?? []) {
    guardClient(client)
  }
  pool.on('connect', guardClient)
}

type QueryFn = (...args: unknown[]) => unknown
const isQueryFn = (value: unknown): value is QueryFn => typeof value === 'function'
const serialized = new WeakSet<object>()
const noop = () => {}

/**
 * Makes each pooled pg client run its queries one after another in JavaScript, in call order.
 * Payload 3.90's bulk update and delete (REST `PATCH`/`DELETE` with `where`, the admin's bulk
 * Edit, Publish and Delete) process their documents in parallel with one request, so every
 * document's reads and writes go to the one client of that request's transaction at the same
 * time. node-postgres queues them itself but warns ("Calling client.query() when the client is
 * already executing a query", a DeprecationWarning): pg 9 drops that queue. This is the queue it
 * asks callers to keep instead, with the same order and results. Promise and callback calls
 * are queued; a submittable (cursor, stream) goes straight to pg, as before.
 */
export function serializeClientQueries(payload: Payload): void {
  const pool = postgresInternals(payload).pool
  if (serialized.has(pool)) {
    return
  }
  serialized.add(pool)
  const wrap = (client: PgClient) => {
    if (serialized.has(client)) {
      return
    }
    const query: unknown = client.query
    if (!isQueryFn(query)) {
      throw new PayloadInternalsError('pg client.query')
    }
    serialized.add(client)
    let tail: Promise<unknown> = Promise.resolve()
    const queued = (...args: unknown[]): unknown => {
      const first = args[0]
      if (isObject(first) && isFunction(first.submit)) {
        return query.apply(client, args)
      }
      const last = args[args.length - 1]
      if (isFunction(last)) {
        const run = () =>
          new Promise<void>((done) => {
            const callback = (...result: unknown[]) => {
              done()
              ;(last as QueryFn)(...result)
            }
            try {
              query.apply(client, [...args.slice(0, -1), callback])
            } catch (err) {
              callback(err)
            }
          })
        tail = tail.then(run, run)
        return undefined
      }
      const run = () => query.apply(client, args)
      const result = tail.then(run, run)
      tail = result.then(noop, noop)
      return result
    }
    client.query = queued as PgClient['query']
  }
  for (const client of pool._clients ?? []) {
    wrap(client)
  }
  pool.on('connect', wrap)
}

/** Every internal at once, called at init so that an incompatible Payload stops the start. */
export function checkPayloadInternals(payload: Payload): void {
  postgresInternals(payload)
  const jobs: unknown = payload.jobs
  if (!isObject(jobs) || !isFunction(jobs.queue)) {
    throw new PayloadInternalsError('jobs.queue')
  }
  if (!isFunction(payload.destroy)) {
    throw new PayloadInternalsError('destroy()')
  }
}

/**
 * Shuts Payload down completely. payload.destroy() does not end the pg pool, and db-postgres
 * keeps the client of its first connect() checked out for good, so `pool.end()` alone would
 * wait forever: release what is still checked out, then end the pool.
 */
export async function closePayload(payload: Payload): Promise<void> {
  await stopCrons(payload)
  await payload.destroy()
  const db: unknown = payload.db
  const pool = isObject(db) && isPool(db.pool) ? db.pool : undefined
  if (!pool || pool.ended) {
    return
  }
  const idle = new Set((pool._idle ?? []).map((i) => i.client))
  for (const client of pool._clients ?? []) {
    if (!idle.has(client)) {
      client.release?.(true)
    }
  }
  await pool.end().catch(() => {})
}

type Cron = { isBusy?: () => boolean; stop: () => void }
const isCron = (value: unknown): value is Cron => isObject(value) && isFunction(value.stop)

/**
 * payload.destroy() stops the jobs cron but does not wait for a run in progress, which then
 * fails on the closed pool (and could leave a job marked as processing). Stop the schedule
 * first and let a running batch finish, for a few seconds at most.
 */
async function stopCrons(payload: Payload, timeoutMs = 5000): Promise<void> {
  // Payload keeps its cron schedules on an undeclared property.
  const held: unknown = Reflect.get(payload, 'crons')
  const crons = Array.isArray(held) ? held.filter(isCron) : []
  for (const cron of crons) {
    cron.stop()
  }
  const deadline = Date.now() + timeoutMs
  while (crons.some((cron) => cron.isBusy?.()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

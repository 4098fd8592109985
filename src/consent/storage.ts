import type { Payload } from 'payload'

import type { PgQueryClient } from '../payloadInternals.js'

import { inOwnTransaction } from '../utilities/groupCommit.js'

/**
 * The consent log's storage layout (docs/ARCHITECTURE.md "Consent log storage").
 *
 * Payload's table `legal_consents` stays what Payload's schema says it is (pushed in
 * development, created by the migrations in production), and gets one child table per calendar
 * month (UTC) of `recorded_at` through PostgreSQL table inheritance: `legal_consent_log.m2026_12`
 * has the parent's columns, defaults (the same id sequence) and indexes, plus a CHECK constraint
 * on its month. Every query Payload makes on the parent (admin list, proof look-up, export,
 * count) reads the children too, so the collection keeps working unchanged; the consent endpoint
 * inserts into the month's child directly. A record whose month has no child yet goes into the
 * parent itself, which is the "default partition": no insert can fail for lack of a partition.
 *
 * Why not declarative partitioning: drizzle-kit (Payload's schema push) does not see a
 * partitioned table (it reads relkind 'r' only) and would create `legal_consents` again on the
 * next start, and a partitioned table's primary key must include the partition column, which
 * Payload's `id` key does not. Why a schema of its own: drizzle-kit pushes the `public` schema
 * only; children there would look like stray tables to drop.
 *
 * Retention then drops whole expired months (`DROP TABLE` locks only that child, never the
 * parent or the month being written) and deletes the partly expired month in small batches.
 */

export const CONSENT_LOG_SCHEMA = 'legal_consent_log'
const PARENT = 'legal_consents'
/** Months created ahead of the current one, at start-up and by the daily job. */
export const MONTHS_AHEAD = 2
/** DDL waits at most this long for a lock (a long admin export holding a month), then retries. */
const DDL_LOCK_TIMEOUT = '500ms'
const DDL_ATTEMPTS = 5
/** Rows deleted per transaction in a partly expired month. */
export const DELETE_BATCH = 5000

/** Serialises the DDL of all processes (two-int advisory lock, apart from the other locks). */
const DDL_LOCK = `select pg_advisory_xact_lock(hashtext('legal-consents:partitions'), 0)`

/** The first instant of the UTC month holding `ms`, `offset` months later. */
export function monthStart(ms: number, offset = 0): Date {
  const d = new Date(ms)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1))
}

/** The child table's name for the month starting at `start`: `m2026_12`. */
export function monthTable(start: Date): string {
  return `m${start.getUTCFullYear()}_${String(start.getUTCMonth() + 1).padStart(2, '0')}`
}

const MONTH_TABLE = /^m(\d{4})_(\d{2})$/

/** The month a child table holds, from its name; null for a table that is not one. */
export function monthOfTable(name: string): Date | null {
  const m = MONTH_TABLE.exec(name)
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null
}

const parentOf = (payload: Payload) => {
  const schema = (payload.db as { schemaName?: string }).schemaName || 'public'
  return `"${schema}"."${PARENT}"`
}
const childOf = (name: string) => `"${CONSENT_LOG_SCHEMA}"."${name}"`

/** The month tables that exist now, by name. */
export async function existingMonths(client: PgQueryClient): Promise<string[]> {
  const { rows } = await client.query(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r' order by 1`,
    [CONSENT_LOG_SCHEMA],
  )
  return rows.map((r) => String(r.name)).filter((n) => MONTH_TABLE.test(n))
}

async function withDdlRetries<T>(
  payload: Payload,
  work: (client: PgQueryClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inOwnTransaction(payload, async (client) => {
        await client.query(`set local lock_timeout = '${DDL_LOCK_TIMEOUT}'`)
        await client.query(DDL_LOCK)
        return work(client)
      })
    } catch (err) {
      // 55P03 lock_not_available: a reader holds the table; let it finish and try again.
      if ((err as { code?: string }).code !== '55P03' || attempt >= DDL_ATTEMPTS) {
        throw err
      }
      await new Promise((r) => setTimeout(r, 200 * attempt))
    }
  }
}

/**
 * Creates the month tables from the month of `now` to `MONTHS_AHEAD` months later that do not
 * exist yet (idempotent; all processes take turns on an advisory lock). Returns the names of
 * the tables it created.
 */
export async function ensureConsentMonths(payload: Payload, now: number): Promise<string[]> {
  const created: string[] = []
  for (let offset = 0; offset <= MONTHS_AHEAD; offset++) {
    const start = monthStart(now, offset)
    const name = monthTable(start)
    const made = await withDdlRetries(payload, async (client) => {
      await client.query(`create schema if not exists "${CONSENT_LOG_SCHEMA}"`)
      if ((await existingMonths(client)).includes(name)) {
        return false
      }
      const end = monthStart(start.getTime(), 1)
      await client.query(
        `create table ${childOf(name)} (like ${parentOf(payload)} including defaults including constraints including indexes,
           constraint "${name}_month" check (recorded_at >= '${start.toISOString()}' and recorded_at < '${end.toISOString()}'))`,
      )
      await client.query(`alter table ${childOf(name)} inherit ${parentOf(payload)}`)
      return true
    })
    if (made) {
      created.push(name)
    }
  }
  return created
}

/** One consent record as the endpoint writes it (columns of `legal_consents`). */
export type ConsentRow = {
  acceptedCategories: unknown
  acceptedServices: unknown
  acceptType: string
  configHash: string
  consentId: string
  ip: null | string
  ipHash: null | string
  language: null | string
  pageUrl: null | string
  recordedAt: string
  rejectedCategories: unknown
  rejectedServices: unknown
  revision: number
  userAgent: null | string
}

const COLUMNS =
  'consent_id, accept_type, accepted_categories, rejected_categories, accepted_services, rejected_services, revision, language, config_hash, ip, ip_hash, user_agent, page_url, recorded_at'
const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value)

/**
 * Inserts `rows` with `client` (inside the caller's transaction): each into its month's table,
 * or into the parent when that month has none (`months`: the names that exist). Returns the ids
 * in the order of `rows`.
 */
export async function insertConsentRows(
  payload: Payload,
  client: PgQueryClient,
  rows: ConsentRow[],
  months: ReadonlySet<string>,
): Promise<number[]> {
  const byTable = new Map<string, number[]>()
  rows.forEach((row, i) => {
    const name = monthTable(monthStart(Date.parse(row.recordedAt)))
    const table = months.has(name) ? childOf(name) : parentOf(payload)
    byTable.set(table, [...(byTable.get(table) ?? []), i])
  })
  const ids: number[] = new Array(rows.length)
  for (const [table, indexes] of byTable) {
    const values: unknown[] = []
    const tuples = indexes.map((i) => {
      const r = rows[i]
      const cells = [
        r.consentId,
        r.acceptType,
        json(r.acceptedCategories),
        json(r.rejectedCategories),
        json(r.acceptedServices),
        json(r.rejectedServices),
        r.revision,
        r.language,
        r.configHash,
        r.ip,
        r.ipHash,
        r.userAgent,
        r.pageUrl,
        r.recordedAt,
      ]
      return `(${cells.map((c) => (values.push(c), `$${values.length}`)).join(', ')})`
    })
    // `returning id` comes back in the order of the VALUES list for a plain insert.
    const inserted = await client.query(
      `insert into ${table} (${COLUMNS}) values ${tuples.join(', ')} returning id`,
      values,
    )
    inserted.rows.forEach((r, k) => (ids[indexes[k]] = Number(r.id)))
  }
  return ids
}

/**
 * Deletes every record recorded before `cutoff`: month tables wholly before it are dropped
 * (counted first, for the log), the month holding it and the parent are deleted from in
 * batches of `DELETE_BATCH` rows, each its own short transaction, so that no lock is held long
 * and ingestion, which writes the current month, never waits on it.
 */
export async function deleteConsentsBefore(
  payload: Payload,
  cutoff: Date,
): Promise<{ deleted: number; droppedMonths: string[] }> {
  let deleted = 0
  const droppedMonths: string[] = []
  const months = await inOwnTransaction(payload, existingMonths)
  for (const name of months) {
    const start = monthOfTable(name)!
    const end = monthStart(start.getTime(), 1)
    if (end.getTime() <= cutoff.getTime()) {
      deleted += await withDdlRetries(payload, async (client) => {
        const count = Number(
          (await client.query(`select count(*)::bigint as n from ${childOf(name)}`)).rows[0].n,
        )
        await client.query(`drop table ${childOf(name)}`)
        return count
      })
      droppedMonths.push(name)
    } else if (start.getTime() < cutoff.getTime()) {
      deleted += await deleteInBatches(payload, childOf(name), cutoff)
    }
  }
  deleted += await deleteInBatches(payload, `only ${parentOf(payload)}`, cutoff)
  return { deleted, droppedMonths }
}

async function deleteInBatches(payload: Payload, table: string, cutoff: Date): Promise<number> {
  let deleted = 0
  for (;;) {
    const n = await inOwnTransaction(payload, async (client) => {
      const result = await client.query(
        `delete from ${table} where ctid = any(array(select ctid from ${table} where recorded_at < $1 limit ${DELETE_BATCH}))`,
        [cutoff.toISOString()],
      )
      return result.rowCount ?? 0
    })
    deleted += n
    if (n < DELETE_BATCH) {
      return deleted
    }
  }
}

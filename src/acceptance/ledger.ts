import { sql } from '@payloadcms/db-postgres'
import { createHash } from 'node:crypto'
import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { hashIp, truncateIp } from '../consent/ip.js'
import { deliveryCacheFor } from '../delivery/cache.js'
import { DeliveryError } from '../delivery/errors.js'
import { parseLocale } from '../delivery/params.js'
import { localApi } from '../localApi.js'
import { postgresInternals, type SqlExecutor, sqlExecutorFor } from '../payloadInternals.js'
import { hasRole, type Role } from '../roles.js'
import { SLUGS } from '../slugs.js'
import { GroupCommitQueue, inOwnTransaction } from '../utilities/groupCommit.js'
import { idOf } from '../utilities/ids.js'
import { nowOf, pluginOptionsOf } from '../utilities/pluginOptions.js'
import { requiresAcceptanceOf } from '../versions/noticePolicy.js'
import { asTrusted } from '../workflow/trust.js'
import {
  type BrokenLink,
  type ChainedFields,
  ChainVerifier,
  GENESIS_HASH,
  newSalt,
  pseudonymOf,
  recordHash,
  type StoredRow,
  subjectCommitment,
} from './chain.js'
import {
  acceptableVersion,
  acceptanceStatus,
  type ArchiveVersion,
  type DocumentAcceptanceStatus,
  type LastAcceptance,
} from './status.js'
import { type ExportFilter, parseSubject, validateAcceptance } from './validate.js'

/**
 * The acceptance ledger's operations: record, status, erase, verify, export. Every append
 * transaction (a group of acceptances, or an erasure) holds one PostgreSQL advisory lock, so
 * appends take turns across all server processes: each reads the hash of the record before
 * it and the chain never forks. Acceptances are group-committed (`AppendQueue` below): the
 * ones that arrive while a group is being written are written together in the next
 * transaction. Every answer is given only after the commit of the transaction that wrote it.
 */

/** An answer for the REST endpoint and the GraphQL resolver alike. */
export type Answer = { body: Record<string, unknown>; status: number }

const TABLE = 'legal_acceptances'
/** Key of the advisory lock that serialises appends (two-int form, apart from the publish locks). */
const APPEND_LOCK = sql`select pg_advisory_xact_lock(hashtext('legal-acceptances:append'), 0)`

const refusal = (status: number, message: string, data?: Record<string, unknown>): Answer => ({
  body: { errors: [{ message, ...(data ? { data } : {}) }] },
  status,
})

/** 401 anonymous, 403 without one of `roles`, null when allowed. */
/**
 * Who asks, through which Payload: all that authorizing, recording and the status need. The
 * acceptance fast path (src/acceptance/fastPath.ts) has an account but no full Payload request.
 */
export type LedgerCaller = {
  payload: Payload
  user?: ({ collection: string; id: number | string } & object) | null
}

export function authorize(req: LedgerCaller, roles: Role[]): Answer | null {
  if (!req.user) {
    return refusal(
      401,
      'Sign in, or send an API key: Authorization: <users collection> API-Key <key>.',
    )
  }
  if (!hasRole(req.user, ...roles)) {
    return refusal(403, `Only ${roles.join(' or ')} accounts may do this.`)
  }
  return null
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const liveKeyOf = (subject: string, documentId: number, version: number) =>
  sha256(JSON.stringify([subject, documentId, version]))

/** The columns as the verifier and the export read them (camelCase, dates as ISO 8601 UTC). */
const COLUMN_LIST = [
  'id',
  'event',
  'subject',
  'subject_salt as "subjectSalt"',
  'subject_commitment as "subjectCommitment"',
  'document',
  'document_id as "documentId"',
  'version',
  'locale',
  'content_hash as "contentHash"',
  `to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt"`,
  'method',
  'source',
  'ip',
  'ip_hash as "ipHash"',
  'user_agent as "userAgent"',
  'recorded_by as "recordedBy"',
  'erased_records as "erasedRecords"',
  'previous_hash as "previousHash"',
  'hash',
].join(', ')
const COLUMNS = sql.raw(COLUMN_LIST)

type Row = Record<string, unknown> & StoredRow

const rowsOf = (result: unknown): Row[] => (result as { rows?: Row[] }).rows ?? []

/** A stored row in the shape the API answers with (numbers as numbers). */
export function publicRecord(row: Record<string, unknown>): Record<string, unknown> {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    id: num(row.id),
    contentHash: row.contentHash ?? null,
    document: row.document ?? null,
    documentId: num(row.documentId),
    erasedRecords: num(row.erasedRecords),
    event: row.event,
    hash: row.hash,
    ip: row.ip ?? null,
    ipHash: row.ipHash ?? null,
    locale: row.locale ?? null,
    method: row.method ?? null,
    previousHash: row.previousHash,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy ?? null,
    source: row.source ?? null,
    subject: row.subject,
    subjectCommitment: row.subjectCommitment,
    subjectSalt: row.subjectSalt ?? null,
    userAgent: row.userAgent ?? null,
    version: num(row.version),
  }
}

const accountOf = (req: LedgerCaller) => (req.user ? `${req.user.collection}:${req.user.id}` : null)

type LockedAppend = { executor: SqlExecutor; shouldCommit: boolean }

/** Opens the request's transaction and takes the append lock; every append starts here. */
async function beginAppend(req: PayloadRequest): Promise<LockedAppend> {
  const shouldCommit = await initTransaction(req)
  const { executor, inTransaction } = await sqlExecutorFor(req)
  if (!inTransaction) {
    if (shouldCommit) {
      await killTransaction(req)
    }
    throw new Error(
      'The acceptance ledger needs database transactions (db-postgres transactionOptions must not be false).',
    )
  }
  await executor.execute(APPEND_LOCK)
  return { executor, shouldCommit }
}

async function lastHash(executor: SqlExecutor): Promise<string> {
  const rows = rowsOf(
    await executor.execute(sql`select hash from ${sql.raw(TABLE)} order by id desc limit 1`),
  )
  return rows[0]?.hash ?? GENESIS_HASH
}

type DocumentRef = {
  id: number
  kind?: string
  requiresAcceptance?: null | string
  slug: string
  title?: string
}

async function archiveOf(
  payload: Payload,
  documentIds: number[],
  req?: PayloadRequest,
): Promise<({ document: number } & ArchiveVersion)[]> {
  if (!documentIds.length) {
    return []
  }
  const found = await localApi(payload).find({
    collection: SLUGS.versions,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: {
      changeSummary: true,
      contentHash: true,
      document: true,
      effectiveDate: true,
      materialChange: true,
      publishedAt: true,
      version: true,
    },
    where: { document: { in: documentIds } },
  })
  return found.docs.map((v) => ({
    ...v,
    document: Number(idOf(v.document)),
    effectiveDate: v.effectiveDate ?? null,
  }))
}

/**
 * Records that `subject` accepted a version (`POST /api/legal/acceptances`). 201 with the new
 * record once committed; 200 with the existing one when this subject already accepted this
 * version (idempotent); 404 unknown document; 422 a version neither in force nor upcoming.
 */
export async function recordAcceptance(req: LedgerCaller, body: unknown): Promise<Answer> {
  const denied = authorize(req, ['service', 'admin'])
  if (denied) {
    return denied
  }
  const checked = validateAcceptance(body)
  if (!checked.ok) {
    return refusal(checked.status, checked.message)
  }
  const input = checked.value
  let locale: string
  try {
    locale = parseLocale(req.payload, input.locale)
  } catch (err) {
    if (err instanceof DeliveryError) {
      return refusal(400, err.message)
    }
    throw err
  }
  const snapshot = await statusSnapshot(req.payload)
  const document = snapshot.docs.find((d) =>
    typeof input.document === 'number'
      ? Number(d.id) === input.document
      : d.slug === input.document,
  )
  if (!document) {
    return refusal(404, `There is no legal document "${input.document}".`)
  }
  const versions = snapshot.archive.filter((v) => v.document === Number(document.id))
  const now = nowOf(req.payload)
  const version = acceptableVersion(versions, input.version, now)
  if (!version) {
    const { inForce, upcoming } = acceptanceStatusSummary(versions, now)
    return refusal(
      422,
      `Version ${input.version} of "${document.slug}" is neither in force nor upcoming, so it cannot be accepted.`,
      { inForce, upcoming },
    )
  }
  if (input.contentHash && input.contentHash !== version.contentHash) {
    return refusal(
      422,
      `The content hash sent is not that of version ${input.version} of "${document.slug}": the page showed other text.`,
      {
        contentHash: version.contentHash,
      },
    )
  }
  const options = pluginOptionsOf(req.payload)
  const ipHashKey = options?.acceptances.ipHashKey ?? null

  const salt = newSalt()
  const fields: ChainedFields = {
    contentHash: version.contentHash ?? null,
    document: document.slug,
    documentId: Number(document.id),
    erasedRecords: null,
    event: 'acceptance',
    ip: truncateIp(input.ip),
    ipHash: hashIp(input.ip, ipHashKey),
    locale,
    method: input.method,
    recordedAt: new Date(now).toISOString(),
    recordedBy: accountOf(req),
    source: input.source,
    subjectCommitment: subjectCommitment(salt, input.subject),
    userAgent: input.userAgent,
    version: input.version,
  }
  // Resolved only after the commit of the group that holds it: 201 new, 200 already recorded.
  return appendQueueFor(req.payload).enqueue({
    fields,
    liveKey: liveKeyOf(input.subject, document.id, input.version),
    salt,
    subject: input.subject,
  })
}

/** One acceptance waiting for its group commit. */
type PendingAppend = {
  fields: ChainedFields
  liveKey: string
  salt: string
  subject: string
}

/** Acceptances written in one transaction at most (23 parameters each: under PostgreSQL's 65,535). */
export const MAX_GROUP = 1000

/**
 * One group of acceptances, in one transaction (group commit: src/utilities/groupCommit.ts, one
 * queue per Payload instance, that is per process). It takes the append lock once, reads the
 * chain's head once, skips what is already recorded (in the table, or earlier in the same
 * group: same `live_key`), chains the rest in arrival order and inserts them in one statement
 * with ids taken in that order. The queue gives the answers to the waiting requests only after
 * the commit.
 */
function writeAcceptances(payload: Payload, group: PendingAppend[]): Promise<Answer[]> {
  return inOwnTransaction(payload, async (client) => {
    await client.query(`select pg_advisory_xact_lock(hashtext('legal-acceptances:append'), 0)`)
    const keys = [...new Set(group.map((p) => p.liveKey))]
    // null: a later duplicate within this group, answered 200 with the earlier one's record.
    const existing = new Map<string, null | Row>()
    for (const row of (
      await client.query(
        `select live_key, ${COLUMN_LIST} from ${TABLE} where live_key = any($1::text[])`,
        [keys],
      )
    ).rows) {
      const { live_key: key, ...rest } = row
      existing.set(String(key), rest as Row)
    }
    const head = (await client.query(`select hash from ${TABLE} order by id desc limit 1`)).rows[0]
    let previousHash = (head?.hash as string | undefined) ?? GENESIS_HASH
    const fresh = group.filter((p) => {
      if (existing.has(p.liveKey)) {
        return false
      }
      existing.set(p.liveKey, null)
      return true
    })
    const created = new Map<PendingAppend, Row>()
    if (fresh.length) {
      const ids = (
        await client.query(
          `select nextval(pg_get_serial_sequence('${TABLE}', 'id'))::bigint as id from generate_series(1, $1::int) order by 1`,
          [fresh.length],
        )
      ).rows.map((r) => Number(r.id))
      const values: unknown[] = []
      const tuples: string[] = []
      fresh.forEach((p, i) => {
        const hash = recordHash(p.fields, previousHash)
        const row = {
          ...p.fields,
          id: ids[i],
          hash,
          previousHash,
          subject: p.subject,
          subjectSalt: p.salt,
        } as Row
        created.set(p, row)
        existing.set(p.liveKey, row)
        previousHash = hash
        const f = p.fields
        const cells = [
          row.id,
          f.event,
          p.subject,
          f.document,
          f.documentId,
          f.version,
          f.locale,
          f.contentHash,
          f.recordedAt,
          f.method,
          f.source,
          f.ip,
          f.ipHash,
          f.userAgent,
          f.recordedBy,
          f.erasedRecords,
          p.salt,
          f.subjectCommitment,
          row.previousHash,
          hash,
          p.liveKey,
        ]
        tuples.push(
          `(${cells.map((c) => (values.push(c), `$${values.length}`)).join(', ')}, now(), now())`,
        )
      })
      await client.query(
        `insert into ${TABLE} (id, event, subject, document, document_id, version, locale, content_hash, recorded_at, method, source, ip, ip_hash,
          user_agent, recorded_by, erased_records, subject_salt, subject_commitment, previous_hash, hash, live_key, updated_at, created_at)
         values ${tuples.join(', ')}`,
        values,
      )
    }
    return group.map((p) => {
      const mine = created.get(p)
      if (mine) {
        return { body: { created: true, record: publicRecord(mine) }, status: 201 }
      }
      return {
        body: { created: false, record: publicRecord(existing.get(p.liveKey)!) },
        status: 200,
      }
    })
  })
}

const queues = new WeakMap<Payload, GroupCommitQueue<PendingAppend, Answer>>()
function appendQueueFor(payload: Payload): GroupCommitQueue<PendingAppend, Answer> {
  let queue = queues.get(payload)
  if (!queue) {
    queues.set(
      payload,
      (queue = new GroupCommitQueue((group) => writeAcceptances(payload, group), MAX_GROUP)),
    )
  }
  return queue
}

/** Inserts one chained record through Payload (trusted), inside the locked transaction. */
async function appendWithSalt(
  req: PayloadRequest,
  executor: SqlExecutor,
  subject: string,
  salt: string,
  fields: ChainedFields,
  liveKey: null | string,
): Promise<Row> {
  const previousHash = await lastHash(executor)
  const hash = recordHash(fields, previousHash)
  const doc = await asTrusted(req, () =>
    localApi(req.payload).create({
      collection: SLUGS.acceptances,
      data: { ...fields, hash, liveKey, previousHash, subject, subjectSalt: salt },
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
  return { ...fields, id: doc.id as number, hash, previousHash, subject, subjectSalt: salt }
}

function acceptanceStatusSummary(versions: ArchiveVersion[], now: number) {
  const status = acceptanceStatus(versions, null, now, false)
  const upcoming = versions
    .filter(
      (v) =>
        v.version > (status.inForce?.version ?? 0) && acceptableVersion(versions, v.version, now),
    )
    .map((v) => v.version)
  return { inForce: status.inForce?.version ?? null, upcoming }
}

type StatusSnapshot = {
  archive: ({ document: number } & ArchiveVersion)[]
  docs: DocumentRef[]
  generation: number
  required: DocumentRef[]
}
const snapshots = new WeakMap<Payload, StatusSnapshot>()

/**
 * The documents, those that require acceptance, and their archive, as recording and the status
 * lookup read them:
 * kept until the next publish (or withdrawal) anywhere, exactly as long as the delivery cache
 * keeps its answers (its generation changes at once here and, by NOTIFY, in every other
 * process; src/delivery/invalidation.ts). The rule itself runs on every request at the
 * plugin's clock, so versions still take effect on time.
 */
async function statusSnapshot(payload: Payload): Promise<StatusSnapshot> {
  const cache = deliveryCacheFor(payload)
  const generation = cache.currentGeneration
  const hit = snapshots.get(payload)
  if (hit && hit.generation === generation) {
    return hit
  }
  const options = pluginOptionsOf(payload)
  const docs: DocumentRef[] = (
    await localApi(payload).find({
      collection: SLUGS.documents,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      select: { slug: true, kind: true, requiresAcceptance: true, title: true },
    })
  ).docs.map((d) => ({
    ...d,
    id: Number(d.id),
    slug: d.slug ?? '',
    title: typeof d.title === 'string' ? d.title : undefined,
  }))
  const required = options ? docs.filter((d) => requiresAcceptanceOf(d, options)) : docs
  const archive = await archiveOf(
    payload,
    docs.map((d) => Number(d.id)),
  )
  const snapshot = { archive, docs, generation, required }
  // Not kept when a publish happened while it was being read.
  if (cache.currentGeneration === generation) {
    snapshots.set(payload, snapshot)
  }
  return snapshot
}

export type SubjectStatus = {
  documents: ({
    document: string
    documentId: number
    kind: null | string
    title: null | string
  } & DocumentAcceptanceStatus)[]
  /** Some document must be accepted before the subject goes on. */
  mustAcceptAny: boolean
  now: string
  subject: string
}

/**
 * `GET /api/legal/acceptances/status?subject=…`: for every document that requires acceptance
 * and has a published version, whether the subject must accept now, what they last accepted,
 * and the change summaries between.
 */
export async function subjectStatus(req: LedgerCaller, rawSubject: unknown): Promise<Answer> {
  const denied = authorize(req, ['service', 'admin'])
  if (denied) {
    return denied
  }
  const subject = parseSubject(rawSubject)
  if (!subject) {
    return refusal(400, 'Send the user\'s id on your site as "subject".')
  }
  const { payload } = req
  const { archive, required } = await statusSnapshot(payload)
  const accepted = rowsOf(
    await postgresInternals(payload).drizzle.execute(
      sql`select distinct on (document_id) document_id as "documentId", version, locale, method,
        to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt"
        from ${sql.raw(TABLE)} where subject = ${subject} and event = 'acceptance'
        order by document_id, version desc, id desc`,
    ),
  )
  const lastBy = new Map<number, LastAcceptance>(
    accepted.map((r) => [
      Number(r.documentId),
      {
        locale: (r.locale as string) ?? null,
        method: (r.method as string) ?? null,
        recordedAt: String(r.recordedAt),
        version: Number(r.version),
      },
    ]),
  )
  const now = nowOf(payload)
  const documents = required
    .map((d) => {
      const versions = archive.filter((v) => v.document === Number(d.id))
      if (!versions.length) {
        return null
      }
      return {
        document: d.slug,
        documentId: Number(d.id),
        kind: d.kind ?? null,
        title: d.title ?? null,
        ...acceptanceStatus(versions, lastBy.get(Number(d.id)) ?? null, now, true),
      }
    })
    .filter((d): d is NonNullable<typeof d> => d !== null)
    .sort((a, b) => a.document.localeCompare(b.document))
  const body: SubjectStatus = {
    documents,
    mustAcceptAny: documents.some((d) => d.mustAccept),
    now: new Date(now).toISOString(),
    subject,
  }
  return { body, status: 200 }
}

/**
 * `POST /api/legal/acceptances/erase {subject}` (admins): replaces the subject id by its
 * pseudonym (HMAC under `acceptances.subjectKey`) in every record, drops the records' subject
 * salts, and appends an `erasure` record naming the pseudonym and how many records changed.
 * The chain still verifies: no hash ever included the subject (src/acceptance/chain.ts).
 */
export async function eraseSubject(req: PayloadRequest, body: unknown): Promise<Answer> {
  const denied = authorize(req, ['admin'])
  if (denied) {
    return denied
  }
  const key = pluginOptionsOf(req.payload)?.acceptances.subjectKey ?? null
  if (!key) {
    return refusal(
      409,
      'Erasure needs a pseudonymisation key: set the plugin option acceptances.subjectKey or the environment variable LEGAL_ACCEPTANCE_SUBJECT_KEY (a long random secret, kept stable).',
    )
  }
  const subject =
    body && typeof body === 'object' && !Array.isArray(body)
      ? parseSubject((body as Record<string, unknown>).subject)
      : null
  if (!subject) {
    return refusal(400, 'Send {"subject": "<the user\'s id on your site>"}.')
  }
  const pseudonym = pseudonymOf(key, subject)
  if (subject === pseudonym) {
    return refusal(400, 'This subject is already a pseudonym.')
  }

  const { executor, shouldCommit } = await beginAppend(req)
  try {
    const updated = (await executor.execute(
      sql`update ${sql.raw(TABLE)} set subject = ${pseudonym}, subject_salt = null, live_key = null, updated_at = now()
          where subject = ${subject}`,
    )) as { rowCount?: number }
    const erased = Number(updated.rowCount ?? 0)
    const salt = newSalt()
    const fields: ChainedFields = {
      contentHash: null,
      document: null,
      documentId: null,
      erasedRecords: erased,
      event: 'erasure',
      ip: null,
      ipHash: null,
      locale: null,
      method: null,
      recordedAt: new Date(nowOf(req.payload)).toISOString(),
      recordedBy: accountOf(req),
      source: null,
      subjectCommitment: subjectCommitment(salt, pseudonym),
      userAgent: null,
      version: null,
    }
    const row = await appendWithSalt(req, executor, pseudonym, salt, fields, null)
    if (shouldCommit) {
      await commitTransaction(req)
    }
    return { body: { erasedRecords: erased, pseudonym, record: publicRecord(row) }, status: 200 }
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

const filterSql = (filter: ExportFilter) => {
  const parts = [sql`true`]
  if (filter.subject !== undefined) {
    parts.push(sql`subject = ${filter.subject}`)
  }
  if (filter.document !== undefined) {
    parts.push(sql`document = ${filter.document}`)
  }
  if (filter.documentId !== undefined) {
    parts.push(sql`document_id = ${filter.documentId}`)
  }
  if (filter.version !== undefined) {
    parts.push(sql`version = ${filter.version}`)
  }
  if (filter.from !== undefined) {
    parts.push(sql`recorded_at >= ${filter.from}`)
  }
  if (filter.to !== undefined) {
    parts.push(sql`recorded_at <= ${filter.to}`)
  }
  return sql.join(parts, sql` and `)
}

/**
 * The ledger's rows in id order, `batchSize` at a time (keyset pagination on id: each query
 * starts after the last id seen), so memory stays flat however many there are.
 */
export async function* ledgerRows(
  payload: Payload,
  filter: ExportFilter = {},
  batchSize?: number,
): AsyncGenerator<Row[]> {
  const size = batchSize ?? pluginOptionsOf(payload)?.acceptances.exportBatchSize ?? 1000
  const db = postgresInternals(payload).drizzle
  let after = 0
  for (;;) {
    const rows = rowsOf(
      await db.execute(
        sql`select ${COLUMNS} from ${sql.raw(TABLE)} where id > ${after} and ${filterSql(filter)} order by id limit ${size}`,
      ),
    )
    if (!rows.length) {
      return
    }
    yield rows
    after = Number(rows[rows.length - 1].id)
    if (rows.length < size) {
      return
    }
  }
}

export type LedgerVerification =
  { brokenAt: BrokenLink; ok: false; records: number } | { head: string; ok: true; records: number }

/** Walks the whole chain in id order, streaming; stops at the first broken link. */
export async function verifyAcceptanceLedger(
  payload: Payload,
  batchSize?: number,
): Promise<LedgerVerification> {
  const verifier = new ChainVerifier()
  for await (const rows of ledgerRows(payload, {}, batchSize)) {
    for (const row of rows) {
      const broken = verifier.push(row)
      if (broken) {
        return { brokenAt: broken, ok: false, records: verifier.count }
      }
    }
  }
  return { head: verifier.head, ok: true, records: verifier.count }
}

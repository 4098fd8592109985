/**
 * The consent log's storage layout (issue 15, point 5; src/consent/storage.ts): month tables
 * inheriting from `legal_consents`, made at start-up and by the daily job for the coming months;
 * a record whose month has no table still goes in (the parent is the default partition); POST
 * answers 201 only once the record is committed; retention drops whole expired months and
 * deletes the partly expired one in batches, by the plugin's controllable clock.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import pg from 'pg'

import { CONSENT_RETENTION_TASK } from '../../src/consent/retention'
import { CONSENT_LOG_SCHEMA, DELETE_BATCH } from '../../src/consent/storage'
import { SLUGS } from '../../src/slugs'
import { listen } from '../helpers/httpServer'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login } from '../helpers/users'

type Json = Record<string, any>
let now = Date.parse('2026-06-15T12:00:00.000Z')
const logs: string[] = []
let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
let db: pg.Client
let adminToken: string
let config: Json

const months = async (): Promise<string[]> =>
  (
    await db.query(
      `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_namespace n on n.oid = c.relnamespace
       where i.inhparent = 'public.legal_consents'::regclass and n.nspname = $1 order by 1`,
      [CONSENT_LOG_SCHEMA],
    )
  ).rows.map((r) => r.relname as string)

/** A record accepting every category of the banner in force. */
const body = (consentId: string = randomUUID()) => ({
  acceptedCategories: Object.keys(config.categories),
  acceptType: 'all',
  consentId,
  rejectedCategories: [],
  revision: config.revision,
})
const post = (consentId?: string) =>
  fetch(`${server.baseUrl}/api/legal/consents`, {
    body: JSON.stringify(body(consentId)),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })

const runRetention = async () => {
  await app.payload.jobs.queue({ input: {} as never, task: CONSENT_RETENTION_TASK as never })
  await app.payload.jobs.run({ queue: 'default' })
}

beforeAll(async () => {
  app = await startTestPayload({
    logDestination: { write: (line) => void logs.push(line) },
    plugin: {
      clock: () => new Date(now),
      consent: { rateLimit: { limit: 1000, windowMs: 60_000 } },
    },
  })
  server = await listen(app)
  db = new pg.Client({ connectionString: app.databaseUrl })
  await db.connect()
  adminToken = await login(
    server.baseUrl,
    await createUser(app.payload, 'storage-admin', ['admin']),
  )
  config = (await (
    await fetch(`${server.baseUrl}/api/legal/cookies/consent-config`)
  ).json()) as Json
})
afterAll(async () => {
  await db?.end()
  await server?.close()
  await app?.close()
})

describe('month tables', () => {
  test("start-up made this month's table and the next two, children of legal_consents with a CHECK on their month", async () => {
    expect(await months()).toEqual(['m2026_06', 'm2026_07', 'm2026_08'])
    const check = await db.query(
      `select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'm2026_07_month'`,
    )
    expect(check.rows[0].def).toContain('2026-07-01')
    expect(check.rows[0].def).toContain('2026-08-01')
    // The parent's indexes came along: the look-up by consent ID uses one in every month.
    const indexes = await db.query(
      `select indexdef from pg_indexes where schemaname = $1 and tablename = 'm2026_06'`,
      [CONSENT_LOG_SCHEMA],
    )
    expect(indexes.rows.some((r) => /\(consent_id\)/.test(r.indexdef))).toBe(true)
  })

  test('POST answers 201 only once the record is committed, in its month table, and Payload reads it through the parent', async () => {
    // While another transaction holds the month table, the insert waits, and so does the answer.
    const blocker = new pg.Client({ connectionString: app.databaseUrl })
    await blocker.connect()
    await blocker.query('begin')
    await blocker.query(`lock table "${CONSENT_LOG_SCHEMA}".m2026_06 in share mode`)
    const consentId = randomUUID()
    let answered = false
    const pending = post(consentId).then((res) => ((answered = true), res))
    await new Promise((r) => setTimeout(r, 1000))
    expect(answered).toBe(false)
    await blocker.query('rollback')
    await blocker.end()
    const res = await pending
    expect(res.status).toBe(201)
    const created = (await res.json()) as Json
    // Another connection sees it the moment the 201 arrives: committed.
    const row = await db.query(
      `select consent_id from only "${CONSENT_LOG_SCHEMA}".m2026_06 where id = $1`,
      [created.id],
    )
    expect(row.rows).toEqual([{ consent_id: consentId }])
    const found = await app.payload.find({
      collection: SLUGS.consents,
      depth: 0,
      overrideAccess: true,
      where: { consentId: { equals: consentId } },
    })
    expect(found.docs.map((d) => d.id)).toEqual([created.id])
    const proof = await fetch(`${server.baseUrl}/api/legal/consents/${consentId}`, {
      headers: { authorization: `JWT ${adminToken}` },
    })
    expect(proof.status).toBe(200)
    expect(((await proof.json()) as Json).current.recordedAt).toBe('2026-06-15T12:00:00.000Z')
  })

  test('many at once: every one answered 201 is stored exactly once', async () => {
    const ids = Array.from({ length: 120 }, () => randomUUID())
    const answers = await Promise.all(ids.map((id) => post(id)))
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 201))
    const stored = await db.query(
      `select consent_id from legal_consents where consent_id = any($1::text[])`,
      [ids],
    )
    expect(stored.rows.map((r) => r.consent_id).sort()).toEqual([...ids].sort())
  })

  test('a month without its table still takes records: they go into the parent, and nothing fails', async () => {
    now = Date.parse('2027-01-10T08:00:00.000Z')
    const consentId = randomUUID()
    const res = await post(consentId)
    expect(res.status).toBe(201)
    const row = await db.query(
      `select recorded_at from only public.legal_consents where consent_id = $1`,
      [consentId],
    )
    expect(row.rows).toHaveLength(1)
    expect(
      (
        await app.payload.count({
          collection: SLUGS.consents,
          overrideAccess: true,
          where: { consentId: { equals: consentId } },
        })
      ).totalDocs,
    ).toBe(1)
  })

  test('the daily job makes the coming months', async () => {
    await runRetention()
    expect(await months()).toEqual([
      'm2026_06',
      'm2026_07',
      'm2026_08',
      'm2027_01',
      'm2027_02',
      'm2027_03',
    ])
    // Made once: a second run changes nothing.
    await runRetention()
    expect(await months()).toHaveLength(6)
  })
})

describe('retention', () => {
  test('drops whole expired months, deletes the partly expired one in batches and the parent, keeps the rest', async () => {
    // July 2026: more rows than one delete batch before the cut-off (2026-07-20), some after it.
    const early = DELETE_BATCH * 2 + 17
    await db.query(
      `insert into "${CONSENT_LOG_SCHEMA}".m2026_07 (consent_id, accept_type, accepted_categories, rejected_categories, revision, config_hash, recorded_at)
       select gen_random_uuid()::text, 'all', '[]', '[]', 1, 'h', timestamptz '2026-07-01T00:00:00Z' + (g % 18) * interval '1 day' from generate_series(1, $1) g`,
      [early],
    )
    await db.query(
      `insert into "${CONSENT_LOG_SCHEMA}".m2026_07 (consent_id, accept_type, accepted_categories, rejected_categories, revision, config_hash, recorded_at)
       select gen_random_uuid()::text, 'all', '[]', '[]', 1, 'h', timestamptz '2026-07-25T00:00:00Z' from generate_series(1, 5)`,
    )
    // A record kept in the parent (a month that had no table) and older than the cut-off.
    await db.query(
      `insert into public.legal_consents (consent_id, accept_type, accepted_categories, rejected_categories, revision, config_hash, recorded_at)
       values ('parent-old', 'all', '[]', '[]', 1, 'h', '2026-05-20T00:00:00Z')`,
    )
    const june = Number(
      (await db.query(`select count(*) from "${CONSENT_LOG_SCHEMA}".m2026_06`)).rows[0].count,
    )
    expect(june).toBeGreaterThan(100)
    const total = async () =>
      Number((await db.query(`select count(*) from legal_consents`)).rows[0].count)
    const before = await total()

    // 24 months after 2026-07-20: June 2026 is wholly expired, July 2026 partly.
    now = Date.parse('2028-07-20T00:00:00.000Z')
    await runRetention()

    const left = await months()
    expect(left).not.toContain('m2026_06')
    expect(left).toEqual(
      expect.arrayContaining(['m2026_07', 'm2026_08', 'm2028_07', 'm2028_08', 'm2028_09']),
    )
    const july = await db.query(
      `select min(recorded_at) as first, count(*)::int as n from "${CONSENT_LOG_SCHEMA}".m2026_07`,
    )
    expect(july.rows[0]).toEqual({ first: new Date('2026-07-25T00:00:00Z'), n: 5 })
    expect(
      (
        await db.query(
          `select count(*)::int as n from only public.legal_consents where recorded_at < '2026-07-20'`,
        )
      ).rows[0].n,
    ).toBe(0)
    // The January 2027 record in the parent is within the period: kept.
    expect(
      (await db.query(`select count(*)::int as n from only public.legal_consents`)).rows[0].n,
    ).toBe(1)
    expect(await total()).toBe(before - june - early - 1)
    expect(
      logs.some((l) =>
        l.includes(
          `Consent retention: deleted ${june + early + 1} consent record(s) recorded before 2026-07-20T00:00:00.000Z`,
        ),
      ),
    ).toBe(true)
    const jobs = await app.payload.find({
      collection: 'payload-jobs' as never,
      overrideAccess: true,
      where: { taskSlug: { equals: CONSENT_RETENTION_TASK } },
    })
    expect(jobs.docs.every((j) => (j as Json).hasError !== true)).toBe(true)
  })

  test('ingestion goes on while a month is dropped', async () => {
    now = Date.parse('2028-07-21T00:00:00.000Z')
    await db.query(
      `insert into "${CONSENT_LOG_SCHEMA}".m2026_08 (consent_id, accept_type, accepted_categories, rejected_categories, revision, config_hash, recorded_at)
       select gen_random_uuid()::text, 'all', '[]', '[]', 1, 'h', timestamptz '2026-08-02T00:00:00Z' from generate_series(1, 20000)`,
    )
    now = Date.parse('2028-09-05T00:00:00.000Z')
    const retention = runRetention()
    const answers = await Promise.all(Array.from({ length: 40 }, () => post()))
    await retention
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    expect(await months()).not.toContain('m2026_08')
  })
})

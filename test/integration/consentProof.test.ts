/**
 * Proof and retention of consent (issue 15, point 4): admins look a visitor's consent up by
 * `consentId` and export the log by date range (CSV or JSON, streamed in batches); a daily job
 * deletes records older than the retention period, by the plugin's (here controllable) clock.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { createLocalReq } from 'payload'

import { EXPORT_BATCH, EXPORT_COLUMNS } from '../../src/consent/proof'
import {
  CONSENT_RETENTION_CRON,
  CONSENT_RETENTION_TASK,
  retentionCutoff,
} from '../../src/consent/retention'
import { SLUGS } from '../../src/slugs'
import { asTrusted } from '../../src/workflow/trust'
import { listen } from '../helpers/httpServer'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

type Json = Record<string, any>
const DAY = 24 * 60 * 60_000
let now = Date.parse('2026-06-15T12:00:00.000Z')
const logs: string[] = []
let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
const tokens: Record<string, string> = {}

/** A record as POST /api/legal/consents stores it, at a chosen instant. */
async function record(consentId: string, recordedAt: string, overrides: Json = {}): Promise<Json> {
  const req = await createLocalReq({}, app.payload)
  return await asTrusted(req, () =>
    app.payload.create({
      collection: SLUGS.consents,
      data: {
        acceptedCategories: ['necessary', 'analytics'],
        acceptedServices: { analytics: ['google-analytics'] },
        acceptType: 'custom',
        configHash: 'a'.repeat(64),
        consentId,
        ip: '198.51.100.0',
        language: 'en',
        pageUrl: 'https://www.site.example/',
        recordedAt,
        rejectedCategories: ['marketing'],
        rejectedServices: {},
        revision: 1,
        userAgent: 'Mozilla/5.0, "quoted"',
        ...overrides,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
}

const get = (path: string, who?: string) =>
  fetch(`${server.baseUrl}/api${path}`, {
    headers: who ? { authorization: `JWT ${tokens[who]}` } : {},
  })

beforeAll(async () => {
  app = await startTestPayload({
    logDestination: { write: (line) => void logs.push(line) },
    plugin: { clock: () => new Date(now) },
  })
  server = await listen(app)
  const users: Record<string, TestUser> = {
    admin: await createUser(app.payload, 'proof-admin', ['admin']),
    editor: await createUser(app.payload, 'proof-editor', ['editor']),
    reviewer: await createUser(app.payload, 'proof-reviewer', ['reviewer']),
  }
  for (const [name, user] of Object.entries(users)) {
    tokens[name] = await login(server.baseUrl, user)
  }
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('GET /api/legal/consents/:consentId', () => {
  const visitor = randomUUID()
  beforeAll(async () => {
    await record(visitor, '2026-05-01T10:00:00.000Z', {
      acceptedCategories: ['necessary', 'analytics', 'marketing'],
      acceptType: 'all',
      rejectedCategories: [],
    })
    await record(visitor, '2026-05-03T10:00:00.000Z')
    await record(randomUUID(), '2026-05-02T10:00:00.000Z')
  })

  test('admins get every record of that consent ID, oldest first, the latest as "current"', async () => {
    const res = await get(`/legal/consents/${visitor.toUpperCase()}`, 'admin')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body.consentId).toBe(visitor)
    expect(body.records.map((r: Json) => r.recordedAt)).toEqual([
      '2026-05-01T10:00:00.000Z',
      '2026-05-03T10:00:00.000Z',
    ])
    expect(body.current).toEqual(body.records[1])
    expect(body.current).toMatchObject({
      acceptedCategories: ['necessary', 'analytics'],
      acceptType: 'custom',
      configHash: 'a'.repeat(64),
      rejectedCategories: ['marketing'],
      revision: 1,
    })
    expect(Object.keys(body.current)).toEqual([...EXPORT_COLUMNS])
  })

  test('401 anonymous, 403 other staff, 404 unknown or malformed', async () => {
    expect((await get(`/legal/consents/${visitor}`)).status).toBe(401)
    expect((await get(`/legal/consents/${visitor}`, 'editor')).status).toBe(403)
    expect((await get(`/legal/consents/${visitor}`, 'reviewer')).status).toBe(403)
    expect((await get(`/legal/consents/${randomUUID()}`, 'admin')).status).toBe(404)
    expect((await get('/legal/consents/not-a-uuid', 'admin')).status).toBe(404)
  })

  test('with an API key (answered in front of express): the same answer, the same refusals, no stale account', async () => {
    const withKey = async (name: string, roles: TestUser['roles']) => {
      const user = await createUser(app.payload, `proof-key-${name}`, roles)
      const apiKey = `proof-key-${name}-${randomUUID()}`
      await app.payload.update({
        id: user.id,
        collection: 'users',
        data: { apiKey, enableAPIKey: true },
        overrideAccess: true,
      })
      return { id: user.id, apiKey }
    }
    const admin = await withKey('admin', ['admin'])
    const editor = await withKey('editor', ['editor'])
    const byKey = (path: string, key: string) =>
      fetch(`${server.baseUrl}/api${path}`, { headers: { authorization: `users API-Key ${key}` } })

    const viaJwt = await get(`/legal/consents/${visitor}`, 'admin')
    const viaKey = await byKey(`/legal/consents/${visitor}`, admin.apiKey)
    expect(viaKey.status).toBe(200)
    expect(viaKey.headers.get('cache-control')).toBe('no-store')
    expect(await viaKey.json()).toEqual(await viaJwt.json())

    expect((await byKey(`/legal/consents/${visitor}`, editor.apiKey)).status).toBe(403)
    expect((await byKey(`/legal/consents/${randomUUID()}`, admin.apiKey)).status).toBe(404)
    expect((await byKey('/legal/consents/not-a-uuid', admin.apiKey)).status).toBe(404)
    // A key nobody has: Payload's own strategy answers.
    expect((await byKey(`/legal/consents/${visitor}`, 'not-a-key')).status).toBe(401)
    // The export is not the look-up: it stays Payload's endpoint, still admins only.
    const exported = await byKey('/legal/consents/export?format=json', admin.apiKey)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment/)
    await exported.arrayBuffer()

    // A role taken away works on the very next request.
    await app.payload.update({
      id: admin.id,
      collection: 'users',
      data: { roles: ['editor'] },
      overrideAccess: true,
    })
    expect((await byKey(`/legal/consents/${visitor}`, admin.apiKey)).status).toBe(403)
  })
})

describe('GET /api/legal/consents/export', () => {
  const bulk = EXPORT_BATCH * 2 + 7
  beforeAll(async () => {
    // Two full batches and a partial one, all on 2026-04-10, in recording order.
    for (let i = 0; i < bulk; i++) {
      await record(
        randomUUID(),
        new Date(Date.parse('2026-04-10T00:00:00.000Z') + i * 1000).toISOString(),
      )
    }
    await record(randomUUID(), '2026-04-09T23:59:59.000Z')
    await record(randomUUID(), '2026-04-11T00:00:00.000Z')
  }, 120_000)

  test('CSV of a day, streamed: a header row, every record of the range once, by id', async () => {
    const res = await get(
      '/legal/consents/export?format=csv&from=2026-04-10&to=2026-04-10',
      'admin',
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="consents_2026-04-10_2026-04-11.csv"',
    )
    expect(res.headers.get('content-length')).toBeNull()
    expect(res.headers.get('transfer-encoding')).toBe('chunked')
    const lines = (await res.text()).trimEnd().split('\n')
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','))
    expect(lines).toHaveLength(bulk + 1)
    expect(lines[1]).toContain('"[""necessary"",""analytics""]"')
    expect(lines[1]).toContain('"Mozilla/5.0, ""quoted"""')
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]))
    expect(new Set(ids).size).toBe(bulk)
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
  })

  test('JSON with instants: one array, the same rows', async () => {
    const res = await get(
      '/legal/consents/export?format=json&from=2026-04-09T23:00:00Z&to=2026-04-11T00:00:00.001Z',
      'admin',
    )
    expect(res.status).toBe(200)
    const rows = (await res.json()) as Json[]
    expect(rows).toHaveLength(bulk + 2)
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS])
    expect(rows[0].acceptedServices).toEqual({ analytics: ['google-analytics'] })
    const empty = await get(
      '/legal/consents/export?format=json&from=2020-01-01&to=2020-01-02',
      'admin',
    )
    expect(await empty.json()).toEqual([])
  })

  test('admins only; a wrong format or range is a 400', async () => {
    expect((await get('/legal/consents/export')).status).toBe(401)
    expect((await get('/legal/consents/export', 'editor')).status).toBe(403)
    expect((await get('/legal/consents/export', 'reviewer')).status).toBe(403)
    expect((await get('/legal/consents/export?format=xml', 'admin')).status).toBe(400)
    expect((await get('/legal/consents/export?from=yesterday', 'admin')).status).toBe(400)
    expect(
      (await get('/legal/consents/export?from=2026-04-11&to=2026-04-10', 'admin')).status,
    ).toBe(400)
  })
})

describe('retention', () => {
  test('the cut-off is calendar months back by the clock', () => {
    expect(retentionCutoff(Date.parse('2026-06-15T12:00:00.000Z'), 24).toISOString()).toBe(
      '2024-06-15T12:00:00.000Z',
    )
    expect(retentionCutoff(Date.parse('2026-03-31T00:00:00.000Z'), 1).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    )
  })

  test('the task is scheduled daily on the default queue', async () => {
    const task = app.payload.config.jobs.tasks!.find((t) => t.slug === CONSENT_RETENTION_TASK)!
    expect(task.schedule).toEqual([{ cron: CONSENT_RETENTION_CRON, queue: 'default' }])
    await app.payload.jobs.handleSchedules({ queue: 'default' })
    const queued = await app.payload.find({
      collection: 'payload-jobs' as never,
      overrideAccess: true,
      where: { taskSlug: { equals: CONSENT_RETENTION_TASK } },
    })
    expect(queued.docs).toHaveLength(1)
    expect(Date.parse((queued.docs[0] as Json).waitUntil)).toBeGreaterThan(Date.now())
    await app.payload.delete({
      collection: 'payload-jobs' as never,
      overrideAccess: true,
      where: { taskSlug: { equals: CONSENT_RETENTION_TASK } },
    })
  })

  test("Payload's jobs-stats global (added for the schedule) is closed: admins read it, nobody writes it", async () => {
    const write = (who?: string) =>
      fetch(`${server.baseUrl}/api/globals/payload-jobs-stats`, {
        body: JSON.stringify({
          stats: {
            scheduledRuns: {
              queues: {
                default: {
                  tasks: {
                    [CONSENT_RETENTION_TASK]: { lastScheduledRun: '3000-01-01T00:00:00.000Z' },
                  },
                },
              },
            },
          },
        }),
        headers: {
          'content-type': 'application/json',
          ...(who ? { authorization: `JWT ${tokens[who]}` } : {}),
        },
        method: 'POST',
      })
    for (const who of [undefined, 'editor', 'reviewer', 'admin']) {
      expect([who, (await write(who)).status]).toEqual([who, 403])
    }
    for (const who of [undefined, 'editor', 'reviewer']) {
      expect([who, (await get('/globals/payload-jobs-stats', who)).status]).toEqual([who, 403])
    }
    expect((await get('/globals/payload-jobs-stats', 'admin')).status).toBe(200)
    expect(
      JSON.stringify(await app.payload.db.findGlobal({ slug: 'payload-jobs-stats' })),
    ).not.toContain('3000-01-01')
  })

  test('the job deletes records older than 24 months by the clock, logs the count, and nothing else may delete', async () => {
    const count = async () =>
      (await app.payload.count({ collection: SLUGS.consents, overrideAccess: true })).totalDocs
    const old = await record(randomUUID(), new Date(now - 25 * 30 * DAY).toISOString())
    const borderline = await record(randomUUID(), '2024-06-16T12:00:00.000Z')
    const before = await count()

    // The log stays append-only for everyone else, overrideAccess included.
    await expect(
      app.payload.delete({ id: old.id, collection: SLUGS.consents, overrideAccess: true }),
    ).rejects.toThrow(/append-only/)

    const run = async () => {
      await app.payload.jobs.queue({ input: {} as never, task: CONSENT_RETENTION_TASK as never })
      await app.payload.jobs.run({ queue: 'default' })
    }
    const stored = (id: number | string) =>
      app.payload.findByID({
        id,
        collection: SLUGS.consents,
        disableErrors: true,
        overrideAccess: true,
      })
    await run()
    expect(await count()).toBe(before - 1)
    expect(await stored(old.id)).toBeNull()
    expect(
      logs.some((l) =>
        l.includes(
          'Consent retention: deleted 1 consent record(s) recorded before 2024-06-15T12:00:00.000Z',
        ),
      ),
    ).toBe(true)

    // Two days later the borderline record is past the cut-off too; the rest stay (recorded in 2026).
    now += 2 * DAY
    await run()
    expect(await count()).toBe(before - 2)
    expect(await stored(borderline.id)).toBeNull()
    const jobs = await app.payload.find({
      collection: 'payload-jobs' as never,
      overrideAccess: true,
      where: { taskSlug: { equals: CONSENT_RETENTION_TASK } },
    })
    expect(jobs.docs.every((j) => (j as Json).hasError !== true)).toBe(true)
  })
})

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { ensureDatabase, projectRoot } from '../../dev/server/bootstrap'
import { isDatabaseUnavailable } from '../../dev/server/databaseErrors'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../dev/server/embeddedPostgres'
import { nodeArgs } from '../../dev/server/nodeArgs'

/**
 * Issue 8, point 4: PostgreSQL stopped under load. The real server runs as a child process on
 * its own embedded PostgreSQL; while load runs, the database is stopped, left down, and started
 * again on the same port and data directory. While it is down, everything that needs it answers
 * 503 with a JSON error (never a 500, never a hang or a dropped connection), and what the
 * delivery cache already holds is still served from memory. When it is back, the same process
 * serves again by itself within seconds.
 */

const DOWN_MESSAGE = /^The database is not reachable\./

type Phase = 'back' | 'down' | 'restarting' | 'stopping' | 'up'
type Outcome = {
  body: string
  doneIn: Phase
  error?: string
  ms: number
  /** What the route answers when all is well (200 unless it creates). */
  okStatus: number
  retryAfter: null | string
  route: string
  sentIn: Phase
  status: null | number
}

let tmp: string
let db: EmbeddedDatabase
let pgDir: string
let server: ChildProcess
let serverOutput = ''
let serverExit: { code: null | number; signal: null | string } | null = null
let base: string
let token: string
let documentId: number
let phase: Phase = 'up'
const outcomes: Outcome[] = []
/** Where the server's output stood when each phase began: for the log of a failure. */
const logAt: Partial<Record<Phase, number>> = {}
function setPhase(next: Phase) {
  phase = next
  logAt[next] = serverOutput.length
}

const gql = (query: string) => ({
  body: JSON.stringify({ query }),
  headers: { 'content-type': 'application/json' },
  method: 'POST',
})
const DELIVERY_GQL = '{ legalDocument(slug: "privacy-policy") { title version html } }'

/** The banner configuration in force, read once while the database is up (set in beforeAll). */
let consentConfig: { categories: Record<string, unknown>; revision: number }
const consentPost = (): RequestInit => ({
  body: JSON.stringify({
    acceptedCategories: Object.keys(consentConfig.categories),
    acceptType: 'all',
    consentId: crypto.randomUUID(),
    language: 'en',
    rejectedCategories: [],
    revision: consentConfig.revision,
  }),
  headers: { 'content-type': 'application/json' },
  method: 'POST',
})

/** The request mix. `cached`: answered from the delivery cache once warmed, database or not. */
function routes(): {
  cached?: boolean
  db?: boolean
  fromDown?: boolean
  init?: () => RequestInit
  name: string
  okStatus?: number
  path: string
}[] {
  const auth = () => ({ authorization: `JWT ${token}` })
  return [
    { name: 'delivery (cached)', cached: true, path: '/api/legal/documents/privacy-policy' },
    {
      name: 'delivery version=1 (cached)',
      cached: true,
      path: '/api/legal/documents/privacy-policy?version=1',
    },
    // Asked for only from the outage on, so the cache cannot hold it yet: a miss that needs the database.
    {
      name: 'delivery (uncached)',
      db: true,
      fromDown: true,
      path: '/api/legal/documents/data-security?format=html',
    },
    {
      name: 'GraphQL delivery (cached)',
      cached: true,
      init: () => gql(DELIVERY_GQL),
      path: '/api/graphql',
    },
    {
      name: 'GraphQL stock',
      db: true,
      init: () => gql('{ LegalDocuments(limit: 2) { docs { title version } } }'),
      path: '/api/graphql',
    },
    { name: 'REST stock', db: true, path: '/api/legal-documents?limit=2&depth=0' },
    {
      name: 'REST signed-in drafts',
      db: true,
      init: () => ({ headers: auth() }),
      path: '/api/legal-documents?limit=1&depth=0&draft=true',
    },
    { name: 'readyz', db: true, path: '/readyz' },
    // Answered in front of express (src/consent/fastPath.ts): its insert fails the same way.
    {
      name: 'consent log (fast path)',
      db: true,
      init: consentPost,
      okStatus: 201,
      path: '/api/legal/consents',
    },
  ]
}

async function send(route: ReturnType<typeof routes>[number]): Promise<Outcome> {
  const sentIn = phase
  const started = Date.now()
  try {
    const res = await fetch(`${base}${route.path}`, {
      ...(route.init?.() ?? {}),
      signal: AbortSignal.timeout(15_000),
    })
    const body = await res.text()
    return {
      body,
      doneIn: phase,
      ms: Date.now() - started,
      okStatus: route.okStatus ?? 200,
      retryAfter: res.headers.get('retry-after'),
      route: route.name,
      sentIn,
      status: res.status,
    }
  } catch (err) {
    return {
      body: '',
      doneIn: phase,
      error: (err as Error).message,
      ms: Date.now() - started,
      okStatus: route.okStatus ?? 200,
      retryAfter: null,
      route: route.name,
      sentIn,
      status: null,
    }
  }
}

/** `workers` loops sending the mix until `stop()`; one of them also saves a draft now and then. */
function startLoad(workers: number) {
  let running = true
  const mix = routes()
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i++) {
      const route = mix[i % mix.length]
      if (!route.fromDown || (phase !== 'up' && phase !== 'stopping')) {
        outcomes.push(await send(route))
      }
      if (w === 0 && i % 10 === 0) {
        const sentIn = phase
        const started = Date.now()
        try {
          const res = await fetch(`${base}/api/legal-documents/${documentId}?draft=true&depth=0`, {
            body: JSON.stringify({ summary: `Outage test ${i}` }),
            headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
            method: 'PATCH',
            signal: AbortSignal.timeout(15_000),
          })
          outcomes.push({
            body: await res.text(),
            doneIn: phase,
            ms: Date.now() - started,
            okStatus: 200,
            retryAfter: res.headers.get('retry-after'),
            route: 'REST draft save',
            sentIn,
            status: res.status,
          })
        } catch (err) {
          outcomes.push({
            body: '',
            doneIn: phase,
            error: (err as Error).message,
            ms: Date.now() - started,
            okStatus: 200,
            retryAfter: null,
            route: 'REST draft save',
            sentIn,
            status: null,
          })
        }
      }
    }
  })
  return async () => {
    running = false
    await Promise.all(loops)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-outage-test-'))
  await fs.chmod(tmp, 0o755)
  pgDir = path.join(tmp, 'postgres')
  db = await startEmbeddedPostgres({ dataDir: pgDir })
  await ensureDatabase(db.adminUrl, 'legal')

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: tmp,
    DATABASE_URL: db.urlFor('legal'),
    HOST: '127.0.0.1',
    NO_NEXT: 'true',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    PORT: '0',
    // Every loop posts consents from one address; the per-client limit is not what is tested here.
    LEGAL_CONSENT_RATE_LIMIT: '100000',
  }
  delete env.PAYLOAD_FORCE_DRIZZLE_PUSH
  server = spawn(process.execPath, [...nodeArgs(env), 'dev/server/main.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (d: Buffer) => (serverOutput += d.toString()))
  server.stderr!.on('data', (d: Buffer) => (serverOutput += d.toString()))
  server.on('exit', (code, signal) => (serverExit = { code, signal }))
  for (let i = 0; i < 600 && !/admin at http:\/\/[^:]+:\d+\//.test(serverOutput); i++) {
    if (serverExit) {
      throw new Error(`server exited:\n${serverOutput}`)
    }
    await sleep(200)
  }
  const port = /admin at http:\/\/[^:]+:(\d+)\//.exec(serverOutput)?.[1]
  if (!port) {
    throw new Error(`server did not start:\n${serverOutput}`)
  }
  base = `http://127.0.0.1:${port}`

  // Development start-up created demo users (passwords printed once) and published the seed.
  const password = /admin\s+admin@example\.com\s+password: (\S+)/.exec(serverOutput)?.[1]
  const login = await fetch(`${base}/api/users/login`, {
    body: JSON.stringify({ email: 'admin@example.com', password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  token = ((await login.json()) as { token: string }).token
  const docs = (await (
    await fetch(`${base}/api/legal-documents?where[slug][equals]=terms-of-use&depth=0`)
  ).json()) as { docs: { id: number }[] }
  documentId = docs.docs[0].id
  consentConfig = (await (
    await fetch(`${base}/api/legal/cookies/consent-config`)
  ).json()) as typeof consentConfig
  // Warm the delivery cache for the routes marked `cached`.
  for (const route of routes().filter((r) => r.cached)) {
    expect((await send(route)).status).toBe(200)
  }
}, 180_000)

afterAll(async () => {
  if (server && !serverExit) {
    const exited = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  await db?.stop()
  if (tmp) {
    await fs.rm(tmp, { force: true, recursive: true })
  }
})

describe('which errors mean "the database is not reachable"', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code })
  /** Each error's verdict, shown next to the error when it is wrong. */
  const expectVerdicts = (errors: unknown[], unavailable: boolean) => {
    for (const error of errors) {
      expect({ error, unavailable: isDatabaseUnavailable(error) }).toEqual({ error, unavailable })
    }
  }
  test('connection failures, however deeply wrapped', () => {
    expectVerdicts(
      [
        pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
        new Error('Failed query: select 1', {
          cause: pgError('57P01', 'terminating connection due to administrator command'),
        }),
        new Error('Error: cannot begin transaction: connect ECONNREFUSED 127.0.0.1:5432'),
        // The adapter drops the cause of a failed BEGIN (seen when PostgreSQL stops mid-request).
        new Error('Error: cannot begin transaction: Failed query: begin\nparams: '),
        new Error('Connection terminated unexpectedly'),
        pgError('57P03', 'the database system is starting up'),
        {
          message: 'Something went wrong.',
          originalError: pgError('08006', 'connection failure'),
        },
      ],
      true,
    )
  })
  test('never a bad request or a conflict: those keep their own status', () => {
    expectVerdicts(
      [
        pgError('23505', 'duplicate key value violates unique constraint'),
        new Error('Failed query: select …', {
          cause: pgError('22P02', 'invalid input syntax for type integer'),
        }),
        Object.assign(new Error('The following field is invalid: Title'), { status: 400 }),
        null,
      ],
      false,
    )
  })
})

describe('PostgreSQL stopped under load', () => {
  let recoveryMs = 0
  let port = 0

  test('stop, stay down, start again: 503 JSON while down, recovery by itself, no crash', async () => {
    port = db.port
    const stopLoad = startLoad(12)
    await sleep(3000)

    setPhase('stopping')
    await db.stop()
    // The postmaster may still be letting go of the port when the stop resolves.
    for (
      let i = 0;
      i < 100 && (!(await portFree(port)) || existsSync(path.join(pgDir, 'postmaster.pid')));
      i++
    ) {
      await sleep(100)
    }
    setPhase('down')
    await sleep(5000)

    setPhase('restarting')
    db = await startEmbeddedPostgres({ dataDir: pgDir })
    expect(db.port).toBe(port)
    const restarted = Date.now()
    // Recovered: a request that needs the database succeeds again.
    for (;;) {
      const res = await fetch(`${base}/api/legal-documents?limit=1&depth=0`, {
        signal: AbortSignal.timeout(15_000),
      })
      await res.arrayBuffer()
      if (res.status === 200) {
        break
      }
      if (Date.now() - restarted > 15_000) {
        throw new Error('the server did not recover within 15 s')
      }
      await sleep(100)
    }
    recoveryMs = Date.now() - restarted
    setPhase('back')
    await sleep(3000)
    await stopLoad()

    expect(serverExit).toBeNull()
    expect(recoveryMs).toBeLessThan(5000)
  }, 120_000)

  test('no request failed without an answer, hung, or got a 500: only 200 (201 for a record) or 503', () => {
    expect(outcomes.length).toBeGreaterThan(200)
    const bad = outcomes.filter(
      (o) => o.status === null || (o.status !== o.okStatus && o.status !== 503),
    )
    for (const p of new Set(bad.map((o) => o.doneIn))) {
      console.log(
        `server log from the start of "${p}":\n${serverOutput.slice(logAt[p] ?? 0, (logAt[p] ?? 0) + 30_000)}`,
      )
    }
    expect(
      bad.map(
        (o) =>
          `${o.route} (${o.sentIn}→${o.doneIn}): ${o.status ?? o.error} ${o.body.slice(0, 200)}`,
      ),
    ).toEqual([])
    // 15 s is the client's timeout; nothing came near it.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(5000)
  })

  test('while it is down, everything that needs it answers 503 with a JSON error and Retry-After', () => {
    const down = outcomes.filter((o) => o.sentIn === 'down' && o.doneIn === 'down')
    const needsDb = down.filter((o) => !/\(cached\)$/.test(o.route))
    expect(new Set(needsDb.map((o) => o.route))).toEqual(
      new Set([
        'consent log (fast path)',
        'delivery (uncached)',
        'GraphQL stock',
        'readyz',
        'REST draft save',
        'REST signed-in drafts',
        'REST stock',
      ]),
    )
    for (const o of needsDb) {
      expect([o.route, o.status]).toEqual([o.route, 503])
      const body = JSON.parse(o.body)
      if (o.route === 'readyz') {
        expect(body).toEqual({ error: 'Database is not reachable.', status: 'unavailable' })
        continue
      }
      expect([o.route, body.errors?.[0]?.message]).toEqual([
        o.route,
        expect.stringMatching(DOWN_MESSAGE),
      ])
      expect([o.route, o.retryAfter]).toEqual([o.route, '5'])
    }
  })

  test('while it is down, cached delivery responses are still served from memory', () => {
    const cached = outcomes.filter(
      (o) => o.sentIn === 'down' && o.doneIn === 'down' && /\(cached\)$/.test(o.route),
    )
    expect(cached.length).toBeGreaterThan(10)
    for (const o of cached) {
      expect([o.route, o.status]).toEqual([o.route, 200])
    }
    const before = outcomes.find((o) => o.sentIn === 'up' && o.route === 'delivery (cached)')!
    const during = cached.find((o) => o.route === 'delivery (cached)')!
    expect(during.body).toBe(before.body)
  })

  test('before and after: every request answered as usual; the same process kept serving', async () => {
    for (const p of ['up', 'back'] as const) {
      const all = outcomes.filter((o) => o.sentIn === p && o.doneIn === p)
      expect(all.length).toBeGreaterThan(20)
      expect(
        all
          .filter((o) => o.status !== o.okStatus)
          .map((o) => `${p} ${o.route}: ${o.status} ${o.body.slice(0, 200)}`),
      ).toEqual([])
    }
    expect(serverExit).toBeNull()
    expect((await fetch(`${base}/readyz`)).status).toBe(200)
    // Writes work again, and a publish-free draft save reaches the database.
    const res = await fetch(`${base}/api/legal-documents/${documentId}?draft=true&depth=0`, {
      body: JSON.stringify({ summary: 'After the outage' }),
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      method: 'PATCH',
    })
    expect(res.status).toBe(200)
    console.log(
      `outage test: ${outcomes.length} requests; recovered ${recoveryMs} ms after PostgreSQL accepted connections again on port ${port}; ` +
        `while down: ${outcomes.filter((o) => o.sentIn === 'down' && o.status === 503).length} × 503, ` +
        `${outcomes.filter((o) => o.sentIn === 'down' && o.status === 200).length} × 200 from the delivery cache`,
    )
  })
})

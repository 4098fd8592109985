import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Hardening (issue 8, point 6), against the real express server and Payload on PostgreSQL,
 * configured the way production is (dev/server/settings.ts → dev/appConfig.ts): login lockout,
 * the session cookie's flags, CORS and CSRF origins, GraphQL introspection and playground off in
 * production, and the security headers of the API, the pages and the fast path.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { configToSchema } from '@payloadcms/graphql'
import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'
import { parse, validate } from 'graphql'
import { randomBytes } from 'node:crypto'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { buildAppConfig } from '../../dev/appConfig'
import { createServer } from '../../dev/server/createServer'
import { readSecuritySettings, type SecuritySettings } from '../../dev/server/settings'
import { closePayload } from '../../src/payloadInternals'
import { richText } from '../helpers/lexical'
import { publishedDocument } from '../helpers/publishFlow'
import { createTestDatabase } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

const ALLOWED_ORIGIN = 'https://www.example.org'
const CSRF_ORIGIN = 'https://admin.example.org'
const SERVER_URL = 'https://legal.example.org'
const LOCK_MS = 1500

/** Production's settings, from production's environment; a short lock so the test can wait it out. */
const security: SecuritySettings = {
  ...readSecuritySettings({
    CORS_ORIGINS: ALLOWED_ORIGIN,
    CSRF_ORIGINS: CSRF_ORIGIN,
    LOGIN_MAX_ATTEMPTS: '3',
    NODE_ENV: 'production',
    PAYLOAD_PUBLIC_SERVER_URL: SERVER_URL,
  }),
  loginLockMs: LOCK_MS,
}

let payload: Payload
let config: SanitizedConfig
let server: Server
let baseUrl: string
let dropDatabase: () => Promise<void>
let editor: TestUser

/** Stands in for Next: answers with the Content-Security-Policy it was handed in the request. */
function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ requestPolicy: req.headers['content-security-policy'] ?? null }))
  return Promise.resolve()
}

beforeAll(async () => {
  const db = await createTestDatabase('legal_hardening')
  dropDatabase = db.drop
  config = await buildAppConfig({
    databaseUrl: db.url,
    secret: randomBytes(32).toString('hex'),
    security,
    serverURL: SERVER_URL,
  })
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  payload = await getPayload({ config })
  const app = await createServer({ config, nextHandler: fakeNext, payload, security })
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  editor = await createUser(payload, 'hardening-editor', ['editor'])

  // One published document, for the delivery API and its fast path (through the workflow).
  const reviewer = await createUser(payload, 'hardening-reviewer', ['reviewer'])
  await publishedDocument(
    payload,
    editor,
    reviewer,
    { slug: 'terms', kind: 'terms-of-use', title: 'Terms' },
    [{ body: richText('These terms apply.'), heading: 'Scope' }],
  )
})

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  if (payload) {
    await closePayload(payload)
  }
  await dropDatabase?.()
})

const loginAttempt = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/users/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json', ...headers },
    method: 'POST',
  })

describe('login throttling', () => {
  test(`an account is locked after ${security.loginMaxAttempts} failed logins, even for the right password, until the lock time has passed`, async () => {
    const user = await createUser(payload, 'lockout-target', ['editor'])
    for (let i = 0; i < security.loginMaxAttempts; i++) {
      const res = await loginAttempt(user.email, 'wrong-password')
      expect(res.status).toBe(401)
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
        /incorrect/i,
      )
    }
    const locked = await loginAttempt(user.email, user.password)
    expect(locked.status).toBe(401)
    expect(((await locked.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /locked/i,
    )
    const stored = (await payload.findByID({
      id: user.id,
      collection: 'users',
      overrideAccess: true,
      showHiddenFields: true,
    })) as unknown as { lockUntil?: string }
    expect(new Date(stored.lockUntil!).getTime()).toBeGreaterThan(Date.now())

    // Another account is not affected.
    expect(await login(baseUrl, editor)).toEqual(expect.any(String))

    await new Promise((resolve) => setTimeout(resolve, LOCK_MS + 200))
    const again = await loginAttempt(user.email, user.password)
    expect(again.status).toBe(200)
  })

  test('lockout settings come from the environment, with safe defaults', () => {
    expect(config.collections.find((c) => c.slug === 'users')!.auth).toMatchObject({
      lockTime: LOCK_MS,
      maxLoginAttempts: 3,
    })
    expect(readSecuritySettings({})).toMatchObject({
      loginLockMs: 10 * 60_000,
      loginMaxAttempts: 5,
    })
  })
})

describe('session cookie', () => {
  test('in production the login cookie is Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await loginAttempt(editor.email, editor.password)
    expect(res.status).toBe(200)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toBeDefined()
    // Payload writes `Secure=true; HttpOnly=true`; browsers go by the attribute name and
    // ignore the value (RFC 6265, 5.2.5 and 5.2.6).
    expect(cookie).toMatch(/;\s*Secure(=true)?(;|$)/i)
    expect(cookie).toMatch(/;\s*HttpOnly(=true)?(;|$)/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax(;|$)/i)
    expect(cookie).toMatch(/;\s*Path=\//i)
  })

  test('development sends no Secure flag (plain http://localhost), unless asked', async () => {
    const dev = await buildAppConfig({
      databaseUrl: 'postgres://unused@127.0.0.1:1/x',
      secret: 'x'.repeat(32),
      security: readSecuritySettings({}),
    })
    expect(dev.collections.find((c) => c.slug === 'users')!.auth.cookies).toEqual({
      sameSite: 'Lax',
      secure: false,
    })
    expect(readSecuritySettings({ COOKIE_SECURE: 'true' }).secureCookies).toBe(true)
    expect(
      readSecuritySettings({ COOKIE_SECURE: 'false', NODE_ENV: 'production' }).secureCookies,
    ).toBe(false)
  })
})

describe('CORS and CSRF origins from the environment', () => {
  const delivery = (origin: string) =>
    fetch(`${baseUrl}/api/legal/documents/terms`, { headers: { origin } })

  test('an allowed origin gets Access-Control-Allow-Origin; another does not (REST, delivery, fast path)', async () => {
    for (let i = 0; i < 2; i++) {
      // The first request renders (express), the second is answered from the cache (fast path).
      const allowed = await delivery(ALLOWED_ORIGIN)
      expect(allowed.status).toBe(200)
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN)
      const other = await delivery('https://evil.example')
      expect(other.status).toBe(200)
      expect(other.headers.get('access-control-allow-origin')).toBeNull()
    }
    const rest = await fetch(`${baseUrl}/api/legal-documents?limit=1`, {
      headers: { origin: ALLOWED_ORIGIN },
    })
    expect(rest.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN)
    const preflight = await fetch(`${baseUrl}/api/legal-documents`, {
      headers: { 'access-control-request-method': 'POST', origin: ALLOWED_ORIGIN },
      method: 'OPTIONS',
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN)
    const foreignPreflight = await fetch(`${baseUrl}/api/legal-documents`, {
      headers: { 'access-control-request-method': 'POST', origin: 'https://evil.example' },
      method: 'OPTIONS',
    })
    expect(foreignPreflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('the session cookie counts only from the CSRF origins and the server itself', async () => {
    const token = await login(baseUrl, editor)
    const me = async (headers: Record<string, string>) => {
      const res = await fetch(`${baseUrl}/api/users/me`, {
        headers: { cookie: `payload-token=${token}`, ...headers },
      })
      return ((await res.json()) as { user: { email: string } | null }).user?.email ?? null
    }
    expect(await me({ origin: CSRF_ORIGIN })).toBe(editor.email)
    expect(await me({ origin: SERVER_URL })).toBe(editor.email)
    expect(await me({ origin: 'https://evil.example' })).toBeNull()
    expect(await me({ 'sec-fetch-site': 'same-origin' })).toBe(editor.email)
    expect(await me({ 'sec-fetch-site': 'cross-site' })).toBeNull()
    expect(config.csrf).toEqual([CSRF_ORIGIN, SERVER_URL])
    expect(config.cors).toEqual([ALLOWED_ORIGIN])
  })
})

describe('GraphQL in production', () => {
  const introspect = () =>
    fetch(`${baseUrl}/api/graphql`, {
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })

  /** Payload's introspection rule looks at NODE_ENV when a query is validated. */
  async function inProduction<T>(run: () => Promise<T>): Promise<T> {
    const env = process.env as Record<string, string | undefined>
    const before = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      return await run()
    } finally {
      env.NODE_ENV = before
    }
  }

  test('introspection is refused in production, and allowed outside it', async () => {
    const refused = await inProduction(introspect)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toMatch(/introspection is not allowed/)
    const allowed = await introspect()
    expect(allowed.status).toBe(200)
  })

  test('GRAPHQL_INTROSPECTION=true turns it back on in production', async () => {
    const document = parse('{ __schema { queryType { name } } }')
    const errorsWith = async (env: Record<string, string>) => {
      const c = await buildAppConfig({
        databaseUrl: 'postgres://unused@127.0.0.1:1/x',
        secret: 'x'.repeat(32),
        security: readSecuritySettings({ NODE_ENV: 'production', ...env }),
      })
      const { schema, validationRules } = configToSchema(c)
      return inProduction(() =>
        Promise.resolve(
          validate(schema, document, validationRules({} as never)).map((e) => e.message),
        ),
      )
    }
    expect(await errorsWith({})).toEqual([expect.stringMatching(/introspection is not allowed/)])
    expect(await errorsWith({ GRAPHQL_INTROSPECTION: 'true' })).toEqual([])
  })

  test('the playground is off in production unless GRAPHQL_PLAYGROUND=true', async () => {
    const playground = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
    const open = () => playground(new Request(`${baseUrl}/api/graphql-playground`))
    expect(config.graphQL.disablePlaygroundInProduction).toBe(true)
    expect((await inProduction(open)).status).toBe(404)
    expect((await open()).status).toBe(200)

    const enabled = await buildAppConfig({
      databaseUrl: 'postgres://unused@127.0.0.1:1/x',
      secret: 'x'.repeat(32),
      security: readSecuritySettings({ GRAPHQL_PLAYGROUND: 'true', NODE_ENV: 'production' }),
    })
    expect(enabled.graphQL.disablePlaygroundInProduction).toBe(false)
    // The route reads the flag from the running instance's config.
    payload.config.graphQL.disablePlaygroundInProduction = false
    try {
      expect((await inProduction(open)).status).toBe(200)
    } finally {
      payload.config.graphQL.disablePlaygroundInProduction = true
    }
  })
})

describe('security headers', () => {
  const expectCommon = (headers: Headers) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000')
    expect(headers.get('x-powered-by')).toBeNull()
  }

  test('the API allows nothing to run or frame it: REST, GraphQL, delivery (both paths), health checks, errors', async () => {
    const requests: [string, RequestInit?][] = [
      ['/api/legal/documents/terms?format=html'],
      ['/api/legal/documents/terms?format=html'],
      ['/api/legal-documents?limit=1'],
      [
        '/api/graphql',
        {
          body: '{"query":"{ __typename }"}',
          headers: { 'content-type': 'application/json' },
          method: 'POST',
        },
      ],
      ['/api/no-such-thing'],
      ['/api/legal/documents/%E0%A4%A'],
      ['/healthz'],
    ]
    for (const [path, init] of requests) {
      const res = await fetch(`${baseUrl}${path}`, init)
      expectCommon(res.headers)
      expect([path, res.headers.get('content-security-policy')]).toEqual([
        path,
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      ])
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  test('pages get a nonce policy, fresh per request, that Next receives with the request', async () => {
    const nonces = new Set<string>()
    for (const path of ['/legal/terms', '/legal', '/admin']) {
      const res = await fetch(`${baseUrl}${path}`)
      expectCommon(res.headers)
      const policy = res.headers.get('content-security-policy')!
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1]
      expect(nonce).toBeDefined()
      nonces.add(nonce!)
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/)
      expect(policy).not.toMatch(/unsafe-eval/)
      expect(policy).toContain("object-src 'none'")
      expect(policy).toContain("frame-ancestors 'self'")
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      // What Next reads to put the nonce on its inline scripts.
      expect(((await res.json()) as { requestPolicy: string }).requestPolicy).toBe(policy)
    }
    expect(nonces.size).toBe(3)
  })

  test('a policy sent by the client is replaced, not trusted', async () => {
    const res = await fetch(`${baseUrl}/legal/terms`, {
      headers: { 'content-security-policy': "script-src 'nonce-attacker'" },
    })
    const { requestPolicy } = (await res.json()) as { requestPolicy: string }
    expect(requestPolicy).not.toContain('attacker')
    expect(requestPolicy).toBe(res.headers.get('content-security-policy'))
  })

  test('the GraphQL playground page (when enabled) gets no policy that would break it', async () => {
    const res = await fetch(`${baseUrl}/api/graphql-playground`)
    expect(res.headers.get('content-security-policy')).toBeNull()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

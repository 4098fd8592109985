/**
 * The consent log (issue 15, point 3): POST /api/legal/consents on the real express server over
 * HTTP and a real PostgreSQL. A valid record is stored with server time, the hash of the banner
 * configuration served, and a truncated IP; every malformed one is refused with JSON; CORS and
 * the origin check follow the configured origins; the log is append-only on every route.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, randomUUID } from 'node:crypto'

import type { TestApp } from '../helpers/testPayload'

import { SLUGS } from '../../src/slugs'
import { expectLocalWritesRefused } from '../helpers/appendOnly'
import { ANALYTICS_COOKIE, SESSION_COOKIE } from '../helpers/consentSetup'
import { publishCookie } from '../helpers/cookiePolicy'
import { rawRequest, type RawResponse } from '../helpers/httpServer'
import { closeServed, type StaffApp, startStaffApp } from '../helpers/staffApp'
import { createUser, login, type TestUser } from '../helpers/users'

type Json = Record<string, any>
const SITE = 'https://www.site.example'
const LIMIT = 30
/** An hour, not the default minute: a slow run must not earn tokens back mid-test (one per two minutes here). */
const WINDOW_MS = 60 * 60_000

let app: TestApp
let server: StaffApp['server']
let admin: TestUser
let editor: TestUser
let adminToken: string
let ipCounter = 0

/** Each test posts from its own address (the server trusts X-Forwarded-For here), so rate limits do not mix. */
const nextIp = () => `203.0.${++ipCounter}.77`

beforeAll(async () => {
  const previous = process.env.TRUST_PROXY
  process.env.TRUST_PROXY = 'true'
  const staff = await startStaffApp(
    {
      plugin: {
        consent: {
          allowedOrigins: [SITE],
          ipHashKey: 'test-ip-key',
          rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
        },
      },
    },
    'consent',
  )
  ;({ app, editor, server } = staff)
  if (previous === undefined) {
    delete process.env.TRUST_PROXY
  } else {
    process.env.TRUST_PROXY = previous
  }
  admin = await createUser(app.payload, 'consent-admin', ['admin'])
  adminToken = await login(server.baseUrl, admin)
  await publishCookie(app.payload, editor, staff.reviewer, SESSION_COOKIE)
  await publishCookie(app.payload, editor, staff.reviewer, ANALYTICS_COOKIE)
})
afterAll(() => closeServed({ app, server }))

type Raw = { json: Json } & RawResponse

async function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<Raw> {
  const res = await rawRequest(server.baseUrl, method, path, headers, body)
  let json: Json = {}
  try {
    json = res.text ? JSON.parse(res.text) : {}
  } catch {
    json = { raw: res.text }
  }
  return { ...res, json }
}

/** What logConsent sends for a visitor who accepted everything (cookieconsent 3's getUserPreferences). */
const valid = (overrides: Json = {}): Json => ({
  acceptedCategories: ['necessary', 'analytics'],
  acceptedServices: { analytics: ['google-analytics'], necessary: ['website'] },
  acceptType: 'all',
  consentId: randomUUID(),
  language: 'en',
  pageUrl: 'https://www.site.example/pricing?utm_source=mail#plans',
  rejectedCategories: [],
  rejectedServices: { analytics: [], necessary: [] },
  revision: 1,
  ...overrides,
})

const post = (body: unknown, headers: Record<string, string> = {}, ip = nextIp()) =>
  request(
    'POST',
    '/api/legal/consents',
    { 'content-type': 'text/plain;charset=UTF-8', origin: SITE, 'x-forwarded-for': ip, ...headers },
    typeof body === 'string' ? body : JSON.stringify(body),
  )

const stored = async (consentId: string) =>
  (
    await app.payload.find({
      collection: SLUGS.consents,
      depth: 0,
      overrideAccess: true,
      where: { consentId: { equals: consentId } },
    })
  ).docs as Json[]

describe('POST /api/legal/consents stores a valid consent', () => {
  test('201 after the insert, with server time, the served config hash and a truncated IP', async () => {
    const served = await request('GET', '/api/legal/cookies/consent-config', {})
    expect(served.status).toBe(200)
    const body = valid()
    const before = Date.now()
    const res = await post(
      body,
      { 'user-agent': `Mozilla/5.0 ${'x'.repeat(400)}`, 'x-real-ip': '9.9.9.9' },
      '198.51.100.23',
    )
    expect(res.status).toBe(201)
    expect(res.headers['access-control-allow-origin']).toBe(SITE)
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
    expect(res.json.configHash).toBe(createHash('sha256').update(served.text).digest('hex'))

    // Committed: another connection sees it at once.
    const [doc] = await stored(body.consentId)
    expect(doc).toBeDefined()
    expect(doc.ip).toBe('198.51.100.0')
    expect(doc.ipHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(doc)).not.toContain('198.51.100.23')
    expect(JSON.stringify(doc)).not.toContain('9.9.9.9')
    expect(doc.configHash).toBe(res.json.configHash)
    expect(doc.acceptType).toBe('all')
    expect(doc.acceptedCategories).toEqual(['necessary', 'analytics'])
    expect(doc.rejectedCategories).toEqual([])
    expect(doc.acceptedServices).toEqual({
      analytics: ['google-analytics'],
      necessary: ['website'],
    })
    expect(doc.revision).toBe(1)
    expect(doc.language).toBe('en')
    expect(doc.pageUrl).toBe('https://www.site.example/pricing')
    expect(doc.userAgent.length).toBe(256)
    const recordedAt = Date.parse(doc.recordedAt)
    expect(recordedAt).toBeGreaterThanOrEqual(before - 1000)
    expect(recordedAt).toBeLessThanOrEqual(Date.now() + 1000)
  })

  test('JSON bodies, IPv6 (/48), "necessary" and "custom" choices; a change is a second record', async () => {
    const id = randomUUID()
    const first = await request(
      'POST',
      '/api/legal/consents',
      {
        'content-type': 'application/json',
        origin: SITE,
        'x-forwarded-for': '2001:db8:85a3:1234:5678::1',
      },
      JSON.stringify(
        valid({
          acceptedCategories: ['necessary'],
          acceptType: 'necessary',
          consentId: id,
          rejectedCategories: ['analytics'],
        }),
      ),
    )
    expect(first.status).toBe(201)
    const changed = await post(
      valid({ acceptType: 'all', consentId: id, language: 'uk', pageUrl: undefined }),
    )
    expect(changed.status).toBe(201)
    const docs = await stored(id)
    expect(docs.map((d) => d.acceptType).sort()).toEqual(['all', 'necessary'])
    expect(docs.find((d) => d.acceptType === 'necessary')!.ip).toBe('2001:db8:85a3::')
  })

  test('a request without Origin (not a browser) and one from the server itself are accepted', async () => {
    expect((await post(valid(), { origin: '' })).status).toBe(201)
    const own = new URL(server.baseUrl).origin
    const res = await post(valid(), { origin: own })
    expect(res.status).toBe(201)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('refusals are JSON with a clear message', () => {
  const cases: [string, unknown, number, RegExp][] = [
    ['not JSON', '{"consentId":', 400, /not valid JSON/],
    ['an array', [], 400, /JSON object/],
    ['missing consentId', valid({ consentId: undefined }), 422, /consentId.*missing/],
    ['a consentId that is no UUID', valid({ consentId: 'abc' }), 422, /consentId.*UUID/],
    ['a consentId of the wrong type', valid({ consentId: 42 }), 422, /consentId/],
    ['an unknown field', valid({ email: 'a@b.c' }), 422, /Unknown fields: "email"/],
    [
      'an unknown category',
      valid({ acceptedCategories: ['necessary', 'analytics', 'tracking'] }),
      422,
      /Unknown categories: "tracking"/,
    ],
    [
      'a rejected necessary category',
      valid({
        acceptedCategories: ['analytics'],
        acceptType: 'custom',
        rejectedCategories: ['necessary'],
      }),
      422,
      /Necessary categories cannot be rejected/,
    ],
    [
      'a category left out',
      valid({ acceptedCategories: ['necessary'] }),
      422,
      /missing: "analytics"/,
    ],
    [
      'a category both accepted and rejected',
      valid({ rejectedCategories: ['analytics'] }),
      422,
      /both accepted and rejected/,
    ],
    [
      'an acceptType the categories contradict',
      valid({ acceptType: 'custom' }),
      422,
      /make it "all"/,
    ],
    [
      'categories of the wrong type',
      valid({ acceptedCategories: 'necessary' }),
      422,
      /array of strings/,
    ],
    [
      'an unknown service',
      valid({ acceptedServices: { analytics: ['hotjar'] } }),
      422,
      /services the banner does not have: "hotjar"/,
    ],
    ['a revision that is no number', valid({ revision: '1' }), 422, /revision/],
    ['an unknown language', valid({ language: 'fr' }), 422, /language/],
    ['a page URL that is not http(s)', valid({ pageUrl: 'javascript:alert(1)' }), 422, /pageUrl/],
  ]
  test.each(cases)('%s', async (_name, body, status, message) => {
    const res = await post(body)
    expect(res.status).toBe(status)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.json.errors[0].message).toMatch(message)
  })

  test('a stale revision: 409 with the revision in force', async () => {
    const res = await post(valid({ revision: 0 }))
    expect(res.status).toBe(409)
    expect(res.json.errors[0].message).toMatch(/revision 1 is in force/)
    expect(res.json.errors[0].data).toEqual({ currentRevision: 1 })
  })

  test('a body over 8 KB: 413', async () => {
    const res = await post(valid({ pageUrl: `https://www.site.example/${'a'.repeat(9000)}` }))
    expect(res.status).toBe(413)
    expect(res.json.errors[0].message).toMatch(/8 KB/)
  })

  test('another media type: 415', async () => {
    const res = await post('consentId=x', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(415)
  })

  test('nothing refused was stored', async () => {
    const all = (
      await app.payload.find({
        collection: SLUGS.consents,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
      })
    ).docs as Json[]
    expect(all.some((d) => d.revision === 0)).toBe(false)
  })
})

describe('rate limit, CORS and origins', () => {
  test(`more than ${LIMIT} per window from one network: 429 with Retry-After; another network is unaffected`, async () => {
    const statuses: number[] = []
    // Two addresses of one /24 share the bucket.
    for (let i = 0; i < LIMIT + 1; i++) {
      statuses.push((await post(valid(), {}, `192.0.2.${i % 2 ? 10 : 11}`)).status)
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 201)).toBe(true)
    const refused = await post(valid(), {}, '192.0.2.12')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(60)
    expect(refused.json.errors[0].message).toMatch(/Too many/)
    expect((await post(valid(), {}, '192.0.3.12')).status).toBe(201)
  })

  test('preflight from a configured origin: 204 with CORS headers', async () => {
    const res = await request('OPTIONS', '/api/legal/consents', {
      'access-control-request-headers': 'content-type',
      'access-control-request-method': 'POST',
      origin: SITE,
    })
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe(SITE)
    expect(res.headers['access-control-allow-methods']).toBe('POST, OPTIONS')
    expect(res.headers['access-control-allow-headers']).toMatch(/Content-Type/i)
  })

  test('a foreign origin: preflight and POST refused (403), no CORS headers, nothing stored', async () => {
    const preflight = await request('OPTIONS', '/api/legal/consents', {
      'access-control-request-method': 'POST',
      origin: 'https://evil.example',
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    const body = valid()
    const res = await post(body, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(await stored(body.consentId)).toEqual([])
  })
})

describe('append-only on every route, admins included', () => {
  let id: number | string
  let consentId: string
  beforeAll(async () => {
    const body = valid()
    consentId = body.consentId
    id = (await post(body)).json.id
    expect(id).toBeDefined()
  })
  const unchanged = async () => {
    const docs = await stored(consentId)
    expect(docs).toHaveLength(1)
    expect(docs[0].language).toBe('en')
  }
  const rest = (method: string, path: string, token: null | string, body?: unknown) =>
    request(
      method,
      `/api${path}`,
      { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body === undefined ? undefined : JSON.stringify(body),
    )
  const graphql = (token: null | string, query: string) =>
    request(
      'POST',
      '/api/graphql',
      { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      JSON.stringify({ query }),
    )

  test('REST: admins read; anonymous cannot; create, update, delete refused for everyone', async () => {
    expect((await rest('GET', `/legal-consents/${id}`, adminToken)).status).toBe(200)
    expect([401, 403]).toContain((await rest('GET', `/legal-consents/${id}`, null)).status)
    const anonymousList = await rest('GET', '/legal-consents', null)
    expect([401, 403]).toContain(anonymousList.status)
    const editorToken = await login(server.baseUrl, editor)
    expect([401, 403]).toContain((await rest('GET', `/legal-consents/${id}`, editorToken)).status)
    for (const token of [null, adminToken]) {
      expect([401, 403]).toContain(
        (
          await rest('POST', '/legal-consents', token, {
            ...valid(),
            configHash: 'x',
            recordedAt: new Date().toISOString(),
          })
        ).status,
      )
      expect([401, 403]).toContain(
        (await rest('PATCH', `/legal-consents/${id}`, token, { language: 'uk' })).status,
      )
      expect([401, 403]).toContain((await rest('DELETE', `/legal-consents/${id}`, token)).status)
      expect([401, 403]).toContain(
        (await rest('PATCH', `/legal-consents?where[id][equals]=${id}`, token, { language: 'uk' }))
          .status,
      )
      expect([401, 403, 200]).toContain(
        (await rest('DELETE', `/legal-consents?where[id][equals]=${id}`, token)).status,
      )
    }
    await unchanged()
  })

  test('GraphQL: anonymous reads nothing; mutations refused for admins', async () => {
    const read = await graphql(
      null,
      `
        {
          LegalConsents {
            docs {
              id
              consentId
            }
          }
        }
      `,
    )
    expect(JSON.stringify(read.json)).not.toContain(consentId)
    for (const mutation of [
      `mutation { updateLegalConsent(id: ${id}, data: { language: "uk" }) { id } }`,
      `mutation { deleteLegalConsent(id: ${id}) { id } }`,
      `mutation { createLegalConsent(data: { consentId: "${randomUUID()}", acceptType: all, acceptedCategories: [], rejectedCategories: [], revision: 1, configHash: "x", recordedAt: "2026-01-01T00:00:00Z" }) { id } }`,
    ]) {
      const res = await graphql(adminToken, mutation)
      expect(res.json.errors?.length).toBeGreaterThan(0)
    }
    await unchanged()
  })

  test('Local API: refused with overrideAccess false for an admin, and even with overrideAccess true', async () => {
    await expectLocalWritesRefused(app.payload, admin, SLUGS.consents, id, {
      create: () => ({ ...valid(), configHash: 'x', recordedAt: new Date().toISOString() }),
      update: { language: 'uk' },
    })
    await unchanged()
  })
})

/**
 * Cross-site request forgery (dev/server/csrf.ts), on the real express server over raw HTTP:
 * a state-changing request that carries the admin's session cookie is served only from the
 * server's own origin or an allowed one, in development and production, with or without
 * PAYLOAD_PUBLIC_SERVER_URL. The own origin comes from configuration, never the Host header.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import { readSecuritySettings, type SecuritySettings } from '../../dev/server/settings'
import { listen, rawRequest, type RawResponse } from '../helpers/httpServer'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, type TestUser } from '../helpers/users'

let app: TestApp
let admin: TestUser
let created = 0

beforeAll(async () => {
  app = await startTestPayload()
  admin = await createUser(app.payload, 'csrf-admin', ['admin'])
})
afterAll(async () => {
  await app?.close()
})

const request = rawRequest

/** The admin's session cookie, as a browser would hold it after signing in. */
async function sessionCookie(baseUrl: string): Promise<string> {
  const res = await request(
    baseUrl,
    'POST',
    '/api/users/login',
    { 'content-type': 'application/json' },
    JSON.stringify({ email: admin.email, password: admin.password }),
  )
  expect(res.status).toBe(200)
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('payload-token='))
  expect(cookie).toBeDefined()
  return cookie!.split(';')[0]
}

/** What the review found: a multipart form post creating a user with a role. */
function createUserForm(): { body: string; email: string; headers: Record<string, string> } {
  const email = `forged-${++created}@evil.example`
  const boundary = 'csrfboundary'
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ email, password: 'forged-password-123', roles: ['admin'] })}\r\n--${boundary}--\r\n`
  return { body, email, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** The user-creating form posted with the other `headers` given: the answer, and the e-mail. */
async function postUserForm(baseUrl: string, headers: Record<string, string>) {
  const form = createUserForm()
  const res = await request(
    baseUrl,
    'POST',
    '/api/users',
    { ...form.headers, ...headers },
    form.body,
  )
  return { email: form.email, res }
}

/** The server with these settings, and the admin's session cookie on it. */
async function signedInServer(security: SecuritySettings) {
  const server = await listen(app, { security })
  return { cookie: await sessionCookie(server.baseUrl), server }
}

const countWhere = async (collection: 'legal-documents' | 'users', field: string, value: string) =>
  (
    await app.payload.count({
      collection,
      overrideAccess: true,
      where: { [field]: { equals: value } },
    })
  ).totalDocs
const userExists = async (email: string) => (await countWhere('users', 'email', email)) === 1

function expectRefused(res: RawResponse) {
  expect(res.status).toBe(403)
  expect(res.headers['content-type']).toMatch(/application\/json/)
  expect(JSON.parse(res.text).errors[0].message).toMatch(/sign-in cookie|where it comes from/)
}

describe.each([
  ['development', false],
  ['production', true],
])('without PAYLOAD_PUBLIC_SERVER_URL, %s', (_name, production) => {
  let server: Awaited<ReturnType<typeof listen>>
  let cookie: string
  let port: number
  beforeAll(async () => {
    const security: SecuritySettings = {
      ...readSecuritySettings({}),
      production,
      secureCookies: false,
    }
    ;({ cookie, server } = await signedInServer(security))
    port = Number(new URL(server.baseUrl).port)
  })
  afterAll(() => server?.close())

  test.each([
    ['a foreign origin', { origin: 'http://evil.example' }],
    ['Origin: null (a sandboxed frame or a file)', { origin: 'null' }],
    ['no Origin and no Referer', {}],
    ['a foreign Referer and no Origin', { referer: 'http://evil.example/attack.html' }],
    ['the same host on another port (same site, other origin)', { origin: 'http://127.0.0.1:1' }],
    [
      'a foreign origin with the Host header forged to match it',
      { host: 'evil.example', origin: 'http://evil.example' },
    ],
  ])('refuses %s: 403 JSON and no user created', async (_case, headers) => {
    const { email, res } = await postUserForm(server.baseUrl, { cookie, ...headers })
    expectRefused(res)
    expect(await userExists(email)).toBe(false)
  })

  test('refuses a GraphQL mutation and a workflow action from a foreign origin too', async () => {
    const gql = await request(
      server.baseUrl,
      'POST',
      '/api/graphql',
      { 'content-type': 'application/json', cookie, origin: 'http://evil.example' },
      JSON.stringify({
        query:
          'mutation { createLegalDocument(data: { title: "x", slug: "csrf-gql", kind: other }) { id } }',
      }),
    )
    expectRefused(gql)
    const workflow = await request(
      server.baseUrl,
      'POST',
      '/api/legal-documents/1/workflow',
      { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
      '{"action":"submit"}',
    )
    expectRefused(workflow)
    const logout = await request(server.baseUrl, 'POST', '/api/users/logout', {
      cookie,
      origin: 'https://evil.example',
    })
    expectRefused(logout)
    expect(await countWhere('legal-documents', 'slug', 'csrf-gql')).toBe(0)
  })

  test.each([
    ['its own origin', (p: number) => ({ origin: `http://127.0.0.1:${p}` })],
    ['its own origin by name', (p: number) => ({ origin: `http://localhost:${p}` })],
    [
      'a Referer on its own origin (no Origin)',
      (p: number) => ({ referer: `http://127.0.0.1:${p}/admin/collections/users/create` }),
    ],
  ])('serves %s', async (_case, headers) => {
    const { email, res } = await postUserForm(server.baseUrl, { cookie, ...headers(port) })
    expect(res.status).toBe(201)
    expect(await userExists(email)).toBe(true)
  })

  test('reads with the cookie and requests signed with a header are not affected', async () => {
    const read = await request(server.baseUrl, 'GET', '/api/users/me', {
      cookie,
      origin: 'http://evil.example',
    })
    expect(read.status).toBe(200)
    const token = cookie.slice('payload-token='.length)
    // An Authorization header is never added by a browser on its own: not forgeable.
    const { res } = await postUserForm(server.baseUrl, {
      authorization: `JWT ${token}`,
      origin: 'http://evil.example',
    })
    expect(res.status).toBe(201)
  })
})

describe('with PAYLOAD_PUBLIC_SERVER_URL and CSRF_ORIGINS', () => {
  let server: Awaited<ReturnType<typeof listen>>
  let cookie: string
  beforeAll(async () => {
    const security = readSecuritySettings({
      COOKIE_SECURE: 'false',
      CSRF_ORIGINS: 'https://admin.example.org',
      NODE_ENV: 'production',
      PAYLOAD_PUBLIC_SERVER_URL: 'https://legal.example.org',
    })
    ;({ cookie, server } = await signedInServer(security))
  })
  afterAll(() => server?.close())

  test.each(['https://legal.example.org', 'https://admin.example.org'])(
    'serves %s',
    async (origin) => {
      const { res } = await postUserForm(server.baseUrl, { cookie, origin })
      expect(res.status).toBe(201)
    },
  )

  test.each([
    [
      'the loopback address it listens on (only the configured origin is its own)',
      (base: string) => base,
    ],
    ['http instead of https', () => 'http://legal.example.org'],
    ['a sibling subdomain', () => 'https://www.example.org'],
  ])('refuses %s', async (_case, origin) => {
    const { email, res } = await postUserForm(server.baseUrl, {
      cookie,
      host: 'legal.example.org',
      origin: origin(server.baseUrl),
    })
    expectRefused(res)
    expect(JSON.parse(res.text).errors[0].message).toMatch(/CSRF_ORIGINS/)
    expect(await userExists(email)).toBe(false)
  })
})

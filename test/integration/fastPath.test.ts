import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import http, { type Server } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import pg from 'pg'

import type { FastPathListener } from '../../src/delivery/fastPath'

import { createServer } from '../../dev/server/createServer'
import { deliveryCacheFor } from '../../src/delivery/cache'
import { PUBLISH_CHANNEL } from '../../src/delivery/invalidation'
import { SLUGS } from '../../src/slugs'
import { paragraph, root, text } from '../helpers/lexicalRich'
import { as, publishedDocument, reviewAndPublish } from '../helpers/publishFlow'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

/**
 * The delivery fast path (src/delivery/fastPath.ts) answers cached documents before express.
 * Two real servers share one Payload (and so one delivery cache): `fast` as the app runs it,
 * `slow` the plain express app. Every answer of the fast one must be the slow one's, byte for
 * byte on the wire (only the Date header may differ).
 */

let app: TestApp
let payload: Payload
let editor: TestUser
let reviewer: TestUser
let fast: { port: number; server: Server; stats: FastPathListener['stats'] }
let slow: { port: number; server: Server }
let docId: number | string
let sectionId: number | string
type Json = Record<string, any>

async function publish(id: number | string, changeSummary: string) {
  await payload.update({
    id,
    collection: SLUGS.documents,
    data: { changeSummary },
    ...as(editor),
  })
  await reviewAndPublish(payload, editor, reviewer, id)
}

async function listenOn(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return (server.address() as AddressInfo).port
}

/** One HTTP/1.1 exchange on a raw socket: exactly the bytes the server wrote. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (c) => chunks.push(c))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.on('error', reject)
    socket.write(request)
  })
}

const rawGet = (port: number, path: string, headers: Record<string, string> = {}) =>
  exchange(
    port,
    `GET /api${path} HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Connection: close\r\n\r\n`,
  )

const rawPost = (port: number, path: string, body: string, headers: Record<string, string> = {}) =>
  exchange(
    port,
    `POST /api${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${Object.entries(
      headers,
    )
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Connection: close\r\n\r\n${body}`,
  )

/** The wire bytes without the Date header, the only thing allowed to differ. */
const withoutDate = (raw: string) => raw.replace(/^Date: [^\r]*\r\n/m, '')
const statusOf = (raw: string) => Number(raw.slice(9, 12))
const bodyOf = (raw: string) =>
  Buffer.from(raw.slice(raw.indexOf('\r\n\r\n') + 4), 'latin1').toString('utf8')
const headerOf = (raw: string, name: string) =>
  new RegExp(`^${name}: ([^\\r]*)\\r\\n`, 'im').exec(raw.slice(0, raw.indexOf('\r\n\r\n') + 2))?.[1]

const snapshot = () => ({ ...fast.stats, graphql: { ...fast.stats.graphql } })

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])

  const fastApp = await createServer({ config: app.config, payload })
  const fastServer: Server = await new Promise((resolve) => {
    const s = fastApp.listen(0, '127.0.0.1', () => resolve(s))
  })
  fast = {
    port: (fastServer.address() as AddressInfo).port,
    server: fastServer,
    stats: fastApp.fastPath!.stats,
  }
  const slowApp = await createServer({ config: app.config, fastPath: false, payload })
  expect(slowApp.fastPath).toBeUndefined()
  const slowServer = http.createServer(slowApp)
  slow = { port: await listenOn(slowServer), server: slowServer }

  const { doc, section: first } = await publishedDocument(
    payload,
    editor,
    reviewer,
    {
      slug: 'terms-of-use',
      effectiveDate: '2026-01-01T00:00:00.000Z',
      kind: 'terms-of-use',
      title: 'Terms of Use',
    },
    [
      {
        body: root(paragraph(text('These terms apply to everything <b>we</b> offer.'))),
        heading: 'Scope',
      },
      { body: root(paragraph(text('Ми відповідаємо за «наші» послуги.'))), heading: 'Liability' },
    ],
    { locales: { uk: { title: 'Умови використання' } } },
  )
  docId = doc.id
  sectionId = first.id
  // The publishes and account changes above also reach this process by NOTIFY, after their
  // commits: a late one clears the cache again. Wait until a cached answer stays cached.
  for (let tries = 0; ; tries++) {
    await rawGet(slow.port, '/legal/documents/terms-of-use')
    const hits = fast.stats.hits
    await rawGet(fast.port, '/legal/documents/terms-of-use')
    if (fast.stats.hits > hits) {
      break
    }
    if (tries > 50) {
      throw new Error('the delivery cache never settled')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
})

afterAll(async () => {
  for (const s of [fast?.server, slow?.server]) {
    if (!s) {
      continue
    }
    s.closeAllConnections()
    await new Promise((resolve) => s.close(resolve))
  }
  await app?.close()
})

describe('GET /api/legal/documents/:slug from the fast path', () => {
  test.each([
    ['/legal/documents/terms-of-use'],
    ['/legal/documents/terms-of-use?locale=uk'],
    ['/legal/documents/terms-of-use?locale=en'],
    ['/legal/documents/terms-of-use?locale='],
    ['/legal/documents/terms-of-use?format=md'],
    ['/legal/documents/terms-of-use?format=html&locale=uk'],
    ['/legal/documents/terms-of-use?format=json'],
    ['/legal/documents/terms-of-use?version=1'],
    ['/legal/documents/terms-of-use?version=1&locale=uk&format=md'],
    ['/legal/documents/terms-of-use?locale=%75k'],
  ])('%s: the same bytes and headers as the Payload endpoint, from the cache', async (path) => {
    const fromSlow = await rawGet(slow.port, path) // fills the cache if needed
    expect(statusOf(fromSlow)).toBe(200)
    const before = snapshot()
    const fromFast = await rawGet(fast.port, path)
    expect(fast.stats.hits).toBe(before.hits + 1)
    expect(withoutDate(fromFast)).toBe(withoutDate(fromSlow))
    for (const name of [
      'etag',
      'cache-control',
      'content-type',
      'content-length',
      'vary',
      'access-control-allow-methods',
    ]) {
      expect(headerOf(fromFast, name)).toBeDefined()
    }
  })

  test('the served document is the published one', async () => {
    const body = JSON.parse(
      bodyOf(await rawGet(fast.port, '/legal/documents/terms-of-use?locale=uk')),
    ) as Json
    expect(body).toMatchObject({
      slug: 'terms-of-use',
      locale: 'uk',
      title: 'Умови використання',
      version: 1,
    })
    expect(body.sections[1].html).toContain('Ми відповідаємо за «наші» послуги.')
  })

  test('conditional GET: 304 with the same headers as the slow path; other tags get the body', async () => {
    const etag = headerOf(await rawGet(slow.port, '/legal/documents/terms-of-use'), 'etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const before = snapshot()
      const fromFast = await rawGet(fast.port, '/legal/documents/terms-of-use', {
        'If-None-Match': ifNoneMatch,
      })
      expect(fast.stats.notModified).toBe(before.notModified + 1)
      expect(statusOf(fromFast)).toBe(304)
      expect(bodyOf(fromFast)).toBe('')
      expect(withoutDate(fromFast)).toBe(
        withoutDate(
          await rawGet(slow.port, '/legal/documents/terms-of-use', {
            'If-None-Match': ifNoneMatch,
          }),
        ),
      )
    }
    const other = await rawGet(fast.port, '/legal/documents/terms-of-use', {
      'If-None-Match': '"something-else"',
    })
    expect(statusOf(other)).toBe(200)
    expect(withoutDate(other)).toBe(
      withoutDate(
        await rawGet(slow.port, '/legal/documents/terms-of-use', {
          'If-None-Match': '"something-else"',
        }),
      ),
    )
  })

  test.each([
    ['/legal/documents/terms-of-use?locale=xx', 400],
    ['/legal/documents/terms-of-use?version=abc', 400],
    ['/legal/documents/terms-of-use?version=0', 400],
    ['/legal/documents/terms-of-use?version=99', 404],
    ['/legal/documents/terms-of-use?format=pdf', 400],
    ['/legal/documents/terms-of-use?locale=uk&locale=en', 200],
    ['/legal/documents/terms-of-use?utm_source=mail', 200],
    ['/legal/documents/terms-of-use?locale[0]=uk', 200],
    ['/legal/documents/terms-of-use/', 200],
    ['/legal/documents/terms%2Dof%2Duse', 200],
    ['/legal/documents/Terms-Of-Use', 404],
    ['/legal/documents/no-such-document', 404],
    ['/legal/documents/..%2F..%2Fetc%2Fpasswd', 404],
    ['LONG_URL', 414],
  ])('%s: handed to the slow path, answered exactly as it answers (%i)', async (given, status) => {
    const path =
      given === 'LONG_URL' ? `/legal/documents/terms-of-use?long=${'a'.repeat(3000)}` : given
    await rawGet(slow.port, '/legal/documents/terms-of-use') // the document itself is cached
    const fromSlow = await rawGet(slow.port, path)
    const before = snapshot()
    const fromFast = await rawGet(fast.port, path)
    expect(fast.stats.hits).toBe(before.hits)
    expect(fast.stats.passed).toBe(before.passed + 1)
    expect(statusOf(fromFast)).toBe(status)
    expect(withoutDate(fromFast)).toBe(withoutDate(fromSlow))
    if (status >= 400) {
      expect((JSON.parse(bodyOf(fromFast)) as Json).errors[0].message).toEqual(expect.any(String))
    }
  })

  test('HEAD, signed-in requests and a huge Host header are left to the slow path', async () => {
    await rawGet(slow.port, '/legal/documents/terms-of-use')
    const token = await login(`http://127.0.0.1:${slow.port}`, editor)
    const before = snapshot()
    const signedIn = await rawGet(fast.port, '/legal/documents/terms-of-use', {
      Authorization: `JWT ${token}`,
    })
    expect(withoutDate(signedIn)).toBe(
      withoutDate(
        await rawGet(slow.port, '/legal/documents/terms-of-use', { Authorization: `JWT ${token}` }),
      ),
    )
    const cookie = await rawGet(fast.port, '/legal/documents/terms-of-use', {
      Cookie: `theme=dark; payload-token=${token}`,
    })
    expect(statusOf(cookie)).toBe(200)
    const head = await exchange(
      fast.port,
      'HEAD /api/legal/documents/terms-of-use HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    )
    const slowHead = await exchange(
      slow.port,
      'HEAD /api/legal/documents/terms-of-use HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    )
    expect(withoutDate(head)).toBe(withoutDate(slowHead))
    const bigHost = `${'h'.repeat(2100)}.example`
    const fromFast = await exchange(
      fast.port,
      `GET /api/legal/documents/terms-of-use HTTP/1.1\r\nHost: ${bigHost}\r\nConnection: close\r\n\r\n`,
    )
    const fromSlow = await exchange(
      slow.port,
      `GET /api/legal/documents/terms-of-use HTTP/1.1\r\nHost: ${bigHost}\r\nConnection: close\r\n\r\n`,
    )
    expect(statusOf(fromFast)).toBe(414)
    expect(withoutDate(fromFast)).toBe(withoutDate(fromSlow))
    expect(fast.stats.hits).toBe(before.hits)
  })

  test('an unrelated cookie or a cross-origin request stays on the fast path, with the same headers', async () => {
    for (const headers of [
      { Cookie: 'theme=dark' },
      { Origin: 'https://www.example.org' },
    ] as Record<string, string>[]) {
      const fromSlow = await rawGet(slow.port, '/legal/documents/terms-of-use', headers)
      const before = snapshot()
      const fromFast = await rawGet(fast.port, '/legal/documents/terms-of-use', headers)
      expect(fast.stats.hits).toBe(before.hits + 1)
      expect(withoutDate(fromFast)).toBe(withoutDate(fromSlow))
    }
  })

  test('with a CORS allow-list, an allowed Origin gets the same CORS headers as from Payload', async () => {
    const config = payload.config as unknown as { cors: unknown }
    const saved = config.cors
    config.cors = ['https://allowed.example']
    const corsApp = await createServer({ config: app.config, payload })
    const corsServer: Server = await new Promise((resolve) => {
      const s = corsApp.listen(0, '127.0.0.1', () => resolve(s))
    })
    try {
      const port = (corsServer.address() as AddressInfo).port
      for (const origin of ['https://allowed.example', 'https://other.example']) {
        const fromSlow = await rawGet(slow.port, '/legal/documents/terms-of-use', {
          Origin: origin,
        })
        const before = corsApp.fastPath!.stats.hits
        const fromFast = await rawGet(port, '/legal/documents/terms-of-use', { Origin: origin })
        expect(corsApp.fastPath!.stats.hits).toBe(before + 1)
        expect(withoutDate(fromFast)).toBe(withoutDate(fromSlow))
        expect(headerOf(fromFast, 'access-control-allow-origin')).toBe(
          origin === 'https://allowed.example' ? origin : undefined,
        )
      }
    } finally {
      config.cors = saved
      corsServer.closeAllConnections()
      await new Promise((resolve) => corsServer.close(resolve))
    }
  })

  test('draft edits never reach readers; a publish replaces the cached document at once', async () => {
    const path = '/legal/documents/terms-of-use'
    const v1 = await rawGet(fast.port, path)
    const oldEtag = headerOf(v1, 'etag')!
    await payload.update({
      id: sectionId,
      collection: SLUGS.sections,
      data: { body: root(paragraph(text('Unreviewed wording.'))) } as never,
      ...as(editor),
    })
    const before = snapshot()
    const stillV1 = await rawGet(fast.port, path)
    expect(fast.stats.hits).toBe(before.hits + 1)
    expect(withoutDate(stillV1)).toBe(withoutDate(v1))
    expect(bodyOf(stillV1)).not.toContain('Unreviewed wording.')

    await publish(docId, 'Reworded the scope.')
    // Right after the publish returns, with no wait: the fast path must not answer version 1.
    const fromFast = await rawGet(fast.port, path)
    expect(JSON.parse(bodyOf(fromFast))).toMatchObject({ version: 2 })
    expect(bodyOf(fromFast)).toContain('Unreviewed wording.')
    expect(headerOf(fromFast, 'etag')).not.toBe(oldEtag)
    const revalidated = await rawGet(fast.port, path, { 'If-None-Match': oldEtag })
    expect(statusOf(revalidated)).toBe(200)
    expect(JSON.parse(bodyOf(revalidated))).toMatchObject({ version: 2 })
    // Version 1 stays available, and both paths agree on it and on the new one.
    expect(JSON.parse(bodyOf(await rawGet(fast.port, `${path}?version=1`)))).toMatchObject({
      version: 1,
    })
    expect(withoutDate(await rawGet(fast.port, path))).toBe(
      withoutDate(await rawGet(slow.port, path)),
    )
  })

  test('a publish announced by another process (NOTIFY) empties the cache the fast path reads', async () => {
    await rawGet(fast.port, '/legal/documents/terms-of-use')
    expect(deliveryCacheFor(payload).size).toBeGreaterThan(0)
    const client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    await client.query(`select pg_notify('${PUBLISH_CHANNEL}', '')`)
    await client.end()
    const deadline = Date.now() + 5000
    while (deliveryCacheFor(payload).size > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(deliveryCacheFor(payload).size).toBe(0)
    const before = snapshot()
    await rawGet(fast.port, '/legal/documents/terms-of-use')
    expect(fast.stats.passed).toBe(before.passed + 1)
  })
})

describe('anonymous GraphQL delivery cache', () => {
  const query = `query Doc($slug: String!, $locale: String) {
    legalDocument(slug: $slug, locale: $locale) { slug title version toc { anchor heading } sections { anchor heading html } html }
  }`
  const body = (
    q: string,
    variables: Json = { slug: 'terms-of-use', locale: 'uk' },
    extra: Json = {},
  ) => JSON.stringify({ query: q, variables, ...extra })

  test('a repeated query is answered from the cache with the bytes the GraphQL handler sent', async () => {
    const first = await rawPost(fast.port, '/graphql', body(query))
    expect(statusOf(first)).toBe(200)
    const before = snapshot()
    const second = await rawPost(fast.port, '/graphql', body(query))
    expect(fast.stats.graphql.hits).toBe(before.graphql.hits + 1)
    expect(withoutDate(second)).toBe(withoutDate(first))
    expect(withoutDate(second)).toBe(withoutDate(await rawPost(slow.port, '/graphql', body(query))))
    expect(JSON.parse(bodyOf(second)).data.legalDocument).toMatchObject({
      slug: 'terms-of-use',
      title: 'Умови використання',
    })
  })

  test('the key is the normalised query and variables: layout and key order do not matter', async () => {
    await rawPost(fast.port, '/graphql', body(query))
    const before = snapshot()
    const squashed = query.replace(/\s+/g, ' ') + ' # a comment'
    const reordered = JSON.stringify({
      query: squashed,
      variables: { slug: 'terms-of-use', locale: 'uk' },
    })
    const res = await rawPost(fast.port, '/graphql', reordered)
    expect(fast.stats.graphql.hits).toBe(before.graphql.hits + 1)
    expect(JSON.parse(bodyOf(res)).data.legalDocument.title).toBe('Умови використання')
    // Different variables are a different entry.
    const en = await rawPost(
      fast.port,
      '/graphql',
      body(query, { slug: 'terms-of-use', locale: 'en' }),
    )
    expect(JSON.parse(bodyOf(en)).data.legalDocument.title).toBe('Terms of Use')
  })

  test('stock collection queries, drafts, mutations, errors and signed-in requests never come from the cache', async () => {
    const token = await login(`http://127.0.0.1:${slow.port}`, editor)
    const drafts = body('{ LegalDocuments(draft: true) { docs { title } } }', {})
    const mixed = body(
      '{ legalDocument(slug: "terms-of-use") { title } LegalDocuments { docs { title } } }',
      {},
    )
    const missing = body('{ legalDocument(slug: "no-such-document") { title } }', {})
    const mutation = body('mutation { legalWorkflowAction(id: 1, action: "submit") { state } }', {})
    for (const b of [drafts, mixed, missing, mutation]) {
      await rawPost(fast.port, '/graphql', b)
      const before = snapshot()
      const again = await rawPost(fast.port, '/graphql', b)
      expect(fast.stats.graphql.hits).toBe(before.graphql.hits)
      expect(withoutDate(again)).toBe(withoutDate(await rawPost(slow.port, '/graphql', b)))
    }
    // Anonymous readers see no drafts through the stock query either way.
    const anonymousDrafts = JSON.parse(bodyOf(await rawPost(fast.port, '/graphql', drafts)))
    expect(JSON.stringify(anonymousDrafts)).not.toContain('Unreviewed')

    await rawPost(fast.port, '/graphql', body(query))
    const before = snapshot()
    const signedIn = await rawPost(fast.port, '/graphql', body(query), {
      Authorization: `JWT ${token}`,
    })
    expect(statusOf(signedIn)).toBe(200)
    expect(fast.stats.graphql.hits).toBe(before.graphql.hits)
  })

  test('a publish invalidates cached GraphQL answers at once; drafts never show', async () => {
    const q = body(query, { slug: 'terms-of-use', locale: 'en' })
    await rawPost(fast.port, '/graphql', q)
    const cached = JSON.parse(bodyOf(await rawPost(fast.port, '/graphql', q))).data.legalDocument
    await payload.update({
      id: sectionId,
      collection: SLUGS.sections,
      data: { heading: 'Draft heading' },
      ...as(editor),
    })
    const afterDraft = JSON.parse(bodyOf(await rawPost(fast.port, '/graphql', q))).data
      .legalDocument
    expect(afterDraft).toEqual(cached)
    expect(JSON.stringify(afterDraft)).not.toContain('Draft heading')

    await publish(docId, 'Renamed the first section.')
    const fresh = JSON.parse(bodyOf(await rawPost(fast.port, '/graphql', q))).data.legalDocument
    expect(fresh.version).toBe(cached.version + 1)
    expect(fresh.toc[0].heading).toBe('Draft heading')
  })

  test('malformed and oversized bodies get the slow path answers', async () => {
    for (const b of [
      'not json',
      '[]',
      JSON.stringify({ query: 1 }),
      JSON.stringify({
        extensions: {},
        query: '{ legalDocument(slug: "terms-of-use") { title } }',
      }),
    ]) {
      const fromFast = await rawPost(fast.port, '/graphql', b)
      expect(withoutDate(fromFast)).toBe(withoutDate(await rawPost(slow.port, '/graphql', b)))
    }
    const big = JSON.stringify({
      query: `{ legalDocument(slug: "terms-of-use") { title } } ${'#'.repeat(20_000)}`,
    })
    const fromFast = await rawPost(fast.port, '/graphql', big)
    expect(statusOf(fromFast)).toBe(200)
    expect(withoutDate(fromFast)).toBe(withoutDate(await rawPost(slow.port, '/graphql', big)))
  })
})

import { beforeAll, describe, expect, test } from '@jest/globals'
import { gql, GraphQLClient } from 'graphql-request'
import { type Access, handleEndpoints, type Payload } from 'payload'

import { legalDeliveryRoutes } from '../../src/delivery/routeHandler'
import { checkPayloadInternals, PayloadInternalsError } from '../../src/payloadInternals'
import { SLUGS } from '../../src/slugs'
import { paragraph, root, text } from '../helpers/lexicalRich'
import { as, publishedDocument, reviewAndPublish } from '../helpers/publishFlow'
import { serveTestApp } from '../helpers/servedApp'
import { createUser, login, type TestUser } from '../helpers/users'

/**
 * A host customises the plugin's collections (overrides) and serves delivery through the
 * plugin's web route handlers. Each rule is checked on the real server: REST and GraphQL over
 * HTTP, and the Local API with overrideAccess: false.
 */

type Json = Record<string, any>
let payload: Payload
let editor: TestUser
let reviewer: TestUser
const afterChangeCalls: string[] = []
let firstRegister: Response

// The host hides its internal handbook from anyone signed out, and
// tries to open drafts to everyone (which the plugin's rule must still prevent).
const hideInternal: Access = ({ req }) =>
  req.user ? true : { slug: { not_equals: 'internal-handbook' } }
const tryToOpenEverything: Access = () => true

/** A document as stored, found by its slug: no access check, no population. */
const storedDocument = async (slug: string) =>
  (
    await payload.find({
      collection: SLUGS.documents,
      depth: 0,
      overrideAccess: true,
      where: { slug: { equals: slug } },
    })
  ).docs[0] as Json

const publishNew = (slug: string, words: string) =>
  publishedDocument(
    payload,
    editor,
    reviewer,
    { slug, internalNote: 'host data', kind: 'other', title: words },
    [{ body: root(paragraph(text(words))), heading: 'Only section' }],
  )

const served = serveTestApp({
  plugin: {
    overrides: {
      documents: {
        access: { read: hideInternal, readVersions: tryToOpenEverything },
        admin: { group: 'Compliance' },
        fields: [{ name: 'internalNote', type: 'text' }],
        hooks: { afterChange: [({ doc }) => void afterChangeCalls.push(String(doc.slug))] },
      },
      entity: { admin: { group: 'Compliance' } },
    },
  },
})

beforeAll(async () => {
  payload = served.app.payload
  // The very first account, made as Payload's "create first user" screen makes it.
  firstRegister = await fetch(`${served.server.baseUrl}/api/users/first-register`, {
    body: JSON.stringify({
      email: 'owner@test.example',
      password: 'pw-owner-0123456789',
      roles: ['editor'],
    }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
  await publishNew('public-terms', 'Public terms text')
  await publishNew('internal-handbook', 'Internal handbook text')
  // A draft-only document: the host's open readVersions must not expose it.
  await payload.create({
    collection: SLUGS.documents,
    data: { slug: 'draft-only', kind: 'other', title: 'Draft only' } as never,
    ...as(editor),
  })
}, 120_000)

describe('collection overrides', () => {
  test('admin group and extra field are in the config; the extra field is saved; host hooks run after the plugin', async () => {
    const documents = served.app.config.collections.find((c) => c.slug === SLUGS.documents)!
    expect(documents.admin.group).toBe('Compliance')
    expect(served.app.config.globals.find((g) => g.slug === SLUGS.entity)!.admin.group).toBe(
      'Compliance',
    )
    expect((await storedDocument('public-terms')).internalNote).toBe('host data')
    expect(afterChangeCalls).toEqual(expect.arrayContaining(['public-terms', 'internal-handbook']))
  })

  test('a narrowing read rule holds on REST, GraphQL and the Local API', async () => {
    const rest = (await (
      await fetch(`${served.server.baseUrl}/api/legal-documents?depth=0&limit=50`)
    ).json()) as Json
    expect(rest.docs.map((d: Json) => d.slug).sort()).toEqual(['public-terms'])

    const graphql = new GraphQLClient(`${served.server.baseUrl}/api/graphql`)
    const gq = await graphql.request<Json>(gql`
      {
        LegalDocuments(limit: 50) {
          docs {
            slug
          }
        }
      }
    `)
    expect(gq.LegalDocuments.docs.map((d: Json) => d.slug)).toEqual(['public-terms'])

    const local = await payload.find({
      collection: SLUGS.documents,
      depth: 0,
      overrideAccess: false,
      user: null,
    })
    expect(local.docs.map((d) => (d as Json).slug)).toEqual(['public-terms'])

    // Staff still see everything the plugin lets them see.
    const token = await login(served.server.baseUrl, editor)
    const staff = (await (
      await fetch(`${served.server.baseUrl}/api/legal-documents?depth=0&limit=50`, {
        headers: { authorization: `JWT ${token}` },
      })
    ).json()) as Json
    expect(staff.docs.map((d: Json) => d.slug).sort()).toEqual([
      'draft-only',
      'internal-handbook',
      'public-terms',
    ])
  })

  test('a host rule cannot widen: anonymous readers still never see drafts or versions', async () => {
    const drafts = (await (
      await fetch(`${served.server.baseUrl}/api/legal-documents?draft=true&depth=0&limit=50`)
    ).json()) as Json
    expect(drafts.docs.map((d: Json) => d.slug)).not.toContain('draft-only')
    const versions = await fetch(`${served.server.baseUrl}/api/legal-documents/versions?depth=0`)
    expect(versions.status).toBe(403)
    await expect(
      payload.findVersions({ collection: SLUGS.documents, overrideAccess: false, user: null }),
    ).rejects.toThrow()
  })
})

describe('legalDeliveryRoutes: the web route handlers a Next host mounts at /api/legal/*', () => {
  const routes = () => legalDeliveryRoutes(served.app.config)
  const url = (path: string) => `http://host.example/api${path}`
  const headersOf = (res: Response) =>
    Object.fromEntries([...res.headers.entries()].filter(([k]) => k !== 'date'))

  test('a cached document is answered with the same status, headers and bytes as Payload would send', async () => {
    const path = '/legal/documents/public-terms?locale=en'
    const viaPayload = await handleEndpoints({
      config: served.app.config,
      request: new Request(url(path)),
    })
    expect(viaPayload.status).toBe(200)
    const expected = {
      body: await viaPayload.text(),
      headers: headersOf(viaPayload),
      status: viaPayload.status,
    }
    const hit = await routes().GET(new Request(url(path)))
    expect({ body: await hit.text(), headers: headersOf(hit), status: hit.status }).toEqual(
      expected,
    )
    expect(expected.body).toContain('Public terms text')
  })

  test('304 for a matching If-None-Match, as the endpoint does', async () => {
    const path = '/legal/documents/public-terms'
    const first = await routes().GET(new Request(url(path)))
    const etag = first.headers.get('etag')!
    const again = await routes().GET(new Request(url(path), { headers: { 'if-none-match': etag } }))
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
  })

  test("CORS: a hit carries Payload's CORS headers for a listed, an unlisted and no Origin, 200 and 304", async () => {
    const config = served.app.config as unknown as { cors: unknown }
    const saved = config.cors
    config.cors = ['https://allowed.example']
    try {
      const corsRoutes = legalDeliveryRoutes(served.app.config)
      const path = '/legal/documents/public-terms'
      const etag = (await corsRoutes.GET(new Request(url(path)))).headers.get('etag')!
      for (const origin of ['https://allowed.example', 'https://other.example', null]) {
        for (const conditional of [false, true]) {
          const headers = {
            ...(origin ? { origin } : {}),
            ...(conditional ? { 'if-none-match': etag } : {}),
          }
          const viaPayload = await handleEndpoints({
            config: served.app.config,
            request: new Request(url(path), { headers }),
          })
          const hit = await corsRoutes.GET(new Request(url(path), { headers }))
          const shown = async (res: Response) => ({
            body: await res.text(),
            conditional,
            headers: headersOf(res),
            origin,
            status: res.status,
          })
          expect(await shown(hit)).toEqual(await shown(viaPayload))
        }
      }
      const allowed = await corsRoutes.GET(
        new Request(url(path), { headers: { origin: 'https://allowed.example' } }),
      )
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example')
    } finally {
      config.cors = saved
    }
  })

  test('misses, bad input, signed-in requests and other methods go to Payload and get its answers', async () => {
    const missing = await routes().GET(new Request(url('/legal/documents/no-such-doc')))
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as Json).errors[0].message).toMatch(/not found/i)
    const bad = await routes().GET(new Request(url('/legal/documents/public-terms?version=abc')))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as Json).errors[0].message).toBe(
      '"version" must be a positive whole number.',
    )
    const token = await login(served.server.baseUrl, editor)
    const signedIn = await routes().GET(
      new Request(url('/legal/documents/public-terms'), {
        headers: { authorization: `JWT ${token}` },
      }),
    )
    expect(signedIn.status).toBe(200)
    const cookies = await routes().GET(new Request(url('/legal/cookies')))
    expect(cookies.status).toBe(200)
    const post = await routes().POST(
      new Request(url('/legal/documents/public-terms'), { body: '{}', method: 'POST' }),
    )
    expect(post.status).toBeGreaterThanOrEqual(400)
    expect(post.status).toBeLessThan(500)
    // A publish clears the cache: the next read through the handler shows the new version.
    const id = (await storedDocument('public-terms')).id
    const section = (
      await payload.find({
        collection: SLUGS.sections,
        depth: 0,
        overrideAccess: true,
        where: { document: { equals: id } },
      })
    ).docs[0]
    await payload.update({
      id: section.id,
      collection: SLUGS.sections,
      data: { body: root(paragraph(text('Public terms, second edition'))) } as never,
      ...as(editor),
    })
    await payload.update({
      id,
      collection: SLUGS.documents,
      data: { changeSummary: 'Second edition.' },
      ...as(editor),
    })
    await reviewAndPublish(payload, editor, reviewer, id)
    const fresh = (await (
      await routes().GET(new Request(url('/legal/documents/public-terms')))
    ).json()) as Json
    expect(fresh.version).toBe(2)
    expect(JSON.stringify(fresh)).toContain('second edition')
  })
})

describe('payloadInternals', () => {
  test('the running Payload has every internal the plugin relies on', () => {
    expect(() => checkPayloadInternals(payload)).not.toThrow()
  })

  test('an internal that changed shape stops with its name, not later with a TypeError', () => {
    const db = payload.db as unknown as Record<string, unknown>
    const sessions = db.sessions
    db.sessions = undefined
    try {
      expect(() => checkPayloadInternals(payload)).toThrow(PayloadInternalsError)
      expect(() => checkPayloadInternals(payload)).toThrow(/db\.sessions/)
    } finally {
      db.sessions = sessions
    }
  })
})

describe('accounts and logs in a host', () => {
  test('the first account, made on the create-first-user screen, is an admin whatever the form sent', async () => {
    expect(firstRegister.status).toBe(200)
    const owner = await payload.find({
      collection: 'users',
      depth: 0,
      overrideAccess: true,
      where: { email: { equals: 'owner@test.example' } },
    })
    expect((owner.docs[0] as Json).roles).toEqual(['admin', 'editor'])
    // Accounts made later, by any route, keep exactly the roles they were given.
    expect(
      (
        (await payload.findByID({
          id: editor.id,
          collection: 'users',
          depth: 0,
          overrideAccess: true,
        })) as Json
      ).roles,
    ).toEqual(['editor'])
    const again = await fetch(`${served.server.baseUrl}/api/users/first-register`, {
      body: JSON.stringify({ email: 'intruder@test.example', password: 'pw-intruder-0123456789' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(again.status).toBe(403)
  })

  test('expected refusals are logged at info without a stack; ERROR stays for faults', async () => {
    const logged: { level: string; text: string }[] = []
    const logger = payload.logger as unknown as Record<string, (...args: unknown[]) => void>
    const originals = { error: logger.error, info: logger.info }
    for (const level of ['error', 'info'] as const) {
      logger[level] = (...args: unknown[]) => {
        logged.push({
          level,
          text: JSON.stringify(args, (_k, v) =>
            v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v,
          ),
        })
        return originals[level].apply(payload.logger, args)
      }
    }
    try {
      const missing = await fetch(`${served.server.baseUrl}/api/legal/documents/no-such-document`)
      expect(missing.status).toBe(404)
      const reviewerToken = await login(served.server.baseUrl, reviewer)
      const draft = await storedDocument('draft-only')
      const refused = await fetch(
        `${served.server.baseUrl}/api/legal-documents/${draft.id}/workflow`,
        {
          body: JSON.stringify({ action: 'submit' }),
          headers: { authorization: `JWT ${reviewerToken}`, 'content-type': 'application/json' },
          method: 'POST',
        },
      )
      expect(refused.status).toBe(403)
    } finally {
      logger.error = originals.error
      logger.info = originals.info
    }
    expect(logged.filter((l) => l.level === 'error')).toEqual([])
    expect(
      logged
        .filter((l) => l.level === 'info')
        .map((l) => l.text)
        .join('\n'),
    ).toMatch(/Document not found/)
  })
})

import type { FlattenedField } from 'payload'

/**
 * Readers sort and filter only by public fields (src/hooks/publicQueries.ts): every path that
 * reaches the staff accounts through a relationship, found by walking the app's config, is
 * refused to an anonymous reader on REST (sort and where), GraphQL and the Local API with
 * `overrideAccess: false`; the collections' own fields still sort as before.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { restClient } from '../helpers/rest'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login } from '../helpers/users'

let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
let editorToken = ''
const rest = restClient(() => server.baseUrl)

/** Every relationship or upload path, in every collection, whose other end is the users collection. */
function pathsToUsers(fields: readonly FlattenedField[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      [field.relationTo].flat().includes('users')
    ) {
      return [path]
    }
    if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      return pathsToUsers(field.flattenedFields, `${path}.`)
    }
    return []
  })
}

const READABLE = ['legal-documents', 'legal-sections', 'legal-versions', 'cookie-entries'] as const
const GRAPHQL_NAMES: Record<string, string> = {
  'cookie-entries': 'CookieEntries',
  'legal-documents': 'LegalDocuments',
  'legal-sections': 'LegalSections',
  'legal-versions': 'LegalVersions',
}
let cases: { collection: string; path: string }[] = []

beforeAll(async () => {
  app = await startTestPayload()
  server = await listen(app)
  const editor = await createUser(app.payload, 'sort-editor', ['editor'])
  const reviewer = await createUser(app.payload, 'sort-reviewer', ['reviewer'])
  editorToken = await login(server.baseUrl, editor)
  const reviewerToken = await login(server.baseUrl, reviewer)
  // Published through the real workflow, so approvedBy and the contributors are set.
  for (const title of ['Beta', 'Alpha', 'Gamma']) {
    const doc = await rest('POST', '/legal-documents', editorToken, {
      slug: title.toLowerCase(),
      kind: 'other',
      title,
    })
    const id = doc.body.doc.id
    const section = await rest('POST', '/legal-sections', editorToken, {
      body: richText(`${title} text.`),
      document: id,
      heading: title,
    })
    expect(
      (
        await rest('PATCH', `/legal-documents/${id}`, editorToken, {
          sections: [section.body.doc.id],
        })
      ).status,
    ).toBe(200)
    expect(
      (await rest('POST', `/legal-documents/${id}/workflow`, editorToken, { action: 'submit' }))
        .status,
    ).toBe(200)
    expect(
      (await rest('POST', `/legal-documents/${id}/workflow`, reviewerToken, { action: 'approve' }))
        .status,
    ).toBe(200)
    expect(
      (await rest('PATCH', `/legal-documents/${id}`, reviewerToken, { _status: 'published' }))
        .status,
    ).toBe(200)
  }
  cases = READABLE.flatMap((collection) =>
    pathsToUsers(app.payload.collections[collection].config.flattenedFields).map((path) => ({
      collection,
      path,
    })),
  )
})
afterAll(async () => {
  await server?.close()
  await app?.close()
})

test('the walk finds the relationships to the staff accounts (the checks below are not vacuous)', () => {
  expect(cases).toEqual(
    expect.arrayContaining([
      { collection: 'legal-documents', path: 'approvedBy' },
      { collection: 'legal-documents', path: 'workflowContributors' },
      { collection: 'legal-versions', path: 'approvedBy' },
      { collection: 'legal-versions', path: 'publishedBy' },
      { collection: 'cookie-entries', path: 'updatedBy' },
    ]),
  )
  expect(cases.length).toBeGreaterThanOrEqual(8)
})

const get = async (path: string, token?: string) => {
  const res = await fetch(`${server.baseUrl}${path}`, {
    headers: token ? { authorization: `JWT ${token}` } : {},
  })
  return {
    body: (await res.json()) as { docs?: { title?: string }[]; errors?: { message: string }[] },
    status: res.status,
  }
}

describe("anonymous readers cannot order or filter by an account's fields", () => {
  test('REST sort, ascending and descending, by hash, salt, e-mail and roles', async () => {
    expect(cases.length).toBeGreaterThan(0)
    for (const { collection, path } of cases) {
      for (const sort of [
        `${path}.hash`,
        `-${path}.salt`,
        `${path}.email`,
        `title,-${path}.roles`,
      ]) {
        const res = await get(`/api/${collection}?sort=${sort}&depth=0`)
        expect([collection, sort, res.status]).toEqual([collection, sort, 400])
        expect(res.body.errors?.[0]?.message).toMatch(/cannot be queried/)
      }
    }
  })

  test('REST where', async () => {
    expect(cases.length).toBeGreaterThan(0)
    for (const { collection, path } of cases) {
      for (const where of [`where[${path}.hash][exists]=true`, `where[${path}.email][like]=a`]) {
        const res = await get(`/api/${collection}?${where}&depth=0`)
        expect([collection, where, res.status]).toEqual([collection, where, 400])
      }
    }
  })

  test('GraphQL sort', async () => {
    expect(cases.length).toBeGreaterThan(0)
    for (const { collection, path } of cases) {
      const plural = { pluralName: GRAPHQL_NAMES[collection] }
      const res = await fetch(`${server.baseUrl}/api/graphql`, {
        body: JSON.stringify({
          query: `{ ${plural.pluralName}(sort: "${path}.hash") { docs { id } } }`,
        }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      })
      const body = (await res.json()) as {
        data?: null | Record<string, unknown>
        errors?: { extensions?: { statusCode?: number }; message: string }[]
      }
      expect([collection, path, body.errors?.[0]?.extensions?.statusCode]).toEqual([
        collection,
        path,
        400,
      ])
      expect(body.data?.[plural.pluralName] ?? null).toBeNull()
    }
  })

  test('Local API with overrideAccess: false and no user', async () => {
    expect(cases.length).toBeGreaterThan(0)
    for (const { collection, path } of cases) {
      await expect(
        app.payload.find({
          collection: collection as (typeof READABLE)[number],
          depth: 0,
          overrideAccess: false,
          sort: `-${path}.hash`,
        }),
      ).rejects.toMatchObject({ name: 'QueryError', status: 400 })
    }
  })
})

describe('what still works', () => {
  test("readers sort by the collections' own fields", async () => {
    const asc = await get('/api/legal-documents?sort=title&depth=0')
    expect(asc.status).toBe(200)
    expect(asc.body.docs?.map((d) => d.title)).toEqual(['Alpha', 'Beta', 'Gamma'])
    const desc = await get('/api/legal-documents?sort=-title&depth=0')
    expect(desc.body.docs?.map((d) => d.title)).toEqual(['Gamma', 'Beta', 'Alpha'])
    // The relationship's own value (an id that readers receive anyway) is a field of the document.
    expect((await get('/api/legal-documents?sort=approvedBy&depth=0')).status).toBe(200)
  })

  test("staff sort by related fields, as the admin's list columns do", async () => {
    const res = await get(
      '/api/legal-documents?sort=updatedBy.email&depth=0&draft=true',
      editorToken,
    )
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(3)
  })
})

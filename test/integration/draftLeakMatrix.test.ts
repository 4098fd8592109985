import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import { SLUGS } from '../../src/slugs'
import { richText } from '../helpers/lexical'
import { createAs, publishedDocument, updateAs } from '../helpers/publishFlow'
import { closeServed, type StaffApp, startStaffApp } from '../helpers/staffApp'
import { login } from '../helpers/users'

/**
 * Every read route an anonymous caller has, crossed with every way of asking for drafts
 * (draft flags, where-queries on draft values, select, depth/population, versions), must
 * never return a draft, an unpublished section or an unapproved change. Each draft value
 * carries the marker SECRET; the same routes as staff prove the markers are really there.
 */
const SECRET = 'SECRETDRAFT'

let staff: StaffApp
let editorToken = ''
const ids: Record<string, number | string> = {}

/** The records that carry the markers: their key in `ids`, collection, name in the matrix. */
const DRAFT_RECORDS = [
  ['published', SLUGS.documents, 'published document, draft=true', '&depth=3'],
  ['neverPublished', SLUGS.documents, 'never-published document', ''],
  ['draftSection', SLUGS.sections, 'draft-only section', ''],
  ['publishedSection', SLUGS.sections, 'changed published section', ''],
  ['draftCookie', SLUGS.cookies, 'unpublished cookie', ''],
] as const

type Route = { draftOnly?: boolean; graphql?: string; name: string; rest?: string }

function routes(): Route[] {
  const restCollections = [
    [SLUGS.documents, 'title'],
    [SLUGS.sections, 'heading'],
    [SLUGS.cookies, 'name'],
  ] as const
  const out: Route[] = []
  for (const [slug, field] of restCollections) {
    const base = `/api/${slug}`
    for (const q of [
      '',
      '?draft=true',
      '?depth=3',
      '?depth=3&draft=true',
      `?select[${field}]=true&draft=true`,
    ]) {
      out.push({ name: `REST list ${slug}${q}`, rest: `${base}${q}` })
    }
    for (const op of ['equals', 'like', 'contains']) {
      out.push({
        name: `REST where ${field} ${op} draft value`,
        rest: `${base}?draft=true&where[${field}][${op}]=${SECRET}${op === 'equals' ? '-' + field : ''}`,
      })
    }
    out.push({ name: `REST versions ${slug}`, rest: `${base}/versions?depth=2` })
    out.push({
      name: `REST versions ${slug} where`,
      rest: `${base}/versions?where[version.${field}][like]=${SECRET}`,
    })
  }
  for (const [key, slug, what, query] of DRAFT_RECORDS) {
    out.push({ name: `REST by id: ${what}`, rest: `/api/${slug}/:${key}?draft=true${query}` })
  }
  out.push({ name: 'REST archive with population', rest: `/api/${SLUGS.versions}?depth=3` })
  out.push({ name: 'REST review history', rest: `/api/${SLUGS.reviewEvents}?depth=2` })
  out.push({ name: 'REST company global', rest: `/api/globals/${SLUGS.entity}?depth=2` })
  out.push({ name: 'delivery document', rest: '/api/legal/documents/published-doc' })
  out.push({
    name: 'delivery never-published document',
    rest: '/api/legal/documents/never-published',
  })
  out.push({ name: 'delivery versions', rest: '/api/legal/documents/published-doc/versions' })
  out.push({ name: 'delivery cookies', rest: '/api/legal/cookies' })
  out.push({ name: 'delivery consent config', rest: '/api/legal/cookies/consent-config' })

  const docFields = 'id title slug summary sections { id heading anchor body } _status'
  out.push({
    name: 'GraphQL documents draft',
    graphql: `{ LegalDocuments(draft: true) { docs { ${docFields} } } }`,
  })
  out.push({
    name: 'GraphQL documents where',
    graphql: `{ LegalDocuments(draft: true, where: { title: { like: "${SECRET}" } }) { docs { id title } } }`,
  })
  out.push({
    name: 'GraphQL document by id',
    graphql: `{ LegalDocument(id: :published, draft: true) { ${docFields} } }`,
  })
  out.push({
    name: 'GraphQL never-published document',
    graphql: `{ LegalDocument(id: :neverPublished, draft: true) { id title } }`,
  })
  out.push({
    name: 'GraphQL sections draft',
    graphql: `{ LegalSections(draft: true) { docs { id heading body document { title } } } }`,
  })
  out.push({
    name: 'GraphQL section by id',
    graphql: `{ LegalSection(id: :draftSection, draft: true) { id heading } }`,
  })
  out.push({
    name: 'GraphQL cookies draft',
    graphql: `{ CookieEntries(draft: true) { docs { id name purpose } } }`,
  })
  out.push({
    name: 'GraphQL document versions',
    graphql: `{ versionsLegalDocuments { docs { id version { title } } } }`,
  })
  out.push({
    name: 'GraphQL section versions',
    graphql: `{ versionsLegalSections { docs { id version { heading } } } }`,
  })
  out.push({
    name: 'GraphQL cookie versions',
    graphql: `{ versionsCookieEntries { docs { id version { name } } } }`,
  })
  out.push({
    name: 'GraphQL archive with population',
    graphql: `{ LegalVersions { docs { title document { title sections { heading } } } } }`,
  })
  out.push({
    name: 'GraphQL delivery',
    graphql: '{ legalDocument(slug: "published-doc") { title sections { heading html } text } }',
  })
  out.push({ name: 'GraphQL cookie declaration', graphql: '{ cookieDeclaration }' })
  return out
}

const fill = (s: string) => s.replace(/:(\w+)/g, (m, k: string) => (k in ids ? String(ids[k]) : m))

async function call(route: Route, token: null | string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = token ? { authorization: `JWT ${token}` } : {}
  const res = route.rest
    ? await fetch(`${staff.server.baseUrl}${fill(route.rest)}`, { headers })
    : await fetch(`${staff.server.baseUrl}/api/graphql`, {
        body: JSON.stringify({ query: fill(route.graphql!) }),
        headers: { ...headers, 'content-type': 'application/json' },
        method: 'POST',
      })
  return { status: res.status, text: await res.text() }
}

beforeAll(async () => {
  staff = await startStaffApp()
  const { editor, payload, reviewer } = staff
  editorToken = await login(staff.server.baseUrl, editor)
  // A published document with one published section…
  const { doc, section } = await publishedDocument(
    payload,
    editor,
    reviewer,
    { slug: 'published-doc', kind: 'other', title: 'Published title' },
    [{ body: richText('Published body.'), heading: 'Published heading' }],
  )
  // …then unreviewed changes: a new title, a changed section, a new draft-only section.
  const draftSection = await createAs(payload, editor, SLUGS.sections, {
    body: richText(`${SECRET} body`),
    document: doc.id,
    heading: `${SECRET}-heading`,
  })
  await updateAs(payload, editor, SLUGS.documents, doc.id, {
    sections: [section.id, draftSection.id],
    summary: `${SECRET} summary`,
    title: `${SECRET}-title`,
  })
  const changedBody = { body: richText(`${SECRET} changed body`) }
  await updateAs(payload, editor, SLUGS.sections, section.id, changedBody)
  // A document that was never published, and a cookie entry that was never published.
  const neverPublished = await createAs(payload, editor, SLUGS.documents, {
    slug: 'never-published',
    kind: 'other',
    title: `${SECRET} never published`,
  })
  const draftCookie = await createAs(payload, editor, SLUGS.cookies, {
    name: `${SECRET}-name`,
    category: 'marketing',
    purpose: `${SECRET} purpose`,
  })
  Object.assign(ids, {
    draftCookie: draftCookie.id,
    draftSection: draftSection.id,
    neverPublished: neverPublished.id,
    published: doc.id,
    publishedSection: section.id,
  })
})

afterAll(() => closeServed(staff))

describe('no route leaks a draft to an anonymous caller', () => {
  test.each(routes().map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const { status, text } = await call(route, null)
    expect(status).toBeLessThan(500)
    expect(text).not.toContain(SECRET)
    // A query the schema rejects would pass vacuously: each one must be valid.
    if (route.graphql) {
      expect(text).not.toMatch(
        /Cannot query field|Unknown argument|Syntax Error|Unknown type|Expected type/,
      )
    }
  })

  test('the published content is still served (the matrix is not vacuous)', async () => {
    const list = await call({ name: 'list', rest: `/api/${SLUGS.documents}` }, null)
    expect(list.text).toContain('Published title')
    const sections = await call(
      { name: 'sections', rest: `/api/${SLUGS.sections}/${ids.publishedSection}` },
      null,
    )
    expect(sections.text).toContain('Published body.')
    const delivery = await call(
      { name: 'delivery', rest: '/api/legal/documents/published-doc' },
      null,
    )
    expect(delivery.text).toContain('Published heading')
  })

  test('staff asking for drafts do see every draft marker (the markers are real)', async () => {
    const staffRoutes = DRAFT_RECORDS.map(([key, slug]) => `/api/${slug}/${ids[key]}?draft=true`)
    for (const path of staffRoutes) {
      const { status, text } = await call({ name: path, rest: path }, editorToken)
      expect(status).toBe(200)
      expect(text).toContain(SECRET)
    }
    // Without ?draft=true staff get the published version too.
    const live = await call(
      { name: 'live', rest: `/api/${SLUGS.documents}/${ids.published}` },
      editorToken,
    )
    expect(live.text).toContain('Published title')
    expect(live.text).not.toContain(`${SECRET}-title`)
  })
})

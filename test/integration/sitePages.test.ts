import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

/**
 * The public /legal pages' data layer (dev/site/) with the reference content published through
 * the real workflow, both ways the pages reach the API: over HTTP to the real express server
 * (LEGAL_API_URL set) and in-process through Payload's own GraphQL handler (LEGAL_API_URL
 * unset). The pages themselves are Next server components that only call these functions and
 * lay the answers out.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import http from 'node:http'

import {
  type ApiResult,
  diffSectionsForPage,
  graphqlRequest,
  loadCookieDeclaration,
  loadDocumentIndex,
  loadDocumentPage,
  loadVersionsPage,
  type SiteApiOptions,
} from '../../dev/site/api'
import { cookieTables } from '../../dev/site/cookies'
import { IN_PROCESS_BASE_URL, inProcessGraphQLFetch } from '../../dev/site/inProcess'
import { messagesFor } from '../../dev/site/messages'
import { diffPartKey, loadVersionsTranslation } from '../../dev/site/translation'
import { seedReferenceContent } from '../../seed/seed'
import { SLUGS } from '../../src/slugs'
import { paragraph, root, text } from '../helpers/lexicalRich'
import { as, publishedDocument, reviewAndPublish } from '../helpers/publishFlow'
import { serveTestApp } from '../helpers/servedApp'
import { NO_NOTICE } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

type Json = Record<string, any>

/** What a page's loader answered; a failed load fails the test with the API's message. */
function loaded<T>(result: ApiResult<T>): T {
  if (!result.ok) {
    throw new Error(result.message)
  }
  return result.data
}

let payload: Payload
let inProcessApi: SiteApiOptions
let companyName: string
let editor: TestUser
let reviewer: TestUser

const served = serveTestApp({ plugin: { notice: NO_NOTICE } })
/** What dev/app/(site)/_lib/request.ts uses when LEGAL_API_URL is set: the real server. */
const httpApi = (): SiteApiOptions => ({ baseUrl: served.server.baseUrl })

beforeAll(async () => {
  payload = served.app.payload
  // What dev/app/(site)/_lib/request.ts does when LEGAL_API_URL is unset.
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  inProcessApi = {
    baseUrl: IN_PROCESS_BASE_URL,
    fetch: inProcessGraphQLFetch(GRAPHQL_POST(served.app.config)),
  }
  await seedReferenceContent(payload, { effectiveDate: '2026-03-01T00:00:00.000Z' })
  editor = await createUser(payload, 'site-editor', ['editor'])
  reviewer = await createUser(payload, 'site-reviewer', ['reviewer'])
  companyName = (
    (await payload.findGlobal({ slug: SLUGS.entity, depth: 0, overrideAccess: true })) as Json
  ).name

  // Version 2 of the general conditions: the first section's text changes.
  const doc = (
    await payload.find({
      collection: SLUGS.documents,
      depth: 0,
      overrideAccess: true,
      where: { slug: { equals: 'general-conditions' } },
    })
  ).docs[0] as Json
  const firstSection = doc.sections[0] as number
  await payload.update({
    id: firstSection,
    collection: SLUGS.sections,
    data: {
      body: root(
        paragraph(text('These general conditions apply to every order placed on our website.')),
      ),
    } as never,
    ...as(editor),
  })
  await payload.update({
    id: doc.id,
    collection: SLUGS.documents,
    data: { changeSummary: 'Rewrote the introduction.', materialChange: true },
    ...as(editor),
  })
  await reviewAndPublish(payload, editor, reviewer, doc.id)

  // A published document whose title names the company through a placeholder.
  await publishedDocument(
    payload,
    editor,
    reviewer,
    { slug: 'customer-charter', kind: 'other', title: '{{company.name}} Customer Charter' },
    [
      {
        body: root(paragraph(text('{{company.name}} answers every message.'))),
        heading: 'Our promise',
      },
    ],
  )

  // A document that was never published must never be listed.
  await payload.create({
    collection: SLUGS.documents,
    data: { slug: 'unpublished-draft', kind: 'other', title: 'Unpublished draft' } as never,
    ...as(editor),
  })
}, 120_000)

describe.each([
  ['over HTTP (LEGAL_API_URL set)', httpApi],
  ['in process (LEGAL_API_URL unset)', () => inProcessApi],
])('%s', (_mode, apiFor) => {
  let api: SiteApiOptions
  beforeAll(() => {
    api = apiFor()
  })

  describe('/legal index', () => {
    test('lists the published documents with title, version and last update, sorted by title; drafts left out', async () => {
      const result = loaded(await loadDocumentIndex(api, 'en'))
      expect(result.map((d) => d.slug).sort()).toEqual([
        'cookie-policy',
        'customer-charter',
        'data-security',
        'general-conditions',
        'privacy-policy',
        'terms-of-use',
      ])
      const general = result.find((d) => d.slug === 'general-conditions')!
      expect(general).toMatchObject({ title: 'General Conditions', version: 2 })
      expect(new Date(general.lastModified!).getTime()).not.toBeNaN()
      expect(result.find((d) => d.slug === 'privacy-policy')!.version).toBe(1)
      const titles = result.map((d) => d.title)
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')))
    })

    test('titles show the company details, not their placeholders, as the document page does', async () => {
      expect(companyName).toBeTruthy()
      for (const locale of ['en', 'uk'] as const) {
        const result = loaded(await loadDocumentIndex(api, locale))
        expect(result.find((d) => d.slug === 'customer-charter')).toMatchObject({
          title: `${companyName} Customer Charter`,
          version: 1,
        })
        expect(result.filter((d) => d.title.includes('{{'))).toEqual([])
        const page = loaded(await loadDocumentPage(api, { slug: 'customer-charter', locale }))
        expect(page.document.title).toBe(`${companyName} Customer Charter`)
      }
    })

    test('the Ukrainian index is served too (English titles where no translation exists)', async () => {
      const result = loaded(await loadDocumentIndex(api, 'uk'))
      expect(result).toHaveLength(6)
      expect(result.every((d) => d.title.length > 0)).toBe(true)
    })
  })

  describe('/legal/[slug]', () => {
    test('the current version: title, dates, version, table of contents matching the sections, sanitised section HTML', async () => {
      const {
        archived,
        cookies,
        currentVersion,
        document: doc,
      } = loaded(await loadDocumentPage(api, { slug: 'general-conditions', locale: 'en' }))
      expect(doc).toMatchObject({
        slug: 'general-conditions',
        effectiveDate: '2026-03-01T00:00:00.000Z',
        locale: 'en',
        title: 'General Conditions',
        version: 2,
      })
      expect(archived).toBe(false)
      expect(currentVersion).toBe(2)
      expect(cookies).toBeNull()
      expect(doc.toc.length).toBeGreaterThan(1)
      expect(doc.toc).toEqual(doc.sections.map((s) => ({ anchor: s.anchor, heading: s.heading })))
      expect(doc.sections[0].html).toContain(
        'These general conditions apply to every order placed on our website.',
      )
      for (const s of doc.sections) {
        expect(s.anchor).toMatch(/^[a-z0-9-]+$/)
        expect(s.html).not.toMatch(/<script|javascript:|\son\w+=/i)
      }
    })

    test('?version=1 is the archived version, flagged as not current', async () => {
      const result = loaded(
        await loadDocumentPage(api, {
          slug: 'general-conditions',
          locale: 'en',
          version: 1,
        }),
      )
      expect(result).toMatchObject({ archived: true, currentVersion: 2 })
      expect(result.document.version).toBe(1)
      expect(result.document.sections[0].html).not.toContain('every order placed on our website')
      const current = await loadDocumentPage(api, {
        slug: 'general-conditions',
        locale: 'en',
        version: 2,
      })
      expect(current.ok && current.data.archived).toBe(false)
    })

    test('the cookie policy brings the cookie declaration with it', async () => {
      const result = loaded(await loadDocumentPage(api, { slug: 'cookie-policy', locale: 'en' }))
      expect(result.document.kind).toBe('cookie-policy')
      const cookies = result.cookies
      if (!cookies?.ok) {
        throw new Error('no cookie declaration')
      }
      expect(cookies.data.categories.length).toBeGreaterThan(0)
      expect(cookies.data.categories.flatMap((c) => c.cookies).length).toBe(9)
    })

    test.each([
      ['an unknown document', { slug: 'no-such-document' }],
      ['a malformed slug', { slug: '../etc/passwd' }],
      ['a draft-only document', { slug: 'unpublished-draft' }],
      ['a version not yet published', { slug: 'general-conditions', version: 3 }],
    ])('%s is not found', async (_name, args) => {
      const result = await loadDocumentPage(api, { locale: 'en', ...args })
      expect(result).toMatchObject({ ok: false, reason: 'not-found' })
    })

    test('?locale=uk asks the API for Ukrainian', async () => {
      const result = loaded(await loadDocumentPage(api, { slug: 'privacy-policy', locale: 'uk' }))
      expect(result.document.locale).toBe('uk')
    })
  })

  describe('/legal/[slug]/versions', () => {
    type Compared = Parameters<typeof loadVersionsPage>[1]['from']
    /** The versions page of `slug` in English, comparing `from` with `to` as the URL gave them. */
    const englishVersions = (slug: string, from: Compared, to: Compared) =>
      loadVersionsPage(api, { slug, from, locale: 'en', to })

    test('lists the archive newest first and preselects the last change without comparing', async () => {
      const { comparison, document, selected, versions } = loaded(
        await englishVersions('general-conditions', null, null),
      )
      expect(document.title).toBe('General Conditions')
      expect(versions.currentVersion).toBe(2)
      expect(versions.versions.map((v) => [v.version, v.changeSummary, v.materialChange])).toEqual([
        [2, 'Rewrote the introduction.', true],
        [1, null, false],
      ])
      expect(selected).toEqual({ from: 1, to: 2 })
      expect(comparison).toEqual({ state: 'none' })
    })

    test('the redline between two versions (given in either order) marks insertions and deletions', async () => {
      const { comparison, selected } = loaded(await englishVersions('general-conditions', 2, 1))
      expect(selected).toEqual({ from: 1, to: 2 })
      if (comparison.state !== 'shown') {
        throw new Error(`expected a diff, got ${comparison.state}`)
      }
      expect(comparison.diff.summary.changed).toBe(1)
      const sections = diffSectionsForPage(comparison.diff)
      const changed = sections.find((s) => s.status === 'changed')!
      expect(changed.html).toContain('<ins>')
      expect(changed.html).toContain('<del>')
      expect(changed.html).toContain('every order placed on our website')
      // The API's section headings sit under the page's "Changes" heading.
      expect(changed.html.startsWith('<h3>')).toBe(true)
      expect(sections.some((s) => /<\/?h2/.test(s.html))).toBe(false)
    })

    test.each([
      ['the same version twice', 1, 1, 'same'],
      ['a version that does not exist', 1, 9, 'invalid'],
      ['a version that is not a number', 'invalid' as const, 2, 'invalid'],
      ['only one side', 1, null, 'invalid'],
    ])('%s compares nothing and says why', async (_name, from, to, state) => {
      const result = loaded(await englishVersions('general-conditions', from, to))
      expect(result.comparison.state).toBe(state)
    })

    test('a document with one version has nothing to compare; an unknown one is not found', async () => {
      const one = await englishVersions('privacy-policy', 1, 1)
      expect(one.ok && one.data.comparison).toEqual({ state: 'only-one' })
      expect(await englishVersions('nope', null, null)).toMatchObject({
        ok: false,
        reason: 'not-found',
      })
    })

    test('?locale=uk over English versions: the redline is marked untranslated, section by section', async () => {
      const args = { slug: 'general-conditions', from: 1, to: 2 }
      const uk = await loadVersionsPage(api, { ...args, locale: 'uk' })
      if (!uk.ok || uk.data.comparison.state !== 'shown') {
        throw new Error('expected a Ukrainian redline')
      }
      const translation = await loadVersionsTranslation(api, {
        ...args,
        data: uk.data,
        locale: 'uk',
      })
      // Nothing of the general conditions is translated: every section of the redline is English.
      expect(translation).toEqual({
        diff: {
          fallbackLocale: 'en',
          state: 'none',
          titleUntranslated: false,
          untranslatedSections: uk.data.comparison.diff.sections.map(diffPartKey),
        },
        fallbackLocale: 'en',
      })
      expect(uk.data.comparison.diff.sections.length).toBeGreaterThan(1)

      // Without a redline only the summaries' language is known; in English there is nothing to say.
      const list = await loadVersionsPage(api, { ...args, from: null, locale: 'uk', to: null })
      expect(
        list.ok && (await loadVersionsTranslation(api, { ...args, data: list.data, locale: 'uk' })),
      ).toEqual({ diff: null, fallbackLocale: 'en' })
      const en = await loadVersionsPage(api, { ...args, locale: 'en' })
      expect(
        en.ok && (await loadVersionsTranslation(api, { ...args, data: en.data, locale: 'en' })),
      ).toBeNull()
    })
  })

  describe('/legal/cookies', () => {
    test('the declaration grouped by category, with labels in the page language', async () => {
      const en = await loadCookieDeclaration(api, 'en')
      const uk = await loadCookieDeclaration(api, 'uk')
      if (!en.ok || !uk.ok) {
        throw new Error('no declaration')
      }
      expect(uk.data.locale).toBe('uk')
      const enTables = cookieTables(en.data, messagesFor('en'))
      const ukTables = cookieTables(uk.data, messagesFor('uk'))
      expect(enTables.map((t) => t.key)).toEqual(ukTables.map((t) => t.key))
      expect(enTables[0]).toMatchObject({ key: 'necessary', label: 'Strictly necessary' })
      expect(ukTables[0]).toMatchObject({ key: 'necessary', label: 'Суворо необхідні' })
      const rows = enTables.flatMap((t) => t.rows)
      expect(rows).toHaveLength(9)
      for (const row of rows) {
        expect(row.name).not.toBe('')
        expect(row.purpose).not.toBe('')
        expect(['Us (first party)', 'Another company (third party)']).toContain(row.party)
      }
    })
  })
})

describe('when the API cannot answer', () => {
  test('a closed port, a server that never answers, and an answer that is not JSON all come back as "unavailable"', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const closedPort = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    expect(
      await loadDocumentIndex({ baseUrl: `http://127.0.0.1:${closedPort}` }, 'en'),
    ).toMatchObject({ ok: false, reason: 'unavailable' })

    const silent = http.createServer(() => {})
    const html = http.createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html>Bad gateway</html>')
    })
    await Promise.all(
      [silent, html].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))),
    )
    try {
      const url = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`
      const started = Date.now()
      expect(
        await loadDocumentPage(
          { baseUrl: url(silent), timeoutMs: 300 },
          { slug: 'general-conditions', locale: 'en' },
        ),
      ).toMatchObject({
        ok: false,
        reason: 'unavailable',
      })
      expect(Date.now() - started).toBeLessThan(3000)
      expect(await loadCookieDeclaration({ baseUrl: url(html) }, 'en')).toMatchObject({
        ok: false,
        reason: 'unavailable',
      })
    } finally {
      silent.closeAllConnections()
      await Promise.all([silent, html].map((s) => new Promise((r) => s.close(r))))
    }
  })

  test('a query the server rejects is "unavailable" (a bug of the site, not a missing page)', async () => {
    expect(await graphqlRequest(httpApi(), '{ nope }')).toMatchObject({
      ok: false,
      reason: 'unavailable',
    })
    expect(await graphqlRequest(inProcessApi, '{ nope }')).toMatchObject({
      ok: false,
      reason: 'unavailable',
    })
  })
})

describe('in process, the pages read as an anonymous reader', () => {
  const WHO_AND_DRAFTS = /* GraphQL */ `
    query {
      meUser {
        user {
          email
        }
      }
      LegalDocuments(draft: true, where: { slug: { equals: "unpublished-draft" } }) {
        docs {
          slug
        }
      }
    }
  `
  test('credentials given to the fetch are not handed to Payload: no user, no drafts', async () => {
    const token = await login(served.server.baseUrl, editor)
    const credentials = { authorization: `JWT ${token}`, cookie: `payload-token=${token}` }
    // Control: over HTTP the same token is the editor, who sees the draft.
    const signedIn = await fetch(`${served.server.baseUrl}/api/graphql`, {
      body: JSON.stringify({ query: WHO_AND_DRAFTS }),
      headers: { authorization: credentials.authorization, 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(((await signedIn.json()) as Json).data).toEqual({
      LegalDocuments: { docs: [{ slug: 'unpublished-draft' }] },
      meUser: { user: { email: editor.email } },
    })

    const res = await inProcessApi.fetch!(`${IN_PROCESS_BASE_URL}/api/graphql`, {
      body: JSON.stringify({ query: WHO_AND_DRAFTS }),
      headers: { 'content-type': 'application/json', ...credentials },
      method: 'POST',
    })
    expect(((await res.json()) as Json).data).toEqual({
      LegalDocuments: { docs: [] },
      meUser: { user: null },
    })
  })
})

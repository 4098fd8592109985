import type { ClientError } from 'graphql-request'
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { gql, GraphQLClient } from 'graphql-request'
import { spawn } from 'node:child_process'
import path from 'node:path'

import { bareServerEnv, nodeArgs } from '../../dev/server/nodeArgs'
import { SLUGS } from '../../src/slugs'
import { ANALYTICS_COOKIE, SESSION_COOKIE } from '../helpers/consentSetup'
import { reviewCookie } from '../helpers/cookiePolicy'
import { selectionOf } from '../helpers/graphql'
import { listen } from '../helpers/httpServer'
import { bulletList, link, paragraph, root, text } from '../helpers/lexicalRich'
import { as, publishedDocument, reviewAndPublish } from '../helpers/publishFlow'
import { NO_NOTICE, startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, type TestUser } from '../helpers/users'

let app: TestApp
let payload: Payload
let server: Awaited<ReturnType<typeof listen>>
let editor: TestUser
let reviewer: TestUser
type Json = Record<string, any>

const publishCycle = (id: number | string) => reviewAndPublish(payload, editor, reviewer, id)

const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/api${p}`, { headers })
const getJson = async (p: string) => {
  const res = await get(p)
  return { body: (await res.json()) as Json, headers: res.headers, status: res.status }
}

let privacy: { contact: number; id: number; intro: number }

beforeAll(async () => {
  app = await startTestPayload({ plugin: { notice: NO_NOTICE } })
  payload = app.payload
  server = await listen(app)
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
  await payload.updateGlobal({
    slug: SLUGS.entity,
    data: { name: 'Acme <Legal> Ltd', email: 'privacy@acme.test', phone: '+1 555 0100' },
    overrideAccess: true,
  })
  const {
    doc,
    sections: [intro, contact],
  } = await publishedDocument(
    payload,
    editor,
    reviewer,
    {
      slug: 'privacy-policy',
      effectiveDate: '2026-01-01T00:00:00.000Z',
      kind: 'privacy-policy',
      title: 'Privacy Policy',
    },
    [
      {
        body: root(
          paragraph(text('We are {{company.name}}. We respect your privacy.')),
          bulletList('Name', 'E-mail address'),
          paragraph(
            text('<script>alert(1)</script> stays text.'),
            link('javascript:alert(1)', 'bad link'),
            link('https://example.org/x', 'good link'),
          ),
        ),
        heading: 'Who we are',
      },
      { body: root(paragraph(text('Write to {{company.email}}.'))), heading: 'Contact' },
    ],
    { locales: { uk: { title: 'Політика конфіденційності' } } },
  )
  privacy = { id: doc.id, contact: contact.id, intro: intro.id }
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('GET /api/legal/documents/:slug', () => {
  test('returns the published document in one JSON object, placeholders resolved', async () => {
    const { body, headers, status } = await getJson('/legal/documents/privacy-policy')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/application\/json/)
    expect(body).toMatchObject({
      slug: 'privacy-policy',
      effectiveDate: '2026-01-01T00:00:00.000Z',
      kind: 'privacy-policy',
      locale: 'en',
      title: 'Privacy Policy',
      version: 1,
    })
    expect(new Date(body.lastModified).getTime()).not.toBeNaN()
    expect(body.toc).toEqual([
      { anchor: 'who-we-are', heading: 'Who we are' },
      { anchor: 'contact', heading: 'Contact' },
    ])
    expect(body.sections.map((s: Json) => s.anchor)).toEqual(['who-we-are', 'contact'])
    expect(body.sections[0].html).toContain('We are Acme &lt;Legal&gt; Ltd.')
    expect(body.sections[0].html).toMatch(/<ul>.*<li[^>]*>Name<\/li>/)
    expect(body.html).toContain('<section id="contact"><h2>Contact</h2>')
    expect(body.text).toContain('Write to privacy@acme.test.')
    expect(body.text).toContain('• E-mail address')
    expect(body.text).not.toContain('{{')
  })

  test('rendered HTML is safe: no script, no javascript: URL, external links get rel=noopener', async () => {
    const { body } = await getJson('/legal/documents/privacy-policy')
    expect(body.html).not.toMatch(/<script/i)
    expect(body.html).not.toMatch(/javascript:/i)
    expect(body.html).toContain('&lt;script&gt;')
    expect(body.html).toMatch(
      /<a href="https:\/\/example\.org\/x" rel="noopener noreferrer">good link<\/a>/,
    )
    expect(body.html).not.toMatch(/on\w+=/i)
  })

  test('strong ETag, public caching with stale-while-revalidate, and 304 on If-None-Match', async () => {
    const first = await get('/legal/documents/privacy-policy')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toMatch(/public.*stale-while-revalidate/)
    const again = await get('/legal/documents/privacy-policy', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const other = await get('/legal/documents/privacy-policy', {
      'if-none-match': '"something-else"',
    })
    expect(other.status).toBe(200)
  })

  test('?format=md returns Markdown and ?format=html a standalone fragment', async () => {
    const md = await get('/legal/documents/privacy-policy?format=md')
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/)
    const mdText = await md.text()
    expect(mdText.startsWith('# Privacy Policy\n')).toBe(true)
    expect(mdText).toContain('## Who we are')
    const html = await get('/legal/documents/privacy-policy?format=html')
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    const fragment = await html.text()
    expect(fragment).toMatch(
      /^<article class="legal-document" lang="en"><header><h1>Privacy Policy<\/h1>/,
    )
    expect(fragment).toContain(
      '<nav aria-label="Contents"><ol><li><a href="#who-we-are">Who we are</a></li>',
    )
  })

  test('?locale=uk serves the Ukrainian text, falling back to English where there is none', async () => {
    const { body } = await getJson('/legal/documents/privacy-policy?locale=uk')
    expect(body).toMatchObject({ locale: 'uk', title: 'Політика конфіденційності' })
    expect(body.toc[0].heading).toBe('Who we are')
  })

  test.each([
    ['/legal/documents/privacy-policy?locale=xx', 400],
    ['/legal/documents/privacy-policy?version=abc', 400],
    ['/legal/documents/privacy-policy?version=-1', 400],
    ['/legal/documents/privacy-policy?version=0', 400],
    ['/legal/documents/privacy-policy?version=1.5', 400],
    ['/legal/documents/privacy-policy?version=99', 404],
    ['/legal/documents/privacy-policy?format=pdf', 400],
    ['/legal/documents/no-such-document', 404],
    ['/legal/documents/..%2F..%2Fetc%2Fpasswd', 404],
    ['/legal/documents/Privacy-Policy', 404],
    ['LONG_URL', 414],
    ['/legal/documents/privacy-policy/diff?from=2&to=1', 400],
    ['/legal/documents/privacy-policy/diff?from=1', 400],
    ['/legal/cookies?locale=de', 400],
  ])('%# %s → %i with a JSON error', async (url, status) => {
    const res = await get(
      url === 'LONG_URL' ? `/legal/documents/privacy-policy?long=${'a'.repeat(5000)}` : url,
    )
    expect(res.status).toBe(status)
    const body = (await res.json()) as Json
    expect(body.errors[0].message).toEqual(expect.any(String))
  })

  test('a document that was never published is not found, and pending drafts never show', async () => {
    const draft = (await payload.create({
      collection: SLUGS.documents,
      data: { slug: 'secret-draft', kind: 'other', title: 'Secret draft' } as never,
      ...as(editor),
    })) as Json
    expect((await get('/legal/documents/secret-draft')).status).toBe(404)
    await payload.update({
      id: privacy.contact,
      collection: SLUGS.sections,
      data: { heading: 'Unreviewed heading' },
      ...as(editor),
    })
    const { body } = await getJson('/legal/documents/privacy-policy')
    expect(JSON.stringify(body)).not.toContain('Unreviewed heading')
    expect(draft.id).toBeDefined()
  })
})

describe('versions, archive and redline', () => {
  test('a new publish is served at once; older versions stay available with immutable caching', async () => {
    await getJson('/legal/documents/privacy-policy') // cached
    await payload.update({
      id: privacy.intro,
      collection: SLUGS.sections,
      data: {
        body: root(
          paragraph(text('We are {{company.name}}. We protect your privacy.')),
          bulletList('Name', 'Phone number'),
        ),
        heading: 'Who we are',
      } as never,
      ...as(editor),
    })
    await payload.update({
      id: privacy.id,
      collection: SLUGS.documents,
      data: {
        changeSummary: 'Clarified what we collect.',
        materialChange: true,
        sections: [privacy.contact, privacy.intro],
      },
      ...as(editor),
    })
    await publishCycle(privacy.id)

    const current = await getJson('/legal/documents/privacy-policy')
    expect(current.body.version).toBe(2)
    expect(current.body.toc.map((t: Json) => t.anchor)).toEqual(['contact', 'who-we-are'])
    const v1 = await get('/legal/documents/privacy-policy?version=1')
    expect(v1.headers.get('cache-control')).toMatch(/immutable/)
    expect(((await v1.json()) as Json).sections[0].html).toContain('We respect your privacy.')
  })

  test('/versions lists the archive, newest first', async () => {
    const { body } = await getJson('/legal/documents/privacy-policy/versions')
    expect(body.currentVersion).toBe(2)
    expect(body.versions.map((v: Json) => v.version)).toEqual([2, 1])
    expect(body.versions[0]).toMatchObject({
      changeSummary: 'Clarified what we collect.',
      materialChange: true,
    })
    expect(body.versions[1]).toMatchObject({ changeSummary: null, materialChange: false })
  })

  test('/diff marks moved and changed sections and word-level insertions and deletions', async () => {
    const { body, status } = await getJson('/legal/documents/privacy-policy/diff?from=1&to=2')
    expect(status).toBe(200)
    const intro = body.sections.find((s: Json) => s.anchor === 'who-we-are')
    expect(intro.status).toBe('moved-and-changed')
    expect(intro.html).toContain('<del>respect</del>')
    expect(intro.html).toContain('<ins>protect</ins>')
    expect(intro.html).toContain('<del>E-mail address')
    expect(intro.html).toContain('<ins>Phone number</ins>')
    // Two sections swapped: one of them is marked moved (the other kept its place relative to
    // the rest); both changed (the contact heading was edited in an earlier test).
    expect(body.summary).toMatchObject({ added: 0, changed: 2, moved: 1, removed: 0 })
    expect(body.html).not.toMatch(/<script/i)
  })
})

describe('cookie declaration', () => {
  test('groups published entries by category; drafts are left out; consent config follows cookieconsent v3', async () => {
    const mk = async (data: Json, publish: boolean) => {
      const created = (await payload.create({
        collection: SLUGS.cookies,
        data: data as never,
        ...as(editor),
      })) as Json
      if (publish) {
        await reviewCookie(payload, editor, reviewer, created.id)
      }
      return created
    }
    await mk(SESSION_COOKIE, true)
    await mk({ ...ANALYTICS_COOKIE, domain: '.acme.test' }, true)
    await mk({ name: 'draft_cookie', category: 'marketing', purpose: 'Not yet reviewed.' }, false)

    const { body } = await getJson('/legal/cookies')
    expect(body.revision).toBe(1)
    expect(body.categories.map((c: Json) => c.key)).toEqual(['necessary', 'analytics'])
    expect(JSON.stringify(body)).not.toContain('draft_cookie')

    const config = (await getJson('/legal/cookies/consent-config')).body
    expect(config.revision).toBe(1)
    expect(config.categories.necessary).toMatchObject({ enabled: true, readOnly: true })
    expect(config.categories.analytics.services['google-analytics']).toMatchObject({
      label: 'Google Analytics',
    })
    expect(config.categories.analytics.autoClear.cookies[0]).toMatchObject({
      name: '^_ga_.*$',
      domain: '.acme.test',
      regex: true,
    })
    expect(config.language.default).toBe('en')
    const table = config.language.translations.en.preferencesModal.sections[1].cookieTable
    expect(table.body[0]).toMatchObject({
      name: '_ga_*',
      desc: 'Counts visits.',
      duration: '2 years',
    })
    expect(Object.keys(config.language.translations)).toEqual(['en', 'uk'])
  })

  test('publishing a significant cookie change raises the consent revision once', async () => {
    const created = (await payload.create({
      collection: SLUGS.cookies,
      data: {
        name: '_fbp',
        category: 'marketing',
        materialChange: true,
        purpose: 'Ads.',
        service: 'Facebook',
      } as never,
      ...as(editor),
    })) as Json
    await reviewCookie(payload, editor, reviewer, created.id)
    expect((await getJson('/legal/cookies/consent-config')).body.revision).toBe(2)
    await payload.update({
      id: created.id,
      collection: SLUGS.cookies,
      data: { purpose: 'Advertising.' },
      ...as(editor),
    })
    await reviewCookie(payload, editor, reviewer, created.id)
    const after = (await getJson('/legal/cookies')).body
    expect(after.revision).toBe(2)
    expect(JSON.stringify(after)).toContain('Advertising.')
  })
})

describe('GraphQL delivery queries', () => {
  const client = () => new GraphQLClient(`${server.baseUrl}/api/graphql`)
  test('legalDocument returns the same shape as the REST endpoint', async () => {
    const rest = (await getJson('/legal/documents/privacy-policy?version=1')).body
    // The selection is every field of the REST body: a field REST has and GraphQL lacks fails.
    const data = await client().request<{ legalDocument: Json }>(
      `query ($slug: String!, $locale: String, $version: Int) {
        legalDocument(slug: $slug, locale: $locale, version: $version) { ${selectionOf(rest)} }
      }`,
      { slug: 'privacy-policy', version: 1 },
    )
    expect(data.legalDocument).toEqual(rest)
  })

  test('cookieDeclaration, legalDocumentVersions and legalDocumentDiff mirror REST', async () => {
    const data = await client().request<Json>(gql`
      {
        cookieDeclaration(locale: "en")
        legalDocumentVersions(slug: "privacy-policy")
        legalDocumentDiff(slug: "privacy-policy", from: 1, to: 2)
      }
    `)
    expect(data.cookieDeclaration).toEqual((await getJson('/legal/cookies?locale=en')).body)
    expect(data.legalDocumentVersions).toEqual(
      (await getJson('/legal/documents/privacy-policy/versions')).body,
    )
    expect(data.legalDocumentDiff).toEqual(
      (await getJson('/legal/documents/privacy-policy/diff?from=1&to=2')).body,
    )
  })

  test('bad arguments are 4xx errors', async () => {
    const error = async (query: string) => {
      try {
        await client().request(query)
      } catch (err) {
        return (
          (err as ClientError).response.errors?.[0] as { extensions?: { statusCode?: number } }
        ).extensions?.statusCode
      }
      throw new Error('expected an error')
    }
    expect(await error('{ legalDocument(slug: "privacy-policy", locale: "xx") { title } }')).toBe(
      400,
    )
    expect(await error('{ legalDocument(slug: "privacy-policy", version: -2) { title } }')).toBe(
      400,
    )
    expect(await error('{ legalDocument(slug: "nope") { title } }')).toBe(404)
    expect(await error('{ legalDocumentDiff(slug: "privacy-policy", from: 2, to: 1) }')).toBe(400)
  })
})

describe('cache invalidation across processes', () => {
  test('a second server process on the same database serves a new publish within one second', async () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const child = spawn(
      process.execPath,
      [...nodeArgs({ NODE_ENV: 'development' }), 'dev/server/main.ts'],
      {
        cwd: root,
        env: { ...bareServerEnv(app.databaseUrl, 'x'.repeat(40)), PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    try {
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.stderr.on('data', (d) => (out += d))
      const start = Date.now()
      while (!/ready: admin at http:\/\/[^:]+:\d+/.test(out)) {
        if (Date.now() - start > 90_000 || child.exitCode !== null) {
          throw new Error(`second server did not start:\n${out}`)
        }
        await new Promise((r) => setTimeout(r, 100))
      }
      const port = out.match(/ready: admin at http:\/\/[^:]+:(\d+)/)![1]
      const other = `http://127.0.0.1:${port}/api/legal/documents/privacy-policy`
      const before = (await (await fetch(other)).json()) as Json
      expect(before.version).toBe(2)

      await payload.update({
        id: privacy.id,
        collection: SLUGS.documents,
        data: { changeSummary: 'New title.', title: 'Privacy Policy (2027)' },
        ...as(editor),
      })
      await publishCycle(privacy.id)
      const published = Date.now()
      let seen: Json = before
      while (seen.version !== 3 && Date.now() - published < 1000) {
        seen = (await (await fetch(other)).json()) as Json
      }
      expect(seen.version).toBe(3)
      expect(seen.title).toBe('Privacy Policy (2027)')
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  }, 120_000)
})

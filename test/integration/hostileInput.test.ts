/**
 * Hostile input (issue 8, point 5): every request of the corpus in test/fixtures/hostile/ is
 * sent over raw HTTP to the real express server. Each one must be answered 4xx with a JSON error
 * body, or 2xx where the request is valid and harmless, and then nothing dangerous may come
 * back (no draft to an anonymous reader, no password hash, no polluted prototype). Never a 5xx,
 * never a dropped connection; the server is still healthy afterwards. The rich-text and cookie
 * payloads that were accepted are then published through the real workflow, and no script may
 * reach any delivered HTML.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import http from 'node:http'
import net from 'node:net'

import { SLUGS } from '../../src/slugs'
import {
  API_COLLECTIONS,
  API_GLOBALS,
  buildCorpus,
  type CorpusContext,
  DRAFT_MARKER,
  FAMILIES,
  type HostileCase,
  type Role,
  XSS_DOCUMENT_SLUG,
} from '../fixtures/hostile/corpus'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { type Json, restClient } from '../helpers/rest'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
const rest = restClient(() => server.baseUrl)
const tokens: Record<Exclude<Role, 'anonymous'>, string> = { admin: '', editor: '', reviewer: '' }
let editor: TestUser
let ctx: CorpusContext

const corpus = buildCorpus()
/** Ids of what the XSS cases managed to create, to publish them afterwards. */
const created = { cookies: [] as number[], sections: [] as number[] }
const outcomes: { family: string; status: number }[] = []
/** Everything Payload logged (pino's JSON lines), to check what counts as an error. */
const logLines: { err?: { message?: string; stack?: string }; level: number; msg?: string }[] = []

type RawResponse = { headers: http.IncomingHttpHeaders; status: number; text: string }

/** One request exactly as written: node:http does not normalise paths or headers. */
function send(baseUrl: string, c: HostileCase, context: CorpusContext): Promise<RawResponse> {
  const url = new URL(baseUrl)
  const path = typeof c.path === 'function' ? c.path(context) : c.path
  const rawBody = typeof c.body === 'function' ? c.body(context) : c.body
  const body =
    rawBody === undefined
      ? undefined
      : Buffer.isBuffer(rawBody)
        ? rawBody
        : Buffer.from(rawBody, 'utf8')
  const headers: Record<string, string> = { ...(c.headers ?? {}) }
  if (c.as && c.as !== 'anonymous') {
    headers.authorization = `JWT ${tokens[c.as]}`
  }
  if (body !== undefined) {
    headers['content-length'] = String(body.length)
  }
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request(
      { agent: false, headers, host: url.hostname, method: c.method, path, port: url.port },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            headers: res.headers,
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    // A server that answers 413 before reading a huge body may close while we still write.
    req.on('error', (err) => {
      if (!answered) {
        setTimeout(() => (answered ? undefined : reject(err)), 200)
      }
    })
    if (body !== undefined) {
      req.write(body)
    }
    req.end()
  })
}

function jsonErrorMessage(res: RawResponse): string | undefined {
  expect(res.headers['content-type']).toMatch(/application\/(graphql-response\+)?json/)
  const body = JSON.parse(res.text) as {
    error?: unknown
    errors?: { message?: unknown }[]
    message?: unknown
  }
  const message = body.errors?.[0]?.message ?? body.message ?? body.error
  expect(typeof message).toBe('string')
  return message as string
}

/** Nothing a hostile request may ever get back, whatever its status. */
function expectNothingDangerous(c: HostileCase, res: RawResponse): void {
  expect(res.text).not.toMatch(/"(hash|salt|resetPasswordToken|_verificationToken)"\s*:/)
  if (!c.as || c.as === 'anonymous') {
    expect(res.text).not.toContain(DRAFT_MARKER)
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(({} as Record<string, unknown>).roles).toBeUndefined()
}

// ---- what "no script reaches delivered HTML" means ----------------------------------------
const ALLOWED_TAGS = new Set([
  'a',
  'article',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'ins',
  'li',
  'nav',
  'ol',
  'p',
  's',
  'section',
  'strong',
  'time',
  'u',
  'ul',
])
const ALLOWED_ATTRIBUTES = new Set([
  'aria-label',
  'class',
  'datetime',
  'href',
  'id',
  'lang',
  'rel',
  'start',
  'target',
  'value',
])

function decodeEntities(value: string): string {
  const named: Record<string, string> = {
    amp: '&',
    apos: "'",
    colon: ':',
    gt: '>',
    lt: '<',
    newline: '\n',
    quot: '"',
    tab: '\t',
  }
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (all, code: string) => {
    if (code[0] === '#') {
      return String.fromCodePoint(
        code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10),
      )
    }
    return named[code.toLowerCase()] ?? all
  })
}

/** Every tag and attribute of delivered HTML is on the allow-list, and every link is http(s), mailto, tel or in-page. */
function expectSafeHTML(html: string, where: string): void {
  expect(typeof html).toBe('string')
  // A test's scanner over short HTML: the overlap between the name and the attributes is harmless.
  // eslint-disable-next-line regexp/no-super-linear-backtracking
  for (const match of html.matchAll(/<\s*\/?\s*([a-z][\w:-]*)([^>]*)>/gi)) {
    const [tag, name, attrs] = match
    if (!ALLOWED_TAGS.has(name.toLowerCase())) {
      throw new Error(`${where}: tag <${name}> delivered: ${tag}`)
    }
    for (const attr of attrs.matchAll(/([^\s=/"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attrName = attr[1].toLowerCase()
      if (!ALLOWED_ATTRIBUTES.has(attrName)) {
        throw new Error(`${where}: attribute ${attrName} delivered: ${tag}`)
      }
      if (attrName === 'href') {
        // As a browser reads it: entities decoded once, tabs and newlines dropped, then the scheme.
        const url = decodeEntities((attr[2] ?? '').replace(/^["']|["']$/g, ''))
          .replace(/[\t\n\r]/g, '')
          // eslint-disable-next-line no-control-regex -- a browser drops leading C0 controls and spaces
          .replace(/^[\u0000-\u0020]+/, '')
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
        if (scheme && !['http', 'https', 'mailto', 'tel'].includes(scheme)) {
          throw new Error(`${where}: unsafe href ${attr[2]}`)
        }
      }
    }
  }
  expect(html).not.toMatch(/<\s*script/i)
}

beforeAll(async () => {
  app = await startTestPayload({
    logDestination: { write: (line) => void logLines.push(JSON.parse(line)) },
  })
  server = await listen(app)
  const admin = await createUser(app.payload, 'hostile-admin', ['admin'])
  editor = await createUser(app.payload, 'hostile-editor', ['editor'])
  const reviewer = await createUser(app.payload, 'hostile-reviewer', ['reviewer'])
  tokens.admin = await login(server.baseUrl, admin)
  tokens.editor = await login(server.baseUrl, editor)
  tokens.reviewer = await login(server.baseUrl, reviewer)

  const entity = await rest('POST', `/globals/${SLUGS.entity}`, tokens.admin, {
    name: 'Acme Ltd',
    email: 'privacy@acme.test',
  })
  expect(entity.status).toBe(200)

  // A published document, with a pending draft change that carries the marker.
  const published = await createDocument(
    'privacy-policy',
    'Privacy Policy',
    'We respect your privacy.',
  )
  await publish(published)
  expect(
    (
      await rest('PATCH', `/${SLUGS.documents}/${published}`, tokens.editor, {
        title: `Privacy ${DRAFT_MARKER}`,
      })
    ).status,
  ).toBe(200)
  // A document that was never published: its every field is a draft.
  const draft = await createDocument(
    'secret-draft',
    `Secret ${DRAFT_MARKER}`,
    `Body ${DRAFT_MARKER}`,
  )
  const xss = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
    slug: XSS_DOCUMENT_SLUG,
    kind: 'other',
    title: 'Showcase',
  })
  expect(xss.status).toBe(201)
  ctx = {
    draftDocumentId: draft,
    editorId: editor.id as number,
    publishedDocumentId: published,
    xssDocumentId: xss.body.doc.id,
  }
})

afterAll(async () => {
  if (outcomes.length) {
    const table = FAMILIES.map((family) => {
      const mine = outcomes.filter((o) => o.family === family)
      const by = (lo: number, hi: number) =>
        mine.filter((o) => o.status >= lo && o.status < hi).length
      return `${family.padEnd(20)} ${String(mine.length).padStart(4)} cases  ${by(200, 300)} 2xx  ${by(400, 500)} 4xx  ${by(500, 600)} 5xx`
    })
    console.info(`hostile-input corpus: ${outcomes.length} requests\n${table.join('\n')}`)
  }
  await server?.close()
  await app?.close()
})

async function createDocument(slug: string, title: string, text: string): Promise<number> {
  const doc = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
    slug,
    kind: 'other',
    title,
  })
  expect(doc.status).toBe(201)
  const section = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
    body: richText(text),
    document: doc.body.doc.id,
    heading: title,
  })
  expect(section.status).toBe(201)
  expect(
    (
      await rest('PATCH', `/${SLUGS.documents}/${doc.body.doc.id}`, tokens.editor, {
        sections: [section.body.doc.id],
      })
    ).status,
  ).toBe(200)
  return doc.body.doc.id
}

/** The real workflow over REST: submit, approve, publish. */
async function publish(id: number, changeSummary?: string): Promise<void> {
  if (changeSummary) {
    expect(
      (await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { changeSummary })).status,
    ).toBe(200)
  }
  expect(
    (await rest('POST', `/${SLUGS.documents}/${id}/workflow`, tokens.editor, { action: 'submit' }))
      .status,
  ).toBe(200)
  expect(
    (
      await rest('POST', `/${SLUGS.documents}/${id}/workflow`, tokens.reviewer, {
        action: 'approve',
      })
    ).status,
  ).toBe(200)
  const done = await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, {
    _status: 'published',
  })
  expect([done.status, done.body.errors]).toEqual([200, undefined])
}

test('the corpus has at least 200 requests, in every family', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(200)
  for (const family of FAMILIES) {
    expect(corpus.some((c) => c.family === family)).toBe(true)
  }
})

test('the draft marker is really there for staff (the anonymous checks are not vacuous)', async () => {
  const staff = await rest('GET', `/${SLUGS.documents}?draft=true&depth=0`, tokens.editor)
  expect(JSON.stringify(staff.body)).toContain(DRAFT_MARKER)
  const anonymous = await rest('GET', `/${SLUGS.documents}?depth=0`, null)
  expect(anonymous.body.totalDocs).toBe(1)
})

describe.each(FAMILIES.map((f) => [f]))('%s', (family) => {
  const cases = corpus.filter((c) => c.family === family)
  test.each(cases.map((c) => [c.name.slice(0, 120), c] as const))('%s', async (_name, c) => {
    const res = await send(server.baseUrl, c, ctx)
    outcomes.push({ family, status: res.status })
    expect(res.status).toBeLessThan(500)
    if (c.expect === 'reject' || res.status >= 300) {
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      jsonErrorMessage(res)
    } else {
      expect(res.status).toBeGreaterThanOrEqual(200)
    }
    expectNothingDangerous(c, res)
    if (res.status === 201 && (family === 'xss-rich-text' || family === 'xss-cookie-fields')) {
      const id = (JSON.parse(res.text) as Json).doc?.id as number
      if (family === 'xss-rich-text' && c.path === '/api/legal-sections') {
        created.sections.push(id)
      }
      if (family === 'xss-cookie-fields') {
        created.cookies.push(id)
      }
    }
  })
})

test('the corpus covers every collection and global of the app', () => {
  expect([...API_COLLECTIONS].sort()).toEqual(Object.keys(app.payload.collections).sort())
  expect([...API_GLOBALS].sort()).toEqual(app.payload.globals.config.map((g) => g.slug).sort())
})

test('CONNECT (a proxy tunnel) gets a 405 JSON answer, not a dropped connection', async () => {
  const { hostname, port } = new URL(server.baseUrl)
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(`CONNECT ${hostname}:${port} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`),
    )
    let text = ''
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
  })
  expect(answer).toMatch(/^HTTP\/1\.1 405 /)
  expect(answer).toMatch(/content-type: application\/json/i)
  expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).errors[0].message).toBe(
    'The method CONNECT is not allowed.',
  )
})

describe('after the corpus', () => {
  test('no refusal was logged as an error: 4xx are info lines without a stack', () => {
    // The corpus made Payload refuse hundreds of requests; each refusal is logged once at info.
    const info = logLines.filter((l) => l.level === 30)
    expect(info.length).toBeGreaterThan(50)
    const errors = logLines.filter((l) => l.level >= 50)
    expect(errors.map((l) => l.err?.message ?? l.msg)).toEqual([])
    for (const line of info) {
      expect(line.err?.stack).toBeUndefined()
    }
  })

  test('the server is still healthy and serves as before', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200)
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200)
    const doc = await fetch(`${server.baseUrl}/api/legal/documents/privacy-policy`)
    expect(doc.status).toBe(200)
    expect(((await doc.json()) as Json).title).toBe('Privacy Policy')
    expect(await login(server.baseUrl, editor)).toEqual(expect.any(String))
  })

  test('no prototype was polluted and no one gained a role', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    const me = (await app.payload.findByID({
      id: editor.id,
      collection: 'users',
      depth: 0,
      overrideAccess: true,
    })) as unknown as Json
    expect(me.roles).toEqual(['editor'])
    const docs = await app.payload.find({
      collection: SLUGS.documents,
      depth: 0,
      draft: true,
      overrideAccess: true,
      where: { slug: { like: 'proto' } },
    })
    for (const doc of docs.docs as Json[]) {
      expect(Object.keys(doc)).not.toContain('polluted')
    }
  })

  test('nothing the corpus was refused was written anyway', async () => {
    const find = (slug: string) =>
      app.payload.count({
        collection: SLUGS.documents,
        draft: true,
        overrideAccess: true,
        where: { slug: { equals: slug } },
      } as never)
    // Refused: anonymous create and mutation, oversized bodies, non-JSON bodies.
    for (const slug of ['anon-mutation', 'anon', 'oversized', 'big', 'gz', 'untyped', 'deep']) {
      expect((await find(slug)).totalDocs).toBe(0)
    }
  })

  test('the XSS payloads, published through the workflow, reach no delivered HTML as markup', async () => {
    expect(created.sections.length).toBeGreaterThan(40)
    // Publish every accepted section. Drafts skip field validation; a publish validates, and a
    // section it refuses (Lexical's link validation, a body that is no editor state) is taken
    // out and the workflow run again: what remains is what a reviewer could publish. Before
    // that, a submit refuses sections without text (422, each named by position): those are
    // taken out first, as an editor would.
    let listed = [...created.sections]
    const refusedAtPublish: number[] = []
    const refusedAtSubmit: number[] = []
    for (let attempt = 0; ; attempt++) {
      expect(attempt).toBeLessThan(created.sections.length)
      expect(
        (
          await rest('PATCH', `/${SLUGS.documents}/${ctx.xssDocumentId}`, tokens.editor, {
            sections: listed,
          })
        ).status,
      ).toBe(200)
      const submitted = await rest(
        'POST',
        `/${SLUGS.documents}/${ctx.xssDocumentId}/workflow`,
        tokens.editor,
        { action: 'submit' },
      )
      if (submitted.status === 422) {
        const problems = submitted.body.errors[0].data.problems as {
          code: string
          position: number
        }[]
        expect(problems.length).toBeGreaterThan(0)
        for (const p of problems) {
          expect(p.code).toBe('empty-section')
        }
        const empty = problems.map((p) => listed[p.position - 1])
        refusedAtSubmit.push(...empty)
        listed = listed.filter((id) => !empty.includes(id))
        continue
      }
      expect(submitted.status).toBe(200)
      expect(
        (
          await rest('POST', `/${SLUGS.documents}/${ctx.xssDocumentId}/workflow`, tokens.reviewer, {
            action: 'approve',
          })
        ).status,
      ).toBe(200)
      const done = await rest(
        'PATCH',
        `/${SLUGS.documents}/${ctx.xssDocumentId}`,
        tokens.reviewer,
        { _status: 'published' },
      )
      if (done.status === 200) {
        break
      }
      expect(done.status).toBe(400)
      const refused = done.body.errors?.[0]?.data?.id as number
      expect(listed).toContain(refused)
      refusedAtPublish.push(refused)
      listed = listed.filter((id) => id !== refused)
    }
    expect(listed.length).toBeGreaterThan(30)
    console.info(
      `XSS showcase: ${listed.length} sections published, ${refusedAtSubmit.length} without text refused at submit, ${refusedAtPublish.length} refused at publish`,
    )
    // A second version, so there is a redline to look at.
    expect(
      (
        await rest('PATCH', `/${SLUGS.sections}/${listed[0]}`, tokens.editor, {
          heading: '<script>alert("v2")</script> changed',
        })
      ).status,
    ).toBe(200)
    await publish(ctx.xssDocumentId, '<img src=x onerror=alert("summary")>')

    const base = `${server.baseUrl}/api/legal/documents/${XSS_DOCUMENT_SLUG}`
    const json = (await (await fetch(base)).json()) as Json
    expect(json.version).toBe(2)
    expect(json.sections.length).toBe(listed.length)
    expectSafeHTML(json.html, 'json html')
    for (const s of json.sections as Json[]) {
      expectSafeHTML(s.html, `section ${s.anchor}`)
    }
    for (const s of json.toc as Json[]) {
      expect(s.anchor).toMatch(/^[a-z0-9-]+$/)
    }
    // Text that looked like markup is still there, as text.
    expect(json.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')

    const fragment = await fetch(`${base}?format=html`)
    expect(fragment.headers.get('content-type')).toMatch(/text\/html/)
    expectSafeHTML(await fragment.text(), 'format=html')

    const diff = (await (await fetch(`${base}/diff?from=1&to=2`)).json()) as Json
    expectSafeHTML(diff.html, 'diff')

    // JSON text fields (title, summary, changeSummary) are data, returned as written: only the
    // `html` fields are markup, and those are checked above.
    const versions = await fetch(`${base}/versions`)
    expect(versions.headers.get('content-type')).toMatch(/application\/json/)
    expect(((await versions.json()) as Json).versions[0].changeSummary).toBe(
      '<img src=x onerror=alert("summary")>',
    )

    // Markdown is handed to renderers that pass raw HTML through: no tag may survive in it
    // (a backslash-escaped `\<`, and anything in a code span, is literal text in CommonMark).
    const md = await (await fetch(`${base}?format=md`)).text()
    expect(md).toContain('\\<script\\>')
    expect(md.replace(/`[^`]*`/g, '')).not.toMatch(/(?<!\\)<\s*(?:\/\s*)?[a-z]/i)
    expect(md).not.toMatch(/\]\(\s*(javascript|data|vbscript):/i)

    const gql = await fetch(`${server.baseUrl}/api/graphql`, {
      body: JSON.stringify({
        query: `{ legalDocument(slug: "${XSS_DOCUMENT_SLUG}") { html sections { html } } }`,
      }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    const gqlBody = (await gql.json()) as Json
    expectSafeHTML(gqlBody.data.legalDocument.html, 'GraphQL html')
  })

  test('the XSS cookie fields, published, reach the consent banner only as text', async () => {
    expect(created.cookies.length).toBeGreaterThan(10)
    for (const id of created.cookies) {
      // Through review, as every cookie entry goes live.
      expect(
        (
          await rest('POST', `/${SLUGS.cookies}/${id}/workflow`, tokens.editor, {
            action: 'submit',
          })
        ).status,
      ).toBe(200)
      expect(
        (
          await rest('POST', `/${SLUGS.cookies}/${id}/workflow`, tokens.reviewer, {
            action: 'approve',
          })
        ).status,
      ).toBe(200)
      expect(
        (await rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens.reviewer, { _status: 'published' }))
          .status,
      ).toBe(200)
    }
    const declaration = (await (await fetch(`${server.baseUrl}/api/legal/cookies`)).json()) as Json
    expect(declaration.categories.flatMap((c: Json) => c.cookies).length).toBe(
      created.cookies.length,
    )

    // cookieconsent v3 inserts labels and table cells as HTML: every string must be inert.
    const config = (await (
      await fetch(`${server.baseUrl}/api/legal/cookies/consent-config`)
    ).json()) as Json
    const strings: string[] = []
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        strings.push(value)
      } else if (Array.isArray(value)) {
        value.forEach(walk)
      } else if (value && typeof value === 'object') {
        Object.values(value).forEach(walk)
      }
    }
    walk(config.language)
    for (const category of Object.values(config.categories as Record<string, Json>)) {
      for (const service of Object.values(service_(category))) {
        strings.push(service.label)
      }
    }
    expect(strings.length).toBeGreaterThan(20)
    for (const s of strings) {
      expect(s).not.toMatch(/[<>]/)
    }
  })
})

const service_ = (category: Json) => (category.services ?? {}) as Record<string, { label: string }>

/**
 * The acceptance ledger (issue 14, points 3–5 and 7) on the real express server over HTTP and a
 * real PostgreSQL: a website's back end records acceptances with a service account's API key
 * and asks what a subject must accept; the ledger is append-only on every route, hash-chained
 * (an edit made directly in SQL is found), idempotent under 50 concurrent identical requests,
 * exported as streamed CSV / JSON, and a subject can be erased (pseudonymised) with the chain
 * still verifying.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { projectRoot } from '../../dev/server/bootstrap'
import { nodeArgs } from '../../dev/server/nodeArgs'
import { SLUGS } from '../../src/slugs'
import { pluginOptionsOf } from '../../src/utilities/pluginOptions'
import { expectLocalWritesRefused } from '../helpers/appendOnly'
import { richText } from '../helpers/lexical'
import { publishedDocument, reviewAndPublish, updateAs } from '../helpers/publishFlow'
import { closeServed, type StaffApp, startStaffApp } from '../helpers/staffApp'
import { createUser, login, type TestUser } from '../helpers/users'

type Json = Record<string, any>
const DAY = 86_400_000
const SERVICE_KEY = 'svc-0123456789abcdef0123456789abcdef'
const SUBJECT_KEY = 'test-subject-key-0123456789'

let staff: StaffApp
let admin: TestUser
let service: { email: string; id: number | string; password: string }
let tokens: { admin: string; editor: string; reviewer: string }
let terms: { id: number; section: number }
let privacyId: number
/** The plugin's clock runs `offset` ms ahead of real time. */
let offset = 0

async function newDocument(slug: string, kind: string, requiresAcceptance?: 'no' | 'yes') {
  const { doc, section } = await publishedDocument(
    staff.payload,
    staff.editor,
    staff.reviewer,
    {
      slug,
      kind,
      noticePeriodDays: 0,
      title: `Title ${slug}`,
      ...(requiresAcceptance ? { requiresAcceptance } : {}),
    },
    [{ body: richText(`These are the ${slug}.`), heading: 'Scope' }],
  )
  return { id: doc.id as number, section: section.id as number }
}

type Auth = 'admin' | 'editor' | 'reviewer' | 'service' | null
function authHeader(who: Auth): Record<string, string> {
  if (!who) {
    return {}
  }
  if (who === 'service') {
    return { authorization: `users API-Key ${SERVICE_KEY}` }
  }
  return { authorization: `JWT ${tokens[who]}` }
}

async function call(
  method: string,
  p: string,
  who: Auth,
  body?: unknown,
): Promise<{ headers: Headers; json: Json; status: number; text: string }> {
  const res = await fetch(`${staff.server.baseUrl}/api${p}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...authHeader(who),
    },
    method,
  })
  const text = await res.text()
  let json: Json = {}
  try {
    json = text ? JSON.parse(text) : {}
  } catch {
    json = {}
  }
  return { headers: res.headers, json, status: res.status, text }
}

const record = (body: Json, who: Auth = 'service') => call('POST', '/legal/acceptances', who, body)
const status = (subject: string, who: Auth = 'service') =>
  call('GET', `/legal/acceptances/status?subject=${encodeURIComponent(subject)}`, who)
const verify = () => call('GET', '/legal/acceptances/verify', 'admin')
const graphql = (who: Auth, query: string, variables?: Json) =>
  call('POST', '/graphql', who, { query, variables })
/** An admin's JSON export with the given filters (a query string). */
const exported = async (filters: string): Promise<Json[]> =>
  JSON.parse((await call('GET', `/legal/acceptances/export?format=json&${filters}`, 'admin')).text)
const termsOf = (s: Json): Json => (s.documents as Json[]).find((d) => d.document === 'terms') ?? {}

async function rowsOf(where: string, params: unknown[] = []): Promise<Json[]> {
  const client = new pg.Client({ connectionString: staff.app.databaseUrl })
  await client.connect()
  try {
    return (await client.query(`select * from legal_acceptances ${where} order by id`, params)).rows
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  const plugin = {
    acceptances: { exportBatchSize: 3, ipHashKey: 'test-ip-key', subjectKey: SUBJECT_KEY },
    clock: () => new Date(Date.now() + offset),
  }
  staff = await startStaffApp({ plugin }, 'acc')
  admin = await createUser(staff.payload, 'acc-admin', ['admin'])
  const email = 'website-backend@test.example'
  const password = 'pw-service-0123456789'
  const created = (await staff.payload.create({
    collection: 'users',
    data: {
      name: 'Website back end',
      apiKey: SERVICE_KEY,
      email,
      enableAPIKey: true,
      password,
      roles: ['service'],
    } as never,
    overrideAccess: true,
  })) as Json
  service = { id: created.id, email, password }
  tokens = {
    admin: await login(staff.server.baseUrl, admin),
    editor: await login(staff.server.baseUrl, staff.editor),
    reviewer: await login(staff.server.baseUrl, staff.reviewer),
  }
  await staff.payload.updateGlobal({
    slug: SLUGS.entity,
    data: { name: 'Example Ltd', email: 'legal@example.com' },
    overrideAccess: true,
  })
  terms = await newDocument('terms', 'terms-of-use', 'yes')
  privacyId = (await newDocument('privacy', 'privacy-policy')).id
}, 120_000)

afterAll(() => closeServed(staff))

describe('who may record and ask', () => {
  test('anonymous callers get 401; staff sessions (editor, reviewer) get 403; all as JSON', async () => {
    const body = { document: 'terms', subject: 'who-1', version: 1 }
    for (const [who, code] of [
      [null, 401],
      ['editor', 403],
      ['reviewer', 403],
    ] as const) {
      const res = await record(body, who)
      expect(res.status).toBe(code)
      expect(res.headers.get('content-type')).toContain('application/json')
      expect(res.json.errors[0].message).toEqual(expect.any(String))
      expect((await status('who-1', who)).status).toBe(code)
    }
    expect(await rowsOf(`where subject = 'who-1'`)).toHaveLength(0)
    // A wrong key is anonymous.
    const wrong = await fetch(`${staff.server.baseUrl}/api/legal/acceptances`, {
      body: JSON.stringify(body),
      headers: { authorization: 'users API-Key not-the-key', 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(wrong.status).toBe(401)
  })

  test('a service account gets nothing else: no admin panel, no password login, no drafts, no other accounts, no ledger reads', async () => {
    const access = await call('GET', '/access', 'service')
    expect(access.status).toBe(200)
    // Payload leaves canAccessAdmin out of the answer when it is false.
    expect(access.json.canAccessAdmin ?? false).toBe(false)
    expect((await call('GET', '/access', 'admin')).json.canAccessAdmin).toBe(true)
    const loginRes = await fetch(`${staff.server.baseUrl}/api/users/login`, {
      body: JSON.stringify({ email: service.email, password: service.password }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(loginRes.status).toBe(403)
    expect(((await loginRes.json()) as Json).token).toBeUndefined()
    // A draft change is not visible to the service account; the published text is.
    const draft = { title: 'Draft title only' }
    await updateAs(staff.payload, staff.editor, SLUGS.documents, privacyId, draft, { draft: true })
    const docs = await call('GET', `/legal-documents/${privacyId}?draft=true&depth=0`, 'service')
    expect(docs.status).toBe(200)
    expect(docs.json.title).not.toBe('Draft title only')
    const drafts = await call(
      'GET',
      `/legal-documents?draft=true&where[_status][equals]=draft&depth=0`,
      'service',
    )
    expect(drafts.json.docs ?? []).toHaveLength(0)
    expect(
      (await call('GET', `/legal-sections/${terms.section}/versions`, 'service')).status,
    ).not.toBe(200)
    const users = await call('GET', '/users?depth=0&limit=100', 'service')
    expect(users.status).toBe(200)
    expect(users.json.docs.map((u: Json) => u.id)).toEqual([service.id])
    expect([401, 403]).toContain((await call('GET', '/legal-acceptances', 'service')).status)
    expect([401, 403]).toContain((await call('GET', '/legal/acceptances/verify', 'service')).status)
    expect((await call('GET', '/legal/acceptances/export', 'service')).status).toBe(403)
    expect(
      (await call('POST', '/legal/acceptances/erase', 'service', { subject: 'x' })).status,
    ).toBe(403)
    // No workflow step either.
    expect(
      (await call('PATCH', `/legal-documents/${privacyId}`, 'service', { title: 'Hijacked' }))
        .status,
    ).toBe(403)
  })

  test('API keys are on, but never revealed again over the API (no reveal route: 404, as before)', async () => {
    expect(staff.payload.collections.users.config.auth.useAPIKey).toBeTruthy()
    const res = await call('POST', `/users/${service.id}/api-key/reveal`, 'admin', {})
    expect(res.status).toBe(404)
    const read = await call('GET', `/users/${service.id}`, 'admin')
    expect(JSON.stringify(read.json)).not.toContain(SERVICE_KEY)
  })
})

describe('a revoked key', () => {
  test('a removed role, a disabled key or a deleted account stops working on the very next request (the fast path keeps no stale account)', async () => {
    const key = 'second-service-key-0123456789abcdef'
    const other = (await staff.payload.create({
      collection: 'users',
      data: {
        apiKey: key,
        email: 'second-backend@test.example',
        enableAPIKey: true,
        password: 'pw-second-0123456789',
        roles: ['service'],
      } as never,
      overrideAccess: true,
    })) as Json
    const ask = async () =>
      (
        await fetch(`${staff.server.baseUrl}/api/legal/acceptances/status?subject=revoked-1`, {
          headers: { authorization: `users API-Key ${key}` },
        })
      ).status
    expect(await ask()).toBe(200)
    expect(await ask()).toBe(200)

    const patch = (data: Json) =>
      fetch(`${staff.server.baseUrl}/api/users/${other.id}`, {
        body: JSON.stringify(data),
        headers: { authorization: `JWT ${tokens.admin}`, 'content-type': 'application/json' },
        method: 'PATCH',
      })
    expect((await patch({ roles: ['editor'] })).status).toBe(200)
    expect(await ask()).toBe(403)
    expect((await patch({ roles: ['service'] })).status).toBe(200)
    expect(await ask()).toBe(200)
    expect((await patch({ enableAPIKey: false })).status).toBe(200)
    expect(await ask()).toBe(401)
    expect((await patch({ apiKey: key, enableAPIKey: true })).status).toBe(200)
    expect(await ask()).toBe(200)
    await staff.payload.delete({ id: other.id, collection: 'users', overrideAccess: true })
    expect(await ask()).toBe(401)
  })
})

describe('recording', () => {
  test('a service account records an acceptance: 201 after commit, with server time and hashed / truncated client data', async () => {
    const before = Date.now()
    const res = await record({
      document: 'terms',
      ip: '198.51.100.23',
      locale: 'en',
      method: 'clickwrap',
      source: 'www.example.com',
      subject: 'user-1',
      userAgent: `Mozilla/5.0 ${'x'.repeat(400)}`,
      version: 1,
    })
    expect(res.status).toBe(201)
    const r = res.json.record
    expect(res.json.created).toBe(true)
    expect(r).toMatchObject({
      document: 'terms',
      documentId: terms.id,
      locale: 'en',
      method: 'clickwrap',
      source: 'www.example.com',
      subject: 'user-1',
      version: 1,
    })
    expect(r.ip).toBe('198.51.100.0')
    expect(r.ipHash).toMatch(/^[0-9a-f]{64}$/)
    expect(r.userAgent.length).toBeLessThanOrEqual(256)
    expect(r.recordedBy).toBe(`users:${service.id}`)
    expect(Date.parse(r.recordedAt)).toBeGreaterThanOrEqual(before - 1000)
    const archive = await staff.payload.find({
      collection: SLUGS.versions,
      depth: 0,
      overrideAccess: true,
      where: { document: { equals: terms.id } },
    })
    expect(r.contentHash).toBe((archive.docs[0] as Json).contentHash)
    // Committed: another connection sees it at once.
    const [row] = await rowsOf(`where id = $1`, [r.id])
    expect(row).toMatchObject({ hash: r.hash, ip: '198.51.100.0', subject: 'user-1' })
    expect(JSON.stringify(row)).not.toContain('198.51.100.23')
  })

  test('a repeat is idempotent: 200 with the same record, nothing added', async () => {
    const first = await record({ document: 'terms', subject: 'user-2', version: 1 })
    expect(first.status).toBe(201)
    const again = await record({
      document: terms.id,
      method: 'checkbox',
      subject: 'user-2',
      version: 1,
    })
    expect(again.status).toBe(200)
    expect(again.json).toMatchObject({
      created: false,
      record: { id: first.json.record.id, method: 'api' },
    })
    expect(await rowsOf(`where subject = 'user-2'`)).toHaveLength(1)
  })

  test('50 concurrent identical acceptances make one record, and the chain stays intact', async () => {
    const subject = 'user-concurrent'
    const body = { document: 'terms', method: 'signup', source: 'app', subject, version: 1 }
    const results = await Promise.all(Array.from({ length: 50 }, () => record(body)))
    const codes = results.map((r) => r.status).sort()
    expect(codes.filter((c) => c === 201)).toHaveLength(1)
    expect(codes.filter((c) => c === 200)).toHaveLength(49)
    expect(new Set(results.map((r) => r.json.record.id)).size).toBe(1)
    expect(await rowsOf(`where subject = '${subject}'`)).toHaveLength(1)
    // Different subjects at once: all recorded, one chain.
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        record({ document: 'terms', subject: `parallel-${i}`, version: 1 }),
      ),
    )
    expect(many.every((r) => r.status === 201)).toBe(true)
    const v = await verify()
    expect(v.json).toMatchObject({ ok: true })
    expect(v.json.records).toBe((await rowsOf('')).length)
  }, 60_000)

  test('refusals: unknown document 404, a version neither in force nor upcoming 422, bad bodies 400, all JSON', async () => {
    const unknown = await record({ document: 'no-such-document', subject: 'user-3', version: 1 })
    expect(unknown.status).toBe(404)
    expect(unknown.json.errors[0].message).toContain('no-such-document')
    const future = await record({ document: 'terms', subject: 'user-3', version: 2 })
    expect(future.status).toBe(422)
    expect(future.json.errors[0].data).toMatchObject({ inForce: 1 })
    for (const bad of [
      { document: 'terms', version: 1 },
      { document: 'terms', subject: 'user-3', version: '1' },
      { document: 'terms', method: 'telepathy', subject: 'user-3', version: 1 },
      { document: 'terms', locale: 'xx', subject: 'user-3', version: 1 },
      { document: 'terms', extra: true, subject: 'user-3', version: 1 },
      [],
    ]) {
      const res = await record(bad)
      expect([bad, res.status]).toEqual([bad, 400])
      expect(res.json.errors[0].message).toEqual(expect.any(String))
    }
    const notJson = await fetch(`${staff.server.baseUrl}/api/legal/acceptances`, {
      body: '{',
      headers: { 'content-type': 'application/json', ...authHeader('service') },
      method: 'POST',
    })
    expect(notJson.status).toBe(400)
    const wrongHash = await record({
      contentHash: 'f'.repeat(64),
      document: 'terms',
      subject: 'user-3',
      version: 1,
    })
    expect(wrongHash.status).toBe(422)
    expect(await rowsOf(`where subject = 'user-3'`)).toHaveLength(0)
  })

  test('GraphQL: the same recording and status for the service key; refused anonymously', async () => {
    const mutation = `mutation($s: String!) { recordLegalAcceptance(subject: $s, document: "terms", version: 1, method: "checkbox") }`
    const first = await graphql('service', mutation, { s: 'gql-user' })
    expect(first.json.errors).toBeUndefined()
    expect(first.json.data.recordLegalAcceptance).toMatchObject({
      created: true,
      record: { method: 'checkbox', subject: 'gql-user', version: 1 },
    })
    const again = await graphql('service', mutation, { s: 'gql-user' })
    expect(again.json.data.recordLegalAcceptance.created).toBe(false)
    const q = `query($s: String!) { legalAcceptanceStatus(subject: $s) }`
    const s = await graphql('service', q, { s: 'gql-user' })
    expect(termsOf(s.json.data.legalAcceptanceStatus)).toMatchObject({
      lastAccepted: { version: 1 },
      mustAccept: false,
    })
    const anon = await graphql(null, q, { s: 'gql-user' })
    expect(anon.json.errors[0].extensions.statusCode).toBe(401)
    const editorCall = await graphql('editor', mutation, { s: 'gql-editor' })
    expect(editorCall.json.errors[0].extensions.statusCode).toBe(403)
    expect(await rowsOf(`where subject = 'gql-editor'`)).toHaveLength(0)
  })
})

describe('append-only on every route, admins included', () => {
  let id: number
  let snapshot: Json
  beforeAll(async () => {
    id = (await record({ document: 'terms', subject: 'append-only', version: 1 })).json.record.id
    ;[snapshot] = await rowsOf(`where id = $1`, [id])
  })
  const unchanged = async () => expect((await rowsOf(`where id = $1`, [id]))[0]).toEqual(snapshot)

  test('REST: create, update, delete (one and bulk) refused for admins and the service key', async () => {
    expect((await call('GET', `/legal-acceptances/${id}`, 'admin')).status).toBe(200)
    for (const who of [null, 'service', 'editor', 'admin'] as const) {
      expect([401, 403]).toContain(
        (
          await call('POST', '/legal-acceptances', who, {
            hash: `x-${who}`,
            previousHash: 'x',
            recordedAt: new Date().toISOString(),
            subject: 'x',
            subjectCommitment: 'x',
          })
        ).status,
      )
      expect([401, 403]).toContain(
        (await call('PATCH', `/legal-acceptances/${id}`, who, { source: 'forged' })).status,
      )
      expect([401, 403]).toContain((await call('DELETE', `/legal-acceptances/${id}`, who)).status)
      expect([401, 403]).toContain(
        (
          await call('PATCH', `/legal-acceptances?where[id][equals]=${id}`, who, {
            source: 'forged',
          })
        ).status,
      )
      const bulkDelete = await call('DELETE', `/legal-acceptances?where[id][equals]=${id}`, who)
      expect([401, 403, 200]).toContain(bulkDelete.status)
      if (bulkDelete.status === 200) {
        expect(bulkDelete.json.docs ?? []).toHaveLength(0)
      }
    }
    await unchanged()
  })

  test('GraphQL: update, delete and create mutations refused for an admin', async () => {
    for (const mutation of [
      `mutation { updateLegalAcceptance(id: ${id}, data: { source: "forged" }) { id } }`,
      `mutation { deleteLegalAcceptance(id: ${id}) { id } }`,
      `mutation { createLegalAcceptance(data: { subject: "x", subjectCommitment: "x", previousHash: "x", hash: "gql", recordedAt: "2027-01-01T00:00:00Z" }) { id } }`,
    ]) {
      for (const who of ['admin', 'service'] as const) {
        const res = await graphql(who, mutation)
        expect(res.json.errors?.length).toBeGreaterThan(0)
      }
    }
    await unchanged()
  })

  test('Local API: refused with overrideAccess false for an admin, and even with overrideAccess true', async () => {
    const data = {
      hash: 'local',
      previousHash: 'x',
      recordedAt: new Date().toISOString(),
      subject: 'x',
      subjectCommitment: 'x',
    }
    await expectLocalWritesRefused(staff.payload, admin, SLUGS.acceptances, id, {
      create: () => data,
      update: { source: 'forged' },
    })
    const bulk = await staff.payload.update({
      collection: SLUGS.acceptances,
      data: { source: 'forged' },
      overrideAccess: true,
      where: { id: { equals: id } },
    })
    expect(bulk.docs).toHaveLength(0)
    await unchanged()
  })
})

describe('status follows the timeline at the plugin clock', () => {
  test('never accepted → must accept; documents that require no acceptance are not listed', async () => {
    const s = await status('alice')
    expect(s.status).toBe(200)
    expect(s.json.mustAcceptAny).toBe(true)
    expect(s.json.documents.map((d: Json) => d.document)).toEqual(['terms'])
    expect(termsOf(s.json)).toMatchObject({
      acceptVersion: 1,
      inForce: { version: 1 },
      lastAccepted: null,
      mustAccept: true,
      reason: 'never-accepted',
    })
    expect(
      (await record({ document: 'terms', method: 'clickwrap', subject: 'alice', version: 1 }))
        .status,
    ).toBe(201)
    expect((await record({ document: 'terms', subject: 'bob', version: 1 })).status).toBe(201)
    expect(termsOf((await status('alice')).json)).toMatchObject({
      changes: [],
      lastAccepted: { method: 'clickwrap', version: 1 },
      mustAccept: false,
      reason: null,
    })
  })

  test('a material version 2 effective in 10 days: ask ahead, not yet a must; after the date a must, with the summary', async () => {
    const effective = new Date(Date.now() + offset + 10 * DAY).toISOString()
    await updateAs(staff.payload, staff.editor, SLUGS.sections, terms.section, {
      heading: 'Scope and liability',
    })
    await updateAs(staff.payload, staff.editor, SLUGS.documents, terms.id, {
      changeSummary: 'New liability clause.',
      effectiveDate: effective,
      materialChange: true,
    })
    await reviewAndPublish(staff.payload, staff.editor, staff.reviewer, terms.id)

    let t = termsOf((await status('alice')).json)
    expect(t).toMatchObject({
      inForce: { version: 1 },
      mustAccept: false,
      upcoming: { effectiveAt: effective, version: 2 },
    })
    expect(t.changes).toEqual([
      expect.objectContaining({
        changeSummary: 'New liability clause.',
        materialChange: true,
        upcoming: true,
        version: 2,
      }),
    ])
    // Bob accepts ahead of the date.
    expect((await record({ document: 'terms', subject: 'bob', version: 2 })).status).toBe(201)

    offset = 11 * DAY
    t = termsOf((await status('alice')).json)
    expect(t).toMatchObject({
      acceptVersion: 2,
      inForce: { version: 2 },
      lastAccepted: { version: 1 },
      mustAccept: true,
      reason: 'material-change',
    })
    expect(t.changes).toEqual([
      expect.objectContaining({
        changeSummary: 'New liability clause.',
        upcoming: false,
        version: 2,
      }),
    ])
    expect(termsOf((await status('bob')).json)).toMatchObject({
      lastAccepted: { version: 2 },
      mustAccept: false,
    })
    // Version 1 is superseded now: refused.
    const old = await record({ document: 'terms', subject: 'carol', version: 1 })
    expect(old.status).toBe(422)
    expect(
      (await record({ document: 'terms', method: 'clickwrap', subject: 'alice', version: 2 }))
        .status,
    ).toBe(201)
    expect(termsOf((await status('alice')).json)).toMatchObject({
      lastAccepted: { version: 2 },
      mustAccept: false,
    })
  })

  test('status refuses a missing subject with 400', async () => {
    expect((await call('GET', '/legal/acceptances/status', 'service')).status).toBe(400)
  })
})

describe('export (admins): CSV and JSON, filtered, streamed in batches', () => {
  test('only admins: 401 anonymous, 403 editor and service, bad filters 400', async () => {
    expect((await call('GET', '/legal/acceptances/export', null)).status).toBe(401)
    expect((await call('GET', '/legal/acceptances/export', 'editor')).status).toBe(403)
    expect((await call('GET', '/legal/acceptances/export', 'service')).status).toBe(403)
    expect((await call('GET', '/legal/acceptances/export?format=xml', 'admin')).status).toBe(400)
    expect((await call('GET', '/legal/acceptances/export?from=yesterday', 'admin')).status).toBe(
      400,
    )
  })

  test('JSON: every record in id order across several batches (batch size 3), chunked', async () => {
    const all = await rowsOf('')
    expect(all.length).toBeGreaterThan(10)
    const res = await call('GET', '/legal/acceptances/export?format=json', 'admin')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="legal-acceptances-.*\.json"$/,
    )
    expect(res.headers.get('transfer-encoding')).toBe('chunked')
    expect(res.headers.get('content-length')).toBeNull()
    const records = JSON.parse(res.text) as Json[]
    expect(records.map((r) => r.id)).toEqual(all.map((r) => r.id))
    expect(records[0]).toMatchObject({ hash: all[0].hash, subject: all[0].subject })
  })

  test('filters: subject, document (slug or id), version, date range; CSV with a header row', async () => {
    const bySubject = await exported('subject=bob')
    expect(bySubject.map((r) => [r.subject, r.version])).toEqual([
      ['bob', 1],
      ['bob', 2],
    ])
    const v2 = await exported(`document=${terms.id}&version=2`)
    expect(v2.map((r) => r.subject).sort()).toEqual(['alice', 'bob'])
    expect(await exported('document=terms&version=2')).toEqual(v2)
    // Date range: after the clock moved 11 days ahead, only the latest records.
    const from = new Date(Date.now() + 5 * DAY).toISOString()
    const recent = await exported(`from=${encodeURIComponent(from)}`)
    expect(recent.map((r) => r.subject)).toEqual(['alice'])
    const to = new Date(Date.now() + 5 * DAY).toISOString()
    const older = await exported(`to=${encodeURIComponent(to)}`)
    expect(older.length).toBe((await rowsOf('')).length - 1)
    expect(await exported('subject=nobody-at-all')).toEqual([])

    const csv = await call('GET', '/legal/acceptances/export?format=csv&version=1', 'admin')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = csv.text.trim().split('\n')
    expect(lines[0]).toBe(
      'id,event,subject,document,documentId,version,locale,contentHash,recordedAt,method,source,ip,ipHash,userAgent,recordedBy,erasedRecords,subjectSalt,subjectCommitment,previousHash,hash',
    )
    expect(lines).toHaveLength(1 + (await rowsOf(`where version = 1`)).length)
    expect(lines.slice(1).every((l) => l.split(',')[5] === '1')).toBe(true)
  })

  test('CSV defuses spreadsheet formulas in text cells', async () => {
    expect(
      (await record({ document: 'terms', subject: '=HYPERLINK("http://evil")', version: 2 }))
        .status,
    ).toBe(201)
    const csv = await call(
      'GET',
      `/legal/acceptances/export?format=csv&subject=${encodeURIComponent('=HYPERLINK("http://evil")')}`,
      'admin',
    )
    expect(csv.text).toContain(`'=HYPERLINK`)
  })
})

describe('erasure', () => {
  test('only admins; refused with a clear 4xx while no key is configured', async () => {
    expect((await call('POST', '/legal/acceptances/erase', null, { subject: 'bob' })).status).toBe(
      401,
    )
    expect(
      (await call('POST', '/legal/acceptances/erase', 'editor', { subject: 'bob' })).status,
    ).toBe(403)
    const options = pluginOptionsOf(staff.payload)!
    options.acceptances.subjectKey = null
    try {
      const res = await call('POST', '/legal/acceptances/erase', 'admin', { subject: 'bob' })
      expect(res.status).toBe(409)
      expect(res.json.errors[0].message).toContain('LEGAL_ACCEPTANCE_SUBJECT_KEY')
    } finally {
      options.acceptances.subjectKey = SUBJECT_KEY
    }
    expect(await rowsOf(`where subject = 'bob'`)).toHaveLength(2)
    expect((await call('POST', '/legal/acceptances/erase', 'admin', {})).status).toBe(400)
  })

  test('pseudonymises the subject everywhere, is itself logged in the chain, and the chain still verifies', async () => {
    const before = await rowsOf(`where subject = 'bob'`)
    expect(before).toHaveLength(2)
    const res = await call('POST', '/legal/acceptances/erase', 'admin', { subject: 'bob' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      erasedRecords: 2,
      pseudonym: expect.stringMatching(/^pseudonym:[0-9a-f]{64}$/),
    })
    const pseudonym = res.json.pseudonym as string
    expect(await rowsOf(`where subject = 'bob'`)).toHaveLength(0)
    const after = await rowsOf(`where subject = $1`, [pseudonym])
    expect(after.map((r) => [r.event, r.id])).toEqual([
      ...before.map((r) => ['acceptance', r.id]),
      ['erasure', res.json.record.id],
    ])
    expect(after.slice(0, 2).every((r) => r.subject_salt === null && r.live_key === null)).toBe(
      true,
    )
    // The hashes did not change: the subject is not part of them.
    expect(after.slice(0, 2).map((r) => r.hash)).toEqual(before.map((r) => r.hash))
    expect(after[2]).toMatchObject({
      erased_records: '2',
      event: 'erasure',
      recorded_by: `users:${admin.id}`,
    })
    expect(JSON.stringify(await rowsOf(''))).not.toContain('"bob"')
    expect((await verify()).json).toMatchObject({ ok: true })
    // Bob, for the site, has accepted nothing now; he can accept again.
    expect(termsOf((await status('bob')).json)).toMatchObject({
      lastAccepted: null,
      mustAccept: true,
    })
    expect((await record({ document: 'terms', subject: 'bob', version: 2 })).status).toBe(201)
    // A second erasure gives the same pseudonym and does not collide with the first.
    const again = await call('POST', '/legal/acceptances/erase', 'admin', { subject: 'bob' })
    expect(again.json).toMatchObject({ erasedRecords: 1, pseudonym })
    expect((await verify()).json).toMatchObject({ ok: true })
  })
})

describe('verification finds an edit made directly in SQL', () => {
  test('verify reports exactly the edited record, over the API and with npm run acceptances:verify', async () => {
    const before = await verify()
    expect(before.json).toMatchObject({ ok: true })
    expect(before.json.head).toMatch(/^[0-9a-f]{64}$/)
    expect((await call('GET', '/legal/acceptances/verify', 'editor')).status).toBe(403)
    const target = (await rowsOf(`where subject = 'alice' and version = 1`))[0]
    const client = new pg.Client({ connectionString: staff.app.databaseUrl })
    await client.connect()
    await client.query(`update legal_acceptances set source = 'edited in sql' where id = $1`, [
      target.id,
    ])
    await client.end()
    const after = await verify()
    expect(after.status).toBe(200)
    expect(after.json).toMatchObject({ brokenAt: { id: target.id, reason: 'hash' }, ok: false })

    const dataDir = mkdtempSync(path.join(tmpdir(), 'acceptances-cli-'))
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: staff.app.databaseUrl,
        PAYLOAD_SECRET: 'cli-secret-0123456789',
      }
      delete env.PAYLOAD_FORCE_DRIZZLE_PUSH
      const run = await new Promise<{ code: null | number; out: string }>((resolve) => {
        const child = spawn(process.execPath, [...nodeArgs(), 'dev/cli/acceptancesVerifyCli.ts'], {
          cwd: projectRoot,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let out = ''
        child.stdout.on('data', (d: Buffer) => (out += d.toString()))
        child.stderr.on('data', (d: Buffer) => (out += d.toString()))
        child.on('exit', (code) => resolve({ code, out }))
      })
      expect(run.out).toContain(`BROKEN at record ${target.id}`)
      expect(run.code).toBe(1)
    } finally {
      rmSync(dataDir, { force: true, recursive: true })
    }
  }, 120_000)
})

import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ClientError, gql, GraphQLClient } from 'graphql-request'
import http from 'node:http'
import { createLocalReq, type Payload } from 'payload'

import { DOCUMENT_QUERY, loadDocumentPage } from '../../dev/site/api'
import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { listen } from '../helpers/httpServer'
import { paragraph, root, text } from '../helpers/lexicalRich'
import { publishedDocument } from '../helpers/publishFlow'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

/**
 * Issue 14, points 1–2: a version published ahead of its effective date is upcoming; the
 * version in force stays the document until the plugin's clock passes the date, on the very
 * next request. The clock is the plugin's `clock` option: moved by the test, never slept on.
 */

const DAY = 86_400_000
let now = Date.parse('2027-03-01T10:00:00.000Z')
const clock = () => new Date(now)

let app: TestApp
let payload: Payload
let server: Awaited<ReturnType<typeof listen>>
let editor: TestUser
let reviewer: TestUser
let reviewerToken: string
let receiver: http.Server
const received: Record<string, unknown>[] = []
type Json = Record<string, any>

const as = (user: TestUser) => ({ overrideAccess: false as const, user: user as never })
const act = async (
  user: TestUser,
  id: number | string,
  action: string,
  extra: { noticeOverride?: string } = {},
) =>
  performWorkflowAction(await createLocalReq({ user: user as never }, payload), {
    id,
    action,
    fourEyes: true,
    ...extra,
  })
const publish = (id: number | string) =>
  payload.update({
    id,
    collection: SLUGS.documents,
    data: { _status: 'published' } as never,
    ...as(reviewer),
  })

const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/api${p}`, { headers })
const getJson = async (p: string, headers: Record<string, string> = {}) => {
  const res = await get(p, headers)
  return { body: (await res.json()) as Json, headers: res.headers, status: res.status }
}
/** What the admin's workflow bar is told about the terms, as the reviewer. */
const reviewerStatus = () =>
  getJson(`/legal-documents/${terms.id}/workflow`, { Authorization: `JWT ${reviewerToken}` })
const liveTerms = async () =>
  (await payload.findByID({
    id: terms.id,
    collection: SLUGS.documents,
    overrideAccess: true,
  })) as Json
const gqlAs = (token?: string) =>
  new GraphQLClient(`${server.baseUrl}/api/graphql`, {
    headers: token ? { Authorization: `JWT ${token}` } : {},
  })

let terms: { id: number; section: number }

/** Changes the section's text, marks the change significant and sets its effective date. */
async function draftChange(body: string, effectiveDate: null | string, summary: string) {
  await payload.update({
    id: terms.section,
    collection: SLUGS.sections,
    data: { body: root(paragraph(text(body))) } as never,
    ...as(editor),
  })
  await payload.update({
    id: terms.id,
    collection: SLUGS.documents,
    data: { changeSummary: summary, effectiveDate, materialChange: true },
    ...as(editor),
  })
  await act(editor, terms.id, 'submit')
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10) + 'T12:00:00.000Z'

async function runJobs() {
  // The jobs queue compares waitUntil with the database's time, not the plugin's clock: a job
  // that is due by the test's clock is made due by moving its waitUntil to the past.
  const jobs = await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    where: { completedAt: { exists: false } },
  })
  for (const job of jobs.docs as Json[]) {
    if (job.waitUntil && Date.parse(job.waitUntil) <= now) {
      await payload.update({
        id: job.id,
        collection: 'payload-jobs',
        data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
        overrideAccess: true,
      })
    }
  }
  await payload.jobs.run({ queue: 'default' })
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push(JSON.parse(body))
      res.end('ok')
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()))
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  app = await startTestPayload({
    plugin: { clock, webhooks: { attempts: 1, retryDelayMs: 10, urls: [hook] } },
  })
  payload = app.payload
  server = await listen(app)
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
  reviewerToken = await login(server.baseUrl, reviewer)

  // The first publish needs no notice: nobody was bound by an earlier version.
  const { doc, section } = await publishedDocument(
    payload,
    editor,
    reviewer,
    { slug: 'terms-of-use', kind: 'terms-of-use', title: 'Terms of Use' },
    [{ body: root(paragraph(text('Version one text.'))), heading: 'Use' }],
  )
  terms = { id: doc.id, section: section.id }
  await runJobs()
})

afterAll(async () => {
  await server?.close()
  await app?.close()
  await new Promise((r) => receiver?.close(r))
})

describe('notice policy (terms of use: 30 days by default)', () => {
  test('approving a significant change effective sooner is refused on REST, GraphQL and the Local API, with the first allowed date', async () => {
    now += DAY
    // No effective date: it would take effect the moment it is published.
    await draftChange('Version two text.', null, 'We now charge for premium features.')
    const firstAllowed = new Date(Math.floor(now / DAY) * DAY + 30 * DAY).toISOString().slice(0, 10)

    // The admin's workflow bar is told before anyone clicks: Approve then asks for a reason.
    const status = await reviewerStatus()
    expect(status.body.actions).toContain('approve')
    expect(status.body.noticeProblem).toContain(`${firstAllowed} or later`)

    const local = (await act(reviewer, terms.id, 'approve').catch((e: unknown) => e)) as Json
    expect(local.status).toBe(422)
    expect(local.message).toContain(`${firstAllowed} or later`)

    const rest = await fetch(`${server.baseUrl}/api/legal-documents/${terms.id}/workflow`, {
      body: JSON.stringify({ action: 'approve' }),
      headers: { Authorization: `JWT ${reviewerToken}`, 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(rest.status).toBe(422)
    const restBody = (await rest.json()) as Json
    expect(restBody.errors[0].message).toContain("30 days' notice")
    expect(restBody.errors[0].data.problems).toHaveLength(1)

    const graphql = await gqlAs(reviewerToken)
      .request(
        gql`
          mutation ($id: String!) {
            legalWorkflowAction(id: $id, action: approve) {
              workflowState
            }
          }
        `,
        { id: String(terms.id) },
      )
      .catch((e: ClientError) => e)
    expect(graphql).toBeInstanceOf(ClientError)
    expect(JSON.stringify((graphql as ClientError).response.errors)).toContain("30 days' notice")

    const state = (await payload.findByID({
      id: terms.id,
      collection: SLUGS.documents,
      draft: true,
      overrideAccess: true,
    })) as Json
    expect(state.workflowState).toBe('in-review')
  })

  test('a reviewer may override with a reason: recorded in the review history, and the publish goes through', async () => {
    const blank = await fetch(`${server.baseUrl}/api/legal-documents/${terms.id}/workflow`, {
      body: JSON.stringify({ action: 'approve', noticeOverride: '   ' }),
      headers: { Authorization: `JWT ${reviewerToken}`, 'content-type': 'application/json' },
      method: 'POST',
    })
    expect(blank.status).toBe(422)

    const approved = await act(reviewer, terms.id, 'approve', {
      noticeOverride: 'Court order 2027/14 requires the change at once.',
    })
    expect(approved.workflowState).toBe('approved')
    const events = await payload.find({
      collection: SLUGS.reviewEvents,
      depth: 0,
      overrideAccess: true,
      sort: '-at',
      where: { document: { equals: terms.id } },
    })
    const override = (events.docs as Json[]).find((e) => e.action === 'notice-overridden')
    expect(override?.comment).toBe('Court order 2027/14 requires the change at once.')

    await publish(terms.id)
    const doc = await liveTerms()
    expect(doc.version).toBe(2)
    expect(doc.noticeOverride ?? null).toBeNull()
  })

  test('publishing is refused when the notice became too short after approval (the clock moved on)', async () => {
    await draftChange('Version three text.', day(now + 31 * DAY), 'Liability is capped.')
    await act(reviewer, terms.id, 'approve')
    const before = await reviewerStatus()
    expect(before.body).toMatchObject({ canPublish: true, noticeProblem: null })
    now += 3 * DAY
    const status = await reviewerStatus()
    expect(status.body.canPublish).toBe(false)
    expect(status.body.publishBlockedReason).toContain("30 days' notice")
    const refused = (await publish(terms.id).catch((e: unknown) => e)) as Json
    expect(refused.status).toBe(422)
    expect(refused.message).toContain("30 days' notice")

    const rest = await fetch(`${server.baseUrl}/api/legal-documents/${terms.id}?draft=true`, {
      body: JSON.stringify({ _status: 'published' }),
      headers: { Authorization: `JWT ${reviewerToken}`, 'content-type': 'application/json' },
      method: 'PATCH',
    })
    expect(rest.status).toBe(422)

    // The editor moves the date; the change goes through review again and is published ahead.
    await payload.update({
      id: terms.id,
      collection: SLUGS.documents,
      data: { effectiveDate: day(now + 40 * DAY) },
      ...as(editor),
    })
    await act(editor, terms.id, 'submit')
    await act(reviewer, terms.id, 'approve')
    await publish(terms.id)
    const doc = await liveTerms()
    expect(doc.version).toBe(3)
  })
})

describe('in force and upcoming', () => {
  const effective = () => Date.parse(day(Date.parse('2027-03-05T10:00:00.000Z') + 40 * DAY))

  test('REST serves the version in force with the upcoming one announced, and a link to its redline', async () => {
    const { body, headers, status } = await getJson('/legal/documents/terms-of-use')
    expect(status).toBe(200)
    expect(body.version).toBe(2)
    expect(body.status).toBe('in-force')
    expect(body.upcoming).toEqual({
      changeSummary: 'Liability is capped.',
      diff: { from: 2, to: 3, url: '/api/legal/documents/terms-of-use/diff?from=2&to=3' },
      effectiveDate: new Date(effective()).toISOString(),
      materialChange: true,
      publishedAt: expect.any(String),
      version: 3,
    })
    expect(body.sections[0].html).toContain('Version two text.')
    // Weeks away: the ordinary freshness.
    expect(headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=86400')

    const diff = await getJson(body.upcoming.diff.url.replace('/api', ''))
    expect(diff.status).toBe(200)
    expect(diff.body.summary.changed).toBe(1)

    const md = await (await get('/legal/documents/terms-of-use?format=md')).text()
    expect(md).toContain(
      `This document changes on ${new Date(effective()).toISOString().slice(0, 10)} (version 3).`,
    )
    const html = await (await get('/legal/documents/terms-of-use?format=html')).text()
    expect(html).toContain('class="legal-document-upcoming"')
  })

  test('GraphQL and the public pages say the same', async () => {
    // The public pages' own query (dev/site), so this is what they are told.
    const answer = await gqlAs().request<{ legalDocument: Json }>(DOCUMENT_QUERY, {
      slug: 'terms-of-use',
    })
    expect(answer.legalDocument).toMatchObject({
      status: 'in-force',
      upcoming: { diff: { from: 2, to: 3 }, materialChange: true, version: 3 },
      version: 2,
    })
    const archived = await gqlAs().request<{ legalDocument: Json }>(DOCUMENT_QUERY, {
      slug: 'terms-of-use',
      version: 3,
    })
    expect(archived.legalDocument).toMatchObject({ status: null, upcoming: null, version: 3 })

    const page = await loadDocumentPage(
      { baseUrl: server.baseUrl },
      { slug: 'terms-of-use', locale: 'en' },
    )
    expect(page.ok).toBe(true)
    if (!page.ok) {
      return
    }
    expect(page.data.document.version).toBe(2)
    expect(page.data.document.upcoming?.version).toBe(3)
  })

  test('the archive lists each version with its status; ?version=N serves any of them', async () => {
    const { body } = await getJson('/legal/documents/terms-of-use/versions')
    expect(body.currentVersion).toBe(2)
    expect(body.inForceVersion).toBe(2)
    expect(body.versions.map((v: Json) => [v.version, v.status])).toEqual([
      [3, 'upcoming'],
      [2, 'in-force'],
      [1, 'superseded'],
    ])
    const v3 = await getJson('/legal/documents/terms-of-use?version=3')
    expect(v3.body.sections[0].html).toContain('Version three text.')
    expect(v3.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  test('near the boundary, Cache-Control never reaches past it; after it, the next request serves the new version with a new ETag', async () => {
    const first = await get('/legal/documents/terms-of-use')
    const etag = first.headers.get('etag')!
    await first.arrayBuffer()

    now = effective() - 30_000
    const near = await get('/legal/documents/terms-of-use')
    expect(near.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=0')
    expect(near.headers.get('etag')).toBe(etag)
    await near.arrayBuffer()
    now = effective() - 3 * 3600_000
    const hours = await get('/legal/documents/terms-of-use', { 'if-none-match': etag })
    expect(hours.status).toBe(304)
    expect(hours.headers.get('cache-control')).toBe(
      `public, max-age=60, stale-while-revalidate=${3 * 3600 - 60}`,
    )

    now = effective()
    const after = await get('/legal/documents/terms-of-use', { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    const body = (await after.json()) as Json
    expect(body).toMatchObject({ status: 'in-force', upcoming: null, version: 3 })
    expect(after.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=86400',
    )

    const answer = await gqlAs().request<{ legalDocument: Json }>(DOCUMENT_QUERY, {
      slug: 'terms-of-use',
    })
    expect(answer.legalDocument).toMatchObject({ status: 'in-force', upcoming: null, version: 3 })
    const list = await getJson('/legal/documents/terms-of-use/versions')
    expect(list.body.versions.map((v: Json) => v.status)).toEqual([
      'in-force',
      'superseded',
      'superseded',
    ])
  })

  test('webhooks: "published" at each publish with its effective date, "effective" when it takes effect', async () => {
    await runJobs()
    const events = received.map((e) => [e.event, e.version, e.effectiveDate])
    expect(events).toContainEqual([
      'legal-document.published',
      3,
      new Date(effective()).toISOString(),
    ])
    expect(events).toContainEqual([
      'legal-document.effective',
      3,
      new Date(effective()).toISOString(),
    ])
    expect(
      events
        .filter((e) => e[0] === 'legal-document.effective')
        .map((e) => e[1])
        .sort(),
    ).toEqual([1, 2, 3])
  })

  test('a first publish ahead of its effective date is served as upcoming until then', async () => {
    await publishedDocument(
      payload,
      editor,
      reviewer,
      {
        slug: 'general-conditions',
        effectiveDate: day(now + 5 * DAY),
        kind: 'general-conditions',
        title: 'General Conditions',
      },
      [{ body: root(paragraph(text('These conditions apply.'))), heading: 'Scope' }],
    )
    const before = await getJson('/legal/documents/general-conditions')
    expect(before.body).toMatchObject({ status: 'upcoming', upcoming: null, version: 1 })
    now += 6 * DAY
    const after = await getJson('/legal/documents/general-conditions')
    expect(after.body).toMatchObject({ status: 'in-force', version: 1 })
  })
})

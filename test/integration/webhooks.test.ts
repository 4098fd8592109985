import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import http from 'node:http'
import { createLocalReq, type Payload } from 'payload'

import { findFreePort } from '../../dev/server/embeddedPostgres'
import { SLUGS } from '../../src/slugs'
import { verifySignature } from '../../src/webhooks/signature'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { richText } from '../helpers/lexical'
import {
  approvedDocument,
  occupyFirstArchiveVersion,
  publishDocument,
  publishedDocument,
} from '../helpers/publishFlow'
import { publicCount } from '../helpers/readers'
import { NO_NOTICE, startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, type TestUser } from '../helpers/users'

const SECRET = 'test-webhook-secret'
type Received = { body: string; path: string; signature: string | undefined }

/** A real HTTP receiver; `failures[path]` makes its first N calls answer 500. */
const received: Received[] = []
const failures: Record<string, number> = { '/flaky': 2 }
let receiver: http.Server
let base = ''
let deadUrl = ''

let app: TestApp
let payload: Payload
let editor: TestUser
let reviewer: TestUser

const SECTIONS = [{ body: richText('Text.'), heading: 'Scope' }]
const jobCount = async () =>
  (await payload.count({ collection: 'payload-jobs' as never, overrideAccess: true })).totalDocs

async function publishNewDocument(slug: string): Promise<number> {
  const { doc } = await publishedDocument(
    payload,
    editor,
    reviewer,
    { slug, kind: 'other', materialChange: true, title: `Doc ${slug}` },
    SECTIONS,
  )
  return doc.id
}

/** Runs the jobs queue until nothing is due or the time is up (retries wait for their backoff). */
async function drainJobs(ms: number, until: () => boolean) {
  const end = Date.now() + ms
  while (Date.now() < end && !until()) {
    await payload.jobs.run({ queue: 'default' })
    await new Promise((r) => setTimeout(r, 50))
  }
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({
        body,
        path: req.url ?? '',
        signature: req.headers['x-legal-signature'] as string | undefined,
      })
      const left = failures[req.url ?? ''] ?? 0
      if (left > 0) {
        failures[req.url ?? ''] = left - 1
      }
      res.statusCode = left > 0 ? 500 : 204
      res.end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
  deadUrl = `http://127.0.0.1:${await findFreePort()}/nobody-listens`
  app = await startTestPayload({
    plugin: {
      notice: NO_NOTICE,
      webhooks: {
        attempts: 3,
        retryDelayMs: 20,
        secret: SECRET,
        urls: [`${base}/ok`, `${base}/flaky`, deadUrl],
      },
    },
  })
  payload = app.payload
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
})

afterAll(async () => {
  await app?.close()
  await new Promise((r) => receiver.close(r))
})

describe('webhooks on publish', () => {
  test('every URL gets a signed JSON event; a failing receiver is retried with backoff; a dead one never fails the publish', async () => {
    const id = await publishNewDocument('webhook-doc')
    // The publish itself succeeded before any webhook ran.
    expect(await publicCount(payload, SLUGS.documents, id)).toBe(1)

    await drainJobs(
      5000,
      () =>
        received.filter((r) => r.path === '/flaky').length >= 4 &&
        received.filter((r) => r.path === '/ok').length >= 2,
    )
    const ok = received.filter((r) => r.path === '/ok')
    // Two events: published, and (no effective date: at once) effective.
    expect(ok).toHaveLength(2)
    const events = ok.map((r) => JSON.parse(r.body)).sort((a, b) => a.event.localeCompare(b.event))
    const published = events[1]
    expect(published).toMatchObject({
      slug: 'webhook-doc',
      event: 'legal-document.published',
      materialChange: true,
      title: 'Doc webhook-doc',
      version: 1,
    })
    expect(published.effectiveDate).toBe(published.publishedAt)
    expect(events[0]).toMatchObject({
      slug: 'webhook-doc',
      effectiveDate: published.effectiveDate,
      event: 'legal-document.effective',
      version: 1,
    })
    for (const r of ok) {
      expect(verifySignature(r.body, SECRET, r.signature)).toBe(true)
      expect(verifySignature(r.body, 'wrong-secret', r.signature)).toBe(false)
    }

    // Two 500s, then both events delivered on later attempts.
    const flaky = received.filter((r) => r.path === '/flaky')
    expect(flaky).toHaveLength(4)
    expect(new Set(flaky.slice(2).map((r) => JSON.parse(r.body).event))).toEqual(
      new Set(['legal-document.effective', 'legal-document.published']),
    )

    type Job = {
      completedAt?: null | string
      hasError?: boolean
      input?: { url?: string }
      totalTried?: number
    }
    const deadJob = async () =>
      (
        (
          await payload.find({
            collection: 'payload-jobs' as never,
            depth: 0,
            limit: 10,
            overrideAccess: true,
          })
        ).docs as Job[]
      ).find((j) => j.input?.url === deadUrl)!
    let dead = await deadJob()
    const end = Date.now() + 5000
    while (!dead.hasError && Date.now() < end) {
      await payload.jobs.run({ queue: 'default' })
      await new Promise((r) => setTimeout(r, 50))
      dead = await deadJob()
    }
    // Gave up after its attempts, and the document stayed published all along.
    expect(dead).toMatchObject({ completedAt: null, hasError: true })
    expect(dead.totalTried).toBeGreaterThanOrEqual(3)
    expect(await publicCount(payload, SLUGS.documents, id)).toBe(1)
  })

  test('withdrawing a published document sends a signed legal-document.withdrawn naming its last version; a refused withdrawal sends nothing', async () => {
    const id = await publishNewDocument('withdrawn-doc')
    const withdrawnEvents = () =>
      received.filter(
        (r) => r.path === '/ok' && JSON.parse(r.body).event === 'legal-document.withdrawn',
      )
    // The editor may not withdraw: refused, and nothing is queued for it.
    const jobsBefore = await jobCount()
    await expect(
      performWorkflowAction(await createLocalReq({ user: editor as never }, payload), {
        id,
        action: 'withdraw',
        comment: 'Outdated.',
        fourEyes: true,
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await jobCount()).toBe(jobsBefore)

    const result = await performWorkflowAction(
      await createLocalReq({ user: reviewer as never }, payload),
      {
        id,
        action: 'withdraw',
        comment: 'Replaced by a new contract.',
        fourEyes: true,
      },
    )
    expect(result.workflowState).toBe('draft')
    await drainJobs(5000, () => withdrawnEvents().length >= 1)
    const [delivery] = withdrawnEvents()
    expect(withdrawnEvents()).toHaveLength(1)
    const event = JSON.parse(delivery.body)
    expect(event).toEqual({
      slug: 'withdrawn-doc',
      event: 'legal-document.withdrawn',
      title: 'Doc withdrawn-doc',
      version: 1,
      withdrawnAt: expect.any(String),
    })
    expect(Number.isNaN(Date.parse(event.withdrawnAt))).toBe(false)
    // The reason is staff-only review history, not something a third-party receiver is sent.
    expect(delivery.body).not.toContain('Replaced by a new contract.')
    expect(verifySignature(delivery.body, SECRET, delivery.signature)).toBe(true)
  })

  test('a publish that rolls back queues no webhook', async () => {
    const { doc } = await approvedDocument(
      payload,
      editor,
      reviewer,
      { slug: 'rollback-doc', kind: 'other', title: 'Rollback' },
      SECTIONS,
    )
    await occupyFirstArchiveVersion(payload, doc.id, 'rollback-doc')
    const before = await jobCount()
    await expect(publishDocument(payload, reviewer, doc.id)).rejects.toBeDefined()
    expect(await jobCount()).toBe(before)
  })
})

import { describe, expect, test } from '@jest/globals'
import pg from 'pg'

import type { ServerProcess } from '../helpers/serverProcess'

import { SLUGS } from '../../src/slugs'
import { killedServers } from '../helpers/killedServers'
import { richText } from '../helpers/lexical'
import { restClient } from '../helpers/rest'
import { createUser, login, type TestUser } from '../helpers/users'

/**
 * The real server (`node --import tsx dev/server/main.ts`, as `npm run dev` runs it) is killed
 * with SIGKILL while a publish waits inside its transaction (LEGAL_TEST_PUBLISH_DELAY_MS, after
 * all of the publish's writes but before its commit), then started again on the same database:
 * the document must be published completely or not at all.
 */
const users: Record<'editor' | 'reviewer', TestUser> = {} as never
// The schema and the two accounts, written through the Local API before any server runs.
const servers = killedServers('crash', {
  prepare: async (payload) => {
    users.editor = await createUser(payload, 'editor', ['editor'])
    users.reviewer = await createUser(payload, 'reviewer', ['reviewer'])
  },
})

type Server = ServerProcess

async function kill(server: Server): Promise<void> {
  server.child.kill('SIGKILL')
  await server.exited
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now()
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** What a reader and the archive see of one document, read through a running server. */
async function snapshot(
  baseUrl: string,
  reviewerToken: string,
  doc: { id: number; sectionId: number; slug: string },
) {
  const rest = restClient(() => baseUrl)
  const live = await rest('GET', `/${SLUGS.documents}/${doc.id}?depth=0`, null)
  const draft = await rest('GET', `/${SLUGS.documents}/${doc.id}?draft=true&depth=0`, reviewerToken)
  const section = await rest('GET', `/${SLUGS.sections}/${doc.sectionId}?depth=0`, null)
  const archive = await rest(
    'GET',
    `/${SLUGS.versions}?where[document][equals]=${doc.id}&sort=version&depth=0`,
    null,
  )
  const events = await rest(
    'GET',
    `/${SLUGS.reviewEvents}?where[document][equals]=${doc.id}&where[action][equals]=published&depth=0`,
    reviewerToken,
  )
  const delivered = await rest('GET', `/legal/documents/${doc.slug}`, null)
  return { archive: archive.body, delivered, draft: draft.body, events: events.body, live, section }
}

/** Transactions of the test database still open (none may survive a killed server). */
async function openTransactions(): Promise<number> {
  const client = new pg.Client({ connectionString: servers.databaseUrl() })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
    )
    return rows[0].n
  } finally {
    await client.end()
  }
}

describe('SIGKILL in the middle of a publish', () => {
  test('killed before the commit: nothing of the publish is left; after a restart it publishes completely and that survives a kill', async () => {
    // 1. A server whose publishes wait inside their transaction.
    const slow = await servers.start({ LEGAL_TEST_PUBLISH_DELAY_MS: '600000' })
    const rest = restClient(() => slow.baseUrl)
    const editor = await login(slow.baseUrl, users.editor)
    let reviewer = await login(slow.baseUrl, users.reviewer)
    const slug = 'crash-terms'
    const created = await rest('POST', `/${SLUGS.documents}`, editor, {
      slug,
      changeSummary: 'First version.',
      kind: 'terms-of-use',
      title: 'Crash terms',
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const section = await rest('POST', `/${SLUGS.sections}`, editor, {
      body: richText('These terms apply.'),
      document: id,
      heading: 'Scope',
    })
    expect(section.status).toBe(201)
    const sectionId = section.body.doc.id as number
    expect(
      (
        await rest('PATCH', `/${SLUGS.documents}/${id}?draft=true`, editor, {
          sections: [sectionId],
        })
      ).status,
    ).toBe(200)
    expect(
      (await rest('POST', `/${SLUGS.documents}/${id}/workflow`, editor, { action: 'submit' }))
        .status,
    ).toBe(200)
    expect(
      (await rest('POST', `/${SLUGS.documents}/${id}/workflow`, reviewer, { action: 'approve' }))
        .status,
    ).toBe(200)
    const doc = { id, slug, sectionId }
    const before = await snapshot(slow.baseUrl, reviewer, doc)

    // 2. Publish, and kill the server while the publish is inside its transaction.
    const publishing = rest('PATCH', `/${SLUGS.documents}/${id}`, reviewer, {
      _status: 'published',
    }).catch((err: Error) => err)
    await waitFor(
      () => slow.output().includes('[legal-test] publish paused inside its transaction'),
      30_000,
      'the publish to pause',
    )
    await kill(slow)
    // The request never got an answer (fetch's error comes from another realm than jest's Error).
    expect(await publishing).toMatchObject({ message: 'fetch failed' })
    // PostgreSQL rolls back the transaction of a connection that is gone.
    for (let i = 0; i < 50 && (await openTransactions()) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(await openTransactions()).toBe(0)

    // 3. Restart: nothing of the publish exists, the draft is still approved and publishable.
    const again = await servers.start()
    reviewer = await login(again.baseUrl, users.reviewer)
    const afterKill = await snapshot(again.baseUrl, reviewer, doc)
    expect(afterKill.live.status).toBe(404)
    expect(afterKill.section.status).toBe(404)
    expect(afterKill.archive.totalDocs).toBe(0)
    expect(afterKill.events.totalDocs).toBe(0)
    expect(afterKill.delivered.status).toBe(404)
    expect(afterKill.draft).toMatchObject({
      _status: 'draft',
      version: 0,
      workflowState: 'approved',
    })
    expect(afterKill.draft.updatedAt).toBe(before.draft.updatedAt)
    expect(afterKill.draft.lastModified ?? null).toBe(before.draft.lastModified ?? null)

    // 4. The same publish on the restarted server completes; killed right after, it survives.
    const published = await restClient(() => again.baseUrl)(
      'PATCH',
      `/${SLUGS.documents}/${id}`,
      reviewer,
      { _status: 'published' },
    )
    expect(published.status).toBe(200)
    await kill(again)
    const third = await servers.start()
    reviewer = await login(third.baseUrl, users.reviewer)
    const done = await snapshot(third.baseUrl, reviewer, doc)
    expect(done.live.status).toBe(200)
    expect(done.live.body).toMatchObject({
      _status: 'published',
      title: 'Crash terms',
      version: 1,
      workflowState: 'published',
    })
    expect(done.section.status).toBe(200)
    expect(done.section.body).toMatchObject({ _status: 'published', heading: 'Scope' })
    expect(done.archive.docs.map((d: { version: number }) => d.version)).toEqual([1])
    expect(done.archive.docs[0]).toMatchObject({
      slug,
      changeSummary: 'First version.',
      title: 'Crash terms',
    })
    expect(done.archive.docs[0].lastModified).toBe(done.live.body.lastModified)
    expect(done.events.docs.map((e: { version: number }) => e.version)).toEqual([1])
    expect(done.delivered.status).toBe(200)
    expect(done.delivered.body).toMatchObject({ slug, version: 1 })
    await kill(third)
  }, 300_000)
})

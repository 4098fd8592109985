import { beforeAll, describe, expect, test } from '@jest/globals'
import pg from 'pg'

import { SLUGS } from '../../src/slugs'
import { richText } from '../helpers/lexical'
import { restDraftDocument } from '../helpers/publishFlow'
import { restClient } from '../helpers/rest'
import { serveTestApp } from '../helpers/servedApp'
import { signedInUser } from '../helpers/users'

/**
 * No query may be sent to a pg client that is still executing one. node-postgres queues such a
 * query but warns "Calling client.query() when the client is already executing a query" (pg 9
 * drops the queue). Payload's bulk update and delete run their documents in parallel on the one
 * client of the request's transaction; the plugin makes those queries take turns.
 *
 * pg warns once per process through util.deprecate, which a jest test cannot observe, so this
 * watches the condition itself: every client.query() call is checked for a query already
 * running (`_activeQuery`) or already queued (`_queryQueue`, pg's own test for the warning).
 */
type Overlap = { queued: boolean; sql: string }
const overlaps: Overlap[] = []
type ClientInternals = { _activeQuery?: unknown; _queryQueue?: unknown[] }
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied with the client below
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown
pg.Client.prototype.query = function (this: ClientInternals, ...args: unknown[]) {
  const busy = Boolean(this._activeQuery) || (this._queryQueue?.length ?? 0) > 0
  if (busy) {
    const first = args[0] as { text?: string } | string
    overlaps.push({
      queued: (this._queryQueue?.length ?? 0) > 0,
      sql: String(typeof first === 'string' ? first : first?.text).slice(0, 120),
    })
  }
  return query.apply(this, args)
} as typeof pg.Client.prototype.query

const served = serveTestApp()
const rest = restClient(() => served.server.baseUrl)
const tokens = { editor: '', reviewer: '' }

async function createDocument(slug: string, withSection: boolean): Promise<number> {
  const data = { slug, kind: 'other', title: `Doc ${slug}` }
  if (withSection) {
    const section = { body: richText('Hello.'), heading: 'Scope' }
    return (await restDraftDocument(rest, tokens.editor, data, section)).id
  }
  const doc = await rest('POST', `/${SLUGS.documents}`, tokens.editor, data)
  expect(doc.status).toBe(201)
  return doc.body.doc.id
}

beforeAll(async () => {
  const { app, server } = served
  tokens.editor = await signedInUser(app.payload, server.baseUrl, 'editor', ['editor'])
  tokens.reviewer = await signedInUser(app.payload, server.baseUrl, 'reviewer', ['reviewer'])
})

describe('queries on one pg client take turns', () => {
  test('the check sees an overlap when there is one', async () => {
    const client = new pg.Client({ connectionString: served.app.databaseUrl })
    await client.connect()
    try {
      await Promise.all([
        client.query('select pg_sleep(0.05)'),
        client.query('select 1'),
        client.query('select 2'),
      ])
    } finally {
      await client.end()
    }
    expect(overlaps).toEqual([
      { queued: false, sql: 'select 1' },
      { queued: true, sql: 'select 2' },
    ])
    overlaps.length = 0
  })

  test('bulk edit over REST: every document changed, no overlapping query', async () => {
    const ids = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => createDocument(`bulk-edit-${n}`, true)),
    )
    overlaps.length = 0
    const res = await rest(
      'PATCH',
      `/${SLUGS.documents}?where[slug][like]=bulk-edit-&limit=10`,
      tokens.editor,
      { summary: 'Edited in bulk' },
    )
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { id: number }) => d.id).sort()).toEqual([...ids].sort())
    expect(res.body.errors).toEqual([])
    expect(overlaps).toEqual([])
  })

  test('bulk publish and bulk delete over REST: no overlapping query', async () => {
    const ids = await Promise.all(
      [1, 2, 3, 4].map((n) => createDocument(`bulk-delete-${n}`, false)),
    )
    overlaps.length = 0
    // A reviewer's bulk publish of drafts nobody approved: refused document by document.
    const publish = await rest(
      'PATCH',
      `/${SLUGS.documents}?where[slug][like]=bulk-delete-`,
      tokens.reviewer,
      { _status: 'published' },
    )
    expect(publish.body.errors).toHaveLength(ids.length)
    const res = await rest(
      'DELETE',
      `/${SLUGS.documents}?where[slug][like]=bulk-delete-`,
      tokens.editor,
    )
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { id: number }) => d.id).sort()).toEqual([...ids].sort())
    expect(overlaps).toEqual([])
  })
})

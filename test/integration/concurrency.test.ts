import type { Where } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import type { Json, RestResult } from '../helpers/rest'

import { SLUGS } from '../../src/slugs'
import { graphqlAnswer } from '../helpers/graphql'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { restDraftDocument } from '../helpers/publishFlow'
import { jsonRequest } from '../helpers/rest'
import { closeServed } from '../helpers/staffApp'
import { allRecords, startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login } from '../helpers/users'

/**
 * Concurrent requests over real HTTP against the real express server: many publishes of one
 * approved draft, racing workflow steps, and two editors saving the same section.
 */
let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
const tokens: Record<string, string> = {}
const publishers: string[] = []

/**
 * A JSON REST call (as test/helpers/rest.ts) that gives up after 30 s: a server whose
 * connection pool is starved never answers, and the failure should say so, not time jest out.
 */
async function rest(
  method: string,
  path: string,
  token: null | string,
  body?: unknown,
): Promise<RestResult> {
  let res: Response
  try {
    res = await fetch(`${server.baseUrl}/api${path}`, jsonRequest(method, token, body, 30_000))
  } catch (err) {
    throw new Error(
      `${method} ${path}: no answer within 30 s (${(err as Error).message}); a starved connection pool hangs the server, see src/publish/transactionGate.ts`,
    )
  }
  const text = await res.text()
  return { body: text ? (JSON.parse(text) as Json) : {}, status: res.status }
}
const workflow = (id: number, token: string, action: string, comment?: string) =>
  rest('POST', `/${SLUGS.documents}/${id}/workflow`, token, { action, comment })

beforeAll(async () => {
  app = await startTestPayload()
  server = await listen(app)
  for (const [name, roles] of [
    ['admin', ['admin']],
    ['editor', ['editor']],
    ['editor2', ['editor']],
    ['reviewer', ['reviewer']],
    ['reviewer2', ['reviewer']],
    ['reviewer3', ['reviewer']],
  ] as const) {
    tokens[name] = await login(server.baseUrl, await createUser(app.payload, name, [...roles]))
  }
  publishers.push(tokens.admin, tokens.reviewer, tokens.reviewer2, tokens.reviewer3)
})

afterAll(() => closeServed({ app, server }))

const createDocument = (slug: string, author = tokens.editor) =>
  restDraftDocument(
    rest,
    author,
    { slug, kind: 'terms-of-use', title: `Doc ${slug}` },
    { body: richText('These terms apply.'), heading: 'Scope' },
  )

async function approve(id: number): Promise<void> {
  expect((await workflow(id, tokens.editor, 'submit')).status).toBe(200)
  expect((await workflow(id, tokens.reviewer, 'approve')).status).toBe(200)
}

async function archiveOf(id: number) {
  const where = { document: { equals: id } }
  const found = await allRecords(app.payload, SLUGS.versions, { sort: 'version', where })
  return found as { contentHash: string; lastModified: string; version: number }[]
}

async function eventsOf(id: number, action: string) {
  const where: Where = { and: [{ document: { equals: id } }, { action: { equals: action } }] }
  return (await allRecords(app.payload, SLUGS.reviewEvents, { where })) as { version: number }[]
}

async function publishedVersionRows(id: number): Promise<number> {
  const found = await app.payload.findVersions({
    collection: SLUGS.documents,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
  })
  return found.totalDocs
}

/** Every refused request is a clean JSON 4xx with an error message: never a 5xx, never HTML. */
function expectCleanRefusals(results: RestResult[], allowed: number[]): void {
  for (const r of results.filter((r) => r.status !== 200)) {
    expect({ allowed: allowed.includes(r.status), status: r.status }).toEqual({
      allowed: true,
      status: r.status,
    })
    expect(typeof r.body.errors?.[0]?.message).toBe('string')
  }
}

const N = 20
const sectionPath = (id: number, query = '?draft=true') => `/${SLUGS.sections}/${id}${query}`
const bodyText = (section: Record<string, any>) => JSON.stringify(section.body ?? null)

describe('more concurrent REST writes than the connection pool has connections', () => {
  test('are all answered (Payload checks document locks outside the transaction: without a limit on open transactions the pool starves for good)', async () => {
    const { sectionId } = await createDocument('pool-starvation')
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        rest(
          'PATCH',
          sectionPath(sectionId, `?draft=true&round=${i}`),
          i % 2 ? tokens.editor : tokens.editor2,
          { heading: `Heading ${i}` },
        ),
      ),
    )
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(0)
    for (const r of results) {
      expect([200, 409]).toContain(r.status)
    }
    expect((await rest('GET', '/users/me', tokens.editor)).status).toBe(200)
  }, 120_000)
})

describe('20 concurrent publishes of one approved draft', () => {
  test('first publish: exactly one version, one archive record, one "published" event, the rest 409', async () => {
    const { id, sectionId } = await createDocument('race-first')
    await approve(id)

    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        rest('PATCH', `/${SLUGS.documents}/${id}`, publishers[i % publishers.length], {
          _status: 'published',
        }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expectCleanRefusals(results, [409])

    const archive = await archiveOf(id)
    expect(archive.map((a) => a.version)).toEqual([1])
    expect((await eventsOf(id, 'published')).map((e) => e.version)).toEqual([1])
    expect(await publishedVersionRows(id)).toBe(1)
    const live = (await rest('GET', `/${SLUGS.documents}/${id}`, null)).body
    expect(live).toMatchObject({ _status: 'published', version: 1, workflowState: 'published' })
    expect(live.lastModified).toBe(archive[0].lastModified)
    expect((await rest('GET', `/${SLUGS.sections}/${sectionId}`, null)).body).toMatchObject({
      heading: 'Scope',
    })
  }, 120_000)

  test('second publish after an edit: versions stay consecutive (1, 2), no duplicate archive record', async () => {
    const { id, sectionId } = await createDocument('race-second')
    await approve(id)
    expect(
      (await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' }))
        .status,
    ).toBe(200)

    expect(
      (
        await rest('PATCH', `/${SLUGS.sections}/${sectionId}?draft=true`, tokens.editor, {
          body: richText('These terms apply, amended.'),
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await rest('PATCH', `/${SLUGS.documents}/${id}?draft=true`, tokens.editor, {
          changeSummary: 'Amended the scope.',
        })
      ).status,
    ).toBe(200)
    await approve(id)

    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        rest('PATCH', `/${SLUGS.documents}/${id}`, publishers[i % publishers.length], {
          _status: 'published',
        }),
      ),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.status >= 500).map((r) => r.body)).toEqual([])
    expectCleanRefusals(results, [409])

    expect((await archiveOf(id)).map((a) => a.version)).toEqual([1, 2])
    expect((await eventsOf(id, 'published')).map((e) => e.version).sort()).toEqual([1, 2])
    expect(await publishedVersionRows(id)).toBe(2)
    expect((await rest('GET', `/${SLUGS.documents}/${id}`, null)).body).toMatchObject({
      version: 2,
      workflowState: 'published',
    })
    const section = (await rest('GET', `/${SLUGS.sections}/${sectionId}`, null)).body
    expect(JSON.stringify(section.body)).toContain('amended')
  }, 120_000)
})

async function draftOf(sectionId: number) {
  const res = await rest('GET', sectionPath(sectionId, '?draft=true&depth=0'), tokens.editor)
  expect(res.status).toBe(200)
  return res.body
}

describe('two editors saving the same section at once', () => {
  test('with the draft each one edited (updatedAt, as the admin form sends it): one save wins, the other gets 409, nothing is lost silently', async () => {
    const { sectionId } = await createDocument('race-section-baseline')
    for (let round = 0; round < 8; round++) {
      const seen = await draftOf(sectionId)
      const [a, b] = await Promise.all([
        rest('PATCH', sectionPath(sectionId), tokens.editor, {
          body: richText(`Round ${round}: text by editor one.`),
          updatedAt: seen.updatedAt,
        }),
        rest('PATCH', sectionPath(sectionId), tokens.editor2, {
          body: richText(`Round ${round}: text by editor two.`),
          updatedAt: seen.updatedAt,
        }),
      ])
      expect([a.status, b.status].sort()).toEqual([200, 409])
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a]
      expect(loser.body.errors[0].message).toMatch(
        /changed this section since you opened it|section changed while you were saving|being saved/,
      )
      const now = await draftOf(sectionId)
      expect(bodyText(now)).toBe(bodyText(winner.body.doc))
    }
  }, 120_000)

  test('a save from a draft someone else has changed since is refused, one from your own earlier draft is not', async () => {
    const { sectionId } = await createDocument('race-section-stale')
    const opened = await draftOf(sectionId)
    const first = await rest('PATCH', sectionPath(sectionId), tokens.editor, {
      body: richText('Edited by editor one.'),
      updatedAt: opened.updatedAt,
    })
    expect(first.status).toBe(200)
    // Editor two opened the section before editor one saved: their save would overwrite it.
    const stale = await rest('PATCH', sectionPath(sectionId), tokens.editor2, {
      body: richText('Edited by editor two.'),
      heading: 'Scope (two)',
      updatedAt: opened.updatedAt,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toMatch(
      /Someone else changed this section since you opened it/,
    )
    expect(bodyText(await draftOf(sectionId))).toContain('Edited by editor one.')
    // Editor one saving again from the draft they loaded first is their own change: no conflict.
    const again = await rest('PATCH', sectionPath(sectionId), tokens.editor, {
      body: richText('Edited by editor one, twice.'),
      updatedAt: opened.updatedAt,
    })
    expect(again.status).toBe(200)
    // A publish in between changes no text: saving from the draft before it is no conflict.
    const beforePublish = await draftOf(sectionId)
    const doc = (
      await rest('GET', `/${SLUGS.sections}/${sectionId}?depth=0&draft=true`, tokens.editor)
    ).body.document
    await approve(doc)
    expect(
      (await rest('PATCH', `/${SLUGS.documents}/${doc}`, tokens.reviewer, { _status: 'published' }))
        .status,
    ).toBe(200)
    const afterPublish = await rest('PATCH', sectionPath(sectionId), tokens.editor2, {
      heading: 'Scope, revised',
      updatedAt: beforePublish.updatedAt,
    })
    expect(afterPublish.status).toBe(200)
    // A REST client that sends no updatedAt is not checked (the last write wins).
    expect(
      (await rest('PATCH', sectionPath(sectionId), tokens.editor, { heading: 'Scope' })).status,
    ).toBe(200)
  }, 120_000)

  test('without updatedAt, concurrent partial saves never undo one another: each accepted change is kept, or the save is refused', async () => {
    const { sectionId } = await createDocument('race-section-partial')
    let landed = 0
    for (let round = 0; round < 8; round++) {
      const heading = `Heading ${round}`
      const text = `Body ${round}`
      const [h, b] = await Promise.all([
        rest('PATCH', sectionPath(sectionId), tokens.editor, { heading }),
        rest('PATCH', sectionPath(sectionId), tokens.editor2, { body: richText(text) }),
      ])
      for (const r of [h, b]) {
        expect([200, 409]).toContain(r.status)
      }
      // Two saves at once may both be refused, never both lost: one of a pair always lands
      // (the lock is waited for briefly, and the second save is refused only over a newer draft).
      expect([h.status, b.status]).toContain(200)
      landed += [h, b].filter((r) => r.status === 200).length
      const now = await draftOf(sectionId)
      if (h.status === 200) {
        expect(now.heading).toBe(heading)
      }
      if (b.status === 200) {
        expect(bodyText(now)).toContain(text)
      }
    }
    // Progress, not only refusals: a rule that refused every save would pass the checks above.
    expect(landed).toBeGreaterThanOrEqual(8)
  }, 120_000)

  test('two editors saving different sections of one document at once: both saves land (the document lock is waited for, briefly) and both count as contributors (four-eyes)', async () => {
    for (let round = 0; round < 5; round++) {
      // Written by the admin, so both editors join the contributors with their first change.
      const { id, sectionId } = await createDocument(`race-two-sections-${round}`, tokens.admin)
      const second = await rest('POST', `/${SLUGS.sections}`, tokens.admin, {
        body: richText('None.'),
        document: id,
        heading: 'Liability',
      })
      expect(second.status).toBe(201)
      expect(
        (
          await rest('PATCH', `/${SLUGS.documents}/${id}?draft=true`, tokens.admin, {
            sections: [sectionId, second.body.doc.id],
          })
        ).status,
      ).toBe(200)
      const [a, b] = await Promise.all([
        rest('PATCH', sectionPath(sectionId), tokens.editor, {
          body: richText('Scope by editor one.'),
        }),
        rest('PATCH', sectionPath(second.body.doc.id), tokens.editor2, {
          body: richText('Liability by editor two.'),
        }),
      ])
      expect([a.status, b.status]).toEqual([200, 200])
      const doc = (await rest('GET', `/${SLUGS.documents}/${id}?draft=true&depth=0`, tokens.editor))
        .body
      const contributors = (doc.workflowContributors as unknown[]).map((c) =>
        String(c && typeof c === 'object' ? (c as { id: unknown }).id : c),
      )
      const editors = await app.payload.find({
        collection: 'users',
        depth: 0,
        overrideAccess: true,
        where: { email: { in: ['editor@test.example', 'editor2@test.example'] } },
      })
      expect(editors.docs).toHaveLength(2)
      for (const editor of editors.docs) {
        expect(contributors).toContain(String(editor.id))
      }
    }
  }, 120_000)

  test("Payload's document locking is not relied on: it binds REST only, and any caller may override it", async () => {
    const { sectionId } = await createDocument('lock-section')
    const editor = await app.payload.find({
      collection: 'users',
      depth: 0,
      overrideAccess: true,
      where: { email: { equals: 'editor@test.example' } },
    })
    // What the admin records when editor one opens the section.
    const lockForEditorOne = () =>
      app.payload.create({
        collection: 'payload-locked-documents',
        data: {
          document: { relationTo: SLUGS.sections, value: sectionId },
          user: { relationTo: 'users', value: editor.docs[0].id },
        } as never,
        overrideAccess: true,
      })
    await lockForEditorOne()
    const refused = await rest('PATCH', sectionPath(sectionId), tokens.editor2, {
      heading: 'Taken over',
    })
    expect(refused.status).toBe(423)
    const overridden = await rest(
      'PATCH',
      sectionPath(sectionId, '?draft=true&overrideLock=true'),
      tokens.editor2,
      { heading: 'Overridden' },
    )
    expect(overridden.status).toBe(200)
    // The save removed the lock; set it again and write over GraphQL, which never checks it.
    await lockForEditorOne()
    const gql = await graphqlAnswer(
      server.baseUrl,
      tokens.editor2,
      'mutation ($id: Int!) { updateLegalSection(id: $id, draft: true, data: { heading: "Over GraphQL" }) { heading } }',
      { id: sectionId },
    )
    expect(gql.errors).toBeUndefined()
    expect(gql.data.updateLegalSection.heading).toBe('Over GraphQL')
  })
})

describe('concurrent workflow steps on one draft', () => {
  test('two approvals and a change request at once: one approval at most, every other step a clean 409, the history matches the state', async () => {
    for (let round = 0; round < 5; round++) {
      const { id } = await createDocument(`race-approve-${round}`)
      expect((await workflow(id, tokens.editor, 'submit')).status).toBe(200)
      const [a, b, c] = await Promise.all([
        workflow(id, tokens.reviewer, 'approve'),
        workflow(id, tokens.reviewer2, 'approve'),
        workflow(id, tokens.reviewer3, 'request-changes', 'Please define "services".'),
      ])
      expectCleanRefusals([a, b, c], [409])
      // A change request that lands first leaves nothing to approve; otherwise one approval wins.
      const approvals = [a, b].filter((r) => r.status === 200).length
      expect({
        approvals,
        atMostOne: approvals <= 1,
        statuses: [a.status, b.status, c.status],
      }).toMatchObject({ atMostOne: true })
      expect(await eventsOf(id, 'approved')).toHaveLength(approvals)
      expect(await eventsOf(id, 'changes-requested')).toHaveLength(c.status === 200 ? 1 : 0)
      const history = await app.payload.find({
        collection: SLUGS.reviewEvents,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        sort: '-at',
        where: { document: { equals: id } },
      })
      const last = (history.docs[0] as unknown as { action: string }).action
      const draft = (
        await rest('GET', `/${SLUGS.documents}/${id}?draft=true&depth=0`, tokens.reviewer)
      ).body
      expect(draft.workflowState).toBe(last === 'approved' ? 'approved' : 'changes-requested')
    }
  }, 120_000)
})

import { beforeAll, describe, expect, test } from '@jest/globals'
import { gql } from 'graphql-request'

import { SLUGS } from '../../src/slugs'
import { SECTION_UNPUBLISH_REFUSAL, UNPUBLISH_REFUSAL } from '../../src/workflow/rules'
import { graphqlError as gqlError, graphqlClient } from '../helpers/graphql'
import { richText } from '../helpers/lexical'
import { restDraftDocument } from '../helpers/publishFlow'
import { restClient } from '../helpers/rest'
import { serveTestApp } from '../helpers/servedApp'
import { createUser, login, type TestUser } from '../helpers/users'

/**
 * Issue 16, point 1: Payload's "Unpublish" answered "Unpublished successfully." while the page
 * stayed live. It is refused on every route; a reviewer or admin withdraws a document through
 * the workflow instead, with a reason on the record, and readers are told it is gone (410).
 */
const served = serveTestApp()
const users: Record<'admin' | 'editor' | 'reviewer', null | TestUser> = {
  admin: null,
  editor: null,
  reviewer: null,
}
const tokens: Record<'admin' | 'editor' | 'reviewer', string> = {
  admin: '',
  editor: '',
  reviewer: '',
}

const rest = restClient(() => served.server.baseUrl)
const workflow = (id: number, token: null | string, action: string, comment?: string) =>
  rest('POST', `/${SLUGS.documents}/${id}/workflow`, token, { action, comment })

const gqlAs = (token: null | string) => graphqlClient(served.server.baseUrl, token)

/** A document published as version 1 through the workflow. */
async function publishedDocument(slug: string): Promise<number> {
  const { id } = await restDraftDocument(
    rest,
    tokens.editor,
    { slug, kind: 'terms-of-use', title: `Doc ${slug}` },
    { body: richText('These terms apply.'), heading: 'Scope' },
  )
  await reviewAndPublishOverRest(id)
  return id
}

/** Submitted by the editor, approved and published by the reviewer; every step must succeed. */
async function reviewAndPublishOverRest(id: number) {
  expect((await workflow(id, tokens.editor, 'submit')).status).toBe(200)
  expect((await workflow(id, tokens.reviewer, 'approve')).status).toBe(200)
  expect((await publishOverRest(id)).status).toBe(200)
}
const publishOverRest = (id: number) =>
  rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' })

const delivery = (slug: string, query = '') => rest('GET', `/legal/documents/${slug}${query}`, null)

async function expectStillLive(id: number, slug: string) {
  expect((await rest('GET', `/${SLUGS.documents}/${id}`, null)).status).toBe(200)
  expect((await delivery(slug)).status).toBe(200)
}

beforeAll(async () => {
  const { app, server } = served
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    users[role] = await createUser(app.payload, `wd-${role}`, [role])
    tokens[role] = await login(server.baseUrl, users[role])
  }
})

describe("Payload's silent unpublish is refused on every route", () => {
  test('REST: the admin\'s Unpublish (PATCH {_status: "draft"}, unpublishAllLocales) is a 409 for everyone; the page stays live', async () => {
    const id = await publishedDocument('wd-rest')
    for (const role of ['editor', 'reviewer', 'admin'] as const) {
      const res = await rest(
        'PATCH',
        `/${SLUGS.documents}/${id}?depth=0&fallback-locale=null&unpublishAllLocales=true`,
        tokens[role],
        { _status: 'draft' },
      )
      expect(res.status).toBe(409)
      expect(res.body.errors[0].message).toBe(UNPUBLISH_REFUSAL)
      expect(res.body.errors[0].message).toMatch(/Withdraw/)
    }
    // Without the flag, and in bulk: the same.
    expect(
      (await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.admin, { _status: 'draft' })).status,
    ).toBe(409)
    const bulk = await rest(
      'PATCH',
      `/${SLUGS.documents}?where[slug][equals]=wd-rest`,
      tokens.admin,
      { _status: 'draft' },
    )
    expect(bulk.status).toBeGreaterThanOrEqual(400)
    expect(bulk.status).toBeLessThan(500)
    await expectStillLive(id, 'wd-rest')
  })

  test('REST: a draft save and an autosave of a published document still pass', async () => {
    const id = await publishedDocument('wd-draft-save')
    const saved = await rest('PATCH', `/${SLUGS.documents}/${id}?draft=true`, tokens.editor, {
      _status: 'draft',
      title: 'Edited',
    })
    expect(saved.status).toBe(200)
    const auto = await rest(
      'PATCH',
      `/${SLUGS.documents}/${id}?draft=true&autosave=true`,
      tokens.editor,
      { _status: 'draft', title: 'Edited again' },
    )
    expect(auto.status).toBe(200)
    // A write that is not a draft save and sends no status is still only a draft (routeWritesToDrafts).
    expect(
      (await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { title: 'Edited thrice' }))
        .status,
    ).toBe(200)
    await expectStillLive(id, 'wd-draft-save')
    expect((await rest('GET', `/${SLUGS.documents}/${id}`, null)).body.title).toBe(
      'Doc wd-draft-save',
    )
  })

  test('REST: a never-published document may be saved with _status "draft" (nothing is unpublished)', async () => {
    const doc = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
      slug: 'wd-fresh',
      kind: 'other',
      title: 'Fresh',
    })
    expect(
      (
        await rest('PATCH', `/${SLUGS.documents}/${doc.body.doc.id}`, tokens.editor, {
          _status: 'draft',
          title: 'Fresher',
        })
      ).status,
    ).toBe(200)
  })

  test('GraphQL: updateLegalDocument with _status: draft is refused with the same message', async () => {
    const id = await publishedDocument('wd-gql')
    const unpublish = gql`
      mutation ($id: Int!) {
        updateLegalDocument(id: $id, data: { _status: draft }) {
          version
        }
      }
    `
    for (const role of ['editor', 'reviewer', 'admin'] as const) {
      expect(await gqlError(gqlAs(tokens[role]).request(unpublish, { id }))).toEqual({
        message: UNPUBLISH_REFUSAL,
        status: 409,
      })
    }
    await expectStillLive(id, 'wd-gql')
  })

  test('Local API with overrideAccess: false: refused; the published row is untouched', async () => {
    const id = await publishedDocument('wd-local')
    for (const role of ['reviewer', 'admin'] as const) {
      await expect(
        served.app.payload.update({
          id,
          collection: SLUGS.documents,
          data: { _status: 'draft' } as never,
          overrideAccess: false,
          user: users[role],
        }),
      ).rejects.toMatchObject({ message: UNPUBLISH_REFUSAL, status: 409 })
    }
    await expectStillLive(id, 'wd-local')
  })

  test('a section cannot be unpublished on its own: 409, and it stays live', async () => {
    const id = await publishedDocument('wd-section')
    const sectionId = (await rest('GET', `/${SLUGS.documents}/${id}?depth=0`, null)).body
      .sections[0]
    const res = await rest('PATCH', `/${SLUGS.sections}/${sectionId}`, tokens.admin, {
      _status: 'draft',
    })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toBe(SECTION_UNPUBLISH_REFUSAL)
    expect((await rest('GET', `/${SLUGS.sections}/${sectionId}`, null)).status).toBe(200)
  })

  test('a scheduled unpublish is refused when it is scheduled', async () => {
    const id = await publishedDocument('wd-schedule')
    await expect(
      served.app.payload.jobs.queue({
        input: {
          type: 'unpublish',
          doc: { relationTo: SLUGS.documents, value: String(id) },
          user: { relationTo: 'users', value: users.reviewer!.id },
        },
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() + 3_600_000),
      } as never),
    ).rejects.toMatchObject({ message: UNPUBLISH_REFUSAL, status: 409 })
  })

  test('"Publish in <language>" is refused: a legal document is published whole', async () => {
    const id = await publishedDocument('wd-locale')
    const res = await rest(
      'PATCH',
      `/${SLUGS.documents}/${id}?publishSpecificLocale=en`,
      tokens.reviewer,
      { _status: 'published' },
    )
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/all its languages at once/)
  })
})

describe('withdraw: a reviewer takes a document offline through the workflow', () => {
  test('refused for an editor (403), without a reason (400), for a never-published document (409)', async () => {
    const id = await publishedDocument('wd-refusals')
    const byEditor = await workflow(id, tokens.editor, 'withdraw', 'Outdated.')
    expect(byEditor.status).toBe(403)
    expect(byEditor.body.errors[0].message).toMatch(/Only reviewers and admins/)
    expect(await workflow(id, tokens.reviewer, 'withdraw')).toMatchObject({ status: 400 })
    expect(await workflow(id, tokens.reviewer, 'withdraw', '   ')).toMatchObject({ status: 400 })
    expect(await workflow(id, null, 'withdraw', 'x')).toMatchObject({ status: 401 })
    await expectStillLive(id, 'wd-refusals')

    const fresh = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
      slug: 'wd-never',
      kind: 'other',
      title: 'Never live',
    })
    const notLive = await workflow(fresh.body.doc.id, tokens.reviewer, 'withdraw', 'x')
    expect(notLive.status).toBe(409)
    expect(notLive.body.errors[0].message).toMatch(/nothing to withdraw/)
  })

  test('by a reviewer over REST: readers get 410, history records it, the archive keeps the versions, and review brings it back', async () => {
    const id = await publishedDocument('wd-rest-ok')
    expect((await delivery('wd-rest-ok')).status).toBe(200)
    // The status the admin's bar reads offers Withdraw to the reviewer only.
    expect(
      (await rest('GET', `/${SLUGS.documents}/${id}/workflow`, tokens.reviewer)).body,
    ).toMatchObject({ actions: ['withdraw'], live: true, withdrawn: false })
    expect(
      (await rest('GET', `/${SLUGS.documents}/${id}/workflow`, tokens.editor)).body.actions,
    ).toEqual([])

    const done = await workflow(id, tokens.reviewer, 'withdraw', 'Replaced by the new terms.')
    expect(done).toMatchObject({ body: { workflowState: 'draft' }, status: 200 })

    // Readers: gone, and told so; never a 5xx.
    const current = await delivery('wd-rest-ok')
    expect(current.status).toBe(410)
    expect(current.body.errors[0].message).toMatch(/withdrawn/)
    expect((await delivery('wd-rest-ok', '?version=1')).status).toBe(410)
    expect((await rest('GET', `/${SLUGS.documents}/${id}`, null)).status).toBe(404)
    expect(
      (await rest('GET', `/${SLUGS.documents}?where[slug][equals]=wd-rest-ok`, null)).body
        .totalDocs,
    ).toBe(0)
    // The archive keeps what was published, as history.
    const archive = await rest('GET', `/${SLUGS.versions}?where[document][equals]=${id}`, null)
    expect(archive.body.totalDocs).toBe(1)

    // The record: who, when, why.
    const events = await served.app.payload.find({
      collection: SLUGS.reviewEvents,
      depth: 0,
      overrideAccess: true,
      sort: '-at',
      where: { document: { equals: id } },
    })
    expect(events.docs[0]).toMatchObject({
      action: 'withdrawn',
      by: users.reviewer!.id,
      comment: 'Replaced by the new terms.',
      version: 1,
    })

    // The admin's bar says so, and offers no second withdraw.
    const status = await rest('GET', `/${SLUGS.documents}/${id}/workflow`, tokens.reviewer)
    expect(status.body).toMatchObject({
      actions: [],
      live: false,
      withdrawn: true,
      workflowState: 'draft',
    })
    expect(await workflow(id, tokens.reviewer, 'withdraw', 'again')).toMatchObject({ status: 409 })

    // Back online only through review.
    expect((await publishOverRest(id)).status).toBe(409)
    await reviewAndPublishOverRest(id)
    expect((await delivery('wd-rest-ok')).status).toBe(200)
  })

  test('over GraphQL: refused for an editor, accepted for an admin', async () => {
    const id = await publishedDocument('wd-gql-ok')
    const action = gql`
      mutation ($id: String!, $action: LegalWorkflowAction!, $comment: String) {
        legalWorkflowAction(id: $id, action: $action, comment: $comment) {
          workflowState
        }
      }
    `
    expect(
      await gqlError(
        gqlAs(tokens.editor).request(action, { id: String(id), action: 'withdraw', comment: 'x' }),
      ),
    ).toMatchObject({ status: 403 })
    expect(
      await gqlError(gqlAs(tokens.admin).request(action, { id: String(id), action: 'withdraw' })),
    ).toMatchObject({ status: 400 })
    expect(
      await gqlAs(tokens.admin).request(action, {
        id: String(id),
        action: 'withdraw',
        comment: 'Legal asked for it.',
      }),
    ).toEqual({
      legalWorkflowAction: { workflowState: 'draft' },
    })
    expect((await delivery('wd-gql-ok')).status).toBe(410)
  })
})

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { gql } from 'graphql-request'

import { SLUGS } from '../../src/slugs'
import { graphqlError as gqlError, graphqlClient } from '../helpers/graphql'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { restDraftDocument } from '../helpers/publishFlow'
import { restClient } from '../helpers/rest'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { signedInUser } from '../helpers/users'

/** The workflow rules over the routes websites and the admin use: REST and GraphQL, bulk included. */
let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
const tokens: Record<'admin' | 'editor' | 'reviewer' | 'reviewer2', string> = {
  admin: '',
  editor: '',
  reviewer: '',
  reviewer2: '',
}

const rest = restClient(() => server.baseUrl)

const gqlAs = (token: null | string) => graphqlClient(server.baseUrl, token)

const createDocument = (slug: string) =>
  restDraftDocument(
    rest,
    tokens.editor,
    { slug, kind: 'terms-of-use', title: `Doc ${slug}` },
    { body: richText('These terms apply.'), heading: 'Scope' },
  )

const workflow = (id: number, token: null | string, action: string, comment?: string) =>
  rest('POST', `/${SLUGS.documents}/${id}/workflow`, token, { action, comment })

beforeAll(async () => {
  app = await startTestPayload()
  server = await listen(app)
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    tokens[role] = await signedInUser(app.payload, server.baseUrl, role, [role])
  }
  tokens.reviewer2 = await signedInUser(app.payload, server.baseUrl, 'reviewer2', ['reviewer'])
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('workflow over REST', () => {
  test('each step refuses the wrong role with a JSON error and accepts the right one', async () => {
    const { id } = await createDocument('rest-flow')
    expect(await workflow(id, null, 'submit')).toMatchObject({ status: 401 })
    const refused = await workflow(id, tokens.reviewer, 'submit')
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/Only editors/)
    expect(await workflow(id, tokens.editor, 'submit')).toMatchObject({
      body: { workflowState: 'in-review' },
      status: 200,
    })
    expect(await workflow(id, tokens.editor, 'approve')).toMatchObject({ status: 403 })
    expect(await workflow(id, tokens.reviewer, 'launch')).toMatchObject({ status: 400 })
    expect(await workflow(id, tokens.reviewer, 'request-changes')).toMatchObject({ status: 400 })
    expect(await workflow(id, tokens.reviewer, 'approve')).toMatchObject({
      body: { workflowState: 'approved' },
      status: 200,
    })
    expect(await workflow(999999, tokens.reviewer, 'approve')).toMatchObject({ status: 404 })
  })

  test('publish over REST: refused for the editor, refused before approval, accepted for the reviewer', async () => {
    const { id, sectionId } = await createDocument('rest-publish')
    expect(
      (await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' }))
        .status,
    ).toBe(409)
    await workflow(id, tokens.editor, 'submit')
    await workflow(id, tokens.reviewer, 'approve')
    const byEditor = await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      _status: 'published',
    })
    expect(byEditor.status).toBe(403)
    expect((await rest('GET', `/${SLUGS.documents}/${id}`, null)).status).toBe(404)

    const published = await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, {
      _status: 'published',
    })
    expect(published.status).toBe(200)
    expect(published.body.doc).toMatchObject({
      _status: 'published',
      version: 1,
      workflowState: 'published',
    })
    expect((await rest('GET', `/${SLUGS.documents}/${id}`, null)).body).toMatchObject({
      title: 'Doc rest-publish',
      version: 1,
    })
    expect((await rest('GET', `/${SLUGS.sections}/${sectionId}`, null)).body).toMatchObject({
      heading: 'Scope',
    })
  })

  test('a reviewer cannot edit text over REST', async () => {
    const { id, sectionId } = await createDocument('rest-reviewer-edit')
    expect(
      (await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { title: 'Edited' }))
        .status,
    ).toBe(403)
    expect(
      (
        await rest('PATCH', `/${SLUGS.sections}/${sectionId}`, tokens.reviewer, {
          heading: 'Edited',
        })
      ).status,
    ).toBe(403)
  })

  test('anonymous callers never see a pending draft, even asking for ?draft=true', async () => {
    const { id } = await createDocument('rest-draft-leak')
    await workflow(id, tokens.editor, 'submit')
    await workflow(id, tokens.reviewer, 'approve')
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' })
    await rest('PATCH', `/${SLUGS.documents}/${id}?draft=true`, tokens.editor, {
      title: 'Unreviewed draft title',
    })
    const anonymous = await rest('GET', `/${SLUGS.documents}/${id}?draft=true`, null)
    expect(anonymous.body.title).toBe('Doc rest-draft-leak')
    const list = await rest(
      'GET',
      `/${SLUGS.documents}?draft=true&where[title][equals]=Unreviewed%20draft%20title`,
      null,
    )
    expect(list.body.totalDocs).toBe(0)
    const staff = await rest('GET', `/${SLUGS.documents}/${id}?draft=true`, tokens.reviewer)
    expect(staff.body.title).toBe('Unreviewed draft title')
  })

  test('archive records cannot be written over REST, even by an admin', async () => {
    expect(
      (await rest('POST', `/${SLUGS.versions}`, tokens.admin, { title: 'forged' })).status,
    ).toBe(403)
    const { id } = await createDocument('rest-archive')
    await workflow(id, tokens.editor, 'submit')
    await workflow(id, tokens.reviewer, 'approve')
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' })
    const archive = await rest('GET', `/${SLUGS.versions}?where[document][equals]=${id}`, null)
    expect(archive.body.totalDocs).toBe(1)
    const recordId = archive.body.docs[0].id
    expect(
      (await rest('PATCH', `/${SLUGS.versions}/${recordId}`, tokens.admin, { title: 'forged' }))
        .status,
    ).toBe(403)
    expect((await rest('DELETE', `/${SLUGS.versions}/${recordId}`, tokens.admin)).status).toBe(403)
    expect((await rest('GET', `/${SLUGS.versions}/${recordId}`, null)).body.title).toBe(
      'Doc rest-archive',
    )
  })
})

describe('bulk operations cannot get around the rules', () => {
  test('bulk publish by an editor publishes nothing', async () => {
    const a = await createDocument('bulk-editor-a')
    await workflow(a.id, tokens.editor, 'submit')
    await workflow(a.id, tokens.reviewer, 'approve')
    const res = await rest(
      'PATCH',
      `/${SLUGS.documents}?where[slug][like]=bulk-editor`,
      tokens.editor,
      { _status: 'published' },
    )
    expect(res.body.errors?.length ?? 0).toBeGreaterThan(0)
    expect((await rest('GET', `/${SLUGS.documents}/${a.id}`, null)).status).toBe(404)
  })

  test('bulk publish by a reviewer publishes nothing that is not approved, and never a stale draft', async () => {
    const approved = await createDocument('bulk-rev-approved')
    const unapproved = await createDocument('bulk-rev-unapproved')
    await workflow(approved.id, tokens.editor, 'submit')
    await workflow(approved.id, tokens.reviewer, 'approve')
    await workflow(unapproved.id, tokens.editor, 'submit')
    const res = await rest(
      'PATCH',
      `/${SLUGS.documents}?where[slug][like]=bulk-rev`,
      tokens.reviewer,
      { _status: 'published' },
    )
    expect(res.body.errors).toHaveLength(2)
    expect((await rest('GET', `/${SLUGS.documents}/${approved.id}`, null)).status).toBe(404)
    expect((await rest('GET', `/${SLUGS.documents}/${unapproved.id}`, null)).status).toBe(404)
    // The approved one is still publishable from its own page.
    expect(
      (
        await rest('PATCH', `/${SLUGS.documents}/${approved.id}`, tokens.reviewer, {
          _status: 'published',
        })
      ).status,
    ).toBe(200)
  })

  test('a bulk edit by an editor only changes drafts and voids approvals', async () => {
    const doc = await createDocument('bulk-edit-a')
    await workflow(doc.id, tokens.editor, 'submit')
    await workflow(doc.id, tokens.reviewer, 'approve')
    await rest('PATCH', `/${SLUGS.documents}/${doc.id}`, tokens.reviewer, { _status: 'published' })
    await rest('PATCH', `/${SLUGS.documents}?where[slug][equals]=bulk-edit-a`, tokens.editor, {
      title: 'Bulk edited',
    })
    expect((await rest('GET', `/${SLUGS.documents}/${doc.id}`, null)).body.title).toBe(
      'Doc bulk-edit-a',
    )
    const draft = await rest('GET', `/${SLUGS.documents}/${doc.id}?draft=true`, tokens.editor)
    expect(draft.body).toMatchObject({ title: 'Bulk edited', workflowState: 'draft' })
  })
})

describe('workflow over GraphQL', () => {
  const action = gql`
    mutation ($id: String!, $action: LegalWorkflowAction!, $comment: String) {
      legalWorkflowAction(id: $id, action: $action, comment: $comment) {
        id
        workflowState
      }
    }
  `
  test('the legalWorkflowAction mutation follows the same rules as REST', async () => {
    const { id } = await createDocument('gql-flow')
    const vars = (a: string, comment?: string) => ({ id: String(id), action: a, comment })
    expect(await gqlError(gqlAs(null).request(action, vars('submit')))).toMatchObject({
      status: 401,
    })
    expect(await gqlError(gqlAs(tokens.reviewer).request(action, vars('submit')))).toMatchObject({
      status: 403,
    })
    expect(await gqlAs(tokens.editor).request(action, vars('submit'))).toEqual({
      legalWorkflowAction: { id: String(id), workflowState: 'in_review' },
    })
    expect(await gqlError(gqlAs(tokens.editor).request(action, vars('approve')))).toMatchObject({
      status: 403,
    })
    expect(
      await gqlError(gqlAs(tokens.reviewer).request(action, vars('request_changes'))),
    ).toMatchObject({ status: 400 })
    expect(
      await gqlAs(tokens.reviewer).request(action, vars('request_changes', 'Fix the scope.')),
    ).toMatchObject({
      legalWorkflowAction: { workflowState: 'changes_requested' },
    })
  })

  test("Payload's update mutation cannot publish without approval, nor as an editor", async () => {
    const { id } = await createDocument('gql-publish')
    const publish = gql`
      mutation ($id: Int!) {
        updateLegalDocument(id: $id, data: { _status: published }) {
          version
        }
      }
    `
    expect((await gqlError(gqlAs(tokens.reviewer).request(publish, { id }))).status).toBe(409)
    await workflow(id, tokens.editor, 'submit')
    await workflow(id, tokens.reviewer, 'approve')
    expect((await gqlError(gqlAs(tokens.editor).request(publish, { id }))).status).toBe(403)
    expect(await gqlAs(tokens.reviewer2).request(publish, { id })).toEqual({
      updateLegalDocument: { version: 1 },
    })
  })

  test('archive records cannot be created over GraphQL', async () => {
    const create = gql`
      mutation {
        createLegalVersion(
          data: {
            title: "forged"
            slug: "x"
            version: 1
            document: 1
            publishedAt: "2020-01-01"
            lastModified: "2020-01-01"
            content: {}
            contentHash: "x"
          }
        ) {
          id
        }
      }
    `
    expect((await gqlError(gqlAs(tokens.admin).request(create))).status).toBe(403)
  })
})

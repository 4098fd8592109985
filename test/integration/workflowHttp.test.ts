import { beforeAll, describe, expect, test } from '@jest/globals'
import { gql } from 'graphql-request'

import { SLUGS } from '../../src/slugs'
import { graphqlError as gqlError, graphqlClient } from '../helpers/graphql'
import { restWorkflowSteps } from '../helpers/publishFlow'
import { restClient } from '../helpers/rest'
import { serveTestApp } from '../helpers/servedApp'
import { signedInUser } from '../helpers/users'

/** The workflow rules over the routes websites and the admin use: REST and GraphQL, bulk included. */
const served = serveTestApp()
const tokens: Record<'admin' | 'editor' | 'reviewer' | 'reviewer2', string> = {
  admin: '',
  editor: '',
  reviewer: '',
  reviewer2: '',
}

const rest = restClient(() => served.server.baseUrl)

const gqlAs = (token: null | string) => graphqlClient(served.server.baseUrl, token)

const { act: workflow, createDocument } = restWorkflowSteps(rest, () => tokens.editor, {
  kind: 'terms-of-use',
  text: 'These terms apply.',
})

/** Submitted by the editor, then approved by the reviewer. */
async function submitAndApprove(id: number) {
  await workflow(id, tokens.editor, 'submit')
  await workflow(id, tokens.reviewer, 'approve')
}

/** The document as an anonymous reader gets it. */
const readerView = (id: number) => rest('GET', `/${SLUGS.documents}/${id}`, null)

/** The document's publish from its own page: a PATCH of its status. */
const publish = (id: number, token: string) =>
  rest('PATCH', `/${SLUGS.documents}/${id}`, token, { _status: 'published' })

/** One PATCH publishing every document whose slug contains `slug`: the bulk route. */
const bulkPublish = (slug: string, token: string) =>
  rest('PATCH', `/${SLUGS.documents}?where[slug][like]=${slug}`, token, { _status: 'published' })

beforeAll(async () => {
  const { app, server } = served
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    tokens[role] = await signedInUser(app.payload, server.baseUrl, role, [role])
  }
  tokens.reviewer2 = await signedInUser(app.payload, server.baseUrl, 'reviewer2', ['reviewer'])
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
    expect(await publish(id, tokens.reviewer)).toMatchObject({ status: 409 })
    await submitAndApprove(id)
    const byEditor = await publish(id, tokens.editor)
    expect(byEditor.status).toBe(403)
    expect(await readerView(id)).toMatchObject({ status: 404 })

    const published = await publish(id, tokens.reviewer)
    expect(published.status).toBe(200)
    expect(published.body.doc).toMatchObject({
      _status: 'published',
      version: 1,
      workflowState: 'published',
    })
    expect((await readerView(id)).body).toMatchObject({
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
      await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { title: 'Edited' }),
    ).toMatchObject({ status: 403 })
    expect(
      await rest('PATCH', `/${SLUGS.sections}/${sectionId}`, tokens.reviewer, {
        heading: 'Edited',
      }),
    ).toMatchObject({ status: 403 })
  })

  test('anonymous callers never see a pending draft, even asking for ?draft=true', async () => {
    const { id } = await createDocument('rest-draft-leak')
    await submitAndApprove(id)
    await publish(id, tokens.reviewer)
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
      await rest('POST', `/${SLUGS.versions}`, tokens.admin, { title: 'forged' }),
    ).toMatchObject({ status: 403 })
    const { id } = await createDocument('rest-archive')
    await submitAndApprove(id)
    await publish(id, tokens.reviewer)
    const archive = await rest('GET', `/${SLUGS.versions}?where[document][equals]=${id}`, null)
    expect(archive.body.totalDocs).toBe(1)
    const recordId = archive.body.docs[0].id
    expect(
      await rest('PATCH', `/${SLUGS.versions}/${recordId}`, tokens.admin, { title: 'forged' }),
    ).toMatchObject({ status: 403 })
    expect(await rest('DELETE', `/${SLUGS.versions}/${recordId}`, tokens.admin)).toMatchObject({
      status: 403,
    })
    expect((await rest('GET', `/${SLUGS.versions}/${recordId}`, null)).body.title).toBe(
      'Doc rest-archive',
    )
  })
})

describe('bulk operations cannot get around the rules', () => {
  test('bulk publish by an editor publishes nothing', async () => {
    const a = await createDocument('bulk-editor-a')
    await submitAndApprove(a.id)
    const res = await bulkPublish('bulk-editor', tokens.editor)
    expect(res.body.errors?.length ?? 0).toBeGreaterThan(0)
    expect(await readerView(a.id)).toMatchObject({ status: 404 })
  })

  test('bulk publish by a reviewer publishes nothing that is not approved, and never a stale draft', async () => {
    const approved = await createDocument('bulk-rev-approved')
    const unapproved = await createDocument('bulk-rev-unapproved')
    await submitAndApprove(approved.id)
    await workflow(unapproved.id, tokens.editor, 'submit')
    const res = await bulkPublish('bulk-rev', tokens.reviewer)
    expect(res.body.errors).toHaveLength(2)
    expect(await readerView(approved.id)).toMatchObject({ status: 404 })
    expect(await readerView(unapproved.id)).toMatchObject({ status: 404 })
    // The approved one is still publishable from its own page.
    expect(await publish(approved.id, tokens.reviewer)).toMatchObject({ status: 200 })
  })

  test('a bulk edit by an editor only changes drafts and voids approvals', async () => {
    const doc = await createDocument('bulk-edit-a')
    await submitAndApprove(doc.id)
    await publish(doc.id, tokens.reviewer)
    await rest('PATCH', `/${SLUGS.documents}?where[slug][equals]=bulk-edit-a`, tokens.editor, {
      title: 'Bulk edited',
    })
    expect((await readerView(doc.id)).body.title).toBe('Doc bulk-edit-a')
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
    await submitAndApprove(id)
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

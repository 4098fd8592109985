import { beforeAll, describe, expect, test } from '@jest/globals'
import { gql } from 'graphql-request'
import { createLocalReq } from 'payload'

import { SLUGS } from '../../src/slugs'
import { WorkflowError } from '../../src/workflow/errors'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { graphqlError as gqlError, graphqlClient } from '../helpers/graphql'
import { richText } from '../helpers/lexical'
import { latestDraft } from '../helpers/publishFlow'
import { restClient } from '../helpers/rest'
import { serveTestApp } from '../helpers/servedApp'
import { createUser, login, signedInUser, type TestUser } from '../helpers/users'

/**
 * Issue 16: an empty, untitled document cannot be submitted for review. The same refusal, with
 * every reason, on REST, GraphQL and the Local API; the workflow status lists the reasons first.
 */
const served = serveTestApp()
let editor: TestUser
const tokens = { editor: '', reviewer: '' }
const rest = restClient(() => served.server.baseUrl)

const NO_TITLE = 'The document has no title.'
const NO_SLUG = 'The document has no web address.'
const NO_SECTIONS = 'The document has no sections.'
const emptyBody = {
  root: {
    type: 'root',
    children: [{ type: 'paragraph', children: [], version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    version: 1,
  },
}

const submit = (id: number | string, token: string) =>
  rest('POST', `/${SLUGS.documents}/${id}/workflow`, token, { action: 'submit' })
const status = (id: number | string, token: string) =>
  rest('GET', `/${SLUGS.documents}/${id}/workflow`, token)
const draftOf = (id: number | string) => latestDraft(served.app.payload, id)
const historyOf = async (id: number | string) =>
  (
    await served.app.payload.find({
      collection: SLUGS.reviewEvents,
      overrideAccess: true,
      where: { document: { equals: id } },
    })
  ).totalDocs

async function emptyDocument(): Promise<number> {
  const created = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {})
  expect(created.status).toBe(201)
  return created.body.doc.id
}

async function addSection(documentId: number, heading: string, body: unknown): Promise<number> {
  const section = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
    body,
    document: documentId,
    heading,
  })
  expect(section.status).toBe(201)
  return section.body.doc.id
}

const gqlAs = (token: string) => graphqlClient(served.server.baseUrl, token)
const submitMutation = gql`
  mutation ($id: String!) {
    legalWorkflowAction(id: $id, action: submit) {
      id
      workflowState
    }
  }
`

beforeAll(async () => {
  const { app, server } = served
  editor = await createUser(app.payload, 'editor', ['editor'])
  tokens.editor = await login(server.baseUrl, editor)
  tokens.reviewer = await signedInUser(app.payload, server.baseUrl, 'reviewer', ['reviewer'])
})

describe('submit refuses an incomplete draft over REST', () => {
  test('an empty, untitled document: 422 with every reason, listed by the status first; nothing changes', async () => {
    const id = await emptyDocument()

    const before = await status(id, tokens.editor)
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({ actions: [], workflowState: 'draft' })
    expect(before.body.submitProblems.map((p: { message: string }) => p.message)).toEqual([
      NO_TITLE,
      NO_SLUG,
      NO_SECTIONS,
    ])
    expect(before.body.submitProblems.map((p: { code: string }) => p.code)).toEqual([
      'no-title',
      'no-slug',
      'no-sections',
    ])
    // Not the reviewer's step: nothing to explain to them.
    expect((await status(id, tokens.reviewer)).body).toMatchObject({
      actions: [],
      submitProblems: [],
    })

    const refused = await submit(id, tokens.editor)
    expect(refused.status).toBe(422)
    const { data, message } = refused.body.errors[0]
    for (const reason of [NO_TITLE, NO_SLUG, NO_SECTIONS]) {
      expect(message).toContain(reason)
    }
    expect(data.problems.map((p: { code: string }) => p.code)).toEqual([
      'no-title',
      'no-slug',
      'no-sections',
    ])
    expect(await draftOf(id)).toMatchObject({ workflowState: 'draft' })
    expect(await historyOf(id)).toBe(0)
  })

  test('each reason on its own, then success once fixed', async () => {
    const id = await emptyDocument()
    expect(
      await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { title: 'Privacy' }),
    ).toMatchObject({ status: 200 })
    let refused = await submit(id, tokens.editor)
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toBe(
      `This document cannot be submitted for review yet. ${NO_SLUG} ${NO_SECTIONS}`,
    )

    expect(
      await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { slug: 'readiness-rest' }),
    ).toMatchObject({ status: 200 })
    refused = await submit(id, tokens.editor)
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toBe(
      `This document cannot be submitted for review yet. ${NO_SECTIONS}`,
    )

    // Sections without text: an empty editor, only whitespace; named by heading, or by position.
    const scope = await addSection(id, 'Scope', richText('This policy covers the website.'))
    const empty = await addSection(id, 'Payment', emptyBody)
    const blank = await addSection(id, '', richText('   ', ' '))
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      sections: [scope, empty, blank],
    })
    refused = await submit(id, tokens.editor)
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toBe(
      'This document cannot be submitted for review yet. Section 2 “Payment” has no text. Section 3 has no text.',
    )
    expect((await status(id, tokens.editor)).body.submitProblems).toEqual([
      {
        code: 'empty-section',
        heading: 'Payment',
        message: 'Section 2 “Payment” has no text.',
        position: 2,
      },
      { code: 'empty-section', heading: '', message: 'Section 3 has no text.', position: 3 },
    ])

    await rest('PATCH', `/${SLUGS.sections}/${empty}`, tokens.editor, {
      body: richText('We do not take payments.'),
    })
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { sections: [scope, empty] })
    expect((await status(id, tokens.editor)).body).toMatchObject({
      actions: ['submit'],
      submitProblems: [],
    })
    expect(await submit(id, tokens.editor)).toMatchObject({
      body: { workflowState: 'in-review' },
      status: 200,
    })
  })

  test('a translation that exists but is empty would be published empty: refused with its language', async () => {
    const id = await emptyDocument()
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      slug: 'readiness-uk',
      title: 'Cookies',
    })
    const section = await addSection(id, 'What cookies are', richText('Small files.'))
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { sections: [section] })
    // Without a Ukrainian text, readers get the English one: fine.
    expect((await status(id, tokens.editor)).body).toMatchObject({
      actions: ['submit'],
      submitProblems: [],
    })

    await rest('PATCH', `/${SLUGS.sections}/${section}?locale=uk`, tokens.editor, {
      body: emptyBody,
      heading: 'Що таке cookies',
    })
    const refused = await submit(id, tokens.editor)
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toContain(
      'Section 1 “What cookies are” has no text (language "uk").',
    )
    expect(refused.body.errors[0].data.problems).toEqual([
      expect.objectContaining({ code: 'empty-section', locale: 'uk', position: 1 }),
    ])
  })
})

describe('the same rule over GraphQL and the Local API', () => {
  test('GraphQL: 422 with every reason, then success once fixed', async () => {
    const id = await emptyDocument()
    const refused = await gqlError(gqlAs(tokens.editor).request(submitMutation, { id: String(id) }))
    expect(refused.status).toBe(422)
    for (const reason of [NO_TITLE, NO_SLUG, NO_SECTIONS]) {
      expect(refused.message).toContain(reason)
    }

    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      slug: 'readiness-gql',
      title: 'Terms',
    })
    const empty = await addSection(id, 'Scope', emptyBody)
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { sections: [empty] })
    const still = await gqlError(gqlAs(tokens.editor).request(submitMutation, { id: String(id) }))
    expect(still).toMatchObject({
      message: 'This document cannot be submitted for review yet. Section 1 “Scope” has no text.',
      status: 422,
    })

    await rest('PATCH', `/${SLUGS.sections}/${empty}`, tokens.editor, {
      body: richText('These terms apply.'),
    })
    expect(await gqlAs(tokens.editor).request(submitMutation, { id: String(id) })).toEqual({
      legalWorkflowAction: { id: String(id), workflowState: 'in_review' },
    })
  })

  test('Local API (overrideAccess: false, through performWorkflowAction): the same 422, then success', async () => {
    const as = { overrideAccess: false as const, user: editor as never }
    const doc = await served.app.payload.create({
      collection: SLUGS.documents,
      data: {},
      draft: true,
      ...as,
    })
    const run = async () =>
      performWorkflowAction(await createLocalReq({ user: editor as never }, served.app.payload), {
        id: doc.id,
        action: 'submit',
        fourEyes: true,
      })

    const refused = await run().then(
      () => null,
      (err: unknown) => err,
    )
    expect(refused).toBeInstanceOf(WorkflowError)
    expect((refused as WorkflowError).status).toBe(422)
    for (const reason of [NO_TITLE, NO_SLUG, NO_SECTIONS]) {
      expect((refused as WorkflowError).message).toContain(reason)
    }
    expect(await draftOf(doc.id)).toMatchObject({ workflowState: 'draft' })

    const section = await served.app.payload.create({
      collection: SLUGS.sections,
      data: { body: richText('These terms apply.'), document: doc.id, heading: 'Scope' } as never,
      draft: true,
      ...as,
    })
    await served.app.payload.update({
      id: doc.id,
      collection: SLUGS.documents,
      data: { slug: 'readiness-local', sections: [section.id], title: 'Local terms' },
      draft: true,
      ...as,
    })
    expect(await run()).toEqual({ id: doc.id, workflowState: 'in-review' })
  })
})

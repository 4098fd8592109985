import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { gql } from 'graphql-request'
import { createLocalReq } from 'payload'

import { SLUGS } from '../../src/slugs'
import { APPROVAL_OUTDATED } from '../../src/workflow/approval'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { COOKIE_UNPUBLISH_REFUSAL } from '../../src/workflow/rules'
import { asTrusted } from '../../src/workflow/trust'
import { graphqlClient, graphqlError } from '../helpers/graphql'
import { listen } from '../helpers/httpServer'
import { restClient } from '../helpers/rest'
import { closeServed } from '../helpers/staffApp'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { signedInUsers, type TestUser } from '../helpers/users'

/**
 * Issue 16, point 7: cookie entries go through the same review as documents. An editor
 * submits, someone else approves, a reviewer or admin publishes exactly what was approved;
 * removing a published cookie from the declaration is the workflow's "Withdraw", with a reason.
 * Refusal and success on REST, GraphQL and the Local API with access control on.
 */
let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
/** Everyone the tests act as; `reviewer2` is a second reviewer. */
const ROLES = {
  admin: 'admin',
  editor: 'editor',
  reviewer: 'reviewer',
  reviewer2: 'reviewer',
} as const
type Who = keyof typeof ROLES
let users: Record<Who, TestUser>
let tokens: Record<Who, string>

const rest = restClient(() => server.baseUrl)
const workflow = (id: number, who: null | Who, action: string, comment?: string) =>
  rest('POST', `/${SLUGS.cookies}/${id}/workflow`, who ? tokens[who] : null, { action, comment })
const publish = (id: number, who: Who) =>
  rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens[who], { _status: 'published' })
/** Whether the public declaration (what the cookie table and the banner read) names the cookie. */
const declared = async (name: string) =>
  JSON.stringify((await rest('GET', '/legal/cookies', null)).body).includes(`"${name}"`)
const events = async (id: number) =>
  (
    await rest(
      'GET',
      `/legal-review-events?where[cookieEntry][equals]=${id}&sort=at&limit=50`,
      tokens.reviewer,
    )
  ).body.docs.map((e: { action: string }) => e.action)

async function draftEntry(name: string, extra: Record<string, unknown> = {}): Promise<number> {
  const created = await rest('POST', `/${SLUGS.cookies}`, tokens.editor, {
    name,
    category: 'analytics',
    purpose: 'Counts visits.',
    ...extra,
  })
  expect(created.status).toBe(201)
  return created.body.doc.id as number
}

async function approvedEntry(name: string): Promise<number> {
  const id = await draftEntry(name)
  expect((await workflow(id, 'editor', 'submit')).status).toBe(200)
  expect((await workflow(id, 'reviewer', 'approve')).status).toBe(200)
  return id
}

const gqlAs = (who: Who) => graphqlClient(server.baseUrl, tokens[who])
const gqlError = async (promise: Promise<unknown>) => (await graphqlError(promise)).message

const ACTION = gql`
  mutation ($id: String!, $action: LegalWorkflowAction!, $comment: String) {
    legalWorkflowAction(id: $id, action: $action, comment: $comment, collection: cookie_entries) {
      id
      workflowState
    }
  }
`

beforeAll(async () => {
  app = await startTestPayload()
  server = await listen(app)
  ;({ tokens, users } = await signedInUsers(app.payload, server.baseUrl, 'cw', ROLES))
})

afterAll(() => closeServed({ app, server }))

describe('REST', () => {
  test('editor submits, another person approves, a reviewer publishes; it appears in the declaration, with its history', async () => {
    const id = await draftEntry('cw_rest')
    // A draft: no one publishes it, not even an admin.
    expect((await publish(id, 'admin')).body.errors[0].message).toMatch(
      /Only an approved draft can be published/,
    )
    expect((await workflow(id, 'reviewer', 'approve')).status).toBe(409)
    expect((await workflow(id, 'reviewer', 'submit')).status).toBe(403)
    const submitted = await workflow(id, 'editor', 'submit')
    expect(submitted).toMatchObject({ body: { workflowState: 'in-review' }, status: 200 })
    // Four eyes: the editor who wrote it cannot approve it, even as an admin would.
    expect((await workflow(id, 'editor', 'approve')).status).toBe(403)
    expect((await workflow(id, 'reviewer', 'approve')).body.workflowState).toBe('approved')
    expect((await publish(id, 'editor')).status).toBe(403)
    expect(await declared('cw_rest')).toBe(false)
    expect((await publish(id, 'reviewer')).status).toBe(200)
    expect(await declared('cw_rest')).toBe(true)
    const live = await rest('GET', `/${SLUGS.cookies}/${id}`, null)
    expect(live.body).toMatchObject({ _status: 'published', workflowState: 'published' })
    expect(await events(id)).toEqual(['submitted', 'approved', 'published'])
  })

  test("a status for the admin: the signed-in person's options, from the same rules", async () => {
    const id = await draftEntry('cw_status', { category: null })
    const editor = await rest('GET', `/${SLUGS.cookies}/${id}/workflow`, tokens.editor, undefined)
    expect(editor.status).toBe(200)
    expect(editor.body).toMatchObject({ actions: [], canPublish: false, workflowState: 'draft' })
    // Submit is shown disabled with what the entry lacks.
    expect(editor.body.submitProblems.map((p: { code: string }) => p.code)).toEqual(['no-category'])
    const refused = await workflow(id, 'editor', 'submit')
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toMatch(/no category/)
    expect((await rest('GET', `/${SLUGS.cookies}/${id}/workflow`, null)).status).toBe(401)
  })

  test('an edit after approval voids it; a publish of changed content is refused on every path', async () => {
    const id = await approvedEntry('cw_void')
    // A reviewer may not slip a change in with the publish, nor may an admin.
    expect(
      (
        await rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens.reviewer, {
          _status: 'published',
          purpose: 'Sells data.',
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens.admin, {
          _status: 'published',
          purpose: 'Sells data.',
        })
      ).status,
    ).toBe(409)
    expect(await declared('cw_void')).toBe(false)
    // An editor's change pulls it back to draft and the approval goes.
    expect(
      (await rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens.editor, { purpose: 'Sells data.' }))
        .status,
    ).toBe(200)
    const draft = await rest('GET', `/${SLUGS.cookies}/${id}?draft=true`, tokens.reviewer)
    expect(draft.body).toMatchObject({
      approvedBy: null,
      approvedContentHash: null,
      workflowState: 'draft',
    })
    expect((await publish(id, 'reviewer')).status).toBe(409)
    expect(await events(id)).toEqual(['submitted', 'approved', 'approval-voided'])
    // A client cannot write the approval itself.
    await rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens.admin, {
      approvedBy: users.reviewer.id,
      approvedContentHash: 'x',
      workflowState: 'approved',
    })
    expect(
      (await rest('GET', `/${SLUGS.cookies}/${id}?draft=true`, tokens.reviewer)).body.workflowState,
    ).toBe('draft')
    expect((await publish(id, 'admin')).status).toBe(409)
  })

  test('the approval is bound to the approved content: a change that bypassed the hooks is caught at publish', async () => {
    const id = await approvedEntry('cw_bound')
    // A write the hooks let through untouched (the plugin's own trusted operations): the backstop.
    const req = await createLocalReq({}, app.payload)
    await asTrusted(req, () =>
      app.payload.update({
        id,
        collection: SLUGS.cookies,
        data: { name: 'cw_bound_changed' },
        draft: true,
        overrideAccess: true,
        req,
      }),
    )
    expect(
      (await rest('GET', `/${SLUGS.cookies}/${id}?draft=true`, tokens.reviewer)).body,
    ).toMatchObject({ name: 'cw_bound_changed', workflowState: 'approved' })
    const res = await publish(id, 'reviewer')
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toBe(APPROVAL_OUTDATED)
    expect(await declared('cw_bound_changed')).toBe(false)
  })

  test("Payload's Unpublish is refused; a reviewer withdraws with a reason; a published entry is never deleted", async () => {
    const id = await approvedEntry('cw_withdraw')
    expect((await publish(id, 'reviewer')).status).toBe(200)
    for (const who of ['editor', 'reviewer', 'admin'] as const) {
      const res = await rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens[who], { _status: 'draft' })
      expect(res.status).toBe(409)
      expect(res.body.errors[0].message).toBe(COOKIE_UNPUBLISH_REFUSAL)
      expect((await rest('DELETE', `/${SLUGS.cookies}/${id}`, tokens[who])).status).toBe(409)
    }
    expect(await declared('cw_withdraw')).toBe(true)
    expect((await workflow(id, 'editor', 'withdraw', 'Gone')).status).toBe(403)
    expect((await workflow(id, 'reviewer', 'withdraw')).status).toBe(400)
    const withdrawn = await workflow(id, 'reviewer', 'withdraw', 'We removed Google Analytics.')
    expect(withdrawn).toMatchObject({ body: { workflowState: 'draft' }, status: 200 })
    expect(await declared('cw_withdraw')).toBe(false)
    expect((await rest('GET', `/${SLUGS.cookies}/${id}`, null)).status).toBe(404)
    expect(await events(id)).toEqual(['submitted', 'approved', 'published', 'withdrawn'])
    // Its history is kept: an entry that was published once is not deleted.
    expect((await rest('DELETE', `/${SLUGS.cookies}/${id}`, tokens.editor)).status).toBe(409)
    // One never published is its editor's to remove.
    const draft = await draftEntry('cw_scrap')
    expect((await rest('DELETE', `/${SLUGS.cookies}/${draft}`, tokens.reviewer)).status).toBe(403)
    expect((await rest('DELETE', `/${SLUGS.cookies}/${draft}`, tokens.editor)).status).toBe(200)
  })

  test('a bulk publish from the list view cannot go around the review: each entry is refused with its reason', async () => {
    const approved = await approvedEntry('cw_bulk_ok')
    const draft = await draftEntry('cw_bulk_draft')
    const res = await rest(
      'PATCH',
      `/${SLUGS.cookies}?where[name][in]=cw_bulk_ok,cw_bulk_draft`,
      tokens.reviewer,
      { _status: 'published' },
    )
    const reasons = Object.fromEntries(
      (res.body.errors as { id: number; message: string }[]).map((e) => [e.id, e.message]),
    )
    // The list starts from the live row, not the approved draft: published from the entry itself.
    expect(reasons[approved]).toMatch(/publish it from there/)
    expect(reasons[draft]).toMatch(/Only an approved draft can be published/)
    expect(await declared('cw_bulk_ok')).toBe(false)
    expect(await declared('cw_bulk_draft')).toBe(false)
    expect((await publish(approved, 'reviewer')).status).toBe(200)
    expect(await declared('cw_bulk_ok')).toBe(true)
  })

  test('a material change raises the consent revision when it is published, not before', async () => {
    const revision = async () =>
      (await rest('GET', '/legal/cookies/consent-config', null)).body.revision as number
    const before = await revision()
    const id = await draftEntry('cw_material', { materialChange: true })
    expect((await workflow(id, 'editor', 'submit')).status).toBe(200)
    expect((await workflow(id, 'reviewer', 'approve')).status).toBe(200)
    expect(await revision()).toBe(before)
    expect((await publish(id, 'admin')).status).toBe(200)
    expect(await revision()).toBe(before + 1)
  })
})

describe('scheduled publish', () => {
  const schedule = async (who: Who, id: number, when: Date) =>
    app.payload.jobs.queue({
      input: {
        type: 'publish',
        doc: { relationTo: SLUGS.cookies, value: String(id) },
        user: { relationTo: 'users', value: users[who].id },
      } as never,
      req: await createLocalReq({ user: users[who] as never }, app.payload),
      task: 'schedulePublish' as never,
      waitUntil: when,
    })

  test('a reviewer schedules an approved entry; an editor cannot; a draft cannot be scheduled; the job publishes it', async () => {
    const draft = await draftEntry('cw_sched_draft')
    await expect(schedule('reviewer', draft, new Date(Date.now() - 1000))).rejects.toMatchObject({
      status: 409,
    })
    const id = await approvedEntry('cw_sched')
    await expect(schedule('editor', id, new Date(Date.now() - 1000))).rejects.toMatchObject({
      status: 403,
    })
    const status = await rest('GET', `/${SLUGS.cookies}/${id}/workflow`, tokens.reviewer, undefined)
    expect(status.body.scheduledFor).toBeNull()
    await schedule('reviewer', id, new Date(Date.now() - 1000))
    expect(
      (await rest('GET', `/${SLUGS.cookies}/${id}/workflow`, tokens.reviewer, undefined)).body
        .scheduledFor,
    ).not.toBeNull()
    expect(await declared('cw_sched')).toBe(false)
    await app.payload.jobs.run({ queue: 'default' })
    expect(await declared('cw_sched')).toBe(true)
    expect(await events(id)).toEqual(['submitted', 'approved', 'scheduled', 'published'])
    // The draft was never published by its job.
    expect(
      (await rest('GET', `/${SLUGS.cookies}/${draft}?draft=true`, tokens.editor)).body
        .workflowState,
    ).toBe('draft')
  })
})

describe('GraphQL', () => {
  test('the same mutation with collection: cookie_entries, refusals included', async () => {
    const id = await draftEntry('cw_gql')
    const act = (who: Who, action: string) =>
      gqlAs(who).request<{ legalWorkflowAction: { workflowState: string } }>(ACTION, {
        id: String(id),
        action,
      })
    expect(await gqlError(act('reviewer', 'submit'))).toMatch(/Only editors can submit/)
    const submitted = await act('editor', 'submit')
    expect(submitted.legalWorkflowAction.workflowState).toBe('in_review')
    expect(await gqlError(act('editor', 'approve'))).toMatch(/Only reviewers can approve/)
    const approved = await act('reviewer2', 'approve')
    expect(approved.legalWorkflowAction.workflowState).toBe('approved')
    // Publishing over GraphQL: Payload's own update mutation, through the same hooks.
    const PUBLISH = gql`
      mutation ($id: Int!) {
        updateCookieEntry(id: $id, data: { _status: published }) {
          workflowState
        }
      }
    `
    expect(await gqlError(gqlAs('editor').request(PUBLISH, { id }))).toMatch(
      /Only reviewers and admins can publish/,
    )
    const published = await gqlAs('reviewer').request<{
      updateCookieEntry: { workflowState: string }
    }>(PUBLISH, { id })
    expect(published.updateCookieEntry.workflowState).toBe('published')
    expect(await declared('cw_gql')).toBe(true)
    const UNPUBLISH = gql`
      mutation ($id: Int!) {
        updateCookieEntry(id: $id, data: { _status: draft }) {
          id
        }
      }
    `
    expect(await gqlError(gqlAs('admin').request(UNPUBLISH, { id }))).toBe(COOKIE_UNPUBLISH_REFUSAL)
    expect(await declared('cw_gql')).toBe(true)
  })
})

describe('Local API with access control on', () => {
  test('the operation and the publish refuse and succeed as over HTTP', async () => {
    const { payload } = app
    const as = (who: Who) => ({ depth: 0, overrideAccess: false, user: users[who] as never })
    const act = async (who: Who, id: number, action: string, comment?: string) =>
      performWorkflowAction(await createLocalReq({ user: users[who] as never }, payload), {
        id,
        action,
        collection: SLUGS.cookies,
        comment,
        fourEyes: true,
      })
    const created = await payload.create({
      collection: SLUGS.cookies,
      data: { name: 'cw_local', category: 'functional' } as never,
      ...as('editor'),
    })
    const id = created.id
    /** A save of the entry as `who`. */
    const save = (who: Who, data: Record<string, unknown>) =>
      payload.update({ id, collection: SLUGS.cookies, data, ...as(who) })
    await expect(
      payload.create({
        collection: SLUGS.cookies,
        data: { name: 'cw_local_live', _status: 'published', category: 'functional' } as never,
        ...as('admin'),
      }),
    ).rejects.toMatchObject({ status: 409 })
    await expect(save('reviewer', { _status: 'published' })).rejects.toMatchObject({ status: 409 })
    await expect(act('reviewer', id, 'submit')).rejects.toMatchObject({ status: 403 })
    await expect(act('editor', id, 'submit')).resolves.toMatchObject({ workflowState: 'in-review' })
    await expect(act('editor', id, 'approve')).rejects.toMatchObject({ status: 403 })
    await expect(act('reviewer', id, 'approve')).resolves.toMatchObject({
      workflowState: 'approved',
    })
    await expect(save('reviewer', { purpose: 'Changed by a reviewer' })).rejects.toMatchObject({
      status: 403,
    })
    await expect(save('editor', { _status: 'published' })).rejects.toMatchObject({ status: 403 })
    const published = await save('reviewer', { _status: 'published' })
    expect(published).toMatchObject({ _status: 'published', workflowState: 'published' })
    await expect(save('admin', { _status: 'draft' })).rejects.toMatchObject({ status: 409 })
    await expect(
      act('admin', id, 'withdraw', 'Replaced by a first-party counter.'),
    ).resolves.toMatchObject({ workflowState: 'draft' })
    expect(await declared('cw_local')).toBe(false)
    await expect(act('admin', 999999, 'submit')).rejects.toMatchObject({ status: 404 })
    await expect(
      performWorkflowAction(await createLocalReq({ user: users.editor as never }, payload), {
        id,
        action: 'submit',
        collection: 'legal-consents',
        fourEyes: true,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createLocalReq } from 'payload'

import {
  JOBS_COLLECTION_REFUSAL,
  SCHEDULE_ROLE_REFUSAL,
  SCHEDULE_SIGNED_OUT_REFUSAL,
} from '../../src/hooks/scheduleGuard'
import { SLUGS } from '../../src/slugs'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { restClient } from '../helpers/rest'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

/**
 * Who may schedule a publish of a legal document, as every route answers it: a status and a
 * reason, never Payload's bare "You are not allowed to perform this action."
 */
let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
const rest = restClient(() => server.baseUrl)
const tokens = { admin: '', editor: '', reviewer: '' }
const users = {} as Record<'admin' | 'editor' | 'reviewer', TestUser>
const ids = { approved: 0, draft: 0, inReview: 0 }

const NOT_APPROVED = (label: string) =>
  `Only an approved draft can be scheduled for publishing; this one is "${label}". It needs a reviewer's approval first.`

async function createDocument(slug: string, steps: Array<'approve' | 'submit'>): Promise<number> {
  const doc = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
    slug,
    kind: 'other',
    title: `Doc ${slug}`,
  })
  const id = doc.body.doc.id as number
  const section = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
    body: richText('Hello.'),
    document: id,
    heading: 'Scope',
  })
  await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
    sections: [section.body.doc.id],
  })
  for (const action of steps) {
    const res = await rest(
      'POST',
      `/${SLUGS.documents}/${id}/workflow`,
      action === 'submit' ? tokens.editor : tokens.reviewer,
      { action },
    )
    expect(res.status).toBe(200)
  }
  return id
}

const scheduleInput = (id: number, user?: TestUser) => ({
  type: 'publish',
  doc: { relationTo: SLUGS.documents, value: String(id) },
  ...(user ? { user: { relationTo: 'users', value: user.id } } : {}),
})
const inAnHour = () => new Date(Date.now() + 3600_000)

const restSchedule = (token: null | string, id: number, user?: TestUser) =>
  rest('POST', '/payload-jobs', token, {
    input: scheduleInput(id, user),
    taskSlug: 'schedulePublish',
    waitUntil: inAnHour().toISOString(),
  })

async function graphQLSchedule(token: null | string, id: number, user?: TestUser) {
  const res = await rest('POST', '/graphql', token, {
    query:
      'mutation ($input: JSON, $at: String) { createPayloadJob(data: { taskSlug: schedulePublish, input: $input, waitUntil: $at }) { id } }',
    variables: { at: inAnHour().toISOString(), input: scheduleInput(id, user) },
  })
  expect(res.status).toBe(200)
  return {
    data: res.body.data,
    error: res.body.errors?.[0] as
      { extensions: { statusCode: number }; message: string } | undefined,
  }
}

async function queueAs(user: null | TestUser, id: number, overrideAccess?: boolean) {
  const req = await createLocalReq({ user: (user ?? undefined) as never }, app.payload)
  return app.payload.jobs.queue({
    input: scheduleInput(id, user ?? undefined) as never,
    req,
    task: 'schedulePublish' as never,
    waitUntil: inAnHour(),
    ...(overrideAccess === undefined ? {} : { overrideAccess }),
  })
}

// Scheduled publishes only: Payload's scheduler may queue the consent-retention job at any time.
const jobCount = async () =>
  (
    await app.payload.count({
      collection: 'payload-jobs',
      overrideAccess: true,
      where: { taskSlug: { equals: 'schedulePublish' } },
    })
  ).totalDocs
const scheduledEvents = async (id: number) =>
  (
    await app.payload.find({
      collection: SLUGS.reviewEvents,
      depth: 0,
      overrideAccess: true,
      where: { and: [{ document: { equals: id } }, { action: { equals: 'scheduled' } }] },
    })
  ).docs

beforeAll(async () => {
  app = await startTestPayload()
  server = await listen(app)
  for (const role of ['editor', 'reviewer', 'admin'] as const) {
    users[role] = await createUser(app.payload, role, [role])
    tokens[role] = await login(server.baseUrl, users[role])
  }
  ids.approved = await createDocument('approved', ['submit', 'approve'])
  ids.draft = await createDocument('draft', [])
  ids.inReview = await createDocument('in-review', ['submit'])
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

/** A scheduling request (token, document id) and its refusal (status, message). */
type RefusalCase = [token: null | string, id: number, status: number, message: string]
/** The workflow's refusals, the same on both routes. */
const workflowRefusals = (): RefusalCase[] => [
  [null, ids.approved, 401, SCHEDULE_SIGNED_OUT_REFUSAL],
  [tokens.editor, ids.approved, 403, SCHEDULE_ROLE_REFUSAL],
  [tokens.reviewer, ids.draft, 409, NOT_APPROVED('Draft')],
]

describe('scheduling over REST (POST /api/payload-jobs)', () => {
  test('each refusal has its status and reason, and no job is written', async () => {
    const before = await jobCount()
    const cases: RefusalCase[] = [
      ...workflowRefusals(),
      [tokens.reviewer, ids.inReview, 409, NOT_APPROVED('In review')],
      [tokens.reviewer, 999999, 404, 'Document not found.'],
      // Allowed by the workflow, but the jobs collection is no route for it: say which is.
      [tokens.reviewer, ids.approved, 403, JOBS_COLLECTION_REFUSAL],
      [tokens.admin, ids.approved, 403, JOBS_COLLECTION_REFUSAL],
    ]
    for (const [token, id, status, message] of cases) {
      const res = await restSchedule(token, id)
      expect({ body: res.body, status: res.status }).toEqual({
        body: { errors: [{ message }] },
        status,
      })
    }
    // A job that names someone else as its scheduler is judged by who asks.
    expect(await restSchedule(tokens.editor, ids.approved, users.reviewer)).toEqual({
      body: { errors: [{ message: SCHEDULE_ROLE_REFUSAL }] },
      status: 403,
    })
    expect(await jobCount()).toBe(before)
  })

  test('other jobs keep the collection’s own refusal', async () => {
    const res = await rest('POST', '/payload-jobs', tokens.admin, {
      input: {},
      taskSlug: 'legalDocumentsWebhook',
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe('You are not allowed to perform this action.')
  })
})

describe('scheduling over GraphQL (createPayloadJob)', () => {
  test('each refusal has its status and reason, and no job is written', async () => {
    const before = await jobCount()
    const cases: RefusalCase[] = [
      ...workflowRefusals(),
      [tokens.reviewer, 999999, 404, 'Document not found.'],
      [tokens.reviewer, ids.approved, 403, JOBS_COLLECTION_REFUSAL],
    ]
    for (const [token, id, statusCode, message] of cases) {
      const { data, error } = await graphQLSchedule(token, id)
      expect(data).toEqual({ createPayloadJob: null })
      expect({ message: error?.message, statusCode: error?.extensions.statusCode }).toEqual({
        message,
        statusCode,
      })
    }
    expect(await jobCount()).toBe(before)
  })
})

describe('scheduling with the Local API (payload.jobs.queue, as the admin’s drawer does)', () => {
  test('refusals carry their status, with and without overrideAccess', async () => {
    for (const overrideAccess of [undefined, false]) {
      await expect(queueAs(users.editor, ids.approved, overrideAccess)).rejects.toMatchObject({
        message: SCHEDULE_ROLE_REFUSAL,
        status: 403,
      })
      await expect(queueAs(users.reviewer, ids.draft, overrideAccess)).rejects.toMatchObject({
        message: NOT_APPROVED('Draft'),
        status: 409,
      })
      await expect(queueAs(null, ids.approved, overrideAccess)).rejects.toMatchObject({
        message: SCHEDULE_SIGNED_OUT_REFUSAL,
        status: 401,
      })
    }
    // The drawer queues without a request user; the scheduler is the job's input.user.
    await expect(
      app.payload.jobs.queue({
        input: scheduleInput(ids.approved, users.editor) as never,
        task: 'schedulePublish' as never,
        waitUntil: inAnHour(),
      }),
    ).rejects.toMatchObject({ message: SCHEDULE_ROLE_REFUSAL, status: 403 })
    expect(await scheduledEvents(ids.approved)).toHaveLength(0)
  })

  test('a reviewer schedules an approved draft', async () => {
    const before = await jobCount()
    const job = (await queueAs(users.reviewer, ids.approved, false)) as {
      id: number
      input: Record<string, any>
      taskSlug: string
    }
    expect(job).toMatchObject({
      input: { doc: { value: String(ids.approved) } },
      taskSlug: 'schedulePublish',
    })
    expect(await jobCount()).toBe(before + 1)
    const events = await scheduledEvents(ids.approved)
    expect(events.map((e) => (e as unknown as Record<string, unknown>).by)).toEqual([
      users.reviewer.id,
    ])
    // …and the workflow status over REST shows it.
    const status = await rest('GET', `/${SLUGS.documents}/${ids.approved}/workflow`, tokens.editor)
    expect(status.body).toMatchObject({ label: 'Scheduled' })
  })
})

test('only admins may run the job queue over HTTP (the server runs it itself)', async () => {
  for (const role of ['editor', 'reviewer'] as const) {
    const res = await fetch(`${server.baseUrl}/api/payload-jobs/run`, {
      headers: { authorization: `JWT ${tokens[role]}` },
    })
    // Payload's run endpoint answers a refused access rule with 401.
    expect([role, res.status]).toEqual([role, 401])
  }
  expect((await fetch(`${server.baseUrl}/api/payload-jobs/run`)).status).toBe(401)
  const admin = await fetch(`${server.baseUrl}/api/payload-jobs/run`, {
    headers: { authorization: `JWT ${tokens.admin}` },
  })
  expect(admin.status).toBe(200)
})

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createLocalReq, type Payload } from 'payload'

import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { richText } from '../helpers/lexical'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, type TestUser } from '../helpers/users'

let app: TestApp
let payload: Payload
let editor: TestUser
let reviewer: TestUser

type Doc = Record<string, any>

async function act(user: TestUser, id: string | number, action: string) {
  return performWorkflowAction(await createLocalReq({ user: user as never }, payload), { id, action, fourEyes: true })
}

async function newApprovedDocument(slug: string): Promise<{ doc: Doc; section: Doc }> {
  const opts = { user: editor as never, overrideAccess: false as const }
  const doc = (await payload.create({ collection: SLUGS.documents, data: { title: slug, slug, kind: 'other' } as never, ...opts })) as Doc
  const section = (await payload.create({
    collection: SLUGS.sections,
    data: { heading: 'Intro', body: richText('Hello.'), document: doc.id } as never,
    ...opts,
  })) as Doc
  await payload.update({ collection: SLUGS.documents, id: doc.id, data: { sections: [section.id] } as never, ...opts })
  await act(editor, doc.id, 'submit')
  await act(reviewer, doc.id, 'approve')
  return { doc, section }
}

/** What the admin's "Schedule publish" drawer does: queue Payload's schedulePublish job for the user. */
async function schedule(user: TestUser, id: string | number, when: Date) {
  const req = await createLocalReq({ user: user as never }, payload)
  return payload.jobs.queue({
    task: 'schedulePublish' as never,
    input: { type: 'publish', doc: { relationTo: SLUGS.documents, value: String(id) }, user: { relationTo: 'users', value: user.id } } as never,
    waitUntil: when,
    req,
  })
}

/** A schedulePublish job written straight to the database, as Payload does when jobs.runHooks is off. */
async function queueWithoutHooks(user: TestUser, id: string | number) {
  const req = await createLocalReq({}, payload)
  await payload.db.create({
    collection: 'payload-jobs',
    data: {
      taskSlug: 'schedulePublish',
      queue: 'default',
      input: { type: 'publish', doc: { relationTo: SLUGS.documents, value: String(id) }, user: { relationTo: 'users', value: user.id } },
      waitUntil: new Date(Date.now() - 1000).toISOString(),
      processing: false,
      hasError: false,
      totalTried: 0,
    },
    req,
  })
}

const isLive = async (id: string | number) =>
  (await payload.find({ collection: SLUGS.documents, where: { id: { equals: id } }, overrideAccess: false, user: null as never })).totalDocs === 1

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
})

afterAll(async () => {
  await app?.close()
})

describe('scheduled publish', () => {
  test('a reviewer schedules an approved draft; the job publishes it when due, with an archive record', async () => {
    const { doc } = await newApprovedDocument('scheduled-1')
    await schedule(reviewer, doc.id, new Date(Date.now() + 60 * 60 * 1000))
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(false)

    await schedule(reviewer, doc.id, new Date(Date.now() - 1000))
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(true)
    const archive = await payload.find({ collection: SLUGS.versions, where: { document: { equals: doc.id } }, depth: 0, overrideAccess: true })
    expect(archive.docs[0]).toMatchObject({ version: 1, publishedBy: reviewer.id })
    const events = await payload.find({ collection: SLUGS.reviewEvents, where: { document: { equals: doc.id } }, sort: 'at', depth: 0, overrideAccess: true })
    expect(events.docs.map((e: Doc) => e.action)).toEqual(['submitted', 'approved', 'scheduled', 'scheduled', 'published'])
    const scheduled = events.docs.filter((e: Doc) => e.action === 'scheduled')
    expect(scheduled.map((e: Doc) => e.by)).toEqual([reviewer.id, reviewer.id])
    expect((scheduled[0] as Doc).comment).toMatch(/^Publish scheduled for \d{4}-\d{2}-\d{2}T/)
  })

  test('an editor cannot schedule a publish; a job that gets past the check is refused when it runs', async () => {
    const { doc } = await newApprovedDocument('scheduled-editor')
    await expect(schedule(editor, doc.id, new Date(Date.now() - 1000))).rejects.toMatchObject({
      status: 403,
      message: 'Only reviewers and admins can schedule a publish or an unpublish of a legal document.',
    })
    // A host with jobs.runHooks off skips that check: the job publishes as its scheduler, and
    // the publish hooks refuse an editor.
    await queueWithoutHooks(editor, doc.id)
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(false)
  })

  test('a draft that is not approved cannot be scheduled, and such a job is refused when it runs', async () => {
    const { doc } = await newApprovedDocument('scheduled-unapproved')
    await payload.update({ collection: SLUGS.documents, id: doc.id, data: { title: 'changed' } as never, user: editor as never, overrideAccess: false })
    await expect(schedule(reviewer, doc.id, new Date(Date.now() - 1000))).rejects.toMatchObject({
      status: 409,
      message: 'Only an approved draft can be scheduled for publishing; this one is "Draft". It needs a reviewer\'s approval first.',
    })
    await queueWithoutHooks(reviewer, doc.id)
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(false)
  })

  test('a change after scheduling voids the approval, and the job then refuses to publish', async () => {
    const { doc, section } = await newApprovedDocument('scheduled-changed')
    await schedule(reviewer, doc.id, new Date(Date.now() - 1000))
    await payload.update({ collection: SLUGS.sections, id: section.id, data: { body: richText('Changed after scheduling.') } as never, user: editor as never, overrideAccess: false })
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(false)
    const archive = await payload.count({ collection: SLUGS.versions, where: { document: { equals: doc.id } }, overrideAccess: true })
    expect(archive.totalDocs).toBe(0)
  })
})

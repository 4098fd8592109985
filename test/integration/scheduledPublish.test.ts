import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createLocalReq, type Payload } from 'payload'

import { SLUGS } from '../../src/slugs'
import { richText } from '../helpers/lexical'
import { approvedDocument, reviewEventsOf } from '../helpers/publishFlow'
import { publicCount } from '../helpers/readers'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, type TestUser } from '../helpers/users'

let app: TestApp
let payload: Payload
let editor: TestUser
let reviewer: TestUser

const newApprovedDocument = (slug: string) =>
  approvedDocument(payload, editor, reviewer, { slug, kind: 'other', title: slug }, [
    { body: richText('Hello.'), heading: 'Intro' },
  ])

/** What the admin's "Schedule publish" drawer does: queue Payload's schedulePublish job for the user. */
async function schedule(user: TestUser, id: number | string, when: Date) {
  const req = await createLocalReq({ user: user as never }, payload)
  return payload.jobs.queue({
    input: {
      type: 'publish',
      doc: { relationTo: SLUGS.documents, value: String(id) },
      user: { relationTo: 'users', value: user.id },
    } as never,
    req,
    task: 'schedulePublish' as never,
    waitUntil: when,
  })
}

/** A schedulePublish job written straight to the database, as Payload does when jobs.runHooks is off. */
async function queueWithoutHooks(user: TestUser, id: number | string) {
  const req = await createLocalReq({}, payload)
  await payload.db.create({
    collection: 'payload-jobs',
    data: {
      hasError: false,
      input: {
        type: 'publish',
        doc: { relationTo: SLUGS.documents, value: String(id) },
        user: { relationTo: 'users', value: user.id },
      },
      processing: false,
      queue: 'default',
      taskSlug: 'schedulePublish',
      totalTried: 0,
      waitUntil: new Date(Date.now() - 1000).toISOString(),
    },
    req,
  })
}

const isLive = async (id: number | string) =>
  (await publicCount(payload, SLUGS.documents, id)) === 1

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
})

afterAll(async () => {
  await app?.close()
})

/**
 * Scheduling the document as `user` is refused with `refusal`, and a job queued past that check
 * (as with jobs.runHooks off) publishes nothing when it runs.
 */
async function expectSchedulingRefused(
  user: TestUser,
  id: number | string,
  refusal: { message: string; status: number },
) {
  await expect(schedule(user, id, new Date(Date.now() - 1000))).rejects.toMatchObject(refusal)
  await queueWithoutHooks(user, id)
  await payload.jobs.run({ queue: 'default' })
  expect(await isLive(id)).toBe(false)
}

describe('scheduled publish', () => {
  test('a reviewer schedules an approved draft; the job publishes it when due, with an archive record', async () => {
    const { doc } = await newApprovedDocument('scheduled-1')
    await schedule(reviewer, doc.id, new Date(Date.now() + 60 * 60 * 1000))
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(false)

    await schedule(reviewer, doc.id, new Date(Date.now() - 1000))
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(true)
    const archive = await payload.find({
      collection: SLUGS.versions,
      depth: 0,
      overrideAccess: true,
      where: { document: { equals: doc.id } },
    })
    expect(archive.docs[0]).toMatchObject({ publishedBy: reviewer.id, version: 1 })
    const events = await reviewEventsOf(payload, doc.id)
    expect(events.map((e) => e.action)).toEqual([
      'submitted',
      'approved',
      'scheduled',
      'scheduled',
      'published',
    ])
    const scheduled = events.filter((e) => e.action === 'scheduled')
    expect(scheduled.map((e) => e.by)).toEqual([reviewer.id, reviewer.id])
    expect(scheduled[0].comment).toMatch(/^Publish scheduled for \d{4}-\d{2}-\d{2}T/)
  })

  test('an editor cannot schedule a publish; a job that gets past the check is refused when it runs', async () => {
    const { doc } = await newApprovedDocument('scheduled-editor')
    // A host with jobs.runHooks off skips the check: the job publishes as its scheduler, and
    // the publish hooks refuse an editor.
    await expectSchedulingRefused(editor, doc.id, {
      message:
        'Only reviewers and admins can schedule a publish or an unpublish of a legal document.',
      status: 403,
    })
  })

  test('a draft that is not approved cannot be scheduled, and such a job is refused when it runs', async () => {
    const { doc } = await newApprovedDocument('scheduled-unapproved')
    await payload.update({
      id: doc.id,
      collection: SLUGS.documents,
      data: { title: 'changed' },
      overrideAccess: false,
      user: editor,
    })
    await expectSchedulingRefused(reviewer, doc.id, {
      message:
        'Only an approved draft can be scheduled for publishing; this one is "Draft". It needs a reviewer\'s approval first.',
      status: 409,
    })
  })

  test('a change after scheduling voids the approval, and the job then refuses to publish', async () => {
    const { doc, section } = await newApprovedDocument('scheduled-changed')
    await schedule(reviewer, doc.id, new Date(Date.now() - 1000))
    await payload.update({
      id: section.id,
      collection: SLUGS.sections,
      data: { body: richText('Changed after scheduling.') } as never,
      overrideAccess: false,
      user: editor,
    })
    await payload.jobs.run({ queue: 'default' })
    expect(await isLive(doc.id)).toBe(false)
    const archive = await payload.count({
      collection: SLUGS.versions,
      overrideAccess: true,
      where: { document: { equals: doc.id } },
    })
    expect(archive.totalDocs).toBe(0)
  })
})

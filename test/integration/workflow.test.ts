import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createLocalReq } from 'payload'

import type { Json } from '../helpers/rest'

import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { setCompanyDetails } from '../helpers/companyDetails'
import { reviewCookie } from '../helpers/cookiePolicy'
import { richText } from '../helpers/lexical'
import {
  createAs,
  draftDocument,
  latestDraft,
  occupyFirstArchiveVersion,
  publishDocument,
  reviewEventsOf,
  updateAs,
  workflowStep,
} from '../helpers/publishFlow'
import { publicCount, publicRecord } from '../helpers/readers'
import { allRecords, NO_NOTICE, startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, type TestUser } from '../helpers/users'

let app: TestApp
let payload: Payload
let admin: TestUser
let editor: TestUser
let editor2: TestUser
let reviewer: TestUser
let reviewer2: TestUser

const as = (user: null | TestUser) => ({ overrideAccess: false as const, user: user as never })

async function act(user: TestUser, id: number | string, action: string, comment?: string) {
  const req = await createLocalReq({ user: user as never }, payload)
  return performWorkflowAction(req, { id, action, comment, fourEyes: true })
}

const draftOf = (id: number | string) => latestDraft(payload, id)

const publish = (user: TestUser, id: number | string) => publishDocument(payload, user, id)

const archiveOf = (id: number | string) =>
  allRecords(payload, SLUGS.versions, { sort: 'version', where: { document: { equals: id } } })

/** A section's rows in Payload's version history, newest first. */
const sectionVersions = async (id: number | string) =>
  (
    await payload.findVersions({
      collection: SLUGS.sections,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      sort: '-updatedAt',
      where: { parent: { equals: id } },
    })
  ).docs

const newDocument = (slug: string, by: TestUser = editor) =>
  draftDocument(payload, by, { slug, kind: 'privacy-policy', title: `Title ${slug}` }, [
    { body: richText('We are {{company.name}}.'), heading: 'Who we are' },
  ])

async function approved(slug: string): Promise<{ doc: Json; section: Json }> {
  const created = await newDocument(slug)
  await act(editor, created.doc.id, 'submit')
  await act(reviewer, created.doc.id, 'approve')
  return created
}

beforeAll(async () => {
  app = await startTestPayload({ plugin: { notice: NO_NOTICE } })
  payload = app.payload
  admin = await createUser(payload, 'admin', ['admin'])
  editor = await createUser(payload, 'editor', ['editor'])
  editor2 = await createUser(payload, 'editor2', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
  reviewer2 = await createUser(payload, 'reviewer2', ['reviewer'])
  await setCompanyDetails(payload, { name: 'Example Ltd', email: 'legal@example.com' })
})

afterAll(async () => {
  await app?.close()
})

describe('creating content', () => {
  test('an editor creates a draft document: state draft, version 0, author recorded', async () => {
    const { doc } = await newDocument('create-1')
    const draft = await draftOf(doc.id)
    expect(draft).toMatchObject({ _status: 'draft', version: 0, workflowState: 'draft' })
    expect(draft.workflowContributors).toEqual([editor.id])
    expect(draft.updatedBy).toBe(editor.id)
  })

  test("every saved change records who made it, in Payload's version history too", async () => {
    const { section } = await newDocument('authors-1')
    await updateAs(payload, editor2, SLUGS.sections, section.id, { heading: 'Changed by editor2' })
    const versions = await sectionVersions(section.id)
    expect(versions[0].version).toMatchObject({
      heading: 'Changed by editor2',
      updatedBy: editor2.id,
    })
    expect(versions.at(-1)!.version).toMatchObject({
      heading: 'Who we are',
      updatedBy: editor.id,
    })
    // Nobody can forge the author.
    await updateAs(payload, editor, SLUGS.sections, section.id, {
      heading: 'Forged',
      updatedBy: admin.id,
    })
    const latest = await latestDraft(payload, section.id, SLUGS.sections)
    expect(latest.updatedBy).toBe(editor.id)
  })

  test('a reviewer or an anonymous caller cannot create documents or sections', async () => {
    const data = { slug: 'nope', kind: 'other', title: 'x' } as never
    await expect(
      payload.create({ collection: SLUGS.documents, data, ...as(reviewer) }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({ collection: SLUGS.documents, data, ...as(null) }),
    ).rejects.toMatchObject({ status: 403 })
  })

  test('creating a document directly as published is refused for everyone, admins too', async () => {
    const data = {
      slug: 'direct-publish',
      _status: 'published',
      kind: 'other',
      title: 'x',
    } as never
    await expect(
      payload.create({ collection: SLUGS.documents, data, ...as(admin) }),
    ).rejects.toMatchObject({ status: 409 })
  })

  test('slugs must be URL-safe', async () => {
    const data = { slug: '../Bad Slug', kind: 'other', title: 'x' } as never
    await expect(
      payload.create({ collection: SLUGS.documents, data, ...as(editor) }),
    ).rejects.toMatchObject({ status: 400 })
  })

  test('section anchors are generated from the heading and kept unique within the document', async () => {
    const { doc, section } = await newDocument('anchors-1')
    expect(section.anchor).toBe('who-we-are')
    const second = await createAs(payload, editor, SLUGS.sections, {
      body: richText('Again.'),
      document: doc.id,
      heading: 'Who we are',
    })
    expect(second.anchor).toBe('who-we-are-2')
    await expect(
      payload.create({
        collection: SLUGS.sections,
        data: {
          anchor: 'who-we-are',
          body: richText('x'),
          document: doc.id,
          heading: 'Other',
        } as never,
        ...as(editor),
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  test('an unknown placeholder is refused at save time with a clear message; known ones are fine', async () => {
    const { doc } = await newDocument('placeholders-1')
    const err = await payload
      .create({
        collection: SLUGS.sections,
        data: {
          body: richText('Write to {{company.fax}}.'),
          document: doc.id,
          heading: 'Contact',
        } as never,
        ...as(editor),
      })
      .catch((e) => e)
    expect(err.status).toBe(400)
    expect(JSON.stringify(err.data ?? err.message)).toContain('{{company.fax}}')
  })

  test('a section of another document cannot be listed in a document', async () => {
    const a = await newDocument('belongs-a')
    const b = await newDocument('belongs-b')
    await expect(
      updateAs(payload, editor, SLUGS.documents, a.doc.id, { sections: [b.section.id] }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('review workflow', () => {
  test('submit → request changes (comment required) → resubmit → approve, each step in the history', async () => {
    const { doc } = await newDocument('review-1')
    await expect(act(reviewer, doc.id, 'submit')).rejects.toMatchObject({ status: 403 })
    expect(await act(editor, doc.id, 'submit')).toMatchObject({ workflowState: 'in-review' })
    await expect(act(editor, doc.id, 'approve')).rejects.toMatchObject({ status: 403 })
    await expect(act(reviewer, doc.id, 'request-changes')).rejects.toMatchObject({ status: 400 })
    await expect(act(reviewer, doc.id, 'request-changes', '   ')).rejects.toMatchObject({
      status: 400,
    })
    expect(
      await act(reviewer, doc.id, 'request-changes', 'Please name the data controller.'),
    ).toMatchObject({
      workflowState: 'changes-requested',
    })
    await expect(act(reviewer, doc.id, 'approve')).rejects.toMatchObject({ status: 409 })
    await updateAs(payload, editor, SLUGS.documents, doc.id, { summary: 'Now with controller.' })
    expect((await draftOf(doc.id)).workflowState).toBe('changes-requested')
    await act(editor, doc.id, 'submit')
    expect(await act(reviewer, doc.id, 'approve')).toMatchObject({ workflowState: 'approved' })
    const draft = await draftOf(doc.id)
    expect(draft.approvedBy).toBe(reviewer.id)

    const events = await reviewEventsOf(payload, doc.id)
    const actions = events.map((e) => e.action)
    expect(actions).toEqual(['submitted', 'changes-requested', 'submitted', 'approved'])
    const requested = events.find((e) => e.action === 'changes-requested') as Json
    expect(requested).toMatchObject({
      by: reviewer.id,
      comment: 'Please name the data controller.',
    })
  })

  test('the review history is readable on the document (join), by staff only', async () => {
    const { doc } = await newDocument('history-1')
    await act(editor, doc.id, 'submit')
    const withHistory = (await payload.findByID({
      id: doc.id,
      collection: SLUGS.documents,
      depth: 1,
      ...as(reviewer),
    })) as Json
    expect(withHistory.reviewHistory.docs[0]).toMatchObject({ action: 'submitted' })
    const res = await payload.find({ collection: SLUGS.reviewEvents, ...as(null) }).catch((e) => e)
    expect(res.status).toBe(403)
  })

  test('four-eyes: whoever changed the draft cannot approve it, admins included', async () => {
    const { doc } = await newDocument('four-eyes-1')
    await updateAs(payload, admin, SLUGS.documents, doc.id, { summary: 'Admin wrote this.' })
    await act(editor, doc.id, 'submit')
    await expect(act(admin, doc.id, 'approve')).rejects.toMatchObject({ status: 403 })
    expect(await act(reviewer, doc.id, 'approve')).toMatchObject({ workflowState: 'approved' })
  })

  test('a reviewer cannot change the text of a document, a section or a cookie entry', async () => {
    const { doc, section } = await newDocument('reviewer-edit-1')
    await expect(
      updateAs(payload, reviewer, SLUGS.documents, doc.id, { title: 'Reviewer title' }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      updateAs(payload, reviewer, SLUGS.sections, section.id, { heading: 'Reviewer heading' }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await draftOf(doc.id)).title).toBe('Title reviewer-edit-1')
  })

  test('a content change after approval returns the document to draft and voids the approval (document and section)', async () => {
    const a = await approved('void-1')
    await updateAs(payload, editor2, SLUGS.documents, a.doc.id, { title: 'Changed after approval' })
    let draft = await draftOf(a.doc.id)
    expect(draft).toMatchObject({ approvedBy: null, workflowState: 'draft' })
    await expect(publish(reviewer, a.doc.id)).rejects.toMatchObject({ status: 409 })

    const b = await approved('void-2')
    await updateAs(payload, editor2, SLUGS.sections, b.section.id, {
      body: richText('Changed section.'),
    })
    draft = await draftOf(b.doc.id)
    expect(draft.workflowState).toBe('draft')
    expect(draft.workflowContributors.map(String)).toContain(String(editor2.id))
    await expect(publish(reviewer, b.doc.id)).rejects.toMatchObject({ status: 409 })
    const events = await reviewEventsOf(payload, b.doc.id)
    expect(events.map((e) => e.action)).toContain('approval-voided')
  })

  test('saving without a change (autosave, a second click) keeps the review state', async () => {
    const { doc } = await newDocument('noop-save-1')
    await act(editor, doc.id, 'submit')
    await updateAs(payload, editor, SLUGS.documents, doc.id, { title: 'Title noop-save-1' })
    await updateAs(payload, editor, SLUGS.documents, doc.id, {})
    expect((await draftOf(doc.id)).workflowState).toBe('in-review')
  })

  test('the workflow state cannot be set by writing the field', async () => {
    const { doc } = await newDocument('forge-state-1')
    await updateAs(payload, editor, SLUGS.documents, doc.id, {
      version: 42,
      workflowState: 'approved',
    })
    const draft = await draftOf(doc.id)
    expect(draft.workflowState).toBe('draft')
    expect(draft.version).toBe(0)
    await expect(publish(reviewer, doc.id)).rejects.toMatchObject({ status: 409 })
  })
})

describe('publishing', () => {
  test('an editor can never publish, even an approved draft; a reviewer can', async () => {
    const { doc } = await approved('publish-roles-1')
    await expect(publish(editor, doc.id)).rejects.toMatchObject({ status: 403 })
    const published = await publish(reviewer, doc.id)
    expect(published).toMatchObject({
      _status: 'published',
      version: 1,
      workflowState: 'published',
    })
  })

  test('publishing refuses a draft that is not approved', async () => {
    const { doc } = await newDocument('publish-unapproved-1')
    await expect(publish(admin, doc.id)).rejects.toMatchObject({ status: 409 })
    await act(editor, doc.id, 'submit')
    await expect(publish(admin, doc.id)).rejects.toMatchObject({ status: 409 })
  })

  test('publish writes document, sections and an archive record together; anonymous readers then see it', async () => {
    const { doc, section } = await approved('publish-1')
    await expect(publicRecord(payload, SLUGS.documents, doc.id)).rejects.toMatchObject({
      status: 404,
    })
    await expect(publicRecord(payload, SLUGS.sections, section.id)).rejects.toMatchObject({
      status: 404,
    })

    const before = Date.now()
    const published = await publish(reviewer, doc.id)
    expect(published.version).toBe(1)
    expect(new Date(published.lastModified).getTime()).toBeGreaterThanOrEqual(before - 1000)

    const publicDoc = await publicRecord(payload, SLUGS.documents, doc.id)
    expect(publicDoc).toMatchObject({ title: 'Title publish-1', version: 1 })
    const publicSection = await publicRecord(payload, SLUGS.sections, section.id)
    expect(publicSection._status).toBe('published')

    const archive = await archiveOf(doc.id)
    expect(archive).toHaveLength(1)
    expect(archive[0]).toMatchObject({
      slug: 'publish-1',
      approvedBy: reviewer.id,
      publishedBy: reviewer.id,
      title: 'Title publish-1',
      version: 1,
    })
    expect(archive[0].contentHash).toMatch(/^[0-9a-f]{64}$/)
    const en = archive[0].content.locales.en
    expect(en.sections[0]).toMatchObject({ anchor: 'who-we-are', heading: 'Who we are' })
    expect(en.sections[0].html).toContain('We are Example Ltd.')
    expect(en.sections[0].body.root).toBeDefined()
  })

  test('re-publishing unchanged content changes neither version, last modified nor the archive', async () => {
    const { doc } = await approved('republish-1')
    const first = await publish(reviewer, doc.id)
    // Nothing changed: nothing to review.
    await expect(act(editor, doc.id, 'submit')).rejects.toMatchObject({ status: 409 })
    // A change and its undo: reviewed and published again, but readers see the same text.
    await updateAs(payload, editor, SLUGS.documents, doc.id, { summary: 'temporary' })
    await updateAs(payload, editor, SLUGS.documents, doc.id, { summary: null })
    await act(editor, doc.id, 'submit')
    await act(reviewer2, doc.id, 'approve')
    const second = await publish(reviewer, doc.id)
    expect(second.version).toBe(1)
    expect(second.lastModified).toBe(first.lastModified)
    expect(await archiveOf(doc.id)).toHaveLength(1)
  })

  test('a changed publish needs a change summary, then makes version 2 with a new date', async () => {
    const { doc, section } = await approved('summary-1')
    const first = await publish(reviewer, doc.id)
    await updateAs(payload, editor, SLUGS.sections, section.id, { body: richText('New text.') })
    await act(editor, doc.id, 'submit')
    await act(reviewer, doc.id, 'approve')
    await expect(publish(reviewer, doc.id)).rejects.toMatchObject({ status: 400 })

    await updateAs(payload, editor, SLUGS.documents, doc.id, {
      changeSummary: 'Rewrote who we are.',
      materialChange: true,
    })
    await act(editor, doc.id, 'submit')
    await act(reviewer, doc.id, 'approve')
    const second = await publish(reviewer, doc.id)
    expect(second.version).toBe(2)
    expect(new Date(second.lastModified).getTime()).toBeGreaterThan(
      new Date(first.lastModified).getTime(),
    )
    const archive = await archiveOf(doc.id)
    expect(archive.map((a) => a.version)).toEqual([1, 2])
    expect(archive[1]).toMatchObject({ changeSummary: 'Rewrote who we are.', materialChange: true })
    expect(archive[1].contentHash).not.toBe(archive[0].contentHash)
    expect(archive[1].content.locales.en.sections[0].html).toContain('New text.')
    expect(archive[0].content.locales.en.sections[0].html).toContain('We are Example Ltd.')
  })

  test('a publish publishes the sections that changed and leaves untouched sections as they were', async () => {
    const { doc, section: first } = await newDocument('partial-1')
    const second = (await payload.create({
      collection: SLUGS.sections,
      data: {
        body: richText('Your e-mail address.'),
        document: doc.id,
        heading: 'What we collect',
      } as never,
      ...as(editor),
    })) as Json
    await updateAs(payload, editor, SLUGS.documents, doc.id, { sections: [first.id, second.id] })
    await act(editor, doc.id, 'submit')
    await act(reviewer, doc.id, 'approve')
    await publish(reviewer, doc.id)
    const live = (id: number | string) => publicRecord(payload, SLUGS.sections, id)
    const untouchedBefore = await sectionVersions(first.id)
    const untouchedLiveBefore = await live(first.id)

    const body = richText('Your e-mail address and your name.')
    await updateAs(payload, editor, SLUGS.sections, second.id, { body }, { draft: true })
    const changeSummary = 'We also collect names.'
    await updateAs(payload, editor, SLUGS.documents, doc.id, { changeSummary }, { draft: true })
    await act(editor, doc.id, 'submit')
    await act(reviewer, doc.id, 'approve')
    expect((await publish(reviewer, doc.id)).version).toBe(2)

    // The changed section is live; the untouched one got no new version row and kept its dates.
    expect(JSON.stringify((await live(second.id)).body)).toContain('and your name')
    const untouched = await live(first.id)
    expect({ status: untouched._status, updatedAt: untouched.updatedAt }).toEqual({
      status: 'published',
      updatedAt: untouchedLiveBefore.updatedAt,
    })
    expect((await sectionVersions(first.id)).map((v) => v.id)).toEqual(
      untouchedBefore.map((v) => v.id),
    )
    const [latestOfChanged] = await sectionVersions(second.id)
    expect((latestOfChanged.version as Json)._status).toBe('published')
    // Both sections are in the archive record, whatever was re-published.
    const archive = await archiveOf(doc.id)
    expect(archive[1].content.locales.en.sections.map((s: Json) => s.heading)).toEqual([
      'Who we are',
      'What we collect',
    ])
  })

  test('an editor saving without ?draft never changes the live document', async () => {
    const { doc } = await approved('live-edit-1')
    await publish(reviewer, doc.id)
    const title = 'Sneaky live edit'
    await updateAs(payload, editor, SLUGS.documents, doc.id, { title }, { draft: false })
    const live = await publicRecord(payload, SLUGS.documents, doc.id)
    expect(live.title).toBe('Title live-edit-1')
    expect((await draftOf(doc.id)).title).toBe('Sneaky live edit')
  })

  test('a section cannot be published on its own, and a published one cannot be deleted', async () => {
    const { doc, section } = await approved('section-alone-1')
    await expect(
      updateAs(payload, admin, SLUGS.sections, section.id, { _status: 'published' }),
    ).rejects.toMatchObject({ status: 409 })
    await publish(reviewer, doc.id)
    await expect(
      payload.delete({ id: section.id, collection: SLUGS.sections, ...as(editor) }),
    ).rejects.toMatchObject({ status: 409 })
  })

  test('a published document cannot be deleted, admins included', async () => {
    const { doc } = await approved('delete-published-1')
    await publish(reviewer, doc.id)
    await expect(
      payload.delete({ id: doc.id, collection: SLUGS.documents, ...as(admin) }),
    ).rejects.toMatchObject({ status: 409 })
  })

  test('publish is all or nothing: when the archive write fails, nothing is published', async () => {
    const { doc, section } = await approved('atomic-1')
    // The publish's own archive insert then violates the unique index.
    await occupyFirstArchiveVersion(payload, doc.id, 'atomic-1')
    const err = await publish(reviewer, doc.id).catch((e) => e)
    expect(err).toBeInstanceOf(Error)
    expect(await publicCount(payload, SLUGS.documents, doc.id)).toBe(0)
    expect(await publicCount(payload, SLUGS.sections, section.id)).toBe(0)
    expect((await draftOf(doc.id)).workflowState).toBe('approved')
  })
})

describe('the archive is immutable', () => {
  test('nobody can create, update or delete archive records, admins included, even with overrideAccess', async () => {
    const { doc } = await approved('immutable-1')
    await publish(reviewer, doc.id)
    const [record] = await archiveOf(doc.id)
    const data = {
      slug: 'x',
      content: {},
      contentHash: 'x',
      document: doc.id,
      lastModified: new Date().toISOString(),
      publishedAt: new Date().toISOString(),
      title: 'forged',
      version: 9,
    } as never
    // As an admin through access control, and past access control altogether.
    for (const access of [as(admin), { overrideAccess: true }]) {
      await expect(
        payload.create({ collection: SLUGS.versions, data, ...access }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.update({
          id: record.id,
          collection: SLUGS.versions,
          data: { title: 'forged' },
          ...access,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.delete({ id: record.id, collection: SLUGS.versions, ...access }),
      ).rejects.toMatchObject({ status: 403 })
    }
    expect((await archiveOf(doc.id))[0]).toMatchObject({ title: 'Title immutable-1', version: 1 })
  })

  test('archive records are public', async () => {
    const { doc } = await approved('public-archive-1')
    await publish(reviewer, doc.id)
    const res = await payload.find({
      collection: SLUGS.versions,
      where: { document: { equals: doc.id } },
      ...as(null),
    })
    expect(res.totalDocs).toBe(1)
  })
})

describe('localization', () => {
  test('titles and section bodies are localized with fallback, and the archive keeps every locale', async () => {
    const { doc, section } = await newDocument('locales-1')
    const uk = { locale: 'uk' }
    await updateAs(payload, editor, SLUGS.documents, doc.id, { title: 'Політика' }, uk)
    const ukSection = { body: richText('Ми — {{company.name}}.'), heading: 'Хто ми' }
    await updateAs(payload, editor, SLUGS.sections, section.id, ukSection, uk)
    await act(editor, doc.id, 'submit')
    await act(reviewer, doc.id, 'approve')
    await publish(reviewer, doc.id)
    const ukDoc = await publicRecord(payload, SLUGS.documents, doc.id, 'uk')
    expect(ukDoc.title).toBe('Політика')
    const enDoc = await publicRecord(payload, SLUGS.documents, doc.id, 'en')
    expect(enDoc.title).toBe('Title locales-1')
    const [record] = await archiveOf(doc.id)
    expect(record.content.locales.uk).toMatchObject({ title: 'Політика' })
    expect(record.content.locales.uk.sections[0]).toMatchObject({ heading: 'Хто ми' })
    expect(record.content.locales.uk.sections[0].html).toContain('Ми — Example Ltd.')
    expect(record.content.locales.en.sections[0].heading).toBe('Who we are')
  })
})

describe('cookie entries', () => {
  const entry = {
    name: '_ga',
    duration: '2 years',
    provider: 'Google',
    purpose: 'Counts visits.',
    service: 'Google Analytics',
  }

  test('an unclassified entry cannot be submitted; nothing is published before review; a reviewer publishes the approved entry', async () => {
    const created = await createAs(payload, editor, SLUGS.cookies, entry)
    await expect(
      workflowStep(payload, editor, created.id, 'submit', SLUGS.cookies),
    ).rejects.toMatchObject({ status: 422 })
    await expect(
      updateAs(payload, reviewer, SLUGS.cookies, created.id, { _status: 'published' }),
    ).rejects.toMatchObject({ status: 409 })
    await updateAs(payload, editor, SLUGS.cookies, created.id, { category: 'analytics' })
    await workflowStep(payload, editor, created.id, 'submit', SLUGS.cookies)
    await workflowStep(payload, reviewer, created.id, 'approve', SLUGS.cookies)
    await expect(
      updateAs(payload, editor, SLUGS.cookies, created.id, { _status: 'published' }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await publicCount(payload, SLUGS.cookies, created.id)).toBe(0)
    await updateAs(payload, reviewer, SLUGS.cookies, created.id, { _status: 'published' })
    expect(await publicCount(payload, SLUGS.cookies, created.id)).toBe(1)
  })

  test('reviewers cannot change an entry; a published one is withdrawn through the workflow, never deleted', async () => {
    const created = await createAs(payload, editor, SLUGS.cookies, {
      ...entry,
      category: 'analytics',
    })
    await expect(
      updateAs(payload, reviewer, SLUGS.cookies, created.id, { purpose: 'Changed by reviewer' }),
    ).rejects.toMatchObject({ status: 403 })
    await reviewCookie(payload, editor, reviewer2, created.id)
    await expect(
      payload.delete({ id: created.id, collection: SLUGS.cookies, ...as(editor) }),
    ).rejects.toMatchObject({ status: 409 })
    await expect(
      payload.delete({ id: created.id, collection: SLUGS.cookies, ...as(reviewer) }),
    ).rejects.toMatchObject({ status: 409 })
  })
})

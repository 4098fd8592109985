import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import { SLUGS } from '../../src/slugs'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { restClient } from '../helpers/rest'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

/** The two read endpoints behind the admin's workflow bar and preview. */
let app: TestApp
let server: Awaited<ReturnType<typeof listen>>
const rest = restClient(() => server.baseUrl)
const tokens = { editor: '', reviewer: '' }
let reviewer: TestUser

async function createDocument(slug: string): Promise<{ id: number; sectionId: number }> {
  const doc = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
    slug,
    kind: 'other',
    title: `Doc ${slug}`,
  })
  const section = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
    body: richText('These terms apply to you.'),
    document: doc.body.doc.id,
    heading: 'Scope',
  })
  await rest('PATCH', `/${SLUGS.documents}/${doc.body.doc.id}`, tokens.editor, {
    sections: [section.body.doc.id],
  })
  return { id: doc.body.doc.id, sectionId: section.body.doc.id }
}
const act = (id: number, token: string, action: string, comment?: string) =>
  rest('POST', `/${SLUGS.documents}/${id}/workflow`, token, { action, comment })

beforeAll(async () => {
  app = await startTestPayload()
  server = await listen(app)
  tokens.editor = await login(server.baseUrl, await createUser(app.payload, 'editor', ['editor']))
  reviewer = await createUser(app.payload, 'reviewer', ['reviewer'])
  tokens.reviewer = await login(server.baseUrl, reviewer)
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('GET /api/legal-documents/:id/workflow', () => {
  test("offers each user exactly the steps the rules accept, and says why Publish isn't one", async () => {
    const { id } = await createDocument('status')
    const status = (token: null | string) =>
      rest('GET', `/${SLUGS.documents}/${id}/workflow`, token)

    expect((await status(null)).status).toBe(401)
    expect((await status(tokens.editor)).body).toMatchObject({
      actions: ['submit'],
      canPublish: false,
      label: 'Draft',
      publishBlockedReason: 'Only reviewers and admins can publish.',
      version: 0,
      workflowState: 'draft',
    })
    expect((await status(tokens.reviewer)).body).toMatchObject({ actions: [], canPublish: false })

    await act(id, tokens.editor, 'submit')
    expect((await status(tokens.reviewer)).body).toMatchObject({
      actions: ['approve', 'request-changes'],
      canPublish: false,
      label: 'In review',
    })
    expect((await status(tokens.editor)).body).toMatchObject({ actions: [] })

    await act(id, tokens.reviewer, 'approve')
    expect((await status(tokens.reviewer)).body).toMatchObject({
      canPublish: true,
      label: 'Approved',
      publishBlockedReason: null,
    })
    expect((await status(tokens.editor)).body).toMatchObject({ canPublish: false })

    const when = new Date(Date.now() + 24 * 3600 * 1000)
    await app.payload.jobs.queue({
      input: {
        type: 'publish',
        doc: { relationTo: SLUGS.documents, value: String(id) },
        user: { relationTo: 'users', value: reviewer.id },
      } as never,
      task: 'schedulePublish' as never,
      waitUntil: when,
    })
    expect((await status(tokens.editor)).body).toMatchObject({
      label: 'Scheduled',
      scheduledFor: when.toISOString(),
    })
    expect((await rest('GET', `/${SLUGS.documents}/999999/workflow`, tokens.editor)).status).toBe(
      404,
    )
  })
})

describe('GET /api/legal-documents/:id/preview', () => {
  test('renders the current draft and redlines it against the last published version; staff only', async () => {
    const { id, sectionId } = await createDocument('preview')
    const first = await rest('GET', `/${SLUGS.documents}/${id}/preview`, tokens.editor)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ comparedWith: null, locale: 'en', title: 'Doc preview' })
    expect(first.body.html).toBe(
      '<section id="scope"><h2>Scope</h2><p>These terms apply to you.</p></section>',
    )
    expect(first.body.redline.summary).toMatchObject({ added: 1 })

    await act(id, tokens.editor, 'submit')
    await act(id, tokens.reviewer, 'approve')
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' })
    await rest('PATCH', `/${SLUGS.sections}/${sectionId}`, tokens.editor, {
      body: richText('These terms apply to every visitor.'),
    })

    const second = await rest('GET', `/${SLUGS.documents}/${id}/preview?locale=uk`, tokens.reviewer)
    expect(second.body).toMatchObject({ comparedWith: 1, locale: 'uk' })
    expect(second.body.html).toContain('every visitor')
    expect(second.body.redline.summary).toMatchObject({ added: 0, changed: 1, removed: 0 })
    expect(second.body.redline.html).toContain('<del>you</del>')
    expect(second.body.redline.html).toContain('<ins>every visitor</ins>')
    // Readers still get version 1: the preview shows the draft without publishing it.
    expect((await rest('GET', '/legal/documents/preview', null)).body.text).toContain(
      'These terms apply to you.',
    )

    expect((await rest('GET', `/${SLUGS.documents}/${id}/preview`, null)).status).toBe(401)
    expect(
      (await rest('GET', `/${SLUGS.documents}/${id}/preview?locale=xx`, tokens.editor)).body.locale,
    ).toBe('en')
  })
})

describe('re-review: the open change request and the redline against what the reviewer reviewed (issue 16, point 8)', () => {
  test('the bar gets who asked for what while it is open; the preview compares with the reviewed content, changed sections first', async () => {
    const { id, sectionId } = await createDocument('rereview')
    const contact = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
      body: richText('Write to us.'),
      document: id,
      heading: 'Contact',
    })
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      sections: [sectionId, contact.body.doc.id],
    })
    const status = async (token: string) =>
      (await rest('GET', `/${SLUGS.documents}/${id}/workflow`, token)).body
    const preview = (query: string) =>
      rest('GET', `/${SLUGS.documents}/${id}/preview?${query}`, tokens.reviewer)

    expect((await status(tokens.editor)).changeRequest).toBeNull()
    await act(id, tokens.editor, 'submit')
    // Nothing requested yet: there is nothing to compare with but the published version.
    const none = await preview('against=last-request')
    expect({ message: none.body.errors?.[0]?.message, status: none.status }).toEqual({
      message:
        'No open change request holds the content that was reviewed: compare with the published version instead.',
      status: 409,
    })

    expect((await act(id, tokens.reviewer, 'request-changes', 'Say who "you" is.')).status).toBe(
      200,
    )
    const asked = await status(tokens.editor)
    expect(asked).toMatchObject({
      changeRequest: { by: 'reviewer', canCompare: true, comment: 'Say who "you" is.' },
      workflowState: 'changes-requested',
    })
    expect(Number.isNaN(Date.parse(asked.changeRequest.at))).toBe(false)

    // The editor revises one section after the request, and submits again: the re-review still shows the request.
    expect(
      (
        await rest('PATCH', `/${SLUGS.sections}/${sectionId}`, tokens.editor, {
          body: richText('These terms apply to every visitor.'),
        })
      ).status,
    ).toBe(200)
    await act(id, tokens.editor, 'submit')
    expect(await status(tokens.reviewer)).toMatchObject({
      changeRequest: { by: 'reviewer', comment: 'Say who "you" is.' },
      workflowState: 'in-review',
    })

    const sinceRequest = await preview('against=last-request')
    expect(sinceRequest.status).toBe(200)
    expect(sinceRequest.body).toMatchObject({
      against: 'last-request',
      request: { at: asked.changeRequest.at, by: 'reviewer' },
    })
    // Only the revised section differs from what the reviewer saw; it comes first, the unchanged one after.
    expect(sinceRequest.body.redline.summary).toEqual({
      added: 0,
      changed: 1,
      moved: 0,
      removed: 0,
      unchanged: 1,
    })
    expect(
      sinceRequest.body.review.changed.map(
        (s: { anchor: string; status: string }) => `${s.anchor}:${s.status}`,
      ),
    ).toEqual(['scope:changed'])
    expect(sinceRequest.body.review.unchanged.map((s: { anchor: string }) => s.anchor)).toEqual([
      'contact',
    ])
    expect(sinceRequest.body.review.changed[0].html).toContain(
      '<del>you</del><ins>every visitor</ins>',
    )

    // Against the published version (none yet), everything is new.
    const sincePublished = await preview('against=published')
    expect(sincePublished.body).toMatchObject({
      against: 'published',
      comparedWith: null,
      request: null,
    })
    expect(sincePublished.body.redline.summary).toMatchObject({ added: 2, unchanged: 0 })
    expect((await preview('against=yesterday')).status).toBe(400)

    // The history as the admin's table reads it: who and what, without the reviewed content.
    const history = await rest(
      'GET',
      `/legal-review-events?where[document][equals]=${id}&sort=-at&depth=1&limit=200&select[reviewedContent]=false`,
      tokens.editor,
    )
    const request = history.body.docs.find(
      (d: { action: string }) => d.action === 'changes-requested',
    )
    expect(request).toMatchObject({ by: { name: 'reviewer' }, comment: 'Say who "you" is.' })
    expect('reviewedContent' in request).toBe(false)
    const full = await app.payload.find({
      collection: SLUGS.reviewEvents,
      depth: 0,
      overrideAccess: true,
      where: { id: { equals: request.id } },
    })
    expect(full.docs[0]).toMatchObject({
      reviewedContent: { slug: 'rereview', locales: { en: { title: 'Doc rereview' } } },
    })

    // Approving settles the request: it is no longer shown, nor offered as a comparison.
    await act(id, tokens.reviewer, 'approve')
    expect((await status(tokens.reviewer)).changeRequest).toBeNull()
    expect((await preview('against=last-request')).status).toBe(409)
  })
})

import { beforeAll, describe, expect, test } from '@jest/globals'
import { gql, GraphQLClient } from 'graphql-request'

import { SLUGS } from '../../src/slugs'
import { uk } from '../../src/translations/uk'
import { graphqlError } from '../helpers/graphql'
import { richText } from '../helpers/lexical'
import { restWorkflowSteps } from '../helpers/publishFlow'
import { jsonRequest, restClient } from '../helpers/rest'
import { serveTestApp } from '../helpers/servedApp'
import { createUser, login, signedInUser, type TestUser } from '../helpers/users'

/** The two read endpoints behind the admin's workflow bar and preview. */
const served = serveTestApp()
const rest = restClient(() => served.server.baseUrl)
const tokens = { editor: '', reviewer: '' }
let reviewer: TestUser

const { act, createDocument } = restWorkflowSteps(rest, () => tokens.editor, {
  kind: 'other',
  text: 'These terms apply to you.',
})

/**
 * The refusals in the asker's language (issue 16): the admin in Ukrainian sends Payload's
 * language cookie, other clients may send Accept-Language; both get the refusal in Ukrainian,
 * with a language-free `code`. Without either, the API's English is unchanged.
 */
const UK = uk['legal-documents']

type Who = keyof typeof tokens
type Language = 'accept-language' | 'cookie' | 'none'

const languageHeaders = (language: Language): Record<string, string> =>
  language === 'cookie'
    ? { cookie: 'payload-lng=uk' }
    : language === 'accept-language'
      ? { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' }
      : {}

async function call(who: Who, language: Language, method: string, path: string, body?: unknown) {
  const init = jsonRequest(method, tokens[who], body)
  const res = await fetch(`${served.server.baseUrl}/api${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...languageHeaders(language) },
  })
  return { body: (await res.json()) as Record<string, any>, status: res.status }
}

beforeAll(async () => {
  const { app, server } = served
  tokens.editor = await signedInUser(app.payload, server.baseUrl, 'editor', ['editor'])
  reviewer = await createUser(app.payload, 'reviewer', ['reviewer'])
  tokens.reviewer = await login(server.baseUrl, reviewer)
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
    await served.app.payload.jobs.queue({
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

    expect(await rest('GET', `/${SLUGS.documents}/${id}/preview`, null)).toMatchObject({
      status: 401,
    })
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
      await rest('PATCH', `/${SLUGS.sections}/${sectionId}`, tokens.editor, {
        body: richText('These terms apply to every visitor.'),
      }),
    ).toMatchObject({ status: 200 })
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
    const full = await served.app.payload.find({
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

describe('refusals in the asker’s language', () => {
  test.each(['cookie', 'accept-language'] as const)(
    'REST by %s: a refused step and the disabled Publish say why in Ukrainian, with a code',
    async (language) => {
      const { id } = await createDocument(`uk-${language}`)
      const approve = await call('editor', language, 'POST', `/${SLUGS.documents}/${id}/workflow`, {
        action: 'approve',
      })
      expect(approve.status).toBe(403)
      expect(approve.body.errors[0].message).toBe(UK['refusal-approve-role'])
      expect(approve.body.errors[0].data).toMatchObject({ code: 'approve-role' })

      // The state in the reason is in Ukrainian too.
      const early = await call('reviewer', language, 'POST', `/${SLUGS.documents}/${id}/workflow`, {
        action: 'approve',
      })
      expect(early.status).toBe(409)
      expect(early.body.errors[0].message).toBe(
        UK['refusal-approve-state'].replace('{{state}}', UK['state-draft']),
      )

      const status = await call('editor', language, 'GET', `/${SLUGS.documents}/${id}/workflow`)
      expect(status.body).toMatchObject({
        canPublish: false,
        publishBlockedCode: 'publish-role',
        publishBlockedReason: UK['refusal-publish-role'],
      })
    },
  )

  test('without a language the API keeps its English, and the same code', async () => {
    const { id } = await createDocument('uk-none')
    const approve = await call('editor', 'none', 'POST', `/${SLUGS.documents}/${id}/workflow`, {
      action: 'approve',
    })
    expect(approve.body.errors[0]).toMatchObject({
      data: { code: 'approve-role' },
      message: 'Only reviewers can approve a document.',
    })
    const status = await call('editor', 'none', 'GET', `/${SLUGS.documents}/${id}/workflow`)
    expect(status.body).toMatchObject({
      publishBlockedCode: 'publish-role',
      publishBlockedReason: 'Only reviewers and admins can publish.',
    })
  })

  test('an incomplete draft: each missing thing is listed in Ukrainian', async () => {
    const doc = await rest('POST', `/${SLUGS.documents}`, tokens.editor, { kind: 'other' })
    const submit = await call(
      'editor',
      'cookie',
      'POST',
      `/${SLUGS.documents}/${doc.body.doc.id}/workflow`,
      { action: 'submit' },
    )
    expect(submit.status).toBe(422)
    const message: string = submit.body.errors[0].message
    expect(message.startsWith(UK['refusal-submit-problems'].replace(' {{problems}}', ''))).toBe(
      true,
    )
    expect(message).toContain(UK['submit-problem-no-title'])
    expect(message).toContain(UK['submit-problem-no-sections'])
    expect(submit.body.errors[0].data.code).toBe('submit-problems')
  })

  test('GraphQL: the workflow mutation refuses in Ukrainian too', async () => {
    const { id } = await createDocument('uk-graphql')
    const client = new GraphQLClient(`${served.server.baseUrl}/api/graphql`, {
      headers: { authorization: `JWT ${tokens.reviewer}`, ...languageHeaders('cookie') },
    })
    const { message: error } = await graphqlError(
      client.request(
        gql`
          mutation ($id: String!) {
            legalWorkflowAction(id: $id, action: withdraw, comment: "no longer needed") {
              id
            }
          }
        `,
        { id: String(id) },
      ),
    )
    expect(error).toBe(UK['refusal-withdraw-not-live'])
  })
})

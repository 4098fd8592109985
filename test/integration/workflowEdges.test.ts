import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createLocalReq } from 'payload'

import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { setCompanyDetails } from '../helpers/companyDetails'
import { richText } from '../helpers/lexical'
import { type Json, restClient } from '../helpers/rest'
import { serveTestApp } from '../helpers/servedApp'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, signedInUser, type TestUser } from '../helpers/users'

/**
 * The routes round the edges of the workflow: restoring earlier versions, deleting drafts,
 * placeholders in headings, unique slugs and anchors, reordering, and the fourEyes option.
 */
const served = serveTestApp()
const rest = restClient(() => served.server.baseUrl)
const tokens = { admin: '', editor: '', reviewer: '' }

/** A cookie entry through review over REST: submitted by the editor, approved and published by the reviewer. */
async function reviewCookie(id: number) {
  expect(
    await rest('POST', `/${SLUGS.cookies}/${id}/workflow`, tokens.editor, { action: 'submit' }),
  ).toMatchObject({ status: 200 })
  expect(
    await rest('POST', `/${SLUGS.cookies}/${id}/workflow`, tokens.reviewer, { action: 'approve' }),
  ).toMatchObject({ status: 200 })
  return rest('PATCH', `/${SLUGS.cookies}/${id}`, tokens.reviewer, { _status: 'published' })
}
const workflow = (id: number, token: string, action: string, comment?: string) =>
  rest('POST', `/${SLUGS.documents}/${id}/workflow`, token, { action, comment })

/** Payload's "restore this version" over REST: over the live record, or `asDraft` (?draft=true). */
const restore = (collection: string, version: number | string, token: string, asDraft = false) =>
  rest('POST', `/${collection}/versions/${version}${asDraft ? '?draft=true' : ''}`, token)

/** The latest draft of a record, as the user of `token` reads it over REST. */
const draftAs = (collection: string, id: number | string, token: string) =>
  rest('GET', `/${collection}/${id}?draft=true`, token)

/** A section's draft saved over REST, as the admin's form saves it. */
const editSection = (id: number, token: string, data: Json) =>
  rest('PATCH', `/${SLUGS.sections}/${id}?draft=true`, token, data)

async function createDocument(
  slug: string,
  headings = ['Scope'],
): Promise<{ id: number; sections: number[] }> {
  const doc = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
    slug,
    kind: 'other',
    title: `Doc ${slug}`,
  })
  expect(doc.status).toBe(201)
  const sections: number[] = []
  for (const heading of headings) {
    const section = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
      body: richText(`${heading} text.`),
      document: doc.body.doc.id,
      heading,
    })
    expect(section.status).toBe(201)
    sections.push(section.body.doc.id)
  }
  expect(
    await rest('PATCH', `/${SLUGS.documents}/${doc.body.doc.id}`, tokens.editor, { sections }),
  ).toMatchObject({ status: 200 })
  return { id: doc.body.doc.id, sections }
}

async function publish(id: number, changeSummary?: string): Promise<Json> {
  if (changeSummary) {
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { changeSummary })
  }
  expect(await workflow(id, tokens.editor, 'submit')).toMatchObject({ status: 200 })
  expect(await workflow(id, tokens.reviewer, 'approve')).toMatchObject({ status: 200 })
  const res = await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, {
    _status: 'published',
  })
  expect(res.status).toBe(200)
  return res.body.doc
}

/** The id of the oldest Payload version of a document or section (its first saved draft). */
async function firstVersionId(collection: string, parent: number): Promise<number | string> {
  const res = await rest(
    'GET',
    `/${collection}/versions?where[parent][equals]=${parent}&sort=createdAt&limit=1`,
    tokens.editor,
  )
  expect(res.status).toBe(200)
  return res.body.docs[0].id
}

beforeAll(async () => {
  const { app, server } = served
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    tokens[role] = await signedInUser(app.payload, server.baseUrl, role, [role])
  }
})

describe('restoring an earlier version is an edit, never a publish', () => {
  test('an editor restores an old document version: it becomes a draft, the approval is void, readers see no change', async () => {
    const { id } = await createDocument('restore-doc')
    await publish(id)
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      changeSummary: 'Renamed.',
      title: 'Second title',
    })
    await workflow(id, tokens.editor, 'submit')
    await workflow(id, tokens.reviewer, 'approve')
    const old = await firstVersionId(SLUGS.documents, id)

    // Over the live row (what Payload does without ?draft=true) it is refused and undone.
    const overLive = await restore(SLUGS.documents, old, tokens.editor)
    expect(overLive.status).toBe(409)
    expect(overLive.body.errors[0].message).toMatch(/restore the earlier version as a draft/)
    expect((await draftAs(SLUGS.documents, id, tokens.editor)).body).toMatchObject({
      title: 'Second title',
      workflowState: 'approved',
    })

    const restored = await restore(SLUGS.documents, old, tokens.editor, true)
    expect(restored.status).toBe(200)
    const draft = await draftAs(SLUGS.documents, id, tokens.editor)
    expect(draft.body).toMatchObject({
      _status: 'draft',
      approvedBy: null,
      title: 'Doc restore-doc',
      workflowState: 'draft',
    })
    const live = await rest('GET', `/${SLUGS.documents}/${id}`, null)
    expect(live.body).toMatchObject({ _status: 'published', title: 'Doc restore-doc', version: 1 })
    const history = await rest(
      'GET',
      `/${SLUGS.reviewEvents}?where[document][equals]=${id}&sort=at&limit=50`,
      tokens.editor,
    )
    expect(history.body.docs.map((e: Json) => e.action)).toContain('approval-voided')
    // The restored text still has to be approved before anyone can publish it.
    expect(
      await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' }),
    ).toMatchObject({ status: 409 })
  })

  test('restoring a version that was published does not publish it', async () => {
    const { id } = await createDocument('restore-published')
    await publish(id)
    const versions = await rest(
      'GET',
      `/${SLUGS.documents}/versions?where[parent][equals]=${id}&where[version._status][equals]=published`,
      tokens.editor,
    )
    const publishedVersion = versions.body.docs[0].id
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { title: 'Newer draft' })
    expect(await restore(SLUGS.documents, publishedVersion, tokens.editor)).toMatchObject({
      status: 409,
    })
    expect(await restore(SLUGS.documents, publishedVersion, tokens.editor, true)).toMatchObject({
      status: 200,
    })
    const draft = await draftAs(SLUGS.documents, id, tokens.editor)
    expect(draft.body).toMatchObject({ _status: 'draft', version: 1, workflowState: 'draft' })
    const archive = await rest('GET', `/${SLUGS.versions}?where[document][equals]=${id}`, null)
    expect(archive.body.totalDocs).toBe(1)
  })

  test('restoring over a document that was never published is an ordinary edit', async () => {
    const { id } = await createDocument('restore-unpublished')
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { title: 'Changed' })
    const old = await firstVersionId(SLUGS.documents, id)
    expect((await restore(SLUGS.documents, old, tokens.editor)).status).toBe(200)
    expect((await draftAs(SLUGS.documents, id, tokens.editor)).body).toMatchObject({
      title: 'Doc restore-unpublished',
      workflowState: 'draft',
    })
    expect(await rest('GET', `/${SLUGS.documents}/${id}`, null)).toMatchObject({ status: 404 })
  })

  test('a reviewer cannot restore a version (it changes the text)', async () => {
    const { id } = await createDocument('restore-reviewer')
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { title: 'Changed' })
    const old = await firstVersionId(SLUGS.documents, id)
    expect(await restore(SLUGS.documents, old, tokens.reviewer, true)).toMatchObject({
      status: 403,
    })
    expect((await draftAs(SLUGS.documents, id, tokens.editor)).body.title).toBe('Changed')
  })

  test("restoring a section's old text voids its document's approval and leaves the live page alone", async () => {
    const { id, sections } = await createDocument('restore-section')
    await publish(id)
    await rest('PATCH', `/${SLUGS.sections}/${sections[0]}`, tokens.editor, {
      body: richText('Second text.'),
    })
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      changeSummary: 'Second text.',
    })
    await workflow(id, tokens.editor, 'submit')
    await workflow(id, tokens.reviewer, 'approve')
    const old = await firstVersionId(SLUGS.sections, sections[0])

    expect((await restore(SLUGS.sections, old, tokens.editor)).status).toBe(409)
    expect(await restore(SLUGS.sections, old, tokens.editor, true)).toMatchObject({ status: 200 })
    expect((await draftAs(SLUGS.documents, id, tokens.editor)).body.workflowState).toBe('draft')
    const live = await rest('GET', `/legal/documents/restore-section`, null)
    expect(live.body.text).toContain('Scope text.')
    expect(
      await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' }),
    ).toMatchObject({ status: 409 })
  })

  test('restoring a cookie entry keeps it a draft', async () => {
    const created = await rest('POST', `/${SLUGS.cookies}`, tokens.editor, {
      name: 'restore_me',
      category: 'analytics',
      purpose: 'First purpose.',
    })
    const cookieId = created.body.doc.id
    expect((await reviewCookie(cookieId)).status).toBe(200)
    await rest('PATCH', `/${SLUGS.cookies}/${cookieId}`, tokens.editor, {
      purpose: 'Second purpose.',
    })
    const old = await firstVersionId(SLUGS.cookies, cookieId)
    expect((await restore(SLUGS.cookies, old, tokens.editor)).status).toBe(409)
    expect((await rest('GET', `/${SLUGS.cookies}/${cookieId}`, null)).body.purpose).toBe(
      'First purpose.',
    )
    expect(await restore(SLUGS.cookies, old, tokens.editor, true)).toMatchObject({ status: 200 })
    expect((await rest('GET', `/${SLUGS.cookies}/${cookieId}`, null)).body.purpose).toBe(
      'First purpose.',
    )
    expect((await draftAs(SLUGS.cookies, cookieId, tokens.editor)).body._status).toBe('draft')
  })
})

describe('cookie entries', () => {
  test("a reviewer cannot delete an editor's draft entry; the editor can", async () => {
    const created = await rest('POST', `/${SLUGS.cookies}`, tokens.editor, {
      name: 'draft_only',
      category: 'functional',
    })
    const id = created.body.doc.id
    const refused = await rest('DELETE', `/${SLUGS.cookies}/${id}`, tokens.reviewer)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/Reviewers cannot remove a draft cookie entry/)
    expect(await rest('DELETE', `/${SLUGS.cookies}/${id}`, tokens.editor)).toMatchObject({
      status: 200,
    })
  })

  test("nobody deletes a published entry: it leaves the declaration by the workflow's Withdraw", async () => {
    const created = await rest('POST', `/${SLUGS.cookies}`, tokens.editor, {
      name: 'published_one',
      category: 'functional',
    })
    const id = created.body.doc.id
    expect((await reviewCookie(id)).status).toBe(200)
    for (const token of [tokens.editor, tokens.reviewer, tokens.admin]) {
      const refused = await rest('DELETE', `/${SLUGS.cookies}/${id}`, token)
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0].message).toMatch(/Withdraw/)
    }
    expect(await rest('GET', `/${SLUGS.cookies}/${id}`, null)).toMatchObject({ status: 200 })
  })

  test('an unclassified entry cannot be submitted, so it is never published, over REST', async () => {
    const created = await rest('POST', `/${SLUGS.cookies}`, tokens.editor, { name: 'unclassified' })
    const submit = await rest(
      'POST',
      `/${SLUGS.cookies}/${created.body.doc.id}/workflow`,
      tokens.editor,
      { action: 'submit' },
    )
    expect(submit.status).toBe(422)
    expect(submit.body.errors[0].message).toMatch(/no category/)
    const res = await rest('PATCH', `/${SLUGS.cookies}/${created.body.doc.id}`, tokens.reviewer, {
      _status: 'published',
    })
    expect(res.status).toBe(409)
  })
})

describe('sections and documents', () => {
  test('an unknown placeholder in a heading is refused; a known one is accepted and resolved', async () => {
    const { id } = await createDocument('placeholder-heading')
    const refused = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
      body: richText('x'),
      document: id,
      heading: 'About {{company.ceo}}',
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toMatch(/Unknown placeholder \{\{company\.ceo\}\}/)
    await setCompanyDetails(served.app.payload, { name: 'Acme Ltd' })
    const accepted = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
      body: richText('x'),
      document: id,
      heading: 'About {{company.name}}',
    })
    expect(accepted.status).toBe(201)
    const sections = (
      await rest('GET', `/${SLUGS.documents}/${id}?draft=true&depth=0`, tokens.editor)
    ).body.sections
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      sections: [...sections, accepted.body.doc.id],
    })
    await publish(id)
    const live = await rest('GET', `/legal/documents/placeholder-heading`, null)
    expect(live.body.toc.map((t: Json) => t.heading)).toEqual(['Scope', 'About Acme Ltd'])
  })

  test('a section written in the "Add new" drawer (no document yet) joins the document it is listed in, with a unique link name', async () => {
    const { id, sections } = await createDocument('claim', ['Scope'])
    const drawer = await rest('POST', `/${SLUGS.sections}`, tokens.editor, {
      body: richText('Added in place.'),
      heading: 'Scope',
    })
    expect(drawer.status).toBe(201)
    expect(drawer.body.doc.document ?? null).toBeNull()
    const listed = await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      sections: [drawer.body.doc.id, ...sections],
    })
    expect([listed.status, listed.body.errors]).toEqual([200, undefined])
    const claimed = await rest(
      'GET',
      `/${SLUGS.sections}/${drawer.body.doc.id}?draft=true&depth=0`,
      tokens.editor,
    )
    expect(claimed.body).toMatchObject({ anchor: 'scope-2', document: id })
    // A stale form (the drawer's) sending the empty document back does not unclaim it.
    await rest('PATCH', `/${SLUGS.sections}/${drawer.body.doc.id}`, tokens.editor, {
      body: richText('Added in place, edited.'),
      document: null,
    })
    expect(
      (
        await rest(
          'GET',
          `/${SLUGS.sections}/${drawer.body.doc.id}?draft=true&depth=0`,
          tokens.editor,
        )
      ).body.document,
    ).toBe(id)
    // A section of another document still cannot be listed.
    const other = await createDocument('claim-other', ['Elsewhere'])
    expect(
      await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
        sections: [...other.sections],
      }),
    ).toMatchObject({ status: 400 })
    const published = await publish(id)
    expect(published.version).toBe(1)
    expect(
      (await rest('GET', '/legal/documents/claim', null)).body.toc.map((t: Json) => t.anchor),
    ).toEqual(['scope-2', 'scope'])
  })

  test('a link name made from the heading follows it until the first publish; a chosen one never does', async () => {
    const { id, sections } = await createDocument('anchor-follow', ['Untitled', 'Contact'])
    const renamed = await rest('PATCH', `/${SLUGS.sections}/${sections[0]}`, tokens.editor, {
      anchor: 'untitled',
      heading: 'Who we are',
    })
    expect(renamed.body.doc.anchor).toBe('who-we-are')
    await rest('PATCH', `/${SLUGS.sections}/${sections[1]}`, tokens.editor, { anchor: 'reach-us' })
    expect(
      (
        await rest('PATCH', `/${SLUGS.sections}/${sections[1]}`, tokens.editor, {
          heading: 'Contact us',
        })
      ).body.doc.anchor,
    ).toBe('reach-us')
    // The Ukrainian heading never moves the link name.
    const uk = await rest('PATCH', `/${SLUGS.sections}/${sections[0]}?locale=uk`, tokens.editor, {
      heading: 'Хто ми',
    })
    expect(uk.body.doc.anchor).toBe('who-we-are')
    await publish(id)
    const after = await rest('PATCH', `/${SLUGS.sections}/${sections[0]}`, tokens.editor, {
      heading: 'About us',
    })
    expect(after.body.doc.anchor).toBe('who-we-are')
  })

  test('slugs are unique', async () => {
    await createDocument('unique-slug')
    const again = await rest('POST', `/${SLUGS.documents}`, tokens.editor, {
      slug: 'unique-slug',
      kind: 'other',
      title: 'Another',
    })
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.body)).toMatch(/slug/i)
  })

  test('an editor sets a section anchor; a duplicate or malformed one is refused', async () => {
    const { sections } = await createDocument('anchors', ['Scope', 'Contact'])
    const set = await rest('PATCH', `/${SLUGS.sections}/${sections[1]}`, tokens.editor, {
      anchor: 'reach-us',
    })
    expect(set.status).toBe(200)
    expect(set.body.doc.anchor).toBe('reach-us')
    expect(
      await rest('PATCH', `/${SLUGS.sections}/${sections[0]}`, tokens.editor, {
        anchor: 'reach-us',
      }),
    ).toMatchObject({ status: 400 })
    expect(
      await rest('PATCH', `/${SLUGS.sections}/${sections[0]}`, tokens.editor, {
        anchor: 'Not An Anchor',
      }),
    ).toMatchObject({ status: 400 })
  })

  test('reordering sections alone is a change readers see: new version and last-modified date', async () => {
    const { id, sections } = await createDocument('reorder-only', ['First', 'Second'])
    const v1 = await publish(id)
    await new Promise((r) => setTimeout(r, 10))
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, {
      sections: [...sections].reverse(),
    })
    const v2 = await publish(id, 'Sections reordered.')
    expect(v2.version).toBe(2)
    expect(new Date(v2.lastModified).getTime()).toBeGreaterThan(new Date(v1.lastModified).getTime())
    const live = await rest('GET', `/legal/documents/reorder-only`, null)
    expect(live.body.toc.map((t: Json) => t.heading)).toEqual(['Second', 'First'])
  })

  test('anonymous ?draft=true reads published content, including documents that have a newer draft', async () => {
    const { id } = await createDocument('anon-draft-list')
    await publish(id)
    await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.editor, { title: 'Unreviewed title' })
    const list = await rest(
      'GET',
      `/${SLUGS.documents}?draft=true&where[slug][equals]=anon-draft-list`,
      null,
    )
    expect(list.body.docs.map((d: Json) => d.title)).toEqual(['Doc anon-draft-list'])
  })
})

describe('accounts', () => {
  test("an editor cannot change another user's password, roles or e-mail, create or delete users; an admin can", async () => {
    const target = await createUser(served.app.payload, 'target-reviewer', ['reviewer'])
    const editorId = (await rest('GET', '/users/me', tokens.editor)).body.user.id
    for (const data of [
      { password: 'taken-over-0123456789' },
      { email: 'mine@test.example' },
      { roles: ['editor'] },
    ]) {
      expect(await rest('PATCH', `/users/${target.id}`, tokens.editor, data)).toMatchObject({
        status: 403,
      })
    }
    await expect(login(served.server.baseUrl, target)).resolves.toEqual(expect.any(String))
    expect(
      await rest('POST', '/users', tokens.editor, {
        email: 'sock@test.example',
        password: 'sock-0123456789',
        roles: ['reviewer'],
      }),
    ).toMatchObject({ status: 403 })
    expect(await rest('DELETE', `/users/${target.id}`, tokens.editor)).toMatchObject({
      status: 403,
    })
    // Their own account, yes, but not their own roles.
    expect((await rest('PATCH', `/users/${editorId}`, tokens.editor, { name: 'Ed' })).status).toBe(
      200,
    )
    await rest('PATCH', `/users/${editorId}`, tokens.editor, { roles: ['admin', 'reviewer'] })
    expect((await rest('GET', '/users/me', tokens.editor)).body.user.roles).toEqual(['editor'])
    // Anonymous callers read no accounts.
    expect(await rest('GET', '/users', null)).toMatchObject({ status: 403 })

    expect(
      await rest('PATCH', `/users/${target.id}`, tokens.admin, { name: 'Renamed by admin' }),
    ).toMatchObject({ status: 200 })
    expect(await rest('DELETE', `/users/${target.id}`, tokens.admin)).toMatchObject({ status: 200 })
  })
})

describe('the fourEyes option', () => {
  let solo: TestApp
  let author: TestUser
  beforeAll(async () => {
    solo = await startTestPayload({ key: 'four-eyes-off', plugin: { fourEyes: false } })
    author = await createUser(solo.payload, 'solo', ['editor', 'reviewer'])
  })
  afterAll(async () => {
    await solo?.close()
  })

  test('turned off, a one-person team approves its own draft; on (default), the same approval is refused', async () => {
    const opts = { overrideAccess: false as const, user: author as never }
    const doc = await solo.payload.create({
      collection: SLUGS.documents,
      data: { slug: 'solo', kind: 'other', title: 'Solo' } as never,
      ...opts,
    })
    const section = await solo.payload.create({
      collection: SLUGS.sections,
      data: { body: richText('These terms apply.'), document: doc.id, heading: 'Scope' } as never,
      ...opts,
    })
    await solo.payload.update({
      id: doc.id,
      collection: SLUGS.documents,
      data: { sections: [section.id] },
      ...opts,
    })
    const req = async () => createLocalReq({ user: author as never }, solo.payload)
    await performWorkflowAction(await req(), { id: doc.id, action: 'submit', fourEyes: false })
    // The option reaches the REST endpoint and the GraphQL mutation through the plugin config.
    const endpoint =
      solo.config.collections.find((c) => c.slug === SLUGS.documents)!.endpoints || []
    expect(endpoint.some((e) => e.path === '/:id/workflow')).toBe(true)
    await expect(
      performWorkflowAction(await req(), { id: doc.id, action: 'approve', fourEyes: true }),
    ).rejects.toThrow()
    const approved = await performWorkflowAction(await req(), {
      id: doc.id,
      action: 'approve',
      fourEyes: false,
    })
    expect(approved.workflowState).toBe('approved')
  })
})

/**
 * What a reviewer approves is exactly what gets published (issue 13, point 1). A change to a
 * listed section voids the approval of every document that lists it, on every route, and the
 * publish refuses content other than what was approved (the approval's content hash).
 */
describe('an approval is bound to the content the reviewer saw', () => {
  const more = { dual: '', editor2: '' }
  let dual: TestUser
  beforeAll(async () => {
    const { app, server } = served
    more.editor2 = await signedInUser(app.payload, server.baseUrl, 'bind-editor2', ['editor'])
    dual = await createUser(app.payload, 'bind-dual', ['editor', 'reviewer'])
    more.dual = await login(server.baseUrl, dual)
  })

  const draftOf = async (collection: string, id: number): Promise<Json> =>
    (await rest('GET', `/${collection}/${id}?draft=true&depth=0`, tokens.admin)).body
  const events = async (id: number): Promise<string[]> =>
    (
      await rest(
        'GET',
        `/${SLUGS.reviewEvents}?where[document][equals]=${id}&sort=at&limit=100&depth=0`,
        tokens.admin,
      )
    ).body.docs.map((e: Json) => e.action)
  const archive = async (id: number): Promise<Json[]> =>
    (
      await rest(
        'GET',
        `/${SLUGS.versions}?where[document][equals]=${id}&sort=version&depth=0`,
        null,
      )
    ).body.docs

  /**
   * The reproduction up to the edit: A is published with section S; an editor moves S
   * to B (A still lists it); A is submitted and approved.
   */
  async function movedAndApproved(slug: string): Promise<{ a: number; b: number; s: number }> {
    const { id: a, sections } = await createDocument(`${slug}-a`, ['Moved'])
    await publish(a)
    const { id: b } = await createDocument(`${slug}-b`)
    const s = sections[0]
    expect(await editSection(s, tokens.editor, { document: b })).toMatchObject({ status: 200 })
    expect((await draftOf(SLUGS.documents, a)).sections).toEqual([s])
    expect(
      await rest('PATCH', `/${SLUGS.documents}/${a}?draft=true`, tokens.editor, {
        changeSummary: 'Moved a section.',
      }),
    ).toMatchObject({ status: 200 })
    expect(await workflow(a, tokens.editor, 'submit')).toMatchObject({ status: 200 })
    expect(await workflow(a, tokens.reviewer, 'approve')).toMatchObject({ status: 200 })
    const approved = await draftOf(SLUGS.documents, a)
    expect(approved).toMatchObject({
      approvedContentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      workflowState: 'approved',
    })
    return { a, b, s }
  }

  /** After the moved section was changed by `who`: A's approval is void, `who` a contributor, and the publish refused. */
  async function expectVoided(a: number, whoToken: string): Promise<void> {
    const who = (await rest('GET', '/users/me', whoToken)).body.user.id
    const doc = await draftOf(SLUGS.documents, a)
    expect(doc).toMatchObject({
      approvedBy: null,
      approvedContentHash: null,
      workflowState: 'draft',
    })
    expect(doc.workflowContributors).toContain(who)
    expect((await events(a)).at(-1)).toBe('approval-voided')
    const publishing = await rest('PATCH', `/${SLUGS.documents}/${a}`, tokens.reviewer, {
      _status: 'published',
    })
    expect(publishing.status).toBe(409)
    expect(await archive(a)).toHaveLength(1)
  }

  test("REST: editing a section moved out of a listing document voids that document's approval (the issue's reproduction)", async () => {
    const { a, s } = await movedAndApproved('bind-rest')
    expect(await editSection(s, more.editor2, { heading: 'Unreviewed heading' })).toMatchObject({
      status: 200,
    })
    await expectVoided(a, more.editor2)
  })

  test('Local API (overrideAccess: false): the same edit voids the approval', async () => {
    const { a, s } = await movedAndApproved('bind-local')
    const editor2 = (await rest('GET', '/users/me', more.editor2)).body.user
    await served.app.payload.update({
      id: s,
      collection: SLUGS.sections,
      data: { body: richText('Unreviewed body.') } as never,
      draft: true,
      overrideAccess: false,
      user: { ...editor2, collection: 'users' } as never,
    })
    await expectVoided(a, more.editor2)
  })

  test('GraphQL: the same edit through updateLegalSection voids the approval', async () => {
    const { a, s } = await movedAndApproved('bind-gql')
    const query =
      'mutation ($id: Int!) { updateLegalSection(id: $id, draft: true, data: { heading: "Over GraphQL" }) { heading } }'
    const { body } = await rest('POST', '/graphql', more.editor2, { query, variables: { id: s } })
    expect(body.errors).toBeUndefined()
    expect(body.data.updateLegalSection.heading).toBe('Over GraphQL')
    await expectVoided(a, more.editor2)
  })

  test("admin form save: the admin's multipart autosave of the whole section voids the approval", async () => {
    const { a, s } = await movedAndApproved('bind-admin')
    // What Payload's admin form sends: every field of the draft it holds, updatedAt included, as
    // JSON in the `_payload` part of a multipart body, to ?draft=true (autosave).
    const held = (
      await rest('GET', `/${SLUGS.sections}/${s}?draft=true&depth=0&locale=en`, more.editor2)
    ).body
    const form = new FormData()
    form.append('_payload', JSON.stringify({ ...held, heading: 'Typed in the admin' }))
    const res = await fetch(
      `${served.server.baseUrl}/api/${SLUGS.sections}/${s}?depth=0&draft=true&autosave=true&locale=en&fallback-locale=null`,
      {
        body: form,
        headers: { authorization: `JWT ${more.editor2}` },
        method: 'PATCH',
      },
    )
    expect(res.status).toBe(200)
    expect((await draftOf(SLUGS.sections, s)).heading).toBe('Typed in the admin')
    await expectVoided(a, more.editor2)
  })

  test('four-eyes: an editor-and-reviewer who rewrites the moved section becomes a contributor and cannot approve', async () => {
    const { a, s } = await movedAndApproved('bind-dual')
    expect(await editSection(s, more.dual, { heading: 'My own words' })).toMatchObject({
      status: 200,
    })
    await expectVoided(a, more.dual)
    expect(await workflow(a, tokens.editor, 'submit')).toMatchObject({ status: 200 })
    const own = await workflow(a, more.dual, 'approve')
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/four-eyes/)
    expect(await workflow(a, tokens.reviewer, 'approve')).toMatchObject({ status: 200 })
    const published = await rest('PATCH', `/${SLUGS.documents}/${a}`, tokens.reviewer, {
      _status: 'published',
    })
    expect(published.status).toBe(200)
    const records = await archive(a)
    expect(records).toHaveLength(2)
    expect(records[1].contentHash).toBe((await draftOf(SLUGS.documents, a)).approvedContentHash)
    expect(records[1].content.locales.en.sections[0].heading).toBe('My own words')
    // Published: its text is reviewed, nobody's unpublished work is left in it.
    expect((await draftOf(SLUGS.sections, s)).draftContributors).toEqual([])
  })

  test('four-eyes: a section written by an editor-and-reviewer for another document brings its author along when it is listed', async () => {
    const { id: a } = await createDocument('bind-move-in-a')
    const { id: b } = await createDocument('bind-move-in-b')
    const written = await rest('POST', `/${SLUGS.sections}`, more.dual, {
      body: richText('Unreviewed.'),
      document: b,
      heading: 'Written elsewhere',
    })
    expect(written.status).toBe(201)
    const s = written.body.doc.id as number
    expect((await draftOf(SLUGS.sections, s)).draftContributors).toEqual([dual.id])
    // Another editor moves it to A and lists it there; the author of its text is not them.
    expect(await editSection(s, tokens.editor, { document: a })).toMatchObject({ status: 200 })
    const listed = [...(await draftOf(SLUGS.documents, a)).sections, s]
    expect(
      await rest('PATCH', `/${SLUGS.documents}/${a}?draft=true`, tokens.editor, {
        sections: listed,
      }),
    ).toMatchObject({ status: 200 })
    expect((await draftOf(SLUGS.documents, a)).workflowContributors).toContain(dual.id)
    expect(await workflow(a, tokens.editor, 'submit')).toMatchObject({ status: 200 })
    expect(await workflow(a, more.dual, 'approve')).toMatchObject({ status: 403 })
    expect(await workflow(a, tokens.reviewer, 'approve')).toMatchObject({ status: 200 })
  })

  test("changing the document's own list (order, a section in or out) voids its approval", async () => {
    const { id, sections } = await createDocument('bind-list', ['One', 'Two'])
    const approve = async () => {
      expect(await workflow(id, tokens.editor, 'submit')).toMatchObject({ status: 200 })
      expect(await workflow(id, tokens.reviewer, 'approve')).toMatchObject({ status: 200 })
    }
    for (const list of [[sections[1], sections[0]], [sections[1]], sections]) {
      await approve()
      expect(
        await rest('PATCH', `/${SLUGS.documents}/${id}?draft=true`, more.editor2, {
          sections: list,
        }),
      ).toMatchObject({ status: 200 })
      const doc = await draftOf(SLUGS.documents, id)
      expect(doc).toMatchObject({
        approvedBy: null,
        approvedContentHash: null,
        sections: list,
        workflowState: 'draft',
      })
      expect((await events(id)).at(-1)).toBe('approval-voided')
      expect(
        await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' }),
      ).toMatchObject({ status: 409 })
    }
  })

  test('the publish refuses content that differs from what was approved, whatever changed it (409, nothing written)', async () => {
    const { id } = await createDocument('bind-backstop')
    expect(await workflow(id, tokens.editor, 'submit')).toMatchObject({ status: 200 })
    expect(await workflow(id, tokens.reviewer, 'approve')).toMatchObject({ status: 200 })
    // The company details are rendered into the text, and changing them voids no approval.
    const entity = (await rest('GET', `/globals/${SLUGS.entity}`, tokens.admin)).body
    expect(
      await rest('POST', `/globals/${SLUGS.entity}`, tokens.admin, { name: 'Renamed Ltd' }),
    ).toMatchObject({ status: 200 })
    const refused = await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, {
      _status: 'published',
    })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/changed since it was approved/)
    expect(await archive(id)).toHaveLength(0)
    expect((await draftOf(SLUGS.documents, id)).workflowState).toBe('approved')
    // The same content again: the approval holds.
    expect(
      await rest('POST', `/globals/${SLUGS.entity}`, tokens.admin, { name: entity.name ?? null }),
    ).toMatchObject({ status: 200 })
    expect(
      await rest('PATCH', `/${SLUGS.documents}/${id}`, tokens.reviewer, { _status: 'published' }),
    ).toMatchObject({ status: 200 })
    expect((await archive(id))[0].contentHash).toBe(
      (await draftOf(SLUGS.documents, id)).approvedContentHash,
    )
  })

  test('a section listed by another document (it was moved) cannot be deleted', async () => {
    const { id: a, sections } = await createDocument('bind-delete-a', ['Draft only'])
    const { id: b } = await createDocument('bind-delete-b')
    expect(
      await rest('PATCH', `/${SLUGS.sections}/${sections[0]}?draft=true`, tokens.editor, {
        document: b,
      }),
    ).toMatchObject({ status: 200 })
    expect((await rest('DELETE', `/${SLUGS.sections}/${sections[0]}`, tokens.editor)).status).toBe(
      409,
    )
    expect((await draftOf(SLUGS.documents, a)).sections).toEqual(sections)
  })
})

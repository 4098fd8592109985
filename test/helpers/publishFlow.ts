/**
 * How tests put legal documents online as the plugin's users do: an editor writes the document
 * and its sections and submits, another user (a reviewer) approves and publishes. Through the
 * Local API with access checked (`overrideAccess: false`), or over REST (`restDraftDocument`).
 */
import { expect } from '@jest/globals'
import { type CollectionSlug, createLocalReq, type Payload } from 'payload'

import type { Json, Rest } from './rest'
import type { TestUser } from './users'

import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { asTrusted } from '../../src/workflow/trust'
import { richText } from './lexical'

/** Who a Local API call is made as: a test user, or any account (no password needed). */
type Author = Omit<TestUser, 'password'>

/** The Local API arguments that make a call as `user`, with access checked. */
export const as = (user: Author) => ({ overrideAccess: false as const, user: user as never })

/** One record created as `user`, with access checked: what an editor's first save does. */
export async function createAs(
  payload: Payload,
  user: Author,
  collection: CollectionSlug,
  data: Json,
): Promise<Json> {
  return await payload.create({ collection, data: data as never, ...as(user) })
}

/** One record changed as `user`, with access checked: what an editor's or reviewer's save does. */
export async function updateAs(
  payload: Payload,
  user: Author,
  collection: CollectionSlug,
  id: number | string,
  data: Json,
  options: { draft?: boolean; locale?: string } = {},
): Promise<Json> {
  return await payload.update({
    id,
    collection,
    data,
    draft: options.draft,
    locale: options.locale as never,
    ...as(user),
  })
}

export async function workflowStep(
  payload: Payload,
  user: TestUser,
  id: number | string,
  action: string,
  collection: string = SLUGS.documents,
) {
  const req = await createLocalReq({ user: user as never }, payload)
  return performWorkflowAction(req, { id, action, collection, fourEyes: true })
}

export async function publishDocument(
  payload: Payload,
  user: TestUser,
  id: number | string,
): Promise<Json> {
  return await payload.update({
    id,
    collection: SLUGS.documents,
    data: { _status: 'published' } as never,
    depth: 0,
    ...as(user),
  })
}

/** Submit (editor), approve (reviewer), publish (reviewer): the whole review workflow. */
export async function reviewAndPublish(
  payload: Payload,
  editor: TestUser,
  reviewer: TestUser,
  id: number | string,
): Promise<Json> {
  await workflowStep(payload, editor, id, 'submit')
  await workflowStep(payload, reviewer, id, 'approve')
  return publishDocument(payload, reviewer, id)
}

/** The document, its sections in order, and the first of them (most tests write one). */
export type DraftDocument = { doc: Json; section: Json; sections: Json[] }

/**
 * A draft document written by `editor`: the document (`data`, in `options.locale`), its sections
 * in order (each section's `data` gets the document), the document's section list, then the
 * other locales' fields (`options.locales`, locale → fields).
 */
export async function draftDocument(
  payload: Payload,
  editor: Author,
  data: Json,
  sections: Json[],
  options: { locale?: string; locales?: Record<string, Json> } = {},
): Promise<DraftDocument> {
  const doc = (await payload.create({
    collection: SLUGS.documents,
    data: data as never,
    locale: options.locale as never,
    ...as(editor),
  })) as Json
  const created: Json[] = []
  for (const section of sections) {
    created.push(
      await payload.create({
        collection: SLUGS.sections,
        data: { ...section, document: doc.id } as never,
        ...as(editor),
      }),
    )
  }
  await payload.update({
    id: doc.id,
    collection: SLUGS.documents,
    data: { sections: created.map((s) => s.id) },
    ...as(editor),
  })
  for (const [locale, fields] of Object.entries(options.locales ?? {})) {
    await payload.update({
      id: doc.id,
      collection: SLUGS.documents,
      data: fields,
      locale: locale as never,
      ...as(editor),
    })
  }
  return { doc, section: created[0], sections: created }
}

/** A document as `draftDocument` writes it, submitted by `editor` and approved by `reviewer`. */
export async function approvedDocument(
  payload: Payload,
  editor: TestUser,
  reviewer: TestUser,
  data: Json,
  sections: Json[],
): Promise<DraftDocument> {
  const drafted = await draftDocument(payload, editor, data, sections)
  await workflowStep(payload, editor, drafted.doc.id, 'submit')
  await workflowStep(payload, reviewer, drafted.doc.id, 'approve')
  return drafted
}

/** A document as `draftDocument` writes it, then through the whole review workflow. */
export async function publishedDocument(
  payload: Payload,
  editor: TestUser,
  reviewer: TestUser,
  data: Json,
  sections: Json[],
  options: { locale?: string; locales?: Record<string, Json> } = {},
): Promise<DraftDocument> {
  const drafted = await draftDocument(payload, editor, data, sections, options)
  await reviewAndPublish(payload, editor, reviewer, drafted.doc.id)
  return drafted
}

/** The latest draft of a record as stored: no access check, no population. */
export async function latestDraft(
  payload: Payload,
  id: number | string,
  collection: CollectionSlug = SLUGS.documents,
  locale?: string,
): Promise<Json> {
  return await payload.findByID({
    id,
    collection,
    depth: 0,
    draft: true,
    locale: locale as never,
    overrideAccess: true,
  })
}

/** A document's review history, oldest first. */
export async function reviewEventsOf(payload: Payload, id: number | string): Promise<Json[]> {
  const events = await payload.find({
    collection: SLUGS.reviewEvents,
    depth: 0,
    overrideAccess: true,
    sort: 'at',
    where: { document: { equals: id } },
  })
  return events.docs
}

/**
 * Version 1 of a document in the archive before it is published, written as the plugin's own
 * trusted code would: the document's first publish then fails on its own archive insert.
 */
export async function occupyFirstArchiveVersion(
  payload: Payload,
  document: number,
  slug: string,
): Promise<void> {
  const req = await createLocalReq({}, payload)
  await asTrusted(req, () =>
    payload.create({
      collection: SLUGS.versions,
      data: {
        slug,
        content: {},
        contentHash: 'x',
        document,
        lastModified: new Date().toISOString(),
        publishedAt: new Date().toISOString(),
        title: 't',
        version: 1,
      },
      overrideAccess: true,
      req,
    }),
  )
}

/**
 * The document workflow over REST for tests that drive it action by action: `createDocument`
 * writes a one-section draft ("Scope", with `text`) as the editor whose token `editorToken()`
 * gives, `act` posts a workflow action on a document as `token`.
 */
export function restWorkflowSteps(
  rest: Rest,
  editorToken: () => string,
  draft: { kind: string; text: string },
) {
  return {
    act: (id: number, token: null | string, action: string, comment?: string) =>
      rest('POST', `/${SLUGS.documents}/${id}/workflow`, token, { action, comment }),
    createDocument: (slug: string) =>
      restDraftDocument(
        rest,
        editorToken(),
        { slug, kind: draft.kind, title: `Doc ${slug}` },
        { body: richText(draft.text), heading: 'Scope' },
      ),
  }
}

/**
 * A draft document with one section, written over REST with an editor's `token`: the document,
 * the section (`section` gets the document), then the document's section list; each must succeed.
 */
export async function restDraftDocument(
  rest: Rest,
  token: string,
  data: Json,
  section: Json,
): Promise<{ id: number; sectionId: number }> {
  const doc = await rest('POST', `/${SLUGS.documents}`, token, data)
  expect(doc.status).toBe(201)
  const created = await rest('POST', `/${SLUGS.sections}`, token, {
    ...section,
    document: doc.body.doc.id,
  })
  expect(created.status).toBe(201)
  const linked = await rest('PATCH', `/${SLUGS.documents}/${doc.body.doc.id}`, token, {
    sections: [created.body.doc.id],
  })
  expect(linked.status).toBe(200)
  return { id: doc.body.doc.id, sectionId: created.body.doc.id }
}

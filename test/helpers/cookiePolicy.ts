import { createLocalReq, type Payload } from 'payload'

import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { richText } from './lexical'
import type { TestUser } from './users'

type Json = Record<string, any>
const as = (user: TestUser) => ({ user: user as never, overrideAccess: false as const })

/** A draft cookie policy with one section and the banner texts given per locale. */
export async function draftCookiePolicy(
  payload: Payload,
  editor: TestUser,
  args: { slug: string; banner?: Record<string, Json> },
): Promise<Json> {
  const [first, ...others] = Object.entries(args.banner ?? { en: {} })
  const doc = (await payload.create({
    collection: SLUGS.documents,
    locale: first![0] as never,
    data: { title: 'Cookie policy', slug: args.slug, kind: 'cookie-policy', consentBanner: first![1] } as never,
    ...as(editor),
  })) as Json
  const section = (await payload.create({
    collection: SLUGS.sections,
    data: { heading: 'Cookies we use', body: richText('We use cookies.'), document: doc.id } as never,
    ...as(editor),
  })) as Json
  await payload.update({ collection: SLUGS.documents, id: doc.id, data: { sections: [section.id] } as never, ...as(editor) })
  for (const [locale, texts] of others) {
    await payload.update({ collection: SLUGS.documents, id: doc.id, locale: locale as never, data: { title: `Cookie policy (${locale})`, consentBanner: texts } as never, ...as(editor) })
  }
  return doc
}

export async function workflowStep(payload: Payload, user: TestUser, id: string | number, action: string, collection: string = SLUGS.documents) {
  const req = await createLocalReq({ user: user as never }, payload)
  return performWorkflowAction(req, { id, collection, action, fourEyes: true })
}

/** A cookie entry's draft through review: submitted by `editor`, approved and published by `reviewer`. */
export async function reviewCookie(payload: Payload, editor: TestUser, reviewer: TestUser, id: string | number): Promise<Json> {
  await workflowStep(payload, editor, id, 'submit', SLUGS.cookies)
  await workflowStep(payload, reviewer, id, 'approve', SLUGS.cookies)
  return (await payload.update({ collection: SLUGS.cookies, id, data: { _status: 'published' } as never, ...as(reviewer) })) as Json
}

export async function publishDocument(payload: Payload, user: TestUser, id: string | number): Promise<Json> {
  return (await payload.update({ collection: SLUGS.documents, id, data: { _status: 'published' } as never, depth: 0, ...as(user) })) as Json
}

/** Submit (editor), approve (reviewer), publish (reviewer): the whole review workflow. */
export async function reviewAndPublish(payload: Payload, editor: TestUser, reviewer: TestUser, id: string | number): Promise<Json> {
  await workflowStep(payload, editor, id, 'submit')
  await workflowStep(payload, reviewer, id, 'approve')
  return publishDocument(payload, reviewer, id)
}

/** A published cookie entry: written by an editor, reviewed and published by a reviewer. */
export async function publishCookie(payload: Payload, editor: TestUser, reviewer: TestUser, data: Json): Promise<Json> {
  const created = (await payload.create({ collection: SLUGS.cookies, data: data as never, ...as(editor) })) as Json
  return reviewCookie(payload, editor, reviewer, created.id)
}

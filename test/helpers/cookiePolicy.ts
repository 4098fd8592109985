import { createLocalReq, type Payload } from 'payload'

import type { TestUser } from './users'

import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { richText } from './lexical'

type Json = Record<string, any>
const as = (user: TestUser) => ({ overrideAccess: false as const, user: user as never })

/** A draft cookie policy with one section and the banner texts given per locale. */
export async function draftCookiePolicy(
  payload: Payload,
  editor: TestUser,
  args: { banner?: Record<string, Json>; slug: string },
): Promise<Json> {
  const [first, ...others] = Object.entries(args.banner ?? { en: {} })
  const doc = (await payload.create({
    collection: SLUGS.documents,
    data: {
      slug: args.slug,
      consentBanner: first[1],
      kind: 'cookie-policy',
      title: 'Cookie policy',
    } as never,
    locale: first[0] as never,
    ...as(editor),
  })) as Json
  const section = (await payload.create({
    collection: SLUGS.sections,
    data: {
      body: richText('We use cookies.'),
      document: doc.id,
      heading: 'Cookies we use',
    } as never,
    ...as(editor),
  })) as Json
  await payload.update({
    id: doc.id,
    collection: SLUGS.documents,
    data: { sections: [section.id] },
    ...as(editor),
  })
  for (const [locale, texts] of others) {
    await payload.update({
      id: doc.id,
      collection: SLUGS.documents,
      data: { consentBanner: texts, title: `Cookie policy (${locale})` },
      locale: locale as never,
      ...as(editor),
    })
  }
  return doc
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

/** A cookie entry's draft through review: submitted by `editor`, approved and published by `reviewer`. */
export async function reviewCookie(
  payload: Payload,
  editor: TestUser,
  reviewer: TestUser,
  id: number | string,
): Promise<Json> {
  await workflowStep(payload, editor, id, 'submit', SLUGS.cookies)
  await workflowStep(payload, reviewer, id, 'approve', SLUGS.cookies)
  return await payload.update({
    id,
    collection: SLUGS.cookies,
    data: { _status: 'published' } as never,
    ...as(reviewer),
  })
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

/** A published cookie entry: written by an editor, reviewed and published by a reviewer. */
export async function publishCookie(
  payload: Payload,
  editor: TestUser,
  reviewer: TestUser,
  data: Json,
): Promise<Json> {
  const created = (await payload.create({
    collection: SLUGS.cookies,
    data: data as never,
    ...as(editor),
  })) as Json
  return reviewCookie(payload, editor, reviewer, created.id)
}

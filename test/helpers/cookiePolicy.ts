import type { Payload } from 'payload'

import type { TestUser } from './users'

import { SLUGS } from '../../src/slugs'
import { richText } from './lexical'
import { as, draftDocument, workflowStep } from './publishFlow'

// Older tests take the document workflow from here, next to the cookie policy's.
export { publishDocument, reviewAndPublish, workflowStep } from './publishFlow'

type Json = Record<string, any>

/** A draft cookie policy with one section and the banner texts given per locale. */
export async function draftCookiePolicy(
  payload: Payload,
  editor: TestUser,
  args: { banner?: Record<string, Json>; slug: string },
): Promise<Json> {
  const [first, ...others] = Object.entries(args.banner ?? { en: {} })
  const { doc } = await draftDocument(
    payload,
    editor,
    { slug: args.slug, consentBanner: first[1], kind: 'cookie-policy', title: 'Cookie policy' },
    [{ body: richText('We use cookies.'), heading: 'Cookies we use' }],
    {
      locale: first[0],
      locales: Object.fromEntries(
        others.map(([locale, texts]) => [
          locale,
          { consentBanner: texts, title: `Cookie policy (${locale})` },
        ]),
      ),
    },
  )
  return doc
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

import type { PayloadRequest } from 'payload'

import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { idsOf } from '../utilities/ids.js'
import { localesOf } from '../utilities/locales.js'
import { type SubmissionProblem, submissionProblems } from './submission.js'

/**
 * What the latest draft of a document still lacks before it can be submitted
 * (`submissionProblems`), read in every language inside the caller's transaction: the
 * document's title, web address and listed sections, and each section's heading and body.
 */
export async function draftSubmissionProblems(
  req: PayloadRequest,
  documentId: number | string,
): Promise<SubmissionProblem[]> {
  const { payload } = req
  const doc = await localApi(payload).findByID({
    id: documentId,
    collection: SLUGS.documents,
    depth: 0,
    draft: true,
    locale: 'all',
    overrideAccess: true,
    req,
    select: { slug: true, sections: true, title: true },
  })
  const sectionIds = idsOf(doc.sections)
  // One query for all sections (inside a transaction queries share one connection anyway).
  const found = sectionIds.length
    ? await localApi(payload).find({
        collection: SLUGS.sections,
        depth: 0,
        draft: true,
        limit: 0,
        locale: 'all',
        overrideAccess: true,
        pagination: false,
        req,
        select: { body: true, heading: true },
        where: { id: { in: sectionIds } },
      })
    : { docs: [] }
  const byId = new Map(found.docs.map((s) => [String(s.id), { body: s.body, heading: s.heading }]))
  return submissionProblems(
    {
      slug: doc.slug,
      sections: sectionIds.map((id) => byId.get(String(id)) ?? null),
      title: doc.title,
    },
    localesOf(payload),
  )
}

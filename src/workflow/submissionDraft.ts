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
export async function draftSubmissionProblems(req: PayloadRequest, documentId: string | number): Promise<SubmissionProblem[]> {
  const { payload } = req
  const doc = (await localApi(payload).findByID({
    collection: SLUGS.documents,
    id: documentId,
    draft: true,
    locale: 'all',
    depth: 0,
    select: { title: true, slug: true, sections: true },
    overrideAccess: true,
    req,
  }))
  const sectionIds = idsOf(doc.sections)
  // One query for all sections (inside a transaction queries share one connection anyway).
  const found = sectionIds.length
    ? await localApi(payload).find({
        collection: SLUGS.sections,
        where: { id: { in: sectionIds } },
        draft: true,
        locale: 'all',
        depth: 0,
        limit: 0,
        pagination: false,
        select: { heading: true, body: true },
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const byId = new Map(found.docs.map((s) => [String(s.id), { heading: s.heading, body: s.body }]))
  return submissionProblems({ title: doc.title, slug: doc.slug, sections: sectionIds.map((id) => byId.get(String(id)) ?? null) }, localesOf(payload))
}

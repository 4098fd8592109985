import type { PayloadRequest } from 'payload'

import { findLatestDraft, findListedSections } from '../localApi.js'
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
  const doc = await findLatestDraft(req, SLUGS.documents, documentId, {
    locale: 'all',
    select: { slug: true, sections: true, title: true },
  })
  const sectionIds = idsOf(doc.sections)
  const sections = await findListedSections(req, sectionIds, {
    locale: 'all',
    select: { body: true, heading: true },
  })
  return submissionProblems(
    {
      slug: doc.slug,
      sections: sections.map((s) => (s ? { body: s.body, heading: s.heading } : null)),
      title: doc.title,
    },
    localesOf(req.payload),
  )
}

import type { CollectionSlug, PayloadRequest } from 'payload'

import type { UserId } from './rules.js'

import { findLatestDraft } from '../localApi.js'
import { contentHash } from '../render/contentHash.js'
import { SLUGS } from '../slugs.js'
import { idsOf } from '../utilities/ids.js'
import { approvalHash, contentContributors } from './approval.js'
import { COOKIE_CONTENT_FIELDS } from './fields.js'
import { cookieSubmissionProblems, type SubmissionProblem } from './submission.js'
import { draftSubmissionProblems } from './submissionDraft.js'

/**
 * What the review workflow goes through: legal documents and cookie entries. The rules, the
 * operation (performWorkflowAction), the endpoints, the GraphQL mutation and the admin's bar are
 * one for both; what differs per collection is here.
 */
export type WorkflowSubject = {
  /** The hash an approval binds to; a publish of anything else is refused. */
  approvalHash: (req: PayloadRequest, id: number | string) => Promise<string>
  /** Everyone whose unreviewed work is in the draft: the four-eyes rule keeps them from approving. */
  contributors: (req: PayloadRequest, doc: Record<string, unknown>) => Promise<UserId[]>
  /** The review events' relationship to it (collections/LegalReviewEvents.ts). */
  eventField: 'cookieEntry' | 'document'
  /** Documents only: the notice period and version numbers. */
  legalText: boolean
  notFound: string
  slug: CollectionSlug
  /** What the latest draft still lacks before it can go to a reviewer. */
  submitProblems: (req: PayloadRequest, id: number | string) => Promise<SubmissionProblem[]>
}

/** A cookie entry's latest draft, every language, as the approval and the publish compare it. */
async function cookieDraft(
  req: PayloadRequest,
  id: number | string,
): Promise<Record<string, unknown>> {
  return await findLatestDraft(req, SLUGS.cookies, id, { locale: 'all' })
}

/** The hash of exactly the content fields of the entry's latest draft, in every language. */
export async function cookieApprovalHash(
  req: PayloadRequest,
  id: number | string,
): Promise<string> {
  const draft = await cookieDraft(req, id)
  return contentHash(Object.fromEntries(COOKIE_CONTENT_FIELDS.map((f) => [f, draft[f] ?? null])))
}

export const DOCUMENT_SUBJECT: WorkflowSubject = {
  slug: SLUGS.documents,
  approvalHash,
  contributors: contentContributors,
  eventField: 'document',
  legalText: true,
  notFound: 'Document not found.',
  submitProblems: draftSubmissionProblems,
}

export const COOKIE_SUBJECT: WorkflowSubject = {
  slug: SLUGS.cookies,
  approvalHash: cookieApprovalHash,
  contributors: (_req, doc) => Promise.resolve(idsOf(doc.workflowContributors)),
  eventField: 'cookieEntry',
  legalText: false,
  notFound: 'Cookie entry not found.',
  submitProblems: async (req, id) => cookieSubmissionProblems(await cookieDraft(req, id)),
}

export const WORKFLOW_SUBJECTS: readonly WorkflowSubject[] = [DOCUMENT_SUBJECT, COOKIE_SUBJECT]

export function subjectFor(collection: string | undefined): undefined | WorkflowSubject {
  return collection === undefined
    ? DOCUMENT_SUBJECT
    : WORKFLOW_SUBJECTS.find((s) => s.slug === collection)
}

import type { Endpoint, PayloadRequest } from 'payload'

import { forReview, redline } from '../diff/redline.js'
import { findLastArchived, findLatestDraft, localApi } from '../localApi.js'
import { freezeContent, type FrozenContent } from '../publish/freezeContent.js'
import { escapeHTML } from '../render/index.js'
import { hasRole } from '../roles.js'
import { SLUGS } from '../slugs.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { nowOf, pluginOptionsOf } from '../utilities/pluginOptions.js'
import { textOf } from '../utilities/text.js'
import { documentNoticeRefusal } from '../versions/noticePolicy.js'
import { actorOf } from '../workflow/actor.js'
import { WorkflowError } from '../workflow/errors.js'
import {
  comparisonOf,
  openChangeRequest,
  type ReviewStep,
  SETTLING_STEPS,
  showsChangeRequest,
} from '../workflow/lastReviewed.js'
import { isLive } from '../workflow/performWorkflowAction.js'
import { englishT, refusalFor, refusalText } from '../workflow/refusals.js'
import {
  type Actor,
  decideWorkflowAction,
  type ReviewState,
  STATE_LABELS,
  workflowOptions,
} from '../workflow/rules.js'
import { DOCUMENT_SUBJECT, type WorkflowSubject } from '../workflow/subjects.js'
import { workflowRoute } from './workflowEndpoint.js'

/** Whether role and state would let this person submit (the content is checked separately). */
const canSubmitNow = (state: ReviewState, actor: Actor) =>
  decideWorkflowAction({ action: 'submit', actor, contributors: [], fourEyes: false, state }).ok

/**
 * What the admin's workflow bar and preview read. Staff only: both show the current draft.
 * The rules are the same pure functions the write paths enforce, so the buttons offered are
 * exactly the ones that will be accepted.
 */

async function draftFor(
  req: PayloadRequest,
  subject: WorkflowSubject = DOCUMENT_SUBJECT,
): Promise<Record<string, unknown>> {
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) {
    throw new WorkflowError('You must be signed in as staff.', req.user ? 403 : 401)
  }
  const id = textOf(req.routeParams?.id)
  const doc = await findLatestDraft(req, subject.slug, id).catch(() => null)
  if (!doc) {
    throw new WorkflowError(subject.notFound, 404)
  }
  return doc
}

type OpenRequest = {
  at: string
  by: null | string
  comment: null | string
  reviewedContent: FrozenContent | null
}

/**
 * The document's open change request (src/workflow/lastReviewed.ts), with the reviewer's name:
 * the newest step that settles a request is read, and it is open when it is the request itself.
 */
async function openRequestOf(
  req: PayloadRequest,
  id: number | string,
): Promise<null | OpenRequest> {
  const { docs } = await req.payload.db.find<
    { by?: null | number | string; reviewedContent?: FrozenContent | null } & ReviewStep
  >({
    collection: SLUGS.reviewEvents,
    limit: 1,
    req,
    sort: '-at',
    where: { and: [{ document: { equals: id } }, { action: { in: [...SETTLING_STEPS] } }] },
  })
  const open = openChangeRequest(docs)
  if (!open) {
    return null
  }
  const usersCollection = pluginOptionsOf(req.payload)?.usersCollection
  const user =
    open.by != null && usersCollection
      ? await req.payload.db.findOne<{
          email?: null | string
          id: number | string
          name?: null | string
        }>({ collection: usersCollection, req, where: { id: { equals: open.by } } })
      : null
  return {
    at: open.at,
    by: user?.name || user?.email || null,
    comment: open.comment ?? null,
    reviewedContent: open.reviewedContent ?? null,
  }
}

/** The earliest pending scheduled publish of a document, if any. */
async function scheduledFor(
  req: PayloadRequest,
  id: number | string,
  collection: string,
): Promise<null | string> {
  const jobs = await localApi(req.payload).find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    sort: 'waitUntil',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
  })
  const job = jobs.docs.find((j) => {
    const input = (
      j as { input?: { doc?: { relationTo?: string; value?: unknown }; type?: string } }
    ).input
    return (
      input?.doc?.relationTo === collection &&
      String(input.doc.value) === String(id) &&
      input.type !== 'unpublish'
    )
  }) as { waitUntil?: string } | undefined
  return job?.waitUntil ?? null
}

/**
 * GET /api/legal-documents/:id/workflow (and /api/cookie-entries/:id/workflow) → state, label,
 * scheduled time and the signed-in user's options.
 */
export const workflowStatusEndpoint = workflowRoute('get', async (req, fourEyes, subject) => {
  const doc = await draftFor(req, subject)
  const state = (doc.workflowState as ReviewState) ?? 'draft'
  const schedule =
    state === 'approved' ? await scheduledFor(req, doc.id as number | string, subject.slug) : null
  const actor = actorOf(req)
  const live = await isLive(req, doc.id as number | string, subject.slug)
  const options = workflowOptions({
    actor,
    contributors: await subject.contributors(req, doc),
    fourEyes,
    live,
    state,
    // Only read when Submit could be this person's next step: the bar shows why it is disabled.
    submitProblems: canSubmitNow(state, actor)
      ? await subject.submitProblems(req, doc.id as number | string)
      : [],
  })
  // The notice rule (src/versions/noticePolicy.ts): Approve asks for an override reason, and
  // an approved draft that would now take effect too soon cannot be published without one.
  const pluginOptions = pluginOptionsOf(req.payload)
  const noticeRefusal =
    pluginOptions && subject.legalText && !doc.noticeOverride
      ? documentNoticeRefusal(doc, pluginOptions, nowOf(req.payload))
      : null
  const notice = noticeRefusal
    ? refusalFor({ reason: refusalText(noticeRefusal, englishT), refusal: noticeRefusal }, req)
    : null
  const { publishRefusal, ...offered } = options
  // What blocks Publish, in the asker's language, and by code for programs.
  const blocked =
    noticeRefusal && state === 'approved' && options.canPublish
      ? { code: noticeRefusal.code, reason: notice }
      : publishRefusal
        ? {
            code: publishRefusal.code,
            reason: refusalFor(
              { reason: options.publishBlockedReason ?? '', refusal: publishRefusal },
              req,
            ),
          }
        : null
  // Who asked for what, while the editor works on it and while the reviewer looks again.
  const request =
    subject.legalText && showsChangeRequest(state)
      ? await openRequestOf(req, doc.id as number | string)
      : null
  return Response.json({
    id: doc.id,
    changeRequest: request
      ? {
          at: request.at,
          by: request.by,
          canCompare: Boolean(request.reviewedContent),
          comment: request.comment,
        }
      : null,
    label: schedule ? 'Scheduled' : STATE_LABELS[state],
    lastModified: doc.lastModified ?? null,
    noticeProblem: notice,
    scheduledFor: schedule,
    version: Number(doc.version ?? 0),
    workflowState: state,
    // Whether readers see a published version now; withdrawn: published once, taken offline since.
    live,
    withdrawn: !live && Number(doc.version ?? 0) > 0,
    ...offered,
    canPublish: options.canPublish && !blocked,
    publishBlockedCode: blocked?.code ?? null,
    publishBlockedReason: blocked?.reason ?? null,
  })
})

/**
 * GET /api/legal-documents/:id/preview?locale=en&against=published|last-request → the current
 * draft rendered as it would be published (sanitized HTML), and a redline against the last
 * published version (default) or against the content the reviewer reviewed when they requested
 * the changes that are still open (`last-request`; 409 when there is no such request). `review`
 * is the same redline with the changed sections first.
 */
export function previewEndpoint(): Endpoint {
  return {
    handler: async (req) => {
      const doc = await draftFor(req)
      const against = comparisonOf(req.query?.against)
      if (!against) {
        throw new WorkflowError(
          'Unknown comparison: use against=published or against=last-request.',
          400,
        )
      }
      const localization = req.payload.config.localization
      const fallback = defaultLocaleOf(req.payload)
      const wanted = typeof req.query?.locale === 'string' ? req.query.locale : fallback
      const locale = localization && !localization.localeCodes.includes(wanted) ? fallback : wanted
      const { content } = await freezeContent(req, doc.id as number | string)
      const draft = content.locales[locale] ?? content.locales[fallback]
      const archived = await findLastArchived(req, doc.id as number | string)
      const request =
        against === 'last-request' ? await openRequestOf(req, doc.id as number | string) : null
      if (against === 'last-request' && !request?.reviewedContent) {
        throw new WorkflowError(
          'No open change request holds the content that was reviewed: compare with the published version instead.',
          409,
        )
      }
      const base = request?.reviewedContent ?? archived?.content
      const before = base ? (base.locales[locale] ?? base.locales[fallback]) : undefined
      const lines = redline(before ?? { sections: [], summary: '', title: '' }, draft)
      return Response.json({
        against,
        comparedWith: archived ? archived.version : null,
        html: draft.sections
          .map(
            (s) =>
              `<section id="${escapeHTML(s.anchor)}"><h2>${escapeHTML(s.heading)}</h2>${s.html}</section>`,
          )
          .join(''),
        locale,
        title: draft.title,
        // against=last-request: whose request, and when (the content compared with is theirs).
        redline: lines,
        request: request ? { at: request.at, by: request.by } : null,
        review: forReview(lines.sections),
      })
    },
    method: 'get',
    path: '/:id/preview',
  }
}

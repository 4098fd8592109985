import type { Endpoint, PayloadRequest } from 'payload'

import { redline } from '../diff/redline.js'
import { freezeContent, type FrozenContent } from '../publish/freezeContent.js'
import { escapeHTML } from '../render/index.js'
import { hasRole } from '../roles.js'
import { SLUGS } from '../slugs.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { nowOf, pluginOptionsOf } from '../utilities/pluginOptions.js'
import { documentNoticeProblem } from '../versions/noticePolicy.js'
import { actorOf } from '../workflow/actor.js'
import { WorkflowError } from '../workflow/errors.js'
import { contentContributors } from '../workflow/approval.js'
import { isLive } from '../workflow/performWorkflowAction.js'
import { draftSubmissionProblems } from '../workflow/submissionDraft.js'
import { type Actor, decideWorkflowAction, type ReviewState, STATE_LABELS, workflowOptions } from '../workflow/rules.js'

/** Whether role and state would let this person submit (the content is checked separately). */
const canSubmitNow = (state: ReviewState, actor: Actor) =>
  decideWorkflowAction({ action: 'submit', state, actor, contributors: [], fourEyes: false }).ok

/**
 * What the admin's workflow bar and preview read. Staff only: both show the current draft.
 * The rules are the same pure functions the write paths enforce, so the buttons offered are
 * exactly the ones that will be accepted.
 */

async function draftFor(req: PayloadRequest): Promise<Record<string, unknown>> {
  if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) throw new WorkflowError('You must be signed in as staff.', req.user ? 403 : 401)
  const doc = (await req.payload
    .findByID({ collection: SLUGS.documents, id: String(req.routeParams?.id ?? ''), draft: true, depth: 0, overrideAccess: true, req })
    .catch(() => null)) as Record<string, unknown> | null
  if (!doc) throw new WorkflowError('Document not found.', 404)
  return doc
}

/** The earliest pending scheduled publish of a document, if any. */
async function scheduledFor(req: PayloadRequest, id: string | number): Promise<string | null> {
  const jobs = await req.payload.find({
    collection: 'payload-jobs' as never,
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    sort: 'waitUntil',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const job = jobs.docs.find((j) => {
    const input = (j as { input?: { doc?: { relationTo?: string; value?: unknown }; type?: string } }).input
    return input?.doc?.relationTo === SLUGS.documents && String(input.doc.value) === String(id) && input.type !== 'unpublish'
  }) as { waitUntil?: string } | undefined
  return job?.waitUntil ?? null
}

/** GET /api/legal-documents/:id/workflow → state, label, scheduled time and the signed-in user's options. */
export function workflowStatusEndpoint(fourEyes: boolean): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'get',
    handler: async (req) => {
      const doc = await draftFor(req)
      const state = ((doc.workflowState as ReviewState) ?? 'draft') as ReviewState
      const schedule = state === 'approved' ? await scheduledFor(req, doc.id as string | number) : null
      const actor = actorOf(req)
      const live = await isLive(req, doc.id as string | number)
      const options = workflowOptions({
        state,
        actor,
        live,
        contributors: await contentContributors(req, doc),
        fourEyes,
        // Only read when Submit could be this person's next step: the bar shows why it is disabled.
        submitProblems: canSubmitNow(state, actor) ? await draftSubmissionProblems(req, doc.id as string | number) : [],
      })
      // The notice rule (src/versions/noticePolicy.ts): Approve asks for an override reason, and
      // an approved draft that would now take effect too soon cannot be published without one.
      const pluginOptions = pluginOptionsOf(req.payload)
      const notice = pluginOptions && !doc.noticeOverride ? documentNoticeProblem(doc, pluginOptions, nowOf(req.payload)) : null
      if (notice && state === 'approved' && options.canPublish) {
        options.canPublish = false
        options.publishBlockedReason = notice
      }
      return Response.json({
        id: doc.id,
        workflowState: state,
        noticeProblem: notice,
        label: schedule ? 'Scheduled' : STATE_LABELS[state],
        scheduledFor: schedule,
        version: Number(doc.version ?? 0),
        lastModified: doc.lastModified ?? null,
        // Whether readers see a published version now; withdrawn: published once, taken offline since.
        live,
        withdrawn: !live && Number(doc.version ?? 0) > 0,
        ...options,
      })
    },
  }
}

/**
 * GET /api/legal-documents/:id/preview?locale=en → the current draft rendered as it would be
 * published (sanitized HTML), and a redline against the last published version.
 */
export function previewEndpoint(): Endpoint {
  return {
    path: '/:id/preview',
    method: 'get',
    handler: async (req) => {
      const doc = await draftFor(req)
      const localization = req.payload.config.localization
      const fallback = defaultLocaleOf(req.payload)
      const wanted = typeof req.query?.locale === 'string' ? req.query.locale : fallback
      const locale = localization && !localization.localeCodes.includes(wanted) ? fallback : wanted
      const { content } = await freezeContent(req, doc.id as string | number)
      const draft = content.locales[locale] ?? content.locales[fallback]!
      const last = await req.payload.find({
        collection: SLUGS.versions,
        where: { document: { equals: doc.id } },
        sort: '-version',
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const archived = last.docs[0] as unknown as { version: number; content: FrozenContent } | undefined
      const before = archived ? (archived.content.locales[locale] ?? archived.content.locales[fallback]) : undefined
      return Response.json({
        locale,
        title: draft.title,
        html: draft.sections.map((s) => `<section id="${escapeHTML(s.anchor)}"><h2>${escapeHTML(s.heading)}</h2>${s.html}</section>`).join(''),
        comparedWith: archived ? archived.version : null,
        redline: redline(before ?? { title: '', summary: '', sections: [] }, draft),
      })
    },
  }
}

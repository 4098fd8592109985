import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { localApi } from '../localApi.js'
import { freezeContent } from '../publish/freezeContent.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'
import { completePublish, type PublishPlan } from '../publish/completePublish.js'
import { planPublish, type PublishRefusal, refusePublish } from '../publish/planPublish.js'
import { assertNoConflictingEdit, assertStillLatest, lockForWrite } from '../publish/concurrency.js'
import { queuePublishWebhooks } from '../webhooks/webhookTask.js'
import { SLUG_PATTERN, SLUGS } from '../slugs.js'
import { actorOf } from '../workflow/actor.js'
import { fieldError, WorkflowError } from '../workflow/errors.js'
import { DOCUMENT_CONTENT_FIELDS, DOCUMENT_SYSTEM_FIELDS, pinSystemFields } from '../workflow/fields.js'
import { incomingData } from '../workflow/incomingData.js'
import { contentContributors, unionIds } from '../workflow/approval.js'
import { recordReviewEvent } from '../workflow/reviewEvents.js'
import { canEditContent, type ReviewState, stateAfterContentChange } from '../workflow/rules.js'
import { isRestoringVersion, requestKey } from '../workflow/requestKey.js'
import { asTrusted, isTrusted } from '../workflow/trust.js'
import { slugifyAnchor, uniqueAnchor } from '../render/index.js'
import { anchorsInUse } from './sectionHooks.js'
import { changedFields } from '../utilities/compare.js'
import { idOf, idsOf } from '../utilities/ids.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { nowOf } from '../utilities/pluginOptions.js'
import { effectiveAt } from '../versions/timeline.js'

type PendingEffects = { publish?: PublishPlan; approvalVoided?: boolean; claim?: (string | number)[] }

// Work decided in beforeChange and done in afterChange, inside the same transaction.
const pending = new WeakMap<PayloadRequest, Map<string, PendingEffects>>()
function effectsFor(req: PayloadRequest, id: string | number): PendingEffects {
  let byDoc = pending.get(requestKey(req))
  if (!byDoc) pending.set(requestKey(req), (byDoc = new Map()))
  let effects = byDoc.get(String(id))
  if (!effects) byDoc.set(String(id), (effects = {}))
  return effects
}
function takeEffects(req: PayloadRequest, id: string | number): PendingEffects | undefined {
  const byDoc = pending.get(requestKey(req))
  const effects = byDoc?.get(String(id))
  byDoc?.delete(String(id))
  return effects
}

/** Listed sections that belong to no document yet: written in the admin's "Add new" drawer. */
async function unclaimedSections(req: PayloadRequest, sections: unknown): Promise<(string | number)[]> {
  const ids = (Array.isArray(sections) ? sections : []).map(idOf)
  if (!ids.length) return []
  const found = await localApi(req.payload).find({
    collection: SLUGS.sections,
    where: { and: [{ id: { in: ids } }, { document: { exists: false } }] },
    draft: true,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs.map((d) => d.id)
}

/** Makes each unclaimed section part of the document, with a link name unique within it. */
async function claimSections(req: PayloadRequest, documentId: string | number, ids: (string | number)[]): Promise<void> {
  for (const id of ids) {
    const section = (await localApi(req.payload).findByID({ collection: SLUGS.sections, id, draft: true, depth: 0, overrideAccess: true, req }))
    const taken = await anchorsInUse(req, documentId, id)
    const anchor = uniqueAnchor(String(section.anchor || slugifyAnchor(String(section.heading ?? ''))), taken)
    await asTrusted(req, () =>
      localApi(req.payload).update({ collection: SLUGS.sections, id, data: { document: documentId, anchor }, draft: true, depth: 0, overrideAccess: true, req }),
    )
  }
}

async function checkSectionsBelong(req: PayloadRequest, documentId: string | number, sections: unknown): Promise<void> {
  const ids = (Array.isArray(sections) ? sections : []).map(idOf)
  if (!ids.length) return
  const foreign = await localApi(req.payload).find({
    collection: SLUGS.sections,
    where: { and: [{ id: { in: ids } }, { document: { exists: true } }, { document: { not_equals: documentId } }] },
    draft: true,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (foreign.totalDocs > 0) {
    throw fieldError(SLUGS.documents, 'sections', 'A section of another document cannot be listed here.')
  }
}

const publishRefusal = (refusal: PublishRefusal) =>
  refusal.field
    ? fieldError(SLUGS.documents, refusal.field, refusal.message)
    : new WorkflowError(refusal.message, refusal.status, refusal.problems ? { problems: refusal.problems } : undefined)

export const documentBeforeChange =
  (options: ResolvedLegalDocumentsPluginOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
  if (isTrusted(req)) return data
  // The restored version carries the status it had then; restoring it is an edit, never a publish.
  if (isRestoringVersion(req)) data._status = 'draft'
  const actor = actorOf(req)
  const publishing = data._status === 'published'
  const original = (originalDoc ?? {}) as Record<string, unknown>
  pinSystemFields(data, operation === 'create' ? undefined : original, DOCUMENT_SYSTEM_FIELDS)

  if (data.slug !== undefined && data.slug !== null && !SLUG_PATTERN.test(String(data.slug))) {
    throw fieldError(SLUGS.documents, 'slug', 'Use lowercase letters, digits and single hyphens only, e.g. "privacy-policy".')
  }

  if (operation === 'create') {
    if (publishing) throw new WorkflowError('A new document must be reviewed and approved before it is published.', 409)
    if (actor && !canEditContent(actor)) throw new WorkflowError('Only editors can create documents.', 403)
    return {
      ...data,
      workflowState: 'draft',
      version: 0,
      workflowContributors: actor ? [actor.id] : [],
      updatedBy: actor?.id ?? null,
    }
  }

  const id = original.id as string | number
  const state = ((original.workflowState as ReviewState) ?? 'draft') as ReviewState
  const changed = changedFields(data, original, DOCUMENT_CONTENT_FIELDS)
  if (req.user && !canEditContent(actor) && changedFields(incomingData(req, data), original, DOCUMENT_CONTENT_FIELDS).length) {
    throw new WorkflowError('Reviewers cannot change the text. Use "Request changes" to ask for edits.', 403)
  }
  // One write at a time per document, and only over the draft this request read: concurrent
  // publishes, saves and section edits would otherwise each start from the same draft, so one
  // could undo another (src/publish/concurrency.ts).
  await lockForWrite(
    req,
    SLUGS.documents,
    id,
    publishing ? 'This document is being published by someone else right now.' : 'This document is being saved or published by someone else right now. Try again in a moment.',
  )
  if (!publishing) {
    const latest = await assertStillLatest(req, SLUGS.documents, original, () => 'This document changed while you were saving it (or you saved an older copy of it). Reload it and try again.')
    if (!isRestoringVersion(req)) {
      await assertNoConflictingEdit(
        req,
        SLUGS.documents,
        latest,
        incomingData(req, data).updatedAt,
        DOCUMENT_CONTENT_FIELDS,
        'Someone else changed this document since you opened it. Reload it to see their changes; yours were not saved.',
      )
    }
  }
  if (changed.includes('sections')) {
    await checkSectionsBelong(req, id, data.sections)
    const claim = await unclaimedSections(req, data.sections)
    if (claim.length) effectsFor(req, id).claim = claim
  }

  if (publishing) {
    // Decided in src/publish/planPublish.ts (pure); here only the reads and the writes.
    const latest = (await localApi(req.payload).findByID({
      collection: SLUGS.documents,
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      req,
    }))
    const refused = refusePublish({ original, latest, actor, system: !req.user, changed })
    if (refused) throw publishRefusal(refused)
    const frozen = await freezeContent(req, id)
    const last = await localApi(req.payload).find({
      collection: SLUGS.versions,
      where: { document: { equals: id } },
      sort: '-version',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const previous = last.docs[0] as { contentHash?: string; version?: number } | undefined
    const plan = planPublish({ original, frozenHash: frozen.hash, previous, options, now: nowOf(req.payload) })
    if ('refusal' in plan) throw publishRefusal(plan.refusal)
    const { outcome } = plan
    effectsFor(req, id).publish = { ...frozen, ...outcome, lastModified: outcome.lastModified ?? outcome.publishedAt }
    return {
      ...data,
      workflowState: 'published',
      workflowContributors: [],
      noticeOverride: null,
      version: outcome.version,
      lastModified: outcome.lastModified,
      // The summary belongs to this publish (the archive keeps it); the next one needs its own.
      changeSummary: outcome.contentChanged ? null : outcome.changeSummary,
      materialChange: outcome.contentChanged ? false : outcome.materialChange,
    }
  }

  if (!changed.length) return data
  if (req.user && !canEditContent(actor)) {
    throw new WorkflowError('Reviewers cannot change the text. Use "Request changes" to ask for edits.', 403)
  }
  const next = stateAfterContentChange(state)
  let contributors = idsOf(original.workflowContributors)
  if (actor && !contributors.some((c) => String(c) === String(actor.id))) contributors.push(actor.id)
  // Sections listed here bring the authors of their unpublished drafts with them.
  if (changed.includes('sections')) contributors = unionIds([...contributors, ...(await contentContributors(req, { sections: data.sections }))])
  if (state === 'approved') effectsFor(req, id).approvalVoided = true
  return {
    ...data,
    workflowState: next,
    workflowContributors: contributors,
    updatedBy: actor?.id ?? original.updatedBy ?? null,
    ...(state === 'approved' ? { approvedBy: null, approvedAt: null, approvedContentHash: null, noticeOverride: null } : {}),
  }
}

export const documentAfterChange =
  (options: ResolvedLegalDocumentsPluginOptions): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const effects = takeEffects(req, doc.id)
    if (!effects) return doc
    if (effects.claim?.length) await claimSections(req, doc.id, effects.claim)
    if (effects.approvalVoided) {
      await recordReviewEvent(req, { document: doc.id, action: 'approval-voided', comment: 'The document changed after approval.' })
    }
    const publish = effects.publish
    if (publish) {
      await completePublish(req, doc.id, publish)
      await recordReviewEvent(req, { document: doc.id, action: 'published', version: publish.version })
      if (publish.contentChanged) {
        const defaultLocale = defaultLocaleOf(req.payload)
        await queuePublishWebhooks(req, options, {
          slug: publish.content.slug,
          version: publish.version,
          materialChange: publish.materialChange,
          title: publish.content.locales[defaultLocale]?.title ?? '',
          publishedAt: publish.publishedAt,
          lastModified: publish.lastModified,
          effectiveDate: new Date(effectiveAt({ publishedAt: publish.publishedAt, effectiveDate: publish.content.effectiveDate })).toISOString(),
        })
      }
    }
    return doc
  }

/** Published legal text is evidence: a document with archived versions is never deleted. */
export const documentBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (isTrusted(req)) return
  const archived = await req.payload.count({
    collection: SLUGS.versions,
    where: { document: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (archived.totalDocs > 0) {
    throw new WorkflowError('This document has been published; its history must be kept, so it cannot be deleted.', 409)
  }
}

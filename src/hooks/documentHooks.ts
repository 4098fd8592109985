import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

import { findDrafts, findLastArchived, findLatestDraft, localApi } from '../localApi.js'
import { completePublish, type PublishPlan } from '../publish/completePublish.js'
import { assertSavesLatestDraft, lockForWrite } from '../publish/concurrency.js'
import { freezeContent } from '../publish/freezeContent.js'
import { planPublish, type PublishRefusal, refusePublish } from '../publish/planPublish.js'
import { slugifyAnchor, uniqueAnchor } from '../render/index.js'
import { SLUG_PATTERN, SLUGS } from '../slugs.js'
import { changedFields } from '../utilities/compare.js'
import { idOf, idsOf } from '../utilities/ids.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { nowOf } from '../utilities/pluginOptions.js'
import { textOf } from '../utilities/text.js'
import { effectiveAt } from '../versions/timeline.js'
import { queuePublishWebhooks } from '../webhooks/webhookTask.js'
import { actorOf } from '../workflow/actor.js'
import {
  afterContentChange,
  contentContributors,
  unionIds,
  withContributor,
} from '../workflow/approval.js'
import { fieldError, WorkflowError } from '../workflow/errors.js'
import {
  DOCUMENT_CONTENT_FIELDS,
  DOCUMENT_SYSTEM_FIELDS,
  pinSystemFields,
} from '../workflow/fields.js'
import { incomingData } from '../workflow/incomingData.js'
import { refusalFor } from '../workflow/refusals.js'
import { PendingEffects } from '../workflow/requestKey.js'
import { recordReviewEvent } from '../workflow/reviewEvents.js'
import { canEditContent, type ReviewState } from '../workflow/rules.js'
import { asTrusted, isTrusted } from '../workflow/trust.js'
import { reviewedBeforeChange } from './restoreGuard.js'
import { anchorsInUse } from './sectionHooks.js'

type DocumentEffects = {
  approvalVoided?: boolean
  claim?: (number | string)[]
  publish?: PublishPlan
}

const pending = new PendingEffects<DocumentEffects>()

/** Listed sections that belong to no document yet: written in the admin's "Add new" drawer. */
async function unclaimedSections(
  req: PayloadRequest,
  sections: unknown,
): Promise<(number | string)[]> {
  const ids = (Array.isArray(sections) ? sections : []).map(idOf)
  if (!ids.length) {
    return []
  }
  const found = await findDrafts(req, SLUGS.sections, {
    and: [{ id: { in: ids } }, { document: { exists: false } }],
  })
  return found.map((d) => d.id)
}

/** Makes each unclaimed section part of the document, with a link name unique within it. */
async function claimSections(
  req: PayloadRequest,
  documentId: number | string,
  ids: (number | string)[],
): Promise<void> {
  for (const id of ids) {
    const section = await findLatestDraft(req, SLUGS.sections, id)
    const taken = await anchorsInUse(req, documentId, id)
    const anchor = uniqueAnchor(
      textOf(section.anchor) || slugifyAnchor(textOf(section.heading)),
      taken,
    )
    await asTrusted(req, () =>
      localApi(req.payload).update({
        id,
        collection: SLUGS.sections,
        data: { anchor, document: documentId },
        depth: 0,
        draft: true,
        overrideAccess: true,
        req,
      }),
    )
  }
}

async function checkSectionsBelong(
  req: PayloadRequest,
  documentId: number | string,
  sections: unknown,
): Promise<void> {
  const ids = (Array.isArray(sections) ? sections : []).map(idOf)
  if (!ids.length) {
    return
  }
  const foreign = await localApi(req.payload).find({
    collection: SLUGS.sections,
    depth: 0,
    draft: true,
    limit: 1,
    overrideAccess: true,
    req,
    where: {
      and: [
        { id: { in: ids } },
        { document: { exists: true } },
        { document: { not_equals: documentId } },
      ],
    },
  })
  if (foreign.totalDocs > 0) {
    throw fieldError(
      SLUGS.documents,
      'sections',
      'A section of another document cannot be listed here.',
    )
  }
}

const publishRefusal = (refusal: PublishRefusal, req: PayloadRequest) =>
  refusal.field
    ? fieldError(SLUGS.documents, refusal.field, refusal.message)
    : new WorkflowError(
        refusal.refusal
          ? refusalFor({ reason: refusal.message, refusal: refusal.refusal }, req)
          : refusal.message,
        refusal.status,
        refusal.problems ? { problems: refusal.problems } : undefined,
      )

export const documentBeforeChange = (
  options: ResolvedLegalDocumentsPluginOptions,
): CollectionBeforeChangeHook =>
  reviewedBeforeChange(async ({ data, operation, originalDoc, req }) => {
    const actor = actorOf(req)
    const publishing = data._status === 'published'
    const original = (originalDoc ?? {}) as Record<string, unknown>
    pinSystemFields(data, operation === 'create' ? undefined : original, DOCUMENT_SYSTEM_FIELDS)

    if (data.slug !== undefined && data.slug !== null && !SLUG_PATTERN.test(String(data.slug))) {
      throw fieldError(
        SLUGS.documents,
        'slug',
        'Use lowercase letters, digits and single hyphens only, e.g. "privacy-policy".',
      )
    }

    if (operation === 'create') {
      if (publishing) {
        throw new WorkflowError(
          'A new document must be reviewed and approved before it is published.',
          409,
        )
      }
      if (actor && !canEditContent(actor)) {
        throw new WorkflowError('Only editors can create documents.', 403)
      }
      return {
        ...data,
        updatedBy: actor?.id ?? null,
        version: 0,
        workflowContributors: actor ? [actor.id] : [],
        workflowState: 'draft',
      }
    }

    const id = original.id as number | string
    const state = (original.workflowState as ReviewState) ?? 'draft'
    const changed = changedFields(data, original, DOCUMENT_CONTENT_FIELDS)
    if (
      req.user &&
      !canEditContent(actor) &&
      changedFields(incomingData(req, data), original, DOCUMENT_CONTENT_FIELDS).length
    ) {
      throw new WorkflowError(
        'Reviewers cannot change the text. Use "Request changes" to ask for edits.',
        403,
      )
    }
    // One write at a time per document, and only over the draft this request read: concurrent
    // publishes, saves and section edits would otherwise each start from the same draft, so one
    // could undo another (src/publish/concurrency.ts).
    await lockForWrite(
      req,
      SLUGS.documents,
      id,
      publishing
        ? 'This document is being published by someone else right now.'
        : 'This document is being saved or published by someone else right now. Try again in a moment.',
    )
    if (!publishing) {
      await assertSavesLatestDraft(req, SLUGS.documents, original, data, DOCUMENT_CONTENT_FIELDS, {
        conflict:
          'Someone else changed this document since you opened it. Reload it to see their changes; yours were not saved.',
        stale:
          'This document changed while you were saving it (or you saved an older copy of it). Reload it and try again.',
      })
    }
    if (changed.includes('sections')) {
      await checkSectionsBelong(req, id, data.sections)
      const claim = await unclaimedSections(req, data.sections)
      if (claim.length) {
        pending.for(req, id).claim = claim
      }
    }

    if (publishing) {
      // Decided in src/publish/planPublish.ts (pure); here only the reads and the writes.
      const latest = await findLatestDraft(req, SLUGS.documents, id)
      const refused = refusePublish({ actor, changed, latest, original, system: !req.user })
      if (refused) {
        throw publishRefusal(refused, req)
      }
      const frozen = await freezeContent(req, id)
      const previous = await findLastArchived(req, id)
      const plan = planPublish({
        frozenHash: frozen.hash,
        now: nowOf(req.payload),
        options,
        original,
        previous,
      })
      if ('refusal' in plan) {
        throw publishRefusal(plan.refusal, req)
      }
      const { outcome } = plan
      pending.for(req, id).publish = {
        ...frozen,
        ...outcome,
        lastModified: outcome.lastModified ?? outcome.publishedAt,
      }
      return {
        ...data,
        lastModified: outcome.lastModified,
        noticeOverride: null,
        version: outcome.version,
        workflowContributors: [],
        workflowState: 'published',
        // The summary belongs to this publish (the archive keeps it); the next one needs its own.
        changeSummary: outcome.contentChanged ? null : outcome.changeSummary,
        materialChange: outcome.contentChanged ? false : outcome.materialChange,
      }
    }

    if (!changed.length) {
      return data
    }
    if (req.user && !canEditContent(actor)) {
      throw new WorkflowError(
        'Reviewers cannot change the text. Use "Request changes" to ask for edits.',
        403,
      )
    }
    let contributors = withContributor(idsOf(original.workflowContributors), actor?.id)
    // Sections listed here bring the authors of their unpublished drafts with them.
    if (changed.includes('sections')) {
      contributors = unionIds([
        ...contributors,
        ...(await contentContributors(req, { sections: data.sections })),
      ])
    }
    if (state === 'approved') {
      pending.for(req, id).approvalVoided = true
    }
    return {
      ...data,
      updatedBy: actor?.id ?? original.updatedBy ?? null,
      ...afterContentChange(state, contributors, { noticeOverride: null }),
    }
  })

export const documentAfterChange =
  (options: ResolvedLegalDocumentsPluginOptions): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const effects = pending.take(req, doc.id)
    if (!effects) {
      return doc
    }
    if (effects.claim?.length) {
      await claimSections(req, doc.id, effects.claim)
    }
    if (effects.approvalVoided) {
      await recordReviewEvent(req, {
        action: 'approval-voided',
        comment: 'The document changed after approval.',
        document: doc.id,
      })
    }
    const publish = effects.publish
    if (publish) {
      await completePublish(req, doc.id, publish)
      await recordReviewEvent(req, {
        action: 'published',
        document: doc.id,
        version: publish.version,
      })
      if (publish.contentChanged) {
        const defaultLocale = defaultLocaleOf(req.payload)
        await queuePublishWebhooks(req, options, {
          slug: publish.content.slug,
          effectiveDate: new Date(
            effectiveAt({
              effectiveDate: publish.content.effectiveDate,
              publishedAt: publish.publishedAt,
            }),
          ).toISOString(),
          lastModified: publish.lastModified,
          materialChange: publish.materialChange,
          publishedAt: publish.publishedAt,
          title: publish.content.locales[defaultLocale]?.title ?? '',
          version: publish.version,
        })
      }
    }
    return doc
  }

/** Published legal text is evidence: a document with archived versions is never deleted. */
export const documentBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (isTrusted(req)) {
    return
  }
  const archived = await req.payload.count({
    collection: SLUGS.versions,
    overrideAccess: true,
    req,
    where: { document: { equals: id } },
  })
  if (archived.totalDocs > 0) {
    throw new WorkflowError(
      'This document has been published; its history must be kept, so it cannot be deleted.',
      409,
    )
  }
}

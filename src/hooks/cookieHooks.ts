import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { bumpConsentRevision } from '../cookies/bumpConsentRevision.js'
import { announcePublish } from '../delivery/invalidation.js'
import { findLatestDraft } from '../localApi.js'
import { assertStillLatest, lockForWrite } from '../publish/concurrency.js'
import { refusePublish } from '../publish/planPublish.js'
import { SLUGS } from '../slugs.js'
import { changedFields } from '../utilities/compare.js'
import { idsOf } from '../utilities/ids.js'
import { actorOf } from '../workflow/actor.js'
import { afterContentChange, APPROVAL_OUTDATED, withContributor } from '../workflow/approval.js'
import { fieldError, WorkflowError } from '../workflow/errors.js'
import { COOKIE_CONTENT_FIELDS, COOKIE_SYSTEM_FIELDS, pinSystemFields } from '../workflow/fields.js'
import { incomingData } from '../workflow/incomingData.js'
import { PendingEffects, requestKey } from '../workflow/requestKey.js'
import { recordReviewEvent } from '../workflow/reviewEvents.js'
import { canEditContent, type ReviewState } from '../workflow/rules.js'
import { cookieApprovalHash } from '../workflow/subjects.js'
import { isTrusted } from '../workflow/trust.js'
import { refuseDeletingPublished } from './refuseUnpublish.js'
import { reviewedBeforeChange } from './restoreGuard.js'

/**
 * Cookie entries go through the same review as documents (src/workflow/subjects.ts): an editor's
 * change pulls the entry back to draft and voids an approval; only an approved entry is
 * published, by a reviewer or admin, and only with exactly the content that was approved.
 */

type CookieEffects = { approvalVoided?: boolean; published?: boolean }

// Work decided in beforeChange and done in afterChange (same transaction): per entry, and per
// request the number of significant publishes, which raise the consent revision once.
const effects = new PendingEffects<CookieEffects>()
const material = new WeakMap<PayloadRequest, number>()

const REVIEWER_EDIT =
  'Reviewers cannot change cookie entries. Use "Request changes" to ask for edits.'

const cookieChecks: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const original = (originalDoc ?? {}) as Record<string, unknown>
  pinSystemFields(data, operation === 'create' ? undefined : original, COOKIE_SYSTEM_FIELDS)
  const actor = actorOf(req)
  const publishing = data._status === 'published'

  if (operation === 'create') {
    if (publishing) {
      throw new WorkflowError(
        'A new cookie entry must be reviewed and approved before it is published.',
        409,
      )
    }
    return {
      ...data,
      updatedBy: actor?.id ?? null,
      workflowContributors: actor ? [actor.id] : [],
      workflowState: 'draft',
    }
  }

  const id = original.id as number | string
  const changed = changedFields(data, original, COOKIE_CONTENT_FIELDS)
  // What the caller sent, before field access dropped what a reviewer may not write.
  if (
    req.user &&
    !canEditContent(actor) &&
    changedFields(incomingData(req, data), original, COOKIE_CONTENT_FIELDS).length
  ) {
    throw new WorkflowError(REVIEWER_EDIT, 403)
  }
  // One write at a time per entry: an approval (which hashes the draft under this lock), a
  // publish and a save cannot interleave.
  await lockForWrite(
    req,
    SLUGS.cookies,
    id,
    'This cookie entry is being saved or published by someone else right now. Try again in a moment.',
  )

  if (publishing) {
    const latest = await findLatestDraft(req, SLUGS.cookies, id)
    const refused = refusePublish({ actor, changed, latest, original, system: !req.user })
    if (refused) {
      throw new WorkflowError(refused.message, refused.status)
    }
    if (!original.category) {
      throw fieldError(
        SLUGS.cookies,
        'category',
        'Choose a category before publishing: an unclassified cookie cannot be published.',
      )
    }
    // What the reviewer approved is exactly what goes live, whatever path changed the draft since.
    if (
      !original.approvedContentHash ||
      original.approvedContentHash !== (await cookieApprovalHash(req, id))
    ) {
      throw new WorkflowError(APPROVAL_OUTDATED, 409)
    }
    if (original.materialChange) {
      material.set(requestKey(req), (material.get(requestKey(req)) ?? 0) + 1)
    }
    effects.for(req, id).published = true
    // The flag belongs to this publish (it raises the consent revision once); the next change
    // starts unflagged.
    return { ...data, materialChange: false, workflowContributors: [], workflowState: 'published' }
  }

  if (!changed.length) {
    return data
  }
  await assertStillLatest(
    req,
    SLUGS.cookies,
    original,
    () => 'This cookie entry changed while you were saving it. Reload it and try again.',
  )
  const state = (original.workflowState as ReviewState | undefined) ?? 'draft'
  const contributors = withContributor(idsOf(original.workflowContributors), actor?.id)
  if (state === 'approved') {
    effects.for(req, id).approvalVoided = true
  }
  return {
    ...data,
    updatedBy: actor?.id ?? original.updatedBy ?? null,
    ...afterContentChange(state, contributors),
  }
}

export const cookieBeforeChange = reviewedBeforeChange(cookieChecks)

export const cookieAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const done = effects.take(req, doc.id)
  if (!done) {
    return doc
  }
  if (done.approvalVoided) {
    await recordReviewEvent(req, {
      action: 'approval-voided',
      comment: 'The cookie entry changed after approval.',
      cookieEntry: doc.id,
    })
  }
  if (done.published) {
    await recordReviewEvent(req, { action: 'published', cookieEntry: doc.id })
    if ((material.get(requestKey(req)) ?? 0) > 0) {
      material.delete(requestKey(req))
      await bumpConsentRevision(req)
    }
    await announcePublish(req)
  }
  return doc
}

export const cookieAfterDelete = async ({
  doc,
  req,
}: {
  doc: Record<string, unknown>
  req: PayloadRequest
}) => {
  if (doc._status === 'published') {
    await announcePublish(req)
  }
  return doc
}

/**
 * A published entry is part of the live declaration: it leaves it through the workflow's
 * "Withdraw" (a reviewer's or admin's, with a reason on the record), never by a delete. An
 * entry that was ever published keeps its review history, so it is not deleted either. A draft
 * that never went live is its editor's to remove; reviewers only read.
 */
export const cookieBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (isTrusted(req) || !req.user) {
    return
  }
  await refuseDeletingPublished(
    req,
    SLUGS.cookies,
    id,
    'This cookie is in the published declaration. A reviewer or admin withdraws it with the workflow\'s "Withdraw" action, with a reason.',
  )
  const published = await req.payload.count({
    collection: SLUGS.reviewEvents,
    overrideAccess: true,
    req,
    where: { and: [{ cookieEntry: { equals: id } }, { action: { equals: 'published' } }] },
  })
  if (published.totalDocs > 0) {
    throw new WorkflowError(
      'This cookie entry was published once; its review history must be kept, so it cannot be deleted.',
      409,
    )
  }
  if (!canEditContent(actorOf(req))) {
    throw new WorkflowError('Reviewers cannot remove a draft cookie entry; ask its editor.', 403)
  }
}

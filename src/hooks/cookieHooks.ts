import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { bumpConsentRevision } from '../cookies/bumpConsentRevision.js'
import { announcePublish } from '../delivery/invalidation.js'

import { SLUGS } from '../slugs.js'
import { actorOf } from '../workflow/actor.js'
import { fieldError, WorkflowError } from '../workflow/errors.js'
import { COOKIE_CONTENT_FIELDS, pinSystemFields } from '../workflow/fields.js'
import { canEditContent, canPublishRole } from '../workflow/rules.js'
import { incomingData } from '../workflow/incomingData.js'
import { isRestoringVersion, requestKey } from '../workflow/requestKey.js'
import { isTrusted } from '../workflow/trust.js'
import { changedFields } from '../utilities/compare.js'

// Publishes decided in beforeChange, finished in afterChange (same transaction): count of
// significant ones, which raise the consent revision.
const publishing = new WeakMap<PayloadRequest, number>()

export const cookieAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const material = publishing.get(requestKey(req))
  if (material === undefined) return doc
  publishing.delete(requestKey(req))
  if (material > 0) await bumpConsentRevision(req)
  await announcePublish(req)
  return doc
}

export const cookieBeforeChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (isTrusted(req)) return data
  if (isRestoringVersion(req)) data._status = 'draft'
  const original = (originalDoc ?? {}) as Record<string, unknown>
  pinSystemFields(data, operation === 'create' ? undefined : original, ['updatedBy'])
  const actor = actorOf(req)
  const changed = operation === 'create' ? [...COOKIE_CONTENT_FIELDS] : changedFields(data, original, COOKIE_CONTENT_FIELDS)
  // Before this hook changes `data` itself (the publish below resets materialChange).
  const attempted = operation === 'create' ? changed : changedFields(incomingData(req, data), original, COOKIE_CONTENT_FIELDS)

  if (data._status === 'published') {
    if (req.user && !canPublishRole(actor)) throw new WorkflowError('Only reviewers and admins can publish.', 403)
    if (!(data.category ?? original.category)) {
      throw fieldError(SLUGS.cookies, 'category', 'Choose a category before publishing: an unclassified cookie cannot be published.')
    }
    const material = Boolean(data.materialChange ?? original.materialChange)
    publishing.set(requestKey(req), (publishing.get(requestKey(req)) ?? 0) + (material ? 1 : 0))
    // The flag belongs to this publish (it raises the consent revision once); the next change
    // starts unflagged.
    data.materialChange = false
  }
  if (attempted.length && req.user && !canEditContent(actor) && operation === 'update') {
    throw new WorkflowError('Reviewers cannot change cookie entries; they can only publish them.', 403)
  }
  return changed.length ? { ...data, updatedBy: actor?.id ?? null } : data
}

export const cookieAfterDelete = async ({ doc, req }: { doc: Record<string, unknown>; req: PayloadRequest }) => {
  if (doc._status === 'published') await announcePublish(req)
  return doc
}

/**
 * Removing a published entry changes the live declaration, like a publish: reviewers and
 * admins only. An entry that was never published is an editor's draft, which reviewers only
 * read.
 */
export const cookieBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (isTrusted(req) || !req.user) return
  const entry = (await req.payload.findByID({ collection: SLUGS.cookies, id, depth: 0, overrideAccess: true, req })) as unknown as Record<string, unknown>
  const actor = actorOf(req)
  if (entry._status === 'published' && !canPublishRole(actor)) {
    throw new WorkflowError('This cookie is published; only a reviewer or admin can remove it.', 403)
  }
  if (entry._status !== 'published' && !canEditContent(actor)) {
    throw new WorkflowError('Reviewers cannot remove a draft cookie entry; ask its editor.', 403)
  }
}

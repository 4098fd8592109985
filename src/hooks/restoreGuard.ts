import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { WorkflowError } from '../workflow/errors.js'
import { isRestoringVersion, requestKey } from '../workflow/requestKey.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * Payload's restoreVersion writes the restored version over the live row unless it is asked
 * for a draft, and decides that before any hook runs. Over a published document or entry
 * that would take it offline, or replace what readers see, without review. So a restore
 * that rewrote a live row is undone (the operation's transaction rolls back) with a message
 * that says how to do it instead. Restoring as a draft is an ordinary edit, reviewed as such.
 */
const liveBefore = new WeakMap<PayloadRequest, Map<string, null | string>>()

async function liveRow(req: PayloadRequest, collection: CollectionSlug, id: number | string) {
  return (await req.payload.db.findOne({
    collection,
    req,
    where: { id: { equals: id } },
  })) as null | Record<string, unknown>
}

/**
 * A reviewed collection's own `beforeChange` (documents, sections, cookie entries), for the
 * writes it checks: the workflow's own (trusted) writes pass untouched. A restored version
 * carries the status it had then; restoring it is an edit, never a publish.
 */
export const reviewedBeforeChange =
  (hook: CollectionBeforeChangeHook): CollectionBeforeChangeHook =>
  (args) => {
    if (isTrusted(args.req)) {
      return args.data
    }
    if (isRestoringVersion(args.req)) {
      args.data._status = 'draft'
    }
    return hook(args)
  }

export const rememberLiveRow =
  (collection: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    if (!isRestoringVersion(req) || isTrusted(req) || !originalDoc?.id) {
      return data
    }
    const live = await liveRow(req, collection, originalDoc.id)
    const key = requestKey(req)
    const byId = liveBefore.get(key) ?? new Map<string, null | string>()
    byId.set(String(originalDoc.id), live?._status === 'published' ? String(live.updatedAt) : null)
    liveBefore.set(key, byId)
    return data
  }

export const refuseRestoreOverLiveRow =
  (collection: CollectionSlug): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const byId = liveBefore.get(requestKey(req))
    if (!byId?.has(String(doc.id))) {
      return doc
    }
    const publishedAt = byId.get(String(doc.id))
    byId.delete(String(doc.id))
    if (!publishedAt) {
      return doc
    }
    const live = await liveRow(req, collection, doc.id)
    if (live && String(live.updatedAt) !== publishedAt) {
      throw new WorkflowError(
        'This is published: restore the earlier version as a draft ("Restore as draft"), then submit it for review.',
        409,
      )
    }
    return doc
  }

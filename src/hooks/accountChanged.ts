import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { announcePublish } from '../delivery/invalidation.js'

/**
 * An account that changed or went may have lost its role or its API key. The acceptance
 * ledger's fast path keeps accounts by key (src/acceptance/fastPath.ts) until the delivery
 * cache's generation moves on, so the change is announced like a publish: this process drops
 * them at once, every other process on the database when the NOTIFY arrives (after commit).
 */
export const forgetCachedAccountsAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await announcePublish(req)
  return doc
}

export const forgetCachedAccountsAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await announcePublish(req)
  return doc
}

import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { WorkflowError } from '../workflow/errors.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * A `beforeChange` and `beforeDelete` hook: trusted writes pass (only inserts, with
 * `insertsOnly`), the rest get a 403.
 */
function trustedWritesOnly(
  message: string,
  insertsOnly: boolean,
): CollectionBeforeChangeHook & CollectionBeforeDeleteHook {
  return (args: {
    data?: unknown
    operation?: string
    req: Parameters<CollectionBeforeChangeHook>[0]['req']
  }) => {
    if (!isTrusted(args.req) || (insertsOnly && args.operation !== 'create')) {
      throw new WorkflowError(message, 403)
    }
    return args.data
  }
}

/**
 * Archive and review-history records are written by the workflow alone. Access control
 * already closes REST and GraphQL; this also closes the Local API with overrideAccess.
 */
export const refuseUntrustedWrites = trustedWritesOnly(
  'These records are immutable: only the publish workflow writes them.',
  false,
)

/**
 * An append-only log: the one write it accepts is the trusted insert of its own endpoint, on
 * every route, the Local API with `overrideAccess: true` included; updates and deletes are
 * refused even then (a 403 with `message`).
 */
export const refuseAllButTrustedInserts = (
  message: string,
): CollectionBeforeChangeHook & CollectionBeforeDeleteHook => trustedWritesOnly(message, true)

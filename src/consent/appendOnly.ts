import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { WorkflowError } from '../workflow/errors.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * The consent log is append-only on every route, the Local API with `overrideAccess: true`
 * included: the one write is the insert made by `POST /api/legal/consents` (trusted, see
 * src/workflow/trust.ts). Updates and deletes are refused even then.
 */
export const refuseConsentWrites: CollectionBeforeChangeHook & CollectionBeforeDeleteHook = (args: {
  data?: unknown
  operation?: string
  req: Parameters<CollectionBeforeChangeHook>[0]['req']
}) => {
  if (args.operation !== 'create' || !isTrusted(args.req)) {
    throw new WorkflowError(
      'Consent records are append-only: only POST /api/legal/consents writes them, and nothing changes or deletes them.',
      403,
    )
  }
  return args.data
}

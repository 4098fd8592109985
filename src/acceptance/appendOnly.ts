import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { WorkflowError } from '../workflow/errors.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * The acceptance ledger is append-only on every route, the Local API with `overrideAccess: true`
 * included: the one write through Payload is the insert made by the ledger itself
 * (src/acceptance/ledger.ts, trusted, see src/workflow/trust.ts). Updates and deletes are
 * refused even then; erasure's pseudonymisation is a SQL update inside the ledger's own
 * transaction, outside every Payload route.
 */
export const refuseAcceptanceWrites: CollectionBeforeChangeHook &
  CollectionBeforeDeleteHook = (args: {
  data?: unknown
  operation?: string
  req: Parameters<CollectionBeforeChangeHook>[0]['req']
}) => {
  if (args.operation !== 'create' || !isTrusted(args.req)) {
    throw new WorkflowError(
      'Acceptance records are append-only: only POST /api/legal/acceptances writes them, and nothing changes or deletes them.',
      403,
    )
  }
  return args.data
}

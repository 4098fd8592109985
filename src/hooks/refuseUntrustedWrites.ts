import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { WorkflowError } from '../workflow/errors.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * Archive and review-history records are written by the workflow alone. Access control
 * already closes REST and GraphQL; this also closes the Local API with overrideAccess.
 */
export const refuseUntrustedWrites: CollectionBeforeChangeHook &
  CollectionBeforeDeleteHook = (args: {
  data?: unknown
  req: Parameters<CollectionBeforeChangeHook>[0]['req']
}) => {
  if (!isTrusted(args.req)) {
    throw new WorkflowError(
      'These records are immutable: only the publish workflow writes them.',
      403,
    )
  }
  return args.data
}

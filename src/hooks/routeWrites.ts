import type { CollectionBeforeOperationHook } from 'payload'

import { isTrusted } from '../workflow/trust'

/**
 * Only a publish may change what readers see. Any other create or update, whatever route it
 * came by (a REST PATCH without ?draft=true, a GraphQL mutation, a bulk edit, the Local API),
 * is turned into a draft save, so the live document is never edited in place.
 */
export const routeWritesToDrafts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (isTrusted(req)) return args
  const data = args.data as Record<string, unknown> | undefined
  if (data?._status === 'published') return args
  return { ...args, draft: true }
}

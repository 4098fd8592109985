import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '../roles.js'
import { actorOf } from '../workflow/actor.js'
import { WorkflowError } from '../workflow/errors.js'
import { rememberIncoming } from '../workflow/incomingData.js'
import { rememberOriginalRequest } from '../workflow/requestKey.js'
import { canEditContent } from '../workflow/rules.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * Only a publish may change what readers see. Any other create or update, whatever route it
 * came by (a REST PATCH without ?draft=true, a GraphQL mutation, a bulk edit, the Local API),
 * is turned into a draft save, so the live document is never edited in place. (Restoring a
 * version decides draft or not before this hook runs; see restoreGuard.ts.)
 */
export const routeWritesToDrafts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'restoreVersion') {
    rememberOriginalRequest(req)
    // A restore writes the whole text, and reviewers do not write text (field access would
    // silently keep the old values, so refuse it outright).
    if (!isTrusted(req) && req.user && !canEditContent(actorOf(req))) {
      throw new WorkflowError(
        'Reviewers cannot restore earlier versions: that changes the text. Ask an editor.',
        403,
      )
    }
    return args
  }
  if (operation !== 'create' && operation !== 'update') {
    return args
  }
  if (isTrusted(req)) {
    return args
  }
  rememberIncoming(req, args.data)
  const data = args.data as Record<string, unknown> | undefined
  if (data?._status === 'published') {
    return args
  }
  return { ...args, draft: true }
}

/**
 * Drafts are for staff. Anyone else asking for them (`?draft=true`, `draft: true`) reads the
 * published content instead: the access rule alone would hide every document that has a
 * newer draft, which is wrong too.
 */
export const readersSeePublished: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || !args.draft) {
    return args
  }
  // Server code reading with overrideAccess (the plugin's own hooks, seeds, host code) is not a reader.
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) {
    return args
  }
  if (isTrusted(req) || hasRole(req.user, 'admin', 'editor', 'reviewer')) {
    return args
  }
  return { ...args, draft: false }
}

import type { PayloadRequest } from 'payload'

/**
 * The hooks hand work from beforeChange to afterChange through maps keyed by the request.
 * Payload's restoreVersion passes beforeChange a proxy of the request (to change its locale)
 * and afterChange the request itself, so a restore is remembered here by the request it
 * started with, reachable from the proxy through the shared `context`.
 */
const ORIGINAL_REQUEST = 'legalDocumentsOriginalRequest'

export function rememberOriginalRequest(req: PayloadRequest): void {
  if (req.context) {
    ;(req.context as Record<string, unknown>)[ORIGINAL_REQUEST] = req
  }
}

export function requestKey(req: PayloadRequest): PayloadRequest {
  return (
    ((req.context as Record<string, unknown> | undefined)?.[ORIGINAL_REQUEST] as
      PayloadRequest | undefined) ?? req
  )
}

/** True while Payload restores an earlier version (the admin's "Restore" button, REST or GraphQL). */
export function isRestoringVersion(req: PayloadRequest): boolean {
  return Boolean((req.context as Record<string, unknown> | undefined)?.isRestoringVersion)
}

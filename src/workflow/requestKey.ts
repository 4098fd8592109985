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

/**
 * Work a hook decides in beforeChange and does in afterChange, inside the same transaction: per
 * request (by `requestKey`) and per record id.
 */
export class PendingEffects<T extends object> {
  private readonly byRequest = new WeakMap<PayloadRequest, Map<string, T>>()

  /** This record's effects in this request, empty until a hook decides one. */
  for(req: PayloadRequest, id: unknown): T {
    let byId = this.byRequest.get(requestKey(req))
    if (!byId) {
      this.byRequest.set(requestKey(req), (byId = new Map()))
    }
    let effects = byId.get(String(id))
    if (!effects) {
      byId.set(String(id), (effects = {} as T))
    }
    return effects
  }

  /** This record's effects in this request, handed over once: the next change starts afresh. */
  take(req: PayloadRequest, id: unknown): T | undefined {
    const byId = this.byRequest.get(requestKey(req))
    const effects = byId?.get(String(id))
    byId?.delete(String(id))
    return effects
  }
}

/** True while Payload restores an earlier version (the admin's "Restore" button, REST or GraphQL). */
export function isRestoringVersion(req: PayloadRequest): boolean {
  return Boolean((req.context as Record<string, unknown> | undefined)?.isRestoringVersion)
}

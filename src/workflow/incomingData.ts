import type { PayloadRequest } from 'payload'

import { requestKey } from './requestKey.js'

/**
 * What the caller sent, before Payload's field-level access drops the fields a reviewer may
 * not write (those fields are read-only for reviewers in the admin). The hooks compare this,
 * not the filtered data, so a reviewer's change is refused with a 403 instead of vanishing.
 */
const incoming = new WeakMap<PayloadRequest, Record<string, unknown>>()

export function rememberIncoming(req: PayloadRequest, data: unknown): void {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    incoming.set(requestKey(req), data as Record<string, unknown>)
  } else {
    incoming.delete(requestKey(req))
  }
}

/** The caller's data for this write; `data` itself where nothing was recorded (restores, trusted writes). */
export function incomingData(
  req: PayloadRequest,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return incoming.get(requestKey(req)) ?? data
}

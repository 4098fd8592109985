import type { ServerResponse } from 'node:http'
import type { Payload } from 'payload'

/**
 * The host's own answer to a fault it recognises (the reference app: "the database is not
 * reachable", 503 with Retry-After, as its express error handler answers). True when it answered.
 */
export type FastPathFaultAnswer = (err: unknown, res: ServerResponse) => boolean

/**
 * A route answered in front of express failed. The host answers what it recognises, so the fast
 * path and express say the same thing about the same fault; anything else is a fault of ours: 500.
 */
export function answerFastPathFault(
  payload: Payload,
  res: ServerResponse,
  err: unknown,
  route: string,
  hostAnswer?: FastPathFaultAnswer,
): void {
  if (hostAnswer?.(err, res)) {
    return
  }
  payload.logger.error({ err, msg: `${route} fast path failed` })
  if (!res.headersSent) {
    res.writeHead(500, {
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
    })
  }
  res.end(JSON.stringify({ errors: [{ message: 'Something went wrong.' }] }))
}

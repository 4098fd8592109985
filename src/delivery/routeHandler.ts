import { getPayload, handleEndpoints, headersWithCors, type Payload, type PayloadRequest, type SanitizedConfig } from 'payload'

import { deliveryCacheFor, toResponse } from './cache.js'
import { deliveryCacheKeyForUrl } from './requestKey.js'

type Handler = (request: Request) => Promise<Response>
export type LegalDeliveryRoutes = { DELETE: Handler; GET: Handler; OPTIONS: Handler; PATCH: Handler; POST: Handler; PUT: Handler }

/** Checked before a cache hit is served: anything longer is left to the endpoint's own 414. */
const MAX_FAST_URL = 1500

/**
 * Route handlers for `/api/legal/*` in a host's Next app (`app/(payload)/api/legal/[...path]/route.ts`).
 *
 * Payload's catch-all REST route builds a full Payload request for every call (auth, i18n,
 * locale, endpoint matching): far more work than sending a cached legal page. These handlers
 * answer an anonymous `GET /api/legal/documents/:slug` that is already in the delivery cache
 * themselves, with the bytes, ETag, Cache-Control and CORS headers the delivery endpoint would
 * send (304 on a matching If-None-Match), and hand everything else to Payload's own
 * `handleEndpoints`, exactly as the catch-all route would. Publishing clears the cache in
 * every process (LISTEN/NOTIFY), so a hit is never stale.
 */
export function legalDeliveryRoutes(config: Promise<SanitizedConfig> | SanitizedConfig): LegalDeliveryRoutes {
  let ready: Promise<{ payload: Payload; prefix: string; tokenCookie: string }> | undefined
  const setup = () =>
    (ready ??= (async () => {
      const resolved = await config
      const payload = await getPayload({ config: resolved })
      return { payload, prefix: `${resolved.routes.api}/legal/documents/`, tokenCookie: `${resolved.cookiePrefix}-token=` }
    })())

  const passOn: Handler = (request) => handleEndpoints({ config, request })

  const GET: Handler = async (request) => {
    const { payload, prefix, tokenCookie } = await setup()
    const url = new URL(request.url)
    const path = url.pathname + url.search
    const signedIn = request.headers.has('authorization') || (request.headers.get('cookie') ?? '').includes(tokenCookie)
    if (signedIn || request.url.length > MAX_FAST_URL) return passOn(request)
    const key = deliveryCacheKeyForUrl(payload, path, prefix)
    const entry = key === null ? undefined : deliveryCacheFor(payload).get(key)
    if (!entry) return passOn(request)
    const response = toResponse(entry, request.headers.get('if-none-match'))
    // Payload's CORS headers, decided by Payload itself from the config and the Origin.
    const req = { payload, headers: request.headers } as unknown as PayloadRequest
    return new Response(response.body, { status: response.status, headers: headersWithCors({ headers: new Headers(response.headers), req }) })
  }

  return { GET, DELETE: passOn, OPTIONS: passOn, PATCH: passOn, POST: passOn, PUT: passOn }
}

import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import {
  type CachedBody,
  type DeliveryCache,
  deliveryCacheFor,
  etagMatches,
  toResponse,
} from './cache.js'
import { corsOriginsOf, withCorsHeaders } from './cors.js'
import { deliveryCacheKeyForUrl } from './requestKey.js'

type Handler = (request: Request) => Promise<Response>
export type LegalDeliveryRoutes = {
  DELETE: Handler
  GET: Handler
  OPTIONS: Handler
  PATCH: Handler
  POST: Handler
  PUT: Handler
}

/** Checked before a cache hit is served: anything longer is left to the endpoint's own 414. */
const MAX_FAST_URL = 1500

/** Response headers of a cached body, for a 200 and a 304, as `handleEndpoints` would send them. */
type Heads = { notModified: [string, string][]; ok: [string, string][] }

type Ready = {
  cache: DeliveryCache
  heads: (entry: CachedBody, origin: null | string) => Heads
  payload: Payload
  prefix: string
  tokenCookie: string
}

/**
 * `pathname + search` of a `Request.url`, which the fetch API has already parsed and serialised
 * (so it is what `new URL(url)` would give, without the parse); null when it holds a fragment.
 */
function pathAndQuery(url: string): null | string {
  const scheme = url.indexOf('://')
  const slash = scheme === -1 ? -1 : url.indexOf('/', scheme + 3)
  if (slash === -1 || url.includes('#')) {
    return null
  }
  return url.slice(slash)
}

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
 *
 * Per hit, only the lookup: the response headers of a cached body (Payload's CORS headers
 * included, decided by Payload's own `headersWithCors`) are computed once per body, and once per
 * request only for an Origin the CORS configuration lists, as the node:http fast path does.
 */
export function legalDeliveryRoutes(
  config: Promise<SanitizedConfig> | SanitizedConfig,
): LegalDeliveryRoutes {
  let ready: Ready | undefined
  let starting: Promise<Ready> | undefined
  const setup = () =>
    (starting ??= (async () => {
      const resolved = await config
      const payload = await getPayload({ config: resolved })
      const corsOrigins = corsOriginsOf(resolved)
      /** Payload's CORS headers for a request from `origin`, as `handleEndpoints` adds them. */
      const flat = (response: Response, origin: null | string): [string, string][] => {
        const out: [string, string][] = []
        withCorsHeaders(payload, response, origin).forEach((value, key) => out.push([key, value]))
        return out
      }
      const headsFor = (entry: CachedBody, origin: null | string): Heads => ({
        notModified: flat(toResponse(entry, '*'), origin),
        ok: flat(toResponse(entry, null), origin),
      })
      // Headers that do not depend on the request's Origin, computed once per cached body.
      const plain = new WeakMap<CachedBody, Heads>()
      const heads = (entry: CachedBody, origin: null | string): Heads => {
        if (origin !== null && corsOrigins?.includes(origin)) {
          return headsFor(entry, origin)
        }
        let found = plain.get(entry)
        if (!found) {
          plain.set(entry, (found = headsFor(entry, null)))
        }
        return found
      }
      return (ready = {
        cache: deliveryCacheFor(payload),
        heads,
        payload,
        prefix: `${resolved.routes.api}/legal/documents/`,
        tokenCookie: `${resolved.cookiePrefix}-token=`,
      })
    })())

  const passOn: Handler = (request) => handleEndpoints({ config, request })

  const GET: Handler = async (request) => {
    const { cache, heads, payload, prefix, tokenCookie } = ready ?? (await setup())
    const url = request.url
    const headers = request.headers
    const signedIn =
      headers.has('authorization') || (headers.get('cookie') ?? '').includes(tokenCookie)
    if (signedIn || url.length > MAX_FAST_URL) {
      return passOn(request)
    }
    const path = pathAndQuery(url)
    const key = path === null ? null : deliveryCacheKeyForUrl(payload, path, prefix)
    const entry = key === null ? undefined : cache.get(key)
    if (!entry) {
      return passOn(request)
    }
    const { notModified, ok } = heads(entry, headers.get('origin'))
    if (etagMatches(headers.get('if-none-match'), entry.etag)) {
      return new Response(null, { headers: notModified, status: 304 })
    }
    return new Response(entry.body, { headers: ok, status: 200 })
  }

  return { DELETE: passOn, GET, OPTIONS: passOn, PATCH: passOn, POST: passOn, PUT: passOn }
}

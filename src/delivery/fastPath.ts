import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { Payload, SanitizedConfig } from 'payload'

import type { FastPathFaultAnswer } from './fastPathFault.js'

import { acceptanceFastPath } from '../acceptance/fastPath.js'
import { consentFastPath } from '../consent/fastPath.js'
import { apiKeyAccounts } from './apiKeyAccounts.js'
import { type CachedBody, deliveryCacheFor, etagMatches, toResponse } from './cache.js'
import { corsOriginsOf, withCorsHeaders } from './cors.js'
import { graphqlFastPath, type GraphQLFastPathStats } from './graphqlCache.js'
import { deliveryCacheKeyForUrl } from './requestKey.js'

/**
 * The delivery hit path, in front of express and Payload.
 *
 * A legal page is read millions of times per edit. The delivery endpoint renders a document
 * once and keeps the bytes and their strong ETag in the delivery cache (`./cache`), which a
 * publish clears here and, through LISTEN/NOTIFY, in every other process. Express's middleware
 * stack plus Payload's request set-up (request object, auth, locale, endpoint matching) cost
 * ~1 ms of CPU per request, far more than sending 40 KB from memory; so this plain `node:http`
 * listener answers requests whose response is already in that cache itself, with the very
 * bytes and headers the Payload endpoint would send, and hands everything else to express
 * untouched. A miss, any input it does not fully understand, a signed-in request: express.
 *
 * What "the same headers" means is decided by Payload's own `headersWithCors`, called with the
 * same inputs as `handleEndpoints` would, so a CORS configuration is honoured exactly.
 */

export type FastPathStats = {
  /** The anonymous GraphQL cache (`./graphqlCache`). */
  graphql: GraphQLFastPathStats
  /** Answered 200 from the cache. */
  hits: number
  /** Answered 304 from the cache. */
  notModified: number
  /** Delivery-shaped requests handed to express (miss, unusual input, signed in). */
  passed: number
}

export type FastPathListener = { stats: FastPathStats } & RequestListener

type Fallback = (req: IncomingMessage, res: ServerResponse) => void

/** Printable ASCII without spaces: anything else is left to the slow path's URL parser. */
const PLAIN_URL = /^[\x21-\x7e]*$/
/** The delivery endpoint refuses URLs (origin included) over 2048 characters; stay well below. */
const MAX_FAST_URL = 1500

type Heads = { notModified: (number | string)[]; ok: (number | string)[] }

export function createFastPath(options: {
  /**
   * The client's IP as the host's server reads it (what it sets as `x-real-ip` for Payload);
   * without it, consent records go through express (src/consent/fastPath.ts).
   */
  clientIp?: (req: IncomingMessage) => null | string
  config: SanitizedConfig
  /** The slow path: the express app. */
  fallback: Fallback
  /**
   * Answers a fault the host recognises, as its slow path would (the reference app: the database
   * not reachable → 503); anything else the fast path answers 500.
   */
  onFault?: FastPathFaultAnswer
  payload: Payload
}): FastPathListener {
  const { config, fallback, payload } = options
  const cache = deliveryCacheFor(payload)
  const apiRoute = config.routes.api
  const documentsPrefix = `${apiRoute}/legal/documents/`
  const tokenCookie = `${config.cookiePrefix}-token=`
  const graphql = graphqlFastPath({ config, fallback, payload })
  // The acceptance ledger's status lookup and recording by API key (src/acceptance/fastPath.ts).
  // API keys of the ledger's and the consent log's routes, found once for both.
  const accounts = apiKeyAccounts(payload, config)
  const acceptances = acceptanceFastPath({
    accounts,
    config,
    fallback,
    onFault: options.onFault,
    payload,
  })
  const acceptancesPrefix = `${apiRoute}/legal/acceptances`
  // The consent log's POST and an admin's look-up by consent ID (src/consent/fastPath.ts).
  const consents = consentFastPath({
    accounts,
    clientIp: options.clientIp,
    config,
    fallback,
    onFault: options.onFault,
    payload,
  })
  const stats: FastPathStats = { graphql: graphql.stats, hits: 0, notModified: 0, passed: 0 }
  const corsOrigins = corsOriginsOf(config)

  /** Payload's CORS headers for a request from `origin`, flat as `writeHead` takes them. */
  const flatHeaders = (response: Response, origin: null | string): (number | string)[] => {
    const flat: string[] = []
    withCorsHeaders(payload, response, origin).forEach((value, key) => flat.push(key, value))
    return flat
  }
  const headsFor = (entry: CachedBody, origin: null | string): Heads => {
    const freshness = cache.freshness()
    return {
      notModified: flatHeaders(toResponse(entry, '*', freshness), origin),
      ok: flatHeaders(toResponse(entry, null, freshness), origin),
    }
  }
  // Headers that do not depend on the request's Origin, computed once per cached body.
  const plainHeads = new WeakMap<CachedBody, Heads>()

  const anonymous = (req: IncomingMessage) => {
    if (req.headers.authorization !== undefined) {
      return false
    }
    const cookie = req.headers.cookie
    return cookie === undefined || !cookie.includes(tokenCookie)
  }

  /** Answers from the cache and returns true, or returns false and leaves `res` untouched. */
  const serveDocument = (req: IncomingMessage, res: ServerResponse, url: string): boolean => {
    if (url.length > MAX_FAST_URL || !PLAIN_URL.test(url)) {
      return false
    }
    const host = (req.headers.host?.length ?? 0) + (req.headers['x-forwarded-host']?.length ?? 0)
    if (url.length + host > MAX_FAST_URL) {
      return false
    }
    if (!anonymous(req)) {
      return false
    }

    const key = deliveryCacheKeyForUrl(payload, url, documentsPrefix)
    if (key === null) {
      return false
    }
    const entry = cache.get(key)
    if (!entry) {
      return false
    }

    const origin = req.headers.origin
    let heads: Heads
    // Before a version takes effect, Cache-Control counts down to it: computed per request.
    if ((origin !== undefined && corsOrigins?.includes(origin)) || cache.nextBoundary !== null) {
      heads = headsFor(entry, origin !== undefined && corsOrigins?.includes(origin) ? origin : null)
    } else {
      heads = plainHeads.get(entry) ?? headsFor(entry, null)
      plainHeads.set(entry, heads)
    }
    const ifNoneMatch = req.headers['if-none-match']
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, entry.etag)) {
      stats.notModified++
      res.writeHead(304, heads.notModified)
      res.end()
    } else {
      stats.hits++
      res.writeHead(200, heads.ok)
      res.end(entry.body)
    }
    return true
  }

  const listener = ((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? ''
    if (req.method === 'GET' && url.startsWith(documentsPrefix)) {
      let served = false
      try {
        served = serveDocument(req, res, url)
      } catch (err) {
        payload.logger.error({ err }, 'Delivery fast path failed; answering through the slow path')
      }
      if (served) {
        return
      }
      stats.passed++
      return fallback(req, res)
    }
    if (url.startsWith(acceptancesPrefix) && acceptances.serve(req, res, url)) {
      return
    }
    if (consents.serve(req, res, url)) {
      return
    }
    if (req.method === 'POST' && graphql.handles(url)) {
      if (!anonymous(req)) {
        return fallback(req, res)
      }
      return graphql.serve(req, res)
    }
    fallback(req, res)
  }) as FastPathListener
  listener.stats = stats
  return listener
}

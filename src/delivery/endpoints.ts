import type { Endpoint, PayloadRequest } from 'payload'

import { defaultLocaleOf } from '../utilities/locales.js'
import {
  CACHE_CONTROL,
  deliveryCacheFor,
  deliveryCacheKeys,
  makeBody,
  toResponse,
} from './cache.js'
import { loadConsentConfig, loadCookieDeclaration } from './cookies.js'
import {
  deliveredDocument,
  diffResponse,
  documentHTMLFragment,
  documentMarkdown,
  listArchive,
  loadArchiveRecord,
  loadCurrent,
} from './documents.js'
import { DeliveryError } from './errors.js'
import { parseFormat, parseLocale, parseSlug, parseVersion } from './params.js'

const MAX_URL_LENGTH = 2048
const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * Serves a delivery response from the in-process cache, rendering it on a miss. The key is the
 * normalised request (validated parameters), so equivalent URLs share one entry.
 */
async function cached(
  req: PayloadRequest,
  key: string,
  render: () => Promise<{ body: string; cacheControl: string; contentType: string }>,
): Promise<Response> {
  const cache = deliveryCacheFor(req.payload)
  const hit = cache.get(key)
  const ifNoneMatch = req.headers.get('if-none-match')
  if (hit) {
    return toResponse(hit, ifNoneMatch, cache.freshness())
  }
  const generation = cache.currentGeneration
  const { body, cacheControl, contentType } = await render()
  const entry = makeBody(body, contentType, cacheControl)
  cache.set(key, entry, generation)
  return toResponse(entry, ifNoneMatch, cache.freshness())
}

/** A JSON answer through the cache: as current (the next publish may change it) unless told. */
const cachedJSON = (
  req: PayloadRequest,
  key: string,
  load: () => Promise<unknown>,
  cacheControl: string = CACHE_CONTROL.current,
) =>
  cached(req, key, async () => ({
    body: JSON.stringify(await load()),
    cacheControl,
    contentType: JSON_TYPE,
  }))

function guardUrl(req: PayloadRequest): void {
  if ((req.url?.length ?? 0) > MAX_URL_LENGTH) {
    throw new DeliveryError('The request URL is too long.', 414)
  }
}

const param = (req: PayloadRequest, name: string) => req.searchParams.get(name) ?? undefined

async function renderDocumentResponse(
  req: PayloadRequest,
  args: { format: 'html' | 'json' | 'md'; locale: string; slug: string; version?: number },
) {
  // A numbered version never changes; the current one is the version in force, with what comes next.
  const current = args.version ? undefined : await loadCurrent(req.payload, args.slug)
  const record = current?.record ?? (await loadArchiveRecord(req.payload, args.slug, args.version))
  const fallback = defaultLocaleOf(req.payload)
  const cacheControl = args.version ? CACHE_CONTROL.archived : CACHE_CONTROL.current
  if (args.format === 'md') {
    return {
      body: documentMarkdown(record, args.locale, fallback, current),
      cacheControl,
      contentType: 'text/markdown; charset=utf-8',
    }
  }
  if (args.format === 'html') {
    return {
      body: documentHTMLFragment(record, args.locale, fallback, current),
      cacheControl,
      contentType: 'text/html; charset=utf-8',
    }
  }
  return {
    body: JSON.stringify(deliveredDocument(record, args.locale, fallback, current)),
    cacheControl,
    contentType: JSON_TYPE,
  }
}

/** A delivery GET; an over-long URL is refused before anything is parsed. */
const get = (path: string, answer: (req: PayloadRequest) => Promise<Response>): Endpoint => ({
  handler: async (req) => {
    guardUrl(req)
    return answer(req)
  },
  method: 'get',
  path,
})

export function deliveryEndpoints(): Endpoint[] {
  return [
    get('/legal/documents/:slug', (req) => {
      const slug = parseSlug(req.routeParams?.slug)
      const locale = parseLocale(req.payload, param(req, 'locale'))
      const version = parseVersion(param(req, 'version'))
      const format = parseFormat(param(req, 'format'))
      return cached(req, deliveryCacheKeys.document(slug, locale, version, format), () =>
        renderDocumentResponse(req, { slug, format, locale, version }),
      )
    }),
    get('/legal/documents/:slug/versions', (req) => {
      const slug = parseSlug(req.routeParams?.slug)
      return cachedJSON(req, deliveryCacheKeys.versions(slug), () => listArchive(req.payload, slug))
    }),
    get('/legal/documents/:slug/diff', (req) => {
      const slug = parseSlug(req.routeParams?.slug)
      const locale = parseLocale(req.payload, param(req, 'locale'))
      const from = parseVersion(param(req, 'from'), 'from')
      const to = parseVersion(param(req, 'to'), 'to')
      if (from === undefined || to === undefined) {
        throw new DeliveryError('Give both "from" and "to" version numbers.')
      }
      return cachedJSON(
        req,
        deliveryCacheKeys.diff(slug, locale, from, to),
        () => diffResponse(req.payload, { slug, from, locale, to }),
        // Two archived versions never change.
        CACHE_CONTROL.archived,
      )
    }),
    get('/legal/cookies', (req) => {
      const locale = parseLocale(req.payload, param(req, 'locale'))
      return cachedJSON(req, deliveryCacheKeys.cookies(locale), () =>
        loadCookieDeclaration(req.payload, locale),
      )
    }),
    get('/legal/cookies/consent-config', (req) =>
      cachedJSON(req, deliveryCacheKeys.consentConfig(), () => loadConsentConfig(req.payload)),
    ),
  ]
}

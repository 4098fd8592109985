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

export function deliveryEndpoints(): Endpoint[] {
  return [
    {
      handler: async (req) => {
        guardUrl(req)
        const slug = parseSlug(req.routeParams?.slug)
        const locale = parseLocale(req.payload, param(req, 'locale'))
        const version = parseVersion(param(req, 'version'))
        const format = parseFormat(param(req, 'format'))
        return cached(req, deliveryCacheKeys.document(slug, locale, version, format), () =>
          renderDocumentResponse(req, { slug, format, locale, version }),
        )
      },
      method: 'get',
      path: '/legal/documents/:slug',
    },
    {
      handler: async (req) => {
        guardUrl(req)
        const slug = parseSlug(req.routeParams?.slug)
        return cached(req, deliveryCacheKeys.versions(slug), async () => ({
          body: JSON.stringify(await listArchive(req.payload, slug)),
          cacheControl: CACHE_CONTROL.current,
          contentType: JSON_TYPE,
        }))
      },
      method: 'get',
      path: '/legal/documents/:slug/versions',
    },
    {
      handler: async (req) => {
        guardUrl(req)
        const slug = parseSlug(req.routeParams?.slug)
        const locale = parseLocale(req.payload, param(req, 'locale'))
        const from = parseVersion(param(req, 'from'), 'from')
        const to = parseVersion(param(req, 'to'), 'to')
        if (from === undefined || to === undefined) {
          throw new DeliveryError('Give both "from" and "to" version numbers.')
        }
        return cached(req, deliveryCacheKeys.diff(slug, locale, from, to), async () => ({
          body: JSON.stringify(await diffResponse(req.payload, { slug, from, locale, to })),
          contentType: JSON_TYPE,
          // Two archived versions never change.
          cacheControl: CACHE_CONTROL.archived,
        }))
      },
      method: 'get',
      path: '/legal/documents/:slug/diff',
    },
    {
      handler: async (req) => {
        guardUrl(req)
        const locale = parseLocale(req.payload, param(req, 'locale'))
        return cached(req, deliveryCacheKeys.cookies(locale), async () => ({
          body: JSON.stringify(await loadCookieDeclaration(req.payload, locale)),
          cacheControl: CACHE_CONTROL.current,
          contentType: JSON_TYPE,
        }))
      },
      method: 'get',
      path: '/legal/cookies',
    },
    {
      handler: async (req) => {
        guardUrl(req)
        return cached(req, deliveryCacheKeys.consentConfig(), async () => {
          return {
            body: JSON.stringify(await loadConsentConfig(req.payload)),
            cacheControl: CACHE_CONTROL.current,
            contentType: JSON_TYPE,
          }
        })
      },
      method: 'get',
      path: '/legal/cookies/consent-config',
    },
  ]
}

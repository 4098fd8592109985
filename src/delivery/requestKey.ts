import type { Payload } from 'payload'

import { documentCacheKey } from './cache.js'
import { parseFormat, parseLocale, parseSlug, parseVersion } from './params.js'

const QUERY_KEYS = new Set(['format', 'locale', 'version'])

/**
 * The delivery cache key of `GET <documentsPrefix><slug>?locale&format&version`, or null when
 * the URL is anything a hit path should not answer itself (unknown or repeated parameters,
 * invalid values): the delivery endpoint then answers, with its 4xx JSON where due. Shared by
 * the node:http fast path and the web route handler so both serve exactly the same keys.
 */
export function deliveryCacheKeyForUrl(
  payload: Payload,
  url: string,
  documentsPrefix: string,
): null | string {
  if (!url.startsWith(documentsPrefix)) {
    return null
  }
  const q = url.indexOf('?')
  const rawSlug = url.slice(documentsPrefix.length, q === -1 ? undefined : q)
  let format: unknown, locale: unknown, version: unknown
  if (q !== -1) {
    const params = new URLSearchParams(url.slice(q + 1))
    let count = 0
    for (const key of params.keys()) {
      if (!QUERY_KEYS.has(key)) {
        return null
      }
      count++
    }
    locale = params.get('locale') ?? undefined
    format = params.get('format') ?? undefined
    version = params.get('version') ?? undefined
    // A repeated parameter: leave its reading to the endpoint.
    if (count !== [locale, format, version].filter((v) => v !== undefined).length) {
      return null
    }
  }
  try {
    return documentCacheKey(
      parseSlug(rawSlug),
      parseLocale(payload, locale),
      parseVersion(version),
      parseFormat(format),
    )
  } catch {
    return null
  }
}

import { headers } from 'next/headers'
import { cache } from 'react'

import type { SiteApiOptions } from '../../../site/api'
import { apiBaseUrl } from '../../../site/format'

/** Request header carrying the page language to the root layout (which cannot read the query). */
export const LOCALE_HEADER = 'x-legal-site-locale'

/**
 * Where the pages fetch the delivery API: `LEGAL_API_URL`, or this same server as the request
 * reached it (Host header). Null when the Host header is not a plain host name.
 */
export const siteApiOptions = cache(async (): Promise<SiteApiOptions | null> => {
  const h = await headers()
  const baseUrl = apiBaseUrl(process.env.LEGAL_API_URL, h.get('host'), h.get('x-forwarded-proto'))
  return baseUrl ? { baseUrl } : null
})

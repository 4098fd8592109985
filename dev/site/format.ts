/**
 * Pure helpers of the public legal pages: query parameters, locales, dates and links.
 * Nothing here touches the network, Next or Payload, so the unit tests cover it directly.
 */

/** The languages the website offers (the reference app's Payload locales). */
export const SITE_LOCALES = ['en', 'uk'] as const
export type SiteLocale = (typeof SITE_LOCALES)[number]
export const DEFAULT_LOCALE: SiteLocale = 'en'

/** BCP 47 tags for dates: British-style English ("25 November 2026"), Ukrainian. */
const DATE_LOCALES: Record<SiteLocale, string> = { en: 'en-GB', uk: 'uk-UA' }

export type SearchParamValue = string | string[] | undefined

/** The first value of a search parameter (`?a=1&a=2` gives "1"). */
export function firstParam(value: SearchParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** `?locale=uk` → "uk"; anything unknown or missing → the default locale. */
export function parseLocaleParam(value: SearchParamValue): SiteLocale {
  const v = firstParam(value)?.trim().toLowerCase()
  return (SITE_LOCALES as readonly string[]).includes(v ?? '') ? (v as SiteLocale) : DEFAULT_LOCALE
}

/**
 * A version number from the query: `null` when absent or empty, `'invalid'` when it is not a
 * positive whole number (the page answers 404, as for a version that does not exist).
 */
export function parseVersionParam(value: SearchParamValue): 'invalid' | null | number {
  const v = firstParam(value)?.trim()
  if (v === undefined || v === '') {
    return null
  }
  if (!/^[1-9]\d{0,8}$/.test(v)) {
    return 'invalid'
  }
  return Number(v)
}

/** The date of an ISO string; undefined when it is missing or not a date. */
function validDate(iso: null | string | undefined): Date | undefined {
  const date = iso ? new Date(iso) : undefined
  return date && !Number.isNaN(date.getTime()) ? date : undefined
}

/** A date in words for the locale, in UTC (as stored); '' when there is none. */
function formatUtc(
  iso: null | string | undefined,
  locale: SiteLocale,
  options: Intl.DateTimeFormatOptions,
): string {
  const date = validDate(iso)
  return date
    ? new Intl.DateTimeFormat(DATE_LOCALES[locale], { ...options, timeZone: 'UTC' }).format(date)
    : ''
}

/** A date (ISO string) in words for the locale: "25 November 2026". Dates are shown in UTC, as stored. */
export function formatDate(iso: null | string | undefined, locale: SiteLocale): string {
  return formatUtc(iso, locale, { day: 'numeric', month: 'long', year: 'numeric' })
}

/**
 * A moment in words with its time, in UTC: "25 November 2026 at 14:03 UTC". For the archive,
 * where two versions published on one day must be told apart.
 */
export function formatDateTime(iso: null | string | undefined, locale: SiteLocale): string {
  return formatUtc(iso, locale, {
    day: 'numeric',
    hour: '2-digit',
    hourCycle: 'h23',
    minute: '2-digit',
    month: 'long',
    timeZoneName: 'short',
    year: 'numeric',
  })
}

/**
 * When a version binds readers: its effective date, or its publication when it has none or
 * was published after that date (as the delivery API's timeline counts it, src/versions/timeline.ts).
 * So a document never says "effective from: not set".
 */
export function effectiveFrom(v: {
  effectiveDate: null | string | undefined
  publishedAt: null | string | undefined
}): string | undefined {
  const published = isoDateTime(v.publishedAt)
  const effective = isoDateTime(v.effectiveDate)
  if (!effective) {
    return published
  }
  if (!published) {
    return effective
  }
  return effective > published ? effective : published
}

/** The machine-readable value for `<time datetime>`: the ISO string when it is a valid date. */
export function isoDateTime(iso: null | string | undefined): string | undefined {
  return validDate(iso)?.toISOString()
}

/**
 * A site link with its query: empty values and the default locale are left out, so the
 * English pages have clean addresses. `path` is a path of this site (`/legal/…`).
 */
export function siteHref(
  path: string,
  query: Record<string, null | number | string | undefined> = {},
  hash?: string,
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') {
      continue
    }
    if (key === 'locale' && value === DEFAULT_LOCALE) {
      continue
    }
    params.set(key, String(value))
  }
  const qs = params.toString()
  return `${path}${qs ? `?${qs}` : ''}${hash ? `#${hash}` : ''}`
}

/** `/legal/<slug>`, with the slug URL-encoded (slugs are lowercase words and hyphens anyway). */
export const documentPath = (slug: string) => `/legal/${encodeURIComponent(slug)}`
export const versionsPath = (slug: string) => `${documentPath(slug)}/versions`

/** Only http(s) links from content fields become links; anything else is shown as text. */
export function safeExternalUrl(value: null | string | undefined): string | undefined {
  if (!value) {
    return undefined
  }
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}

/**
 * The API's diff HTML carries its section headings as `<h2>`; on the versions page they sit
 * under the page's own `<h2>`, so they become `<h3>`. Only those tag names change: the HTML
 * was sanitised by the API and stays as it is otherwise.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h2(?=[\s>])/g, '<$1h3')
}

/**
 * The API's base URL from `LEGAL_API_URL`: an absolute http(s) URL without credentials, query or
 * fragment (a path prefix is kept, trailing slashes dropped). Unset, empty or anything else is
 * null: the pages then ask Payload in-process (`dev/app/(site)/_lib/request.ts`). Never derived
 * from a request's headers: the Host header is whatever the client sent, and fetching it would
 * let anyone make this server request (and show) another server's "legal text".
 */
export function apiBaseUrl(envUrl: string | undefined): null | string {
  const configured = envUrl?.trim()
  if (!configured || !URL.canParse(configured)) {
    return null
  }
  const url = new URL(configured)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return null
  }
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    configured.includes('?') ||
    configured.includes('#')
  ) {
    return null
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

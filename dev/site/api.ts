/**
 * The public pages' data: GraphQL queries against the delivery API over HTTP, exactly as an
 * outside website would make them, and the shaping of the answers into what a page shows.
 * No Payload, no Next: a base URL and `fetch` are all it needs, so it is tested against the
 * real server and reusable by any Node website.
 */
import { demoteHeadings, type SiteLocale } from './format'

export type TocEntry = { anchor: string; heading: string }
export type DeliveredSection = { anchor: string; heading: string; html: string }

/** `legalDocument` as the pages select it (no whole-document `html`/`text`: the sections suffice). */
export type LegalDocument = {
  slug: string
  title: string
  kind: string
  locale: string
  version: number
  lastModified: string
  effectiveDate: string | null
  publishedAt: string
  summary: string | null
  toc: TocEntry[]
  sections: DeliveredSection[]
}

export type VersionEntry = {
  version: number
  publishedAt: string
  effectiveDate: string | null
  lastModified: string
  changeSummary: string | null
  materialChange: boolean
}
export type VersionList = { slug: string; currentVersion: number; versions: VersionEntry[] }

export type DiffStatus = 'added' | 'removed' | 'moved' | 'changed' | 'moved-and-changed' | 'unchanged'
export type DiffSummary = { added: number; removed: number; moved: number; changed: number; unchanged: number }
export type LegalDiff = {
  slug: string
  locale: string
  from: { version: number; lastModified: string; publishedAt: string }
  to: { version: number; lastModified: string; publishedAt: string; changeSummary: string | null }
  summary: DiffSummary
  sections: { anchor: string; heading: string; status: DiffStatus; fromPosition: number | null; toPosition: number | null; html: string }[]
  html: string
}

export type CookieRow = {
  name: string
  service: string | null
  provider: string | null
  domain: string | null
  path: string | null
  purpose: string | null
  duration: string | null
  storageType: string | null
  party: string | null
  privacyPolicyUrl: string | null
}
export type CookieDeclaration = { locale: string; revision: number; categories: { key: string; label: string; cookies: CookieRow[] }[] }

/** A row of the index page: the published documents, from Payload's stock GraphQL (published only for anonymous readers). */
export type DocumentSummary = {
  slug: string
  title: string
  version: number
  lastModified: string | null
  effectiveDate: string | null
}

export type ApiFailure = {
  ok: false
  /** not-found: no such document/version (the page answers 404); invalid: the API refused the arguments; unavailable: no usable answer. */
  reason: 'not-found' | 'invalid' | 'unavailable'
  message: string
}
export type ApiResult<T> = { ok: true; data: T } | ApiFailure

export type SiteApiOptions = {
  /** e.g. "http://127.0.0.1:3000"; `/api/graphql` is appended. */
  baseUrl: string
  /** Give up on the API after this long (default 5 s): the page then says it is unavailable. */
  timeoutMs?: number
  fetch?: typeof fetch
}

type GraphQLError = { message?: string; extensions?: { statusCode?: number } }

const unavailable = (message: string): ApiFailure => ({ ok: false, reason: 'unavailable', message })

/** One POST to `/api/graphql`; every failure (network, timeout, HTTP, GraphQL) becomes an `ApiFailure`. */
export async function graphqlRequest<T>(options: SiteApiOptions, query: string, variables: Record<string, unknown> = {}): Promise<ApiResult<T>> {
  const doFetch = options.fetch ?? fetch
  let res: Response
  try {
    res = await doFetch(`${options.baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
  } catch (err) {
    return unavailable(`The legal documents API could not be reached (${err instanceof Error ? err.message : String(err)}).`)
  }
  let body: { data?: T | null; errors?: GraphQLError[] }
  try {
    body = (await res.json()) as typeof body
  } catch {
    return unavailable(`The legal documents API answered ${res.status} without JSON.`)
  }
  const error = body?.errors?.[0]
  if (error) {
    const status = error.extensions?.statusCode
    const message = error.message ?? 'Unknown error.'
    if (status === 404) return { ok: false, reason: 'not-found', message }
    if (status === 400 && res.ok) return { ok: false, reason: 'invalid', message }
    return unavailable(`The legal documents API answered ${res.status}: ${message}`)
  }
  if (!res.ok || !body || body.data === undefined || body.data === null) return unavailable(`The legal documents API answered ${res.status}.`)
  return { ok: true, data: body.data }
}

export const DOCUMENT_QUERY = /* GraphQL */ `
  query LegalPage($slug: String!, $locale: String, $version: Int) {
    legalDocument(slug: $slug, locale: $locale, version: $version) {
      slug title kind locale version lastModified effectiveDate publishedAt summary
      toc { anchor heading }
      sections { anchor heading html }
    }
    legalDocumentVersions(slug: $slug)
  }
`

export const INDEX_QUERY = /* GraphQL */ `
  query LegalIndex($locale: LocaleInputType) {
    LegalDocuments(where: { version: { greater_than: 0 } }, locale: $locale, limit: 100, pagination: false) {
      docs { slug title version lastModified effectiveDate }
    }
  }
`

export const VERSIONS_QUERY = /* GraphQL */ `
  query LegalVersions($slug: String!, $locale: String) {
    legalDocument(slug: $slug, locale: $locale) { slug title kind version }
    legalDocumentVersions(slug: $slug)
  }
`

export const DIFF_QUERY = /* GraphQL */ `
  query LegalDiff($slug: String!, $from: Int!, $to: Int!, $locale: String) {
    legalDocumentDiff(slug: $slug, from: $from, to: $to, locale: $locale)
  }
`

export const COOKIES_QUERY = /* GraphQL */ `
  query LegalCookies($locale: String) {
    cookieDeclaration(locale: $locale)
  }
`

/** The documents page: the document (a given or the current version), where it stands in the archive, and for a cookie policy the declaration. */
export type DocumentPageData = {
  document: LegalDocument
  currentVersion: number
  /** True when an earlier version than the current one is shown. */
  archived: boolean
  /** Only for `kind === 'cookie-policy'`; a failure here still shows the document. */
  cookies: ApiResult<CookieDeclaration> | null
}

export async function loadDocumentPage(
  options: SiteApiOptions,
  args: { slug: string; locale: SiteLocale; version?: number | null },
): Promise<ApiResult<DocumentPageData>> {
  const result = await graphqlRequest<{ legalDocument: LegalDocument; legalDocumentVersions: VersionList }>(options, DOCUMENT_QUERY, {
    slug: args.slug,
    locale: args.locale,
    version: args.version ?? null,
  })
  if (!result.ok) return result
  const { legalDocument: document, legalDocumentVersions: versions } = result.data
  const cookies = document.kind === 'cookie-policy' ? await loadCookieDeclaration(options, args.locale) : null
  return {
    ok: true,
    data: { document, currentVersion: versions.currentVersion, archived: document.version !== versions.currentVersion, cookies },
  }
}

/** Published documents for the index, sorted by title in the page's language. */
export async function loadDocumentIndex(options: SiteApiOptions, locale: SiteLocale): Promise<ApiResult<DocumentSummary[]>> {
  const result = await graphqlRequest<{ LegalDocuments: { docs: DocumentSummary[] } }>(options, INDEX_QUERY, { locale })
  if (!result.ok) return result
  const docs = result.data.LegalDocuments.docs.filter((d) => d.slug && d.version > 0)
  return { ok: true, data: [...docs].sort((a, b) => a.title.localeCompare(b.title, locale)) }
}

export async function loadCookieDeclaration(options: SiteApiOptions, locale: SiteLocale): Promise<ApiResult<CookieDeclaration>> {
  const result = await graphqlRequest<{ cookieDeclaration: CookieDeclaration }>(options, COOKIES_QUERY, { locale })
  return result.ok ? { ok: true, data: result.data.cookieDeclaration } : result
}

/** What the comparison form asked for, checked against the archive. */
export type Comparison =
  | { state: 'none' }
  | { state: 'only-one' }
  | { state: 'same'; from: number; to: number }
  | { state: 'invalid' }
  | { state: 'shown'; from: number; to: number; diff: LegalDiff }
  | { state: 'failed'; from: number; to: number; message: string }

export type VersionsPageData = {
  document: Pick<LegalDocument, 'slug' | 'title' | 'kind' | 'version'>
  versions: VersionList
  /** The versions the form preselects: what was asked for, else the last change. */
  selected: { from: number; to: number } | null
  comparison: Comparison
}

/**
 * Reads `from`/`to` from the form: both must name published versions; they are put in order
 * (older first), and a pair of the same version compares nothing.
 */
export function planComparison(
  versions: VersionList,
  from: number | null | 'invalid',
  to: number | null | 'invalid',
): { state: 'none' | 'only-one' | 'invalid' } | { state: 'same' | 'compare'; from: number; to: number } {
  if (versions.versions.length < 2) return { state: 'only-one' }
  if (from === null && to === null) return { state: 'none' }
  const known = new Set(versions.versions.map((v) => v.version))
  if (typeof from !== 'number' || typeof to !== 'number' || !known.has(from) || !known.has(to)) return { state: 'invalid' }
  const [a, b] = from <= to ? [from, to] : [to, from]
  return a === b ? { state: 'same', from: a, to: b } : { state: 'compare', from: a, to: b }
}

export async function loadVersionsPage(
  options: SiteApiOptions,
  args: { slug: string; locale: SiteLocale; from: number | null | 'invalid'; to: number | null | 'invalid' },
): Promise<ApiResult<VersionsPageData>> {
  const result = await graphqlRequest<{ legalDocument: VersionsPageData['document']; legalDocumentVersions: VersionList }>(options, VERSIONS_QUERY, {
    slug: args.slug,
    locale: args.locale,
  })
  if (!result.ok) return result
  const { legalDocument: document, legalDocumentVersions: versions } = result.data
  const plan = planComparison(versions, args.from, args.to)
  const newest = versions.versions[0]?.version
  const lastChange = versions.versions.length >= 2 && newest ? { from: versions.versions[1]!.version, to: newest } : null

  let comparison: Comparison
  if (plan.state === 'compare') {
    const diff = await graphqlRequest<{ legalDocumentDiff: LegalDiff }>(options, DIFF_QUERY, {
      slug: args.slug,
      from: plan.from,
      to: plan.to,
      locale: args.locale,
    })
    if (!diff.ok && diff.reason === 'unavailable') return diff
    comparison = diff.ok
      ? { state: 'shown', from: plan.from, to: plan.to, diff: diff.data.legalDocumentDiff }
      : { state: 'failed', from: plan.from, to: plan.to, message: diff.message }
  } else if (plan.state === 'same') {
    comparison = { state: 'same', from: plan.from, to: plan.to }
  } else {
    comparison = { state: plan.state }
  }
  const selected = 'from' in comparison ? { from: comparison.from, to: comparison.to } : lastChange
  return { ok: true, data: { document, versions, selected, comparison } }
}

/** A diff section ready to insert: its HTML (from the API, sanitised there) with headings one level down. */
export function diffSectionsForPage(diff: LegalDiff) {
  return diff.sections.map((s) => ({ ...s, html: demoteHeadings(s.html) }))
}

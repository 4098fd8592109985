/**
 * The public pages' data: GraphQL delivery queries, as an outside website would make them, and
 * the shaping of the answers into what a page shows. No Payload, no Next: a base URL and a
 * `fetch` are all it needs. The pages pass either the network `fetch` with `LEGAL_API_URL`, or
 * one that hands the query to Payload in this process (`inProcess.ts`); the tests run both.
 */
import type {
  ArchiveListEntry,
  CookieDeclaration as DeliveredCookieDeclaration,
  DeliveredDocument,
  DocumentDiff,
  DocumentVersions,
  SectionChange,
  UpcomingVersion as DeliveredUpcomingVersion,
} from 'payload-plugin-legal-documents'

import { demoteHeadings, type SiteLocale } from './format'

// The shapes below are the plugin's delivered types (one definition for REST, GraphQL, the fast
// path and these pages), narrowed to the fields the pages' queries select. A type-only import:
// nothing of the plugin is loaded at run time.
export type TocEntry = DeliveredDocument['toc'][number]
export type DeliveredSection = DeliveredDocument['sections'][number]

/** `legalDocument` as the pages select it (no whole-document `html`/`text`: the sections suffice). */
export type LegalDocument = Omit<DeliveredDocument, 'html' | 'text' | 'summary' | 'status' | 'upcoming'> & {
  summary: DeliveredDocument['summary'] | null
  /** The current document only: `in-force`, or `upcoming` before any version is in force (GraphQL: null otherwise). */
  status?: DeliveredDocument['status'] | null
  /** The current document only: the next version and when it takes effect. */
  upcoming?: UpcomingVersion | null
}

/** `upcoming` as the pages select it (no `publishedAt`, no diff `url`). */
export type UpcomingVersion = Omit<DeliveredUpcomingVersion, 'publishedAt' | 'diff'> & {
  diff: Omit<NonNullable<DeliveredUpcomingVersion['diff']>, 'url'> | null
}

export type VersionEntry = Pick<ArchiveListEntry, 'version' | 'publishedAt' | 'effectiveDate' | 'lastModified' | 'changeSummary' | 'materialChange'>
export type VersionList = Pick<DocumentVersions, 'slug' | 'currentVersion'> & {
  inForceVersion?: DocumentVersions['inForceVersion']
  versions: VersionEntry[]
}

export type DiffStatus = SectionChange['status']
export type DiffSummary = DocumentDiff['summary']
export type LegalDiff = DocumentDiff

export type CookieDeclaration = DeliveredCookieDeclaration
export type CookieRow = CookieDeclaration['categories'][number]['cookies'][number]

/** A row of the index page: a published document as the delivery API serves it. */
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

type GraphQLError = { message?: string; path?: (string | number)[]; extensions?: { statusCode?: number } }

const unavailable = (message: string): ApiFailure => ({ ok: false, reason: 'unavailable', message })

type GraphQLAnswer<T> = { ok: true; res: Response; data: T | null | undefined; errors: GraphQLError[] }

/** One POST to `/api/graphql`; network, timeout and non-JSON answers become an `ApiFailure`. */
async function postGraphQL<T>(options: SiteApiOptions, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer<T> | ApiFailure> {
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
  return { ok: true, res, data: body?.data, errors: Array.isArray(body?.errors) ? body.errors : [] }
}

function failureOf(res: Response, error: GraphQLError): ApiFailure {
  const status = error.extensions?.statusCode
  const message = error.message ?? 'Unknown error.'
  // 410: withdrawn by a reviewer; the page is gone for readers, as for a document never published.
  if (status === 404 || status === 410) return { ok: false, reason: 'not-found', message }
  if (status === 400 && res.ok) return { ok: false, reason: 'invalid', message }
  return unavailable(`The legal documents API answered ${res.status}: ${message}`)
}

/** One POST to `/api/graphql`; every failure (network, timeout, HTTP, GraphQL) becomes an `ApiFailure`. */
export async function graphqlRequest<T>(options: SiteApiOptions, query: string, variables: Record<string, unknown> = {}): Promise<ApiResult<T>> {
  const answer = await postGraphQL<T>(options, query, variables)
  if (!answer.ok) return answer
  const { res, data, errors } = answer
  if (errors[0]) return failureOf(res, errors[0])
  if (!res.ok || data === undefined || data === null) return unavailable(`The legal documents API answered ${res.status}.`)
  return { ok: true, data }
}

export const DOCUMENT_QUERY = /* GraphQL */ `
  query LegalPage($slug: String!, $locale: String, $version: Int) {
    legalDocument(slug: $slug, locale: $locale, version: $version) {
      slug title kind locale version lastModified effectiveDate publishedAt summary status
      upcoming { version effectiveDate changeSummary materialChange diff { from to } }
      toc { anchor heading }
      sections { anchor heading html }
    }
    legalDocumentVersions(slug: $slug)
  }
`

/** The slugs of the published documents: Payload's stock collection query (published only for anonymous readers). */
export const INDEX_QUERY = /* GraphQL */ `
  query LegalIndex {
    LegalDocuments(where: { version: { greater_than: 0 } }, limit: 100, pagination: false) {
      docs { slug }
    }
  }
`

/**
 * Root fields per index request: the reference app refuses operations with more than 10 root
 * fields (dev/server/graphqlLimits.ts), and a website's API may be as strict.
 */
export const INDEX_BATCH_SIZE = 10

/**
 * The index rows of some documents as the delivery API serves them (the title as published,
 * placeholders such as `{{company.name}}` resolved): one aliased `legalDocument` per slug.
 */
export function indexRowsQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `, $s${i}: String!`).join('')
  const fields = Array.from(
    { length: count },
    (_, i) => `d${i}: legalDocument(slug: $s${i}, locale: $locale) { slug title version lastModified effectiveDate }`,
  ).join('\n    ')
  return `query LegalIndexRows($locale: String${vars}) {\n    ${fields}\n  }`
}

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

/**
 * Published documents for the index, sorted by title in the page's language. The list comes from
 * the stock collection query; each row (title, version, dates) from the delivery API, so the
 * index shows what the document's page shows. A document the delivery API does not find (404)
 * is left out, as its page would be a 404.
 */
export async function loadDocumentIndex(options: SiteApiOptions, locale: SiteLocale): Promise<ApiResult<DocumentSummary[]>> {
  const list = await graphqlRequest<{ LegalDocuments: { docs: { slug: string | null }[] } }>(options, INDEX_QUERY)
  if (!list.ok) return list
  const slugs = [...new Set(list.data.LegalDocuments.docs.map((d) => d.slug).filter((slug): slug is string => Boolean(slug)))]
  const batches: string[][] = []
  for (let i = 0; i < slugs.length; i += INDEX_BATCH_SIZE) batches.push(slugs.slice(i, i + INDEX_BATCH_SIZE))
  const answers = await Promise.all(batches.map((batch) => loadIndexRows(options, locale, batch)))
  const rows: DocumentSummary[] = []
  for (const answer of answers) {
    if (!answer.ok) return answer
    rows.push(...answer.data)
  }
  return { ok: true, data: rows.filter((d) => d.version > 0).sort((a, b) => a.title.localeCompare(b.title, locale)) }
}

async function loadIndexRows(options: SiteApiOptions, locale: SiteLocale, slugs: string[]): Promise<ApiResult<DocumentSummary[]>> {
  const variables: Record<string, unknown> = { locale }
  slugs.forEach((slug, i) => (variables[`s${i}`] = slug))
  const answer = await postGraphQL<Record<string, DocumentSummary | null>>(options, indexRowsQuery(slugs.length), variables)
  if (!answer.ok) return answer
  const { res, data, errors } = answer
  // Only "not found" for a single document is expected; anything else fails the index.
  const other = errors.find((e) => (e.extensions?.statusCode !== 404 && e.extensions?.statusCode !== 410) || !Array.isArray(e.path) || !/^d[0-9]+$/.test(String(e.path[0])))
  if (other) return failureOf(res, other)
  if (!res.ok || !data) return unavailable(`The legal documents API answered ${res.status}.`)
  return { ok: true, data: slugs.map((_, i) => data[`d${i}`]).filter((row): row is DocumentSummary => Boolean(row)) }
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

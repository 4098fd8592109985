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
  UpcomingVersion as DeliveredUpcomingVersion,
  DocumentDiff,
  DocumentVersions,
  SectionChange,
} from 'payload-plugin-legal-documents'

import { demoteHeadings, type SiteLocale } from './format'

// The shapes below are the plugin's delivered types (one definition for REST, GraphQL, the fast
// path and these pages), narrowed to the fields the pages' queries select. A type-only import:
// nothing of the plugin is loaded at run time.
export type TocEntry = DeliveredDocument['toc'][number]
export type DeliveredSection = DeliveredDocument['sections'][number]

/** `legalDocument` as the pages select it (no whole-document `html`/`text`: the sections suffice). */
export type LegalDocument = {
  /** The current document only: `in-force`, or `upcoming` before any version is in force (GraphQL: null otherwise). */
  status?: DeliveredDocument['status'] | null
  summary: DeliveredDocument['summary'] | null
  /** The current document only: the next version and when it takes effect. */
  upcoming?: null | UpcomingVersion
} & Omit<DeliveredDocument, 'html' | 'status' | 'summary' | 'text' | 'upcoming'>

/** `upcoming` as the pages select it (no `publishedAt`, no diff `url`). */
export type UpcomingVersion = {
  diff: null | Omit<NonNullable<DeliveredUpcomingVersion['diff']>, 'url'>
} & Omit<DeliveredUpcomingVersion, 'diff' | 'publishedAt'>

export type VersionEntry = Pick<
  ArchiveListEntry,
  'changeSummary' | 'effectiveDate' | 'lastModified' | 'materialChange' | 'publishedAt' | 'version'
>
export type VersionList = {
  inForceVersion?: DocumentVersions['inForceVersion']
  versions: VersionEntry[]
} & Pick<DocumentVersions, 'currentVersion' | 'slug'>

export type DiffStatus = SectionChange['status']
export type DiffSummary = DocumentDiff['summary']
export type LegalDiff = DocumentDiff

export type CookieDeclaration = DeliveredCookieDeclaration
export type CookieRow = CookieDeclaration['categories'][number]['cookies'][number]

/** A row of the index page: a published document as the delivery API serves it. */
export type DocumentSummary = {
  effectiveDate: null | string
  lastModified: null | string
  slug: string
  title: string
  version: number
}

export type ApiFailure = {
  message: string
  ok: false
  /** not-found: no such document/version (the page answers 404); invalid: the API refused the arguments; unavailable: no usable answer. */
  reason: 'invalid' | 'not-found' | 'unavailable'
}
export type ApiResult<T> = { data: T; ok: true } | ApiFailure

export type SiteApiOptions = {
  /** e.g. "http://127.0.0.1:3000"; `/api/graphql` is appended. */
  baseUrl: string
  fetch?: typeof fetch
  /** Give up on the API after this long (default 5 s): the page then says it is unavailable. */
  timeoutMs?: number
}

type GraphQLError = {
  extensions?: { statusCode?: number }
  message?: string
  path?: (number | string)[]
}

const unavailable = (message: string): ApiFailure => ({ message, ok: false, reason: 'unavailable' })

type GraphQLAnswer<T> = {
  data: null | T | undefined
  errors: GraphQLError[]
  ok: true
  res: Response
}

/** One POST to `/api/graphql`; network, timeout and non-JSON answers become an `ApiFailure`. */
async function postGraphQL<T>(
  options: SiteApiOptions,
  query: string,
  variables: Record<string, unknown>,
): Promise<ApiFailure | GraphQLAnswer<T>> {
  const doFetch = options.fetch ?? fetch
  let res: Response
  try {
    res = await doFetch(`${options.baseUrl}/api/graphql`, {
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      method: 'POST',
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
  } catch (err) {
    return unavailable(
      `The legal documents API could not be reached (${err instanceof Error ? err.message : String(err)}).`,
    )
  }
  let body: { data?: null | T; errors?: GraphQLError[] }
  try {
    body = (await res.json()) as typeof body
  } catch {
    return unavailable(`The legal documents API answered ${res.status} without JSON.`)
  }
  return { data: body?.data, errors: Array.isArray(body?.errors) ? body.errors : [], ok: true, res }
}

function failureOf(res: Response, error: GraphQLError): ApiFailure {
  const status = error.extensions?.statusCode
  const message = error.message ?? 'Unknown error.'
  // 410: withdrawn by a reviewer; the page is gone for readers, as for a document never published.
  if (status === 404 || status === 410) {
    return { message, ok: false, reason: 'not-found' }
  }
  if (status === 400 && res.ok) {
    return { message, ok: false, reason: 'invalid' }
  }
  return unavailable(`The legal documents API answered ${res.status}: ${message}`)
}

/** One POST to `/api/graphql`; every failure (network, timeout, HTTP, GraphQL) becomes an `ApiFailure`. */
export async function graphqlRequest<T>(
  options: SiteApiOptions,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ApiResult<T>> {
  const answer = await postGraphQL<T>(options, query, variables)
  if (!answer.ok) {
    return answer
  }
  const { data, errors, res } = answer
  if (errors[0]) {
    return failureOf(res, errors[0])
  }
  if (!res.ok || data === undefined || data === null) {
    return unavailable(`The legal documents API answered ${res.status}.`)
  }
  return { data, ok: true }
}

export const DOCUMENT_QUERY = /* GraphQL */ `
  query LegalPage($slug: String!, $locale: String, $version: Int) {
    legalDocument(slug: $slug, locale: $locale, version: $version) {
      slug
      title
      kind
      locale
      version
      lastModified
      effectiveDate
      publishedAt
      summary
      status
      upcoming {
        version
        effectiveDate
        changeSummary
        materialChange
        diff {
          from
          to
        }
      }
      toc {
        anchor
        heading
      }
      sections {
        anchor
        heading
        html
      }
    }
    legalDocumentVersions(slug: $slug)
  }
`

/** The slugs of the published documents: Payload's stock collection query (published only for anonymous readers). */
export const INDEX_QUERY = /* GraphQL */ `
  query LegalIndex {
    LegalDocuments(where: { version: { greater_than: 0 } }, limit: 100, pagination: false) {
      docs {
        slug
      }
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
    (_, i) =>
      `d${i}: legalDocument(slug: $s${i}, locale: $locale) { slug title version lastModified effectiveDate }`,
  ).join('\n    ')
  return `query LegalIndexRows($locale: String${vars}) {\n    ${fields}\n  }`
}

export const VERSIONS_QUERY = /* GraphQL */ `
  query LegalVersions($slug: String!, $locale: String) {
    legalDocument(slug: $slug, locale: $locale) {
      slug
      title
      kind
      version
    }
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
  /** True when an earlier version than the current one is shown. */
  archived: boolean
  /** Only for `kind === 'cookie-policy'`; a failure here still shows the document. */
  cookies: ApiResult<CookieDeclaration> | null
  currentVersion: number
  document: LegalDocument
}

export async function loadDocumentPage(
  options: SiteApiOptions,
  args: { locale: SiteLocale; slug: string; version?: null | number },
): Promise<ApiResult<DocumentPageData>> {
  const result = await graphqlRequest<{
    legalDocument: LegalDocument
    legalDocumentVersions: VersionList
  }>(options, DOCUMENT_QUERY, {
    slug: args.slug,
    locale: args.locale,
    version: args.version ?? null,
  })
  if (!result.ok) {
    return result
  }
  const { legalDocument: document, legalDocumentVersions: versions } = result.data
  const cookies =
    document.kind === 'cookie-policy' ? await loadCookieDeclaration(options, args.locale) : null
  return {
    data: {
      archived: document.version !== versions.currentVersion,
      cookies,
      currentVersion: versions.currentVersion,
      document,
    },
    ok: true,
  }
}

/**
 * Published documents for the index, sorted by title in the page's language. The list comes from
 * the stock collection query; each row (title, version, dates) from the delivery API, so the
 * index shows what the document's page shows. A document the delivery API does not find (404)
 * is left out, as its page would be a 404.
 */
export async function loadDocumentIndex(
  options: SiteApiOptions,
  locale: SiteLocale,
): Promise<ApiResult<DocumentSummary[]>> {
  const list = await graphqlRequest<{ LegalDocuments: { docs: { slug: null | string }[] } }>(
    options,
    INDEX_QUERY,
  )
  if (!list.ok) {
    return list
  }
  const slugs = [
    ...new Set(
      list.data.LegalDocuments.docs
        .map((d) => d.slug)
        .filter((slug): slug is string => Boolean(slug)),
    ),
  ]
  const batches: string[][] = []
  for (let i = 0; i < slugs.length; i += INDEX_BATCH_SIZE) {
    batches.push(slugs.slice(i, i + INDEX_BATCH_SIZE))
  }
  const answers = await Promise.all(batches.map((batch) => loadIndexRows(options, locale, batch)))
  const rows: DocumentSummary[] = []
  for (const answer of answers) {
    if (!answer.ok) {
      return answer
    }
    rows.push(...answer.data)
  }
  return {
    data: rows.filter((d) => d.version > 0).sort((a, b) => a.title.localeCompare(b.title, locale)),
    ok: true,
  }
}

async function loadIndexRows(
  options: SiteApiOptions,
  locale: SiteLocale,
  slugs: string[],
): Promise<ApiResult<DocumentSummary[]>> {
  const variables: Record<string, unknown> = { locale }
  slugs.forEach((slug, i) => (variables[`s${i}`] = slug))
  const answer = await postGraphQL<Record<string, DocumentSummary | null>>(
    options,
    indexRowsQuery(slugs.length),
    variables,
  )
  if (!answer.ok) {
    return answer
  }
  const { data, errors, res } = answer
  // Only "not found" for a single document is expected; anything else fails the index.
  const other = errors.find(
    (e) =>
      (e.extensions?.statusCode !== 404 && e.extensions?.statusCode !== 410) ||
      !Array.isArray(e.path) ||
      !/^d\d+$/.test(String(e.path[0])),
  )
  if (other) {
    return failureOf(res, other)
  }
  if (!res.ok || !data) {
    return unavailable(`The legal documents API answered ${res.status}.`)
  }
  return {
    data: slugs.map((_, i) => data[`d${i}`]).filter((row): row is DocumentSummary => Boolean(row)),
    ok: true,
  }
}

export async function loadCookieDeclaration(
  options: SiteApiOptions,
  locale: SiteLocale,
): Promise<ApiResult<CookieDeclaration>> {
  const result = await graphqlRequest<{ cookieDeclaration: CookieDeclaration }>(
    options,
    COOKIES_QUERY,
    { locale },
  )
  return result.ok ? { data: result.data.cookieDeclaration, ok: true } : result
}

/** What the comparison form asked for, checked against the archive. */
export type Comparison =
  | { diff: LegalDiff; from: number; state: 'shown'; to: number }
  | { from: number; message: string; state: 'failed'; to: number }
  | { from: number; state: 'same'; to: number }
  | { state: 'invalid' }
  | { state: 'none' }
  | { state: 'only-one' }

export type VersionsPageData = {
  comparison: Comparison
  document: Pick<LegalDocument, 'kind' | 'slug' | 'title' | 'version'>
  /** The versions the form preselects: what was asked for, else the last change. */
  selected: { from: number; to: number } | null
  versions: VersionList
}

/**
 * Reads `from`/`to` from the form: both must name published versions; they are put in order
 * (older first), and a pair of the same version compares nothing.
 */
export function planComparison(
  versions: VersionList,
  from: 'invalid' | null | number,
  to: 'invalid' | null | number,
):
  | { from: number; state: 'compare' | 'same'; to: number }
  | { state: 'invalid' | 'none' | 'only-one' } {
  if (versions.versions.length < 2) {
    return { state: 'only-one' }
  }
  if (from === null && to === null) {
    return { state: 'none' }
  }
  const known = new Set(versions.versions.map((v) => v.version))
  if (typeof from !== 'number' || typeof to !== 'number' || !known.has(from) || !known.has(to)) {
    return { state: 'invalid' }
  }
  const [a, b] = from <= to ? [from, to] : [to, from]
  return a === b ? { from: a, state: 'same', to: b } : { from: a, state: 'compare', to: b }
}

export async function loadVersionsPage(
  options: SiteApiOptions,
  args: {
    from: 'invalid' | null | number
    locale: SiteLocale
    slug: string
    to: 'invalid' | null | number
  },
): Promise<ApiResult<VersionsPageData>> {
  const result = await graphqlRequest<{
    legalDocument: VersionsPageData['document']
    legalDocumentVersions: VersionList
  }>(options, VERSIONS_QUERY, {
    slug: args.slug,
    locale: args.locale,
  })
  if (!result.ok) {
    return result
  }
  const { legalDocument: document, legalDocumentVersions: versions } = result.data
  const plan = planComparison(versions, args.from, args.to)
  const newest = versions.versions[0]?.version
  const lastChange =
    versions.versions.length >= 2 && newest
      ? { from: versions.versions[1].version, to: newest }
      : null

  let comparison: Comparison
  if (plan.state === 'compare') {
    const diff = await graphqlRequest<{ legalDocumentDiff: LegalDiff }>(options, DIFF_QUERY, {
      slug: args.slug,
      from: plan.from,
      locale: args.locale,
      to: plan.to,
    })
    if (!diff.ok && diff.reason === 'unavailable') {
      return diff
    }
    comparison = diff.ok
      ? { diff: diff.data.legalDocumentDiff, from: plan.from, state: 'shown', to: plan.to }
      : { from: plan.from, message: diff.message, state: 'failed', to: plan.to }
  } else if (plan.state === 'same') {
    comparison = { from: plan.from, state: 'same', to: plan.to }
  } else {
    comparison = { state: plan.state }
  }
  const selected = 'from' in comparison ? { from: comparison.from, to: comparison.to } : lastChange
  return { data: { comparison, document, selected, versions }, ok: true }
}

/** A diff section ready to insert: its HTML (from the API, sanitised there) with headings one level down. */
export function diffSectionsForPage(diff: LegalDiff) {
  return diff.sections.map((s) => ({ ...s, html: demoteHeadings(s.html) }))
}

/**
 * The body of `POST /api/legal/acceptances` (pure). Refusals name the field, with status 400.
 */

export const ACCEPTANCE_METHODS = ['clickwrap', 'checkbox', 'signup', 'api', 'other'] as const
export type AcceptanceMethod = (typeof ACCEPTANCE_METHODS)[number]

export const MAX_SUBJECT = 200
export const MAX_SOURCE = 100
export const MAX_USER_AGENT = 256

export type AcceptanceInput = {
  /** The content hash the site showed; when sent, it must be the version's. */
  contentHash: null | string
  /** The document's slug, or its numeric id. */
  document: number | string
  /** The end user's address and browser, as the site's back end saw them; optional. */
  ip: null | string
  locale: null | string
  method: AcceptanceMethod
  source: null | string
  subject: string
  userAgent: null | string
  version: number
}

export type Checked<T> = { message: string; ok: false; status: 400 } | { ok: true; value: T }

const KEYS = new Set([
  'contentHash',
  'document',
  'ip',
  'locale',
  'method',
  'source',
  'subject',
  'userAgent',
  'version',
])
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

const fail = (message: string): Checked<never> => ({ message, ok: false, status: 400 })

function optionalText(
  body: Record<string, unknown>,
  name: string,
  max: number,
): Error | null | string {
  const value = body[name]
  if (value === undefined || value === null || value === '') {
    return null
  }
  if (typeof value !== 'string') {
    return new Error(`"${name}" must be a string.`)
  }
  if (CONTROL.test(value)) {
    return new Error(`"${name}" must not contain control characters.`)
  }
  return value.slice(0, max)
}

/** A subject id: the host's user id, as a string (a number is accepted and written in digits). */
export function parseSubject(raw: unknown): null | string {
  const subject = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw
  if (typeof subject !== 'string') {
    return null
  }
  const trimmed = subject.trim()
  if (!trimmed || trimmed.length > MAX_SUBJECT || CONTROL.test(trimmed)) {
    return null
  }
  return trimmed
}

export function validateAcceptance(body: unknown): Checked<AcceptanceInput> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return fail('Send a JSON object.')
  }
  const b = body as Record<string, unknown>
  const unknown = Object.keys(b).filter((k) => !KEYS.has(k))
  if (unknown.length) {
    return fail(`Unknown field(s): ${unknown.join(', ')}.`)
  }
  const subject = parseSubject(b.subject)
  if (!subject) {
    return fail(
      `"subject" must be the user's id on your site: a non-empty string of at most ${MAX_SUBJECT} characters.`,
    )
  }
  const document = b.document
  const documentOk =
    (typeof document === 'string' &&
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(document) &&
      document.length <= 200) ||
    (typeof document === 'number' && Number.isSafeInteger(document) && document > 0)
  if (!documentOk) {
    return fail('"document" must be the document\'s slug (or its numeric id).')
  }
  const version = b.version
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return fail('"version" must be a positive whole number.')
  }
  const method = b.method ?? 'api'
  if (typeof method !== 'string' || !(ACCEPTANCE_METHODS as readonly string[]).includes(method)) {
    return fail(`"method" must be one of: ${ACCEPTANCE_METHODS.join(', ')}.`)
  }
  const locale = optionalText(b, 'locale', 20)
  const source = optionalText(b, 'source', MAX_SOURCE)
  const ip = optionalText(b, 'ip', 64)
  const userAgent = optionalText(b, 'userAgent', 4096)
  const contentHash = optionalText(b, 'contentHash', 64)
  for (const v of [locale, source, ip, userAgent, contentHash]) {
    if (v instanceof Error) {
      return fail(v.message)
    }
  }
  if (typeof contentHash === 'string' && !/^[0-9a-f]{64}$/.test(contentHash)) {
    return fail('"contentHash" must be a SHA-256 in hex.')
  }
  return {
    ok: true,
    value: {
      contentHash: contentHash as null | string,
      document,
      ip: ip as null | string,
      locale: locale as null | string,
      method: method as AcceptanceMethod,
      source: source as null | string,
      subject,
      userAgent: userAgent === null ? null : (userAgent as string).slice(0, MAX_USER_AGENT),
      version,
    },
  }
}

/** Query parameters of the export: subject, document, version, from, to. */
export type ExportFilter = {
  document?: string
  documentId?: number
  from?: string
  subject?: string
  to?: string
  version?: number
}

export function parseExportFilter(params: URLSearchParams): Checked<ExportFilter> {
  const filter: ExportFilter = {}
  const subject = params.get('subject')
  if (subject !== null) {
    const s = parseSubject(subject)
    if (!s) {
      return fail('"subject" must be a non-empty id.')
    }
    filter.subject = s
  }
  const document = params.get('document')
  if (document !== null) {
    if (/^\d+$/.test(document)) {
      filter.documentId = Number(document)
    } else if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(document)) {
      filter.document = document
    } else {
      return fail('"document" must be a slug or a numeric id.')
    }
  }
  const version = params.get('version')
  if (version !== null) {
    if (!/^[1-9]\d{0,8}$/.test(version)) {
      return fail('"version" must be a positive whole number.')
    }
    filter.version = Number(version)
  }
  for (const name of ['from', 'to'] as const) {
    const raw = params.get(name)
    if (raw === null) {
      continue
    }
    const ms = Date.parse(raw)
    if (Number.isNaN(ms)) {
      return fail(`"${name}" must be a date or date-time (ISO 8601).`)
    }
    filter[name] = new Date(ms).toISOString()
  }
  return { ok: true, value: filter }
}

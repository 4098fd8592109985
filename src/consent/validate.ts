/**
 * Checks a consent record sent by a cookie banner against the banner configuration in force
 * (GET /api/legal/cookies/consent-config). Pure: no Payload, no I/O.
 */

/** The part of the served configuration (src/cookies/declaration.ts `consentConfig`) a record answers. */
export type ConsentConfigInForce = {
  categories: Record<string, { readOnly?: boolean; services?: Record<string, unknown> }>
  language?: { default?: string; translations?: Record<string, unknown> }
  revision: number
}

export type ConsentRecord = {
  acceptedCategories: string[]
  acceptedServices: Record<string, string[]>
  acceptType: 'all' | 'custom' | 'necessary'
  consentId: string
  language: null | string
  /** Origin and path only: query and fragment can carry personal data. */
  pageUrl: null | string
  rejectedCategories: string[]
  rejectedServices: Record<string, string[]>
  revision: number
}

export type ConsentProblem = {
  data?: Record<string, unknown>
  message: string
  status: 400 | 409 | 422
}

/** cookieconsent 3 makes consent ids with its `uuidv4()`: a random (version 4) UUID. */
export const CONSENT_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** The visitor's choice, under which banner revision and language: stored and exported as sent. */
export const CONSENT_CHOICE_FIELDS = [
  'acceptType',
  'acceptedCategories',
  'rejectedCategories',
  'acceptedServices',
  'rejectedServices',
  'revision',
  'language',
] as const satisfies readonly (keyof ConsentRecord)[]

const FIELDS = ['consentId', ...CONSENT_CHOICE_FIELDS, 'pageUrl'] as const
const MAX_PAGE_URL = 2048

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (names: Iterable<string>) => [...names].map((n) => `"${n}"`).join(', ')

function stringArray(value: unknown, name: string): string | string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return `"${name}" must be an array of strings.`
  }
  if (new Set(value).size !== value.length) {
    return `"${name}" lists a name twice.`
  }
  return value as string[]
}

function services(
  value: unknown,
  name: string,
  config: ConsentConfigInForce,
): Record<string, string[]> | string {
  if (value === undefined) {
    return {}
  }
  if (!isObject(value)) {
    return `"${name}" must be an object of service names per category.`
  }
  const out: Record<string, string[]> = {}
  for (const [category, names] of Object.entries(value)) {
    const known = config.categories[category]
    if (!known) {
      return `"${name}" names the unknown category "${category}".`
    }
    const checked = stringArray(names, `${name}.${category}`)
    if (typeof checked === 'string') {
      return checked
    }
    const unknown = checked.filter((s) => !Object.hasOwn(known.services ?? {}, s))
    if (unknown.length) {
      return `"${name}.${category}" names services the banner does not have: ${list(unknown)}.`
    }
    out[category] = checked
  }
  return out
}

/** cookieconsent 3's own rule (`resolveAcceptType`): all accepted, only the read-only ones, or custom. */
export function acceptTypeOf(
  accepted: number,
  all: number,
  readOnly: number,
): ConsentRecord['acceptType'] {
  if (accepted === all) {
    return 'all'
  }
  if (accepted === readOnly) {
    return 'necessary'
  }
  return 'custom'
}

/** The record, or why it is refused: 400 not an object, 422 wrong or inconsistent, 409 another revision. */
export function validateConsent(
  body: unknown,
  config: ConsentConfigInForce,
): ({ ok: false } & ConsentProblem) | { ok: true; record: ConsentRecord } {
  const refuse = (
    message: string,
    status: ConsentProblem['status'] = 422,
    data?: Record<string, unknown>,
  ) => ({ message, ok: false as const, status, ...(data ? { data } : {}) })
  if (!isObject(body)) {
    return refuse('Send the consent as a JSON object.', 400)
  }
  const unknownFields = Object.keys(body).filter((k) => !(FIELDS as readonly string[]).includes(k))
  if (unknownFields.length) {
    return refuse(`Unknown fields: ${list(unknownFields)}. Allowed: ${list(FIELDS)}.`)
  }

  const { acceptType, consentId, revision } = body
  if (consentId === undefined) {
    return refuse('"consentId" is missing: send CookieConsent.getCookie().consentId.')
  }
  if (typeof consentId !== 'string' || !CONSENT_ID_PATTERN.test(consentId)) {
    return refuse(
      '"consentId" must be the UUID cookieconsent made (CookieConsent.getCookie().consentId).',
    )
  }
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0) {
    return refuse('"revision" must be a whole number (CookieConsent.getCookie().revision).')
  }
  if (acceptType !== 'all' && acceptType !== 'necessary' && acceptType !== 'custom') {
    return refuse('"acceptType" must be "all", "necessary" or "custom".')
  }

  const accepted = stringArray(body.acceptedCategories ?? null, 'acceptedCategories')
  if (typeof accepted === 'string') {
    return refuse(accepted)
  }
  const rejected = stringArray(body.rejectedCategories ?? null, 'rejectedCategories')
  if (typeof rejected === 'string') {
    return refuse(rejected)
  }

  let language: null | string = null
  if (body.language !== undefined && body.language !== null) {
    const languages = Object.keys(config.language?.translations ?? {})
    if (typeof body.language !== 'string' || !languages.includes(body.language)) {
      return refuse(`"language" must be one of the banner's languages: ${list(languages)}.`)
    }
    language = body.language
  }
  let pageUrl: null | string = null
  if (body.pageUrl !== undefined && body.pageUrl !== null) {
    let url: null | URL = null
    try {
      url =
        typeof body.pageUrl === 'string' && body.pageUrl.length <= MAX_PAGE_URL
          ? new URL(body.pageUrl)
          : null
    } catch {
      url = null
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      return refuse(`"pageUrl" must be an http(s) address of at most ${MAX_PAGE_URL} characters.`)
    }
    pageUrl = `${url.origin}${url.pathname}`
  }

  // The revision answers the banner in force, or the visitor answered another one: 409, with
  // the current revision, so the site can show the banner again.
  if (revision !== config.revision) {
    return refuse(
      `This consent answers banner revision ${revision}, but revision ${config.revision} is in force: ask the visitor again.`,
      409,
      { currentRevision: config.revision },
    )
  }

  const categories = Object.keys(config.categories)
  const unknown = [...accepted, ...rejected].filter((c) => !categories.includes(c))
  if (unknown.length) {
    return refuse(`Unknown categories: ${list(unknown)}. The banner has: ${list(categories)}.`)
  }
  const both = accepted.filter((c) => rejected.includes(c))
  if (both.length) {
    return refuse(`Categories both accepted and rejected: ${list(both)}.`)
  }
  const missing = categories.filter((c) => !accepted.includes(c) && !rejected.includes(c))
  if (missing.length) {
    return refuse(`Every category must be accepted or rejected; missing: ${list(missing)}.`)
  }
  const readOnly = categories.filter((c) => config.categories[c].readOnly)
  const rejectedReadOnly = rejected.filter((c) => readOnly.includes(c))
  if (rejectedReadOnly.length) {
    return refuse(`Necessary categories cannot be rejected: ${list(rejectedReadOnly)}.`)
  }
  const expected = acceptTypeOf(accepted.length, categories.length, readOnly.length)
  if (acceptType !== expected) {
    return refuse(
      `"acceptType" is "${acceptType}", but the categories accepted make it "${expected}".`,
    )
  }

  const acceptedServices = services(body.acceptedServices, 'acceptedServices', config)
  if (typeof acceptedServices === 'string') {
    return refuse(acceptedServices)
  }
  const rejectedServices = services(body.rejectedServices, 'rejectedServices', config)
  if (typeof rejectedServices === 'string') {
    return refuse(rejectedServices)
  }

  return {
    ok: true,
    record: {
      acceptedCategories: accepted,
      acceptedServices,
      acceptType,
      consentId: consentId.toLowerCase(),
      language,
      pageUrl,
      rejectedCategories: rejected,
      rejectedServices,
      revision,
    },
  }
}

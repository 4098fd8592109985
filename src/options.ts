import type {
  Access,
  CollectionConfig,
  CollectionSlug,
  Field,
  GlobalConfig,
  PayloadRequest,
} from 'payload'

import type { DOCUMENT_KINDS } from './slugs.js'

/** What a host may change on one of the plugin's collections. */
export type CollectionOverride = {
  /**
   * Extra access rules. Each is combined with the plugin's rule by AND: it can only narrow
   * who may do what (a `Where` result is added to the plugin's), never widen it.
   */
  access?: Partial<Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access>>
  /** Admin settings merged over the plugin's (group, description, hidden, defaultColumns, …). */
  admin?: Pick<
    NonNullable<CollectionConfig['admin']>,
    'defaultColumns' | 'description' | 'group' | 'hidden' | 'listSearchableFields' | 'pagination'
  >
  /**
   * Extra fields, appended after the plugin's. They are the host's own data: they are saved
   * with drafts but are not part of the reviewed legal content (not frozen into versions, not
   * compared, not delivered). A name the plugin uses is refused at start.
   */
  fields?: Field[]
  /** Extra hooks, run after the plugin's own hooks of the same kind. */
  hooks?: CollectionConfig['hooks']
  labels?: CollectionConfig['labels']
}

/** What a host may change on the company-details global. */
export type GlobalOverride = {
  access?: Partial<Record<'read' | 'update', Access>>
  admin?: Pick<NonNullable<GlobalConfig['admin']>, 'description' | 'group' | 'hidden'>
  fields?: Field[]
  hooks?: GlobalConfig['hooks']
  label?: GlobalConfig['label']
}

/** Options of `legalDocumentsPlugin`. Every option has a default; `legalDocumentsPlugin()` works as is. */
export type LegalDocumentsPluginOptions = {
  /**
   * The acceptance ledger (`/api/legal/acceptances`, collection `legal-acceptances`): who
   * accepted which version of which document, recorded by a website's back end with the API key
   * of a `service` account.
   * - `subjectKey`: the HMAC key that turns a subject id into its pseudonym when an admin
   *   erases a subject (`POST /api/legal/acceptances/erase`). Without it erasure is refused.
   *   Keep it secret and stable: the same key gives the same pseudonym. Default:
   *   `LEGAL_ACCEPTANCE_SUBJECT_KEY` from the env, else none.
   * - `ipHashKey`: when set, a keyed hash (HMAC-SHA256) of the end user's full IP is stored
   *   besides the truncated one. Default: `LEGAL_ACCEPTANCE_IP_HASH_KEY`, else none.
   * - `exportBatchSize`: records read per query while an export or a chain check streams.
   *   Default 1000.
   */
  acceptances?: { exportBatchSize?: number; ipHashKey?: string; subjectKey?: string }
  /**
   * The time the plugin goes by: which version is in force, notice periods, ledger timestamps.
   * For tests and simulations; leave unset in production.
   * @default () => new Date()
   */
  clock?: () => Date
  /**
   * Where the admin's import map finds the plugin's components: `<path>/client` and
   * `<path>/rsc`. The package name works in any app that installed the plugin.
   * @default 'payload-plugin-legal-documents'
   */
  componentsPath?: string
  /**
   * The consent log (`POST /api/legal/consents`, collection `legal-consents`): what cookie
   * banners send from cookieconsent's `onFirstConsent` / `onChange`, kept as proof of consent.
   * - `allowedOrigins`: the websites whose browsers may post (CORS, and a request from any other
   *   origin is refused with 403). Default: `LEGAL_CONSENT_ORIGINS` (comma-separated) from the
   *   env, else the origins of Payload's `cors` list. The server's own host is always allowed.
   * - `rateLimit`: posts per client (per truncated IP) per window, in memory per process.
   *   Default 30 per 60 000 ms (the limit: `LEGAL_CONSENT_RATE_LIMIT` from the env, if set).
   * - `ipHashKey`: when set, a keyed hash (HMAC-SHA256) of the full IP is stored besides the
   *   truncated one, so repeated posts from one address can be linked without storing it.
   *   Default: `LEGAL_CONSENT_IP_HASH_KEY` from the env, else none.
   * - `clientIp`: how to read the client's IP from a request. Default: the `x-real-ip` header,
   *   else the first `x-forwarded-for` entry. Those headers must be set by your own server or
   *   proxy (the reference app sets `x-real-ip` from express's `req.ip`), or clients choose them.
   * - `retentionMonths`: consent records whose `recordedAt` is older than this many months are
   *   deleted by the daily job `legalDocumentsConsentRetention` (Payload's jobs queue; the app
   *   must run it). Default 24 (`LEGAL_CONSENT_RETENTION_MONTHS` from the env, if set). `0` keeps
   *   records for ever.
   * - `cookiePolicyUrl`: where the banner links to the cookie policy in force; `{slug}` is the
   *   policy's web address, `{locale}` the banner's language. Default `/legal/{slug}` (the
   *   reference app's page), relative to the website that shows the banner.
   */
  consent?: {
    allowedOrigins?: string[]
    clientIp?: (req: PayloadRequest) => null | string | undefined
    cookiePolicyUrl?: string
    ipHashKey?: string
    rateLimit?: { limit?: number; windowMs?: number }
    retentionMonths?: number
  }
  /**
   * Keep the collections (and so the database schema), their access rules and workflow hooks,
   * but add no endpoints, GraphQL queries or mutations and no background listeners. The review
   * actions are gone, so nothing can be submitted or approved while disabled (a draft approved
   * before can still be published by a reviewer, under the same rules). Lets a host
   * turn the plugin off without a destructive migration.
   * @default false
   */
  disabled?: boolean
  /**
   * Four-eyes rule: nobody, admins included, may approve a draft they changed themselves.
   * Turn off only for one-person teams.
   * @default true
   */
  fourEyes?: boolean
  /**
   * Notice before material changes take effect, per kind of document (a document may set its
   * own in the admin). `periodDays`: the minimum days between publishing a material change and
   * its effective date; approving or publishing one that takes effect sooner is refused unless a
   * reviewer records an override with a reason. `requiresAcceptance`: kinds whose readers must
   * accept each material change (the acceptance ledger asks them again).
   * Defaults: 30 days for terms of use, privacy policy and general conditions, 0 otherwise;
   * acceptance required for terms of use and general conditions.
   */
  notice?: {
    periodDays?: Partial<Record<DocumentKind, number>>
    requiresAcceptance?: Partial<Record<DocumentKind, boolean>>
  }
  /**
   * Per-collection customisation, as Payload's own plugins offer it: admin group and labels,
   * extra fields, access rules that can only narrow the plugin's, hooks appended.
   * @example overrides: { documents: { admin: { group: 'Compliance' } } }
   */
  overrides?: {
    acceptances?: CollectionOverride
    consents?: CollectionOverride
    cookies?: CollectionOverride
    documents?: CollectionOverride
    entity?: GlobalOverride
    reviewEvents?: CollectionOverride
    sections?: CollectionOverride
    versions?: CollectionOverride
  }
  /**
   * The auth collection whose users write, review and publish legal documents. The plugin
   * adds a `roles` field (admin, editor, reviewer) to it.
   * @default 'users'
   */
  usersCollection?: CollectionSlug
  /**
   * Outgoing webhooks: after every publish that makes a new version, each URL receives
   * `POST {event, slug, version, materialChange, title, publishedAt, lastModified}`, signed
   * with `X-Legal-Signature: sha256=<HMAC-SHA256 of the body>` when a secret is set. Sent by
   * Payload's jobs queue (the app must run it), retried with exponential backoff.
   * Defaults: `LEGAL_WEBHOOK_URLS` (comma-separated) and `LEGAL_WEBHOOK_SECRET` from the env.
   */
  webhooks?: { attempts?: number; retryDelayMs?: number; secret?: string; urls?: string[] }
}

export type ResolvedLegalDocumentsPluginOptions = {
  acceptances: { exportBatchSize: number; ipHashKey: null | string; subjectKey: null | string }
  /** `allowedOrigins` null: Payload's `cors` origins, read when a request comes in. */
  consent: {
    allowedOrigins: null | string[]
    clientIp: (req: PayloadRequest) => null | string | undefined
    cookiePolicyUrl: string
    ipHashKey: null | string
    rateLimit: { limit: number; windowMs: number }
    retentionMonths: number
  }
  notice: {
    periodDays: Record<DocumentKind, number>
    requiresAcceptance: Record<DocumentKind, boolean>
  }
  overrides: NonNullable<LegalDocumentsPluginOptions['overrides']>
  webhooks: { attempts: number; retryDelayMs: number; secret: string; urls: string[] }
} & Required<
  Omit<LegalDocumentsPluginOptions, 'acceptances' | 'consent' | 'notice' | 'overrides' | 'webhooks'>
>

const OPTION_KEYS = [
  'acceptances',
  'clock',
  'componentsPath',
  'consent',
  'disabled',
  'fourEyes',
  'notice',
  'overrides',
  'usersCollection',
  'webhooks',
] as const

type DocumentKind = (typeof DOCUMENT_KINDS)[number]['value']

const NOTICE_DEFAULTS: ResolvedLegalDocumentsPluginOptions['notice'] = {
  periodDays: {
    'cookie-policy': 0,
    'data-security': 0,
    'general-conditions': 30,
    other: 0,
    'privacy-policy': 30,
    'terms-of-use': 30,
  },
  requiresAcceptance: {
    'cookie-policy': false,
    'data-security': false,
    'general-conditions': true,
    other: false,
    'privacy-policy': false,
    'terms-of-use': true,
  },
}

/**
 * The user's options from what `definePlugin` hands the plugin function. Payload 3 spreads
 * them next to `config` and `plugins`; Payload 4 passes them as one `options` argument
 * (payload PR 17218). This plugin has no option called `options`, so the two cannot be confused.
 */
export function readPluginOptions(args: Record<string, unknown>): LegalDocumentsPluginOptions {
  const nested = args.options
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    return nested
  }
  const options: Record<string, unknown> = {}
  for (const key of OPTION_KEYS) {
    if (args[key] !== undefined) {
      options[key] = args[key]
    }
  }
  return options
}

export function resolveOptions(
  options: LegalDocumentsPluginOptions = {},
): ResolvedLegalDocumentsPluginOptions {
  return {
    acceptances: {
      exportBatchSize: Math.max(1, Math.floor(options.acceptances?.exportBatchSize ?? 1000)),
      ipHashKey:
        options.acceptances?.ipHashKey ?? (process.env.LEGAL_ACCEPTANCE_IP_HASH_KEY || null),
      subjectKey:
        options.acceptances?.subjectKey ?? (process.env.LEGAL_ACCEPTANCE_SUBJECT_KEY || null),
    },
    clock: options.clock ?? systemClock,
    componentsPath: options.componentsPath ?? 'payload-plugin-legal-documents',
    consent: {
      allowedOrigins:
        options.consent?.allowedOrigins ??
        (splitList(process.env.LEGAL_CONSENT_ORIGINS).length
          ? splitList(process.env.LEGAL_CONSENT_ORIGINS)
          : null),
      clientIp: options.consent?.clientIp ?? defaultClientIp,
      cookiePolicyUrl: options.consent?.cookiePolicyUrl ?? '/legal/{slug}',
      ipHashKey: options.consent?.ipHashKey ?? (process.env.LEGAL_CONSENT_IP_HASH_KEY || null),
      rateLimit: {
        limit:
          options.consent?.rateLimit?.limit ?? (Number(process.env.LEGAL_CONSENT_RATE_LIMIT) || 30),
        windowMs: options.consent?.rateLimit?.windowMs ?? 60_000,
      },
      retentionMonths:
        options.consent?.retentionMonths ??
        (Number(process.env.LEGAL_CONSENT_RETENTION_MONTHS) || 24),
    },
    disabled: options.disabled ?? false,
    fourEyes: options.fourEyes ?? true,
    notice: {
      periodDays: { ...NOTICE_DEFAULTS.periodDays, ...options.notice?.periodDays },
      requiresAcceptance: {
        ...NOTICE_DEFAULTS.requiresAcceptance,
        ...options.notice?.requiresAcceptance,
      },
    },
    overrides: options.overrides ?? {},
    usersCollection: options.usersCollection ?? 'users',
    webhooks: {
      attempts: options.webhooks?.attempts ?? 5,
      retryDelayMs: options.webhooks?.retryDelayMs ?? 2000,
      secret: options.webhooks?.secret ?? process.env.LEGAL_WEBHOOK_SECRET ?? '',
      urls:
        options.webhooks?.urls ??
        (process.env.LEGAL_WEBHOOK_URLS ?? '')
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
    },
  }
}

const systemClock = () => new Date()

const splitList = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)

/** `x-real-ip`, else the first `x-forwarded-for` entry: set by the host's server or proxy. */
export function defaultClientIp(req: PayloadRequest): null | string {
  const real = req.headers.get('x-real-ip')?.trim()
  if (real) {
    return real
  }
  return req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null
}

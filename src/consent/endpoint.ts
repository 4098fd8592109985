import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import type { ResolvedLegalDocumentsPluginOptions } from '../options.js'

import { deliveryCacheFor } from '../delivery/cache.js'
import { loadConsentConfig } from '../delivery/cookies.js'
import { jsonRefusal, noStoreJson } from '../utilities/jsonResponse.js'
import { nowOf } from '../utilities/pluginOptions.js'
import { appendConsent } from './ingest.js'
import { hashIp, truncateIp } from './ip.js'
import { consentProofEndpoints } from './proof.js'
import { createRateLimiter, type RateLimiter } from './rateLimit.js'
import { type ConsentConfigInForce, validateConsent } from './validate.js'

/** A consent is a few hundred bytes; 8 KB leaves room for many services and nothing else. */
export const MAX_CONSENT_BODY = 8 * 1024
const MAX_USER_AGENT = 256
const PATH = '/legal/consents'

type ConfigInForce = { config: ConsentConfigInForce; hash: string }
const configs = new WeakMap<Payload, { generation: number; value: ConfigInForce }>()

/**
 * The banner configuration in force, exactly as GET /api/legal/cookies/consent-config serves
 * it, and the SHA-256 of those bytes: a record names the configuration its visitor answered.
 * Kept until the delivery cache's generation moves on (a publish, here or in another process,
 * clears it), as the GET's own cached answer is: one load per publish, not one per consent.
 */
export async function consentConfigInForce(payload: Payload): Promise<ConfigInForce> {
  const generation = deliveryCacheFor(payload).currentGeneration
  const kept = configs.get(payload)
  if (kept && kept.generation === generation) {
    return kept.value
  }
  const body = JSON.stringify(await loadConsentConfig(payload))
  const value = {
    config: JSON.parse(body) as ConsentConfigInForce,
    hash: createHash('sha256').update(body).digest('hex'),
  }
  if (deliveryCacheFor(payload).currentGeneration === generation) {
    configs.set(payload, { generation, value })
  }
  return value
}

/** The origins of Payload's `cors` setting (a list, or `{ origins: [...] }`); none for '*'. */
function payloadCorsOrigins(payload: Payload): string[] {
  const cors = payload.config.cors as unknown
  if (Array.isArray(cors)) {
    return cors as string[]
  }
  if (cors && typeof cors === 'object' && Array.isArray((cors as { origins?: unknown }).origins)) {
    return (cors as { origins: string[] }).origins
  }
  return []
}

type OriginCheck = { allowed: boolean; corsOrigin: null | string }

/**
 * A request without Origin (not a browser, or a same-origin GET) is served; a browser's is
 * served only from an allowed origin or this server's own host. CORS headers go to allowed
 * origins only. Refusing the request (not only leaving out the headers) matters here: a
 * `text/plain` POST is sent without a preflight, and would be stored before the browser ever
 * looked at the response headers.
 */
function checkOrigin(
  payload: Payload,
  headers: Headers,
  allowedOrigins: null | string[],
): OriginCheck {
  const origin = headers.get('origin')
  if (!origin) {
    return { allowed: true, corsOrigin: null }
  }
  const allowed = allowedOrigins ?? payloadCorsOrigins(payload)
  if (allowed.includes(origin)) {
    return { allowed: true, corsOrigin: origin }
  }
  let host: null | string = null
  try {
    host = new URL(origin).host
  } catch {
    host = null
  }
  return { allowed: host !== null && host === headers.get('host'), corsOrigin: null }
}

function corsHeaders(origin: null | string): Record<string, string> {
  // Vary on every answer: a cache must not hand one origin's answer to another.
  if (!origin) {
    return { vary: 'Origin' }
  }
  // No Allow-Credentials: the log is anonymous, the banner sends no cookies.
  return { 'access-control-allow-origin': origin, vary: 'Origin' }
}

/** The body, read up to `limit` bytes; null when it is longer. */
async function readLimited(req: PayloadRequest, limit: number): Promise<null | Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? '0')
  if (declared > limit) {
    return null
  }
  const stream = req.body
  if (!stream) {
    return new Uint8Array()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

const limiters = new WeakMap<ResolvedLegalDocumentsPluginOptions['consent'], RateLimiter>()
/** One bucket set per plugin configuration: the endpoint and the fast path count together. */
function limiterFor(consent: ResolvedLegalDocumentsPluginOptions['consent']): RateLimiter {
  let limiter = limiters.get(consent)
  if (!limiter) {
    limiters.set(consent, (limiter = createRateLimiter(consent.rateLimit)))
  }
  return limiter
}

/** A consent POST as either route sees it: its headers, the client's IP, and its body (null: over 8 KB). */
export type ConsentPost = {
  body: () => Promise<null | Uint8Array>
  headers: Headers
  rawIp: null | string
}

/**
 * `POST /api/legal/consents`, answered the same through Payload's endpoint and through the fast
 * path in front of express (src/consent/fastPath.ts). Refusals are JSON: 400 not JSON, 403
 * foreign origin, 409 another banner revision, 413 over 8 KB, 415 wrong media type, 422
 * invalid, 429 too many from one client; 201 once the record is committed.
 */
export async function postConsent(
  payload: Payload,
  consent: ResolvedLegalDocumentsPluginOptions['consent'],
  post: ConsentPost,
): Promise<Response> {
  const origin = checkOrigin(payload, post.headers, consent.allowedOrigins)
  const headers = corsHeaders(origin.corsOrigin)
  if (!origin.allowed) {
    return jsonRefusal(403, 'This origin may not send consent records.', headers)
  }

  const { rawIp } = post
  const ip = truncateIp(rawIp)
  const taken = limiterFor(consent).take(ip ?? 'unknown')
  if (!taken.ok) {
    return jsonRefusal(429, 'Too many consent records from this network; try again later.', {
      ...headers,
      'retry-after': String(taken.retryAfterSeconds),
    })
  }

  // JSON, or text/plain (what navigator.sendBeacon sends for a string: no CORS preflight).
  const type = (post.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json' && type !== 'text/plain') {
    return jsonRefusal(
      415,
      'Send the consent as JSON (Content-Type: application/json or text/plain).',
      headers,
    )
  }
  const bytes = await post.body()
  if (!bytes) {
    return jsonRefusal(413, `The request body is larger than ${MAX_CONSENT_BODY / 1024} KB.`, {
      ...headers,
      connection: 'close',
    })
  }
  let body: unknown
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return jsonRefusal(400, 'The request body is not valid JSON.', headers)
  }

  // The configuration in force as the delivery API serves it: the record names what its visitor answered.
  const { config, hash } = await consentConfigInForce(payload)
  const checked = validateConsent(body, config)
  if (!checked.ok) {
    return jsonRefusal(checked.status, checked.message, headers, checked.data)
  }
  const recordedAt = new Date(nowOf(payload)).toISOString()
  const userAgent = post.headers.get('user-agent')?.slice(0, MAX_USER_AGENT) || null
  const { record } = checked
  const id = await appendConsent(payload, {
    ...record,
    configHash: hash,
    ip,
    ipHash: hashIp(rawIp, consent.ipHashKey),
    recordedAt,
    userAgent,
  })
  // 201 only now: the group holding the record has committed (src/consent/ingest.ts).
  return noStoreJson(
    201,
    { id, configHash: hash, consentId: record.consentId, recordedAt, revision: record.revision },
    headers,
  )
}

/**
 * `POST /api/legal/consents`: the consent log's only way in (docs/API.md "Consent log"), and
 * its CORS preflight (`postConsent` above answers the POST).
 */
export function consentEndpoints(options: ResolvedLegalDocumentsPluginOptions): Endpoint[] {
  const { consent } = options
  return [
    // Admins' look-up by consent ID and the export (src/consent/proof.ts); before the POST route
    // only for reading order, they answer GET only.
    ...consentProofEndpoints(),
    {
      handler: (req) => {
        const origin = checkOrigin(req.payload, req.headers, consent.allowedOrigins)
        if (!origin.allowed) {
          return jsonRefusal(403, 'This origin may not send consent records.', corsHeaders(null))
        }
        return new Response(null, {
          headers: {
            ...corsHeaders(origin.corsOrigin),
            'access-control-allow-headers': 'Content-Type',
            'access-control-allow-methods': 'POST, OPTIONS',
            'access-control-max-age': '600',
          },
          status: 204,
        })
      },
      method: 'options',
      path: PATH,
    },
    {
      handler: (req) =>
        postConsent(req.payload, consent, {
          body: () => readLimited(req, MAX_CONSENT_BODY),
          headers: req.headers,
          rawIp: consent.clientIp(req) ?? null,
        }),
      method: 'post',
      path: PATH,
    },
  ]
}

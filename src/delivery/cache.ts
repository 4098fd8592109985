import type { Payload } from 'payload'

import { createHash } from 'node:crypto'

import { nowOf } from '../utilities/pluginOptions.js'

/** A response body rendered once and served many times, with its strong validator. */
/** Bytes over a plain ArrayBuffer (what `Buffer.from(string)` gives): a valid web `BodyInit`. */
type Bytes = Buffer<ArrayBuffer>

export type CachedBody = { body: Bytes; cacheControl: string; contentType: string; etag: string }

/**
 * A whole response captured from the slow path (status, headers in the order they were sent,
 * body), replayed byte for byte by the fast path: anonymous GraphQL delivery reads.
 */
export type CachedResponse = { body: Bytes; headers: [string, string][]; status: number }

/**
 * Bounds by count and by bytes: a 40-section document is ~40–100 KB per format and locale, so
 * 2000 entries could hold 200 MB; the byte budget keeps the server's memory predictable whatever
 * the documents' size (issue 7: RSS ≤ 400 MB). The oldest entry goes first.
 */
export const CACHE_LIMITS = {
  entries: 2000,
  entryBytes: 64 * 1024 * 1024,
  /** GraphQL keys are open-ended (aliases, variables): a separate, smaller store, so a flood of
   * distinct queries can never push the REST delivery entries out. */
  responseBytes: 16 * 1024 * 1024,
  responses: 500,
} as const

/** A Map in insertion order that drops its oldest values beyond a count or a byte budget. */
class BoundedStore<T extends { body: Bytes }> {
  private bytes = 0
  private map = new Map<string, T>()

  constructor(
    private readonly maxCount: number,
    private readonly maxBytes: number,
  ) {}

  private delete(key: string): void {
    const old = this.map.get(key)
    if (!old) {
      return
    }
    this.map.delete(key)
    this.bytes -= old.body.length
  }

  clear(): void {
    this.map.clear()
    this.bytes = 0
  }

  get(key: string): T | undefined {
    return this.map.get(key)
  }

  set(key: string, value: T): void {
    // One response larger than the whole budget is served but not kept.
    if (value.body.length > this.maxBytes) {
      return
    }
    this.delete(key)
    while (
      this.map.size &&
      (this.map.size >= this.maxCount || this.bytes + value.body.length > this.maxBytes)
    ) {
      this.delete(this.map.keys().next().value as string)
    }
    this.map.set(key, value)
    this.bytes += value.body.length
  }

  get byteSize(): number {
    return this.bytes
  }

  get size(): number {
    return this.map.size
  }
}

/** The key the delivery endpoint (`GET /api/legal/documents/:slug`) stores a document under. */
export function documentCacheKey(
  slug: string,
  locale: string,
  version: number | undefined,
  format: string,
): string {
  return `doc|${slug}|${locale}|${version ?? 'current'}|${format}`
}

/**
 * Every delivery cache key, in one place: the endpoints store under these, and the hit paths
 * (src/delivery/requestKey.ts) look up the same strings, so the two can never drift apart.
 */
export const deliveryCacheKeys = {
  consentConfig: () => 'consent-config',
  cookies: (locale: string) => `cookies|${locale}`,
  diff: (slug: string, locale: string, from: number, to: number) =>
    `diff|${slug}|${locale}|${from}|${to}`,
  document: documentCacheKey,
  versions: (slug: string) => `versions|${slug}`,
} as const

/**
 * Rendered delivery responses, per Payload instance. Legal pages are read millions of times per
 * edit, so the bytes and their ETag are computed once and dropped only when something is
 * published (here or, through LISTEN/NOTIFY, in another process on the same database).
 */
export class DeliveryCache {
  private boundary: null | number = null
  private entries = new BoundedStore<CachedBody>(CACHE_LIMITS.entries, CACHE_LIMITS.entryBytes)
  private generation = 0
  private responses = new BoundedStore<CachedResponse>(
    CACHE_LIMITS.responses,
    CACHE_LIMITS.responseBytes,
  )

  /** @param now the plugin's clock (ms), so a version takes effect by the same time everywhere. */
  constructor(private readonly now: () => number = Date.now) {}

  private expireAtBoundary(): void {
    if (this.boundary !== null && this.now() >= this.boundary) {
      this.clear()
    }
  }

  clear(): void {
    this.generation++
    this.boundary = null
    this.entries.clear()
    this.responses.clear()
  }

  /** What `toResponse` needs to keep a current answer's freshness inside the next boundary. */
  freshness(): Freshness {
    return { boundary: this.nextBoundary, now: this.now() }
  }

  get(key: string): CachedBody | undefined {
    this.expireAtBoundary()
    return this.entries.get(key)
  }

  getResponse(key: string): CachedResponse | undefined {
    this.expireAtBoundary()
    return this.responses.get(key)
  }

  /**
   * A render saw an upcoming version taking effect at `at` (ms): everything cached is dropped
   * when that instant passes, so the next request renders the version then in force. Called
   * before the render's `set`, which then refuses a body rendered before a boundary it crossed.
   */
  noteBoundary(at: null | number): void {
    if (at === null) {
      return
    }
    if (this.boundary === null || at < this.boundary) {
      this.boundary = at
    }
  }

  /** Stores a body unless the cache was cleared while it was being rendered (stale). */
  set(key: string, value: CachedBody, generationAtStart: number): void {
    this.expireAtBoundary()
    if (generationAtStart !== this.generation) {
      return
    }
    this.entries.set(key, value)
  }

  /** Like `set`, for whole captured responses. */
  setResponse(key: string, value: CachedResponse, generationAtStart: number): void {
    this.expireAtBoundary()
    if (generationAtStart !== this.generation) {
      return
    }
    this.responses.set(key, value)
  }

  /** Bytes of response bodies held. */
  get byteSize(): number {
    return this.entries.byteSize + this.responses.byteSize
  }

  get currentGeneration(): number {
    this.expireAtBoundary()
    return this.generation
  }

  /** The next instant (ms) at which a cached answer goes stale by itself, if any. */
  get nextBoundary(): null | number {
    this.expireAtBoundary()
    return this.boundary
  }

  get size(): number {
    return this.entries.size + this.responses.size
  }
}

const caches = new WeakMap<Payload, DeliveryCache>()

export function deliveryCacheFor(payload: Payload): DeliveryCache {
  let cache = caches.get(payload)
  if (!cache) {
    caches.set(payload, (cache = new DeliveryCache(() => nowOf(payload))))
  }
  return cache
}

export function makeBody(body: string, contentType: string, cacheControl: string): CachedBody {
  const buffer = Buffer.from(body, 'utf8')
  return {
    body: buffer,
    cacheControl,
    contentType,
    etag: `"${createHash('sha256').update(buffer).digest('base64url').slice(0, 32)}"`,
  }
}

/** Strong ETag comparison as RFC 9110 wants for If-None-Match (weak tags match too). */
export function etagMatches(ifNoneMatch: null | string, etag: string): boolean {
  if (!ifNoneMatch) {
    return false
  }
  if (ifNoneMatch.trim() === '*') {
    return true
  }
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}

/** The clock and the next instant a version takes effect, when a response is sent. */
export type Freshness = { boundary: null | number; now: number }

/**
 * A current answer may be reused by browsers and CDNs for a minute and served stale for a day
 * while revalidating; neither may reach past the instant an upcoming version takes effect, or
 * readers would be shown the old version as in force. Archived versions never change.
 */
export function cacheControlAt(cacheControl: string, freshness?: Freshness): string {
  if (cacheControl !== CACHE_CONTROL.current || !freshness || freshness.boundary === null) {
    return cacheControl
  }
  const seconds = Math.max(0, Math.floor((freshness.boundary - freshness.now) / 1000))
  if (seconds >= CURRENT_MAX_AGE + CURRENT_STALE) {
    return cacheControl
  }
  const maxAge = Math.min(CURRENT_MAX_AGE, seconds)
  return `public, max-age=${maxAge}, stale-while-revalidate=${seconds - maxAge}`
}

export function toResponse(
  cached: CachedBody,
  ifNoneMatch: null | string,
  freshness?: Freshness,
): Response {
  const headers = {
    'cache-control': cacheControlAt(cached.cacheControl, freshness),
    'content-type': cached.contentType,
    etag: cached.etag,
    vary: 'Accept-Encoding',
  }
  if (etagMatches(ifNoneMatch, cached.etag)) {
    return new Response(null, { headers, status: 304 })
  }
  return new Response(cached.body, {
    headers: { ...headers, 'content-length': String(cached.body.length) },
    status: 200,
  })
}

const CURRENT_MAX_AGE = 60
const CURRENT_STALE = 86400

export const CACHE_CONTROL = {
  /** The current version may change on the next publish: short freshness, long revalidation. */
  current: `public, max-age=${CURRENT_MAX_AGE}, stale-while-revalidate=${CURRENT_STALE}`,
  /** Archived versions never change. */
  archived: 'public, max-age=31536000, immutable',
} as const

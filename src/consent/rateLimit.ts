/**
 * A token bucket per client, in memory. No rate-limit library is installed (the plugin's
 * dependencies are kept to two), and this one needs nothing a library would add: a count per
 * key that refills over time, and a bound on memory. Per process: behind several instances,
 * each allows its own share; a proxy or WAF is the place for a global limit.
 */
export type RateLimiter = {
  /** Takes one token for `key`: `ok`, or how many seconds until the next one. */
  take: (key: string, now?: number) => { ok: false; retryAfterSeconds: number } | { ok: true }
}

const MAX_KEYS = 50_000

export function createRateLimiter({
  limit,
  windowMs,
}: {
  limit: number
  windowMs: number
}): RateLimiter {
  const perMs = limit / windowMs
  const buckets = new Map<string, { at: number; tokens: number }>()
  return {
    take(key, now = Date.now()) {
      let bucket = buckets.get(key)
      if (bucket) {
        bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * perMs)
        bucket.at = now
      } else {
        // Full buckets carry no information: when the map is large, forget them first, then the oldest.
        if (buckets.size >= MAX_KEYS) {
          for (const [k, b] of buckets) {
            if (b.tokens + (now - b.at) * perMs >= limit) {
              buckets.delete(k)
            }
          }
          if (buckets.size >= MAX_KEYS) {
            buckets.delete(buckets.keys().next().value!)
          }
        }
        bucket = { at: now, tokens: limit }
        buckets.set(key, bucket)
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return { ok: true }
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
      }
    },
  }
}

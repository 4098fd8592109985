import { benchSlug } from './dataset'

/**
 * The delivery cache-miss latency: distinct delivery URLs, none requested before, fetched one at
 * a time. The load cases ask for one document over and over, so after the first request they
 * measure the in-process cache and never the database; a miss is where the size of the database
 * shows (two lookups, the archive record's content read and rendered). Sequential, so the figure
 * is the server's latency and not queueing in the load generator.
 */

export type MissLatency = {
  max: number
  p50: number
  p99: number
  requests: number
  wrongStatus: number
}

/**
 * `count` distinct URLs spread over `docs` documents × `variants` (query strings), in an order
 * that jumps between documents, leaving out the document the load cases measured.
 */
export function missUrls(
  base: string,
  options: { count: number; docs: number; skipDoc: number; variants: string[] },
): string[] {
  const { count, docs, skipDoc, variants } = options
  const pairs = docs * variants.length
  const urls = new Set<string>()
  // A stride coprime with most pair counts walks the pairs in a scattered order.
  for (let k = 0; k < pairs && urls.size < count; k++) {
    const at = (k * 7919) % pairs
    const doc = 1 + (at % docs)
    if (doc === skipDoc) {
      continue
    }
    urls.add(`${base}/api/legal/documents/${benchSlug(doc)}${variants[Math.floor(at / docs)]}`)
  }
  return [...urls]
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
const round1 = (x: number) => Math.round(x * 10) / 10

/** Fetches `warmup` URLs unmeasured (the miss path's code is cold), then times the rest. */
export async function measureMisses(urls: string[], warmup: number): Promise<MissLatency> {
  const times: number[] = []
  let wrongStatus = 0
  for (const [i, url] of urls.entries()) {
    const t0 = performance.now()
    const res = await fetch(url)
    await res.arrayBuffer()
    if (i < warmup) {
      continue
    }
    times.push(performance.now() - t0)
    if (res.status !== 200) {
      wrongStatus++
    }
  }
  const sorted = times.sort((a, b) => a - b)
  return {
    max: round1(sorted.at(-1) ?? NaN),
    p50: round1(percentile(sorted, 50)),
    p99: round1(percentile(sorted, 99)),
    requests: sorted.length,
    wrongStatus,
  }
}

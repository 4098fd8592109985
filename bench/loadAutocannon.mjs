import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * autocannon, optionally without its response-body decoding.
 *
 * autocannon 9 decodes every response body into a JS string (`req.body += chunk` in its
 * pipelined-requests queue) in case a body check was asked for. For a 40–70 KB JSON body with a
 * few non-ASCII characters that costs the load generator ~0.2 ms per response. The benchmark
 * checks the bodies before timing instead and turns that decoding off; bytes are still read and
 * counted.
 *
 * Both are loaded with `require`: under tsx an `import`ed CommonJS package gets module
 * instances of its own, so a patch of a `require`d copy would miss the queue autocannon uses.
 * Plain JavaScript, so bench/loadgen.mjs runs it without tsx. test/unit/loadAutocannon.test.ts
 * checks the patch reaches the instance that runs.
 *
 * @param {{ decodeBodies: boolean }} options
 * @returns {typeof import('autocannon').default}
 */
export function loadAutocannon(options) {
  const require = createRequire(import.meta.url)
  const autocannon = require('autocannon')
  const queue = require(
    path.join(path.dirname(require.resolve('autocannon')), 'lib', 'pipelinedRequestsQueue.js'),
  )
  const proto = queue.prototype
  proto.__decodes ??= proto.addBody
  proto.addBody = options.decodeBodies ? proto.__decodes : () => {}
  return autocannon
}

/** What the orchestrators read of an autocannon result. */
const pick = (r) => ({
  requests: r.requests,
  latency: r.latency,
  errors: r.errors,
  timeouts: r.timeouts,
  non2xx: r.non2xx,
  statusCodeStats: r.statusCodeStats,
})

/**
 * A warm-up of `warmup` s (if any), the line `measuring` on stdout (the orchestrator starts its
 * CPU sampling there), then `duration` measured seconds; `watch` gets the measured run's
 * instance (for its events) before it starts.
 *
 * @param {typeof import('autocannon').default} autocannon
 * @param {Record<string, unknown>} options
 * @param {{ warmup: number; duration: number; watch?: (instance: import('node:events').EventEmitter) => void }} run
 */
export async function measureLoad(autocannon, options, { warmup, duration, watch }) {
  const warm = warmup > 0 ? pick(await autocannon({ ...options, duration: warmup })) : null
  process.stdout.write('measuring\n')
  const cpuBefore = process.cpuUsage()
  const started = process.hrtime.bigint()
  const instance = autocannon({ ...options, duration })
  watch?.(instance)
  const result = await instance
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const cpu = process.cpuUsage(cpuBefore)
  return { warm, result: pick(result), cpuMicros: cpu.user + cpu.system, seconds }
}

/**
 * An autocannon GET whose path is drawn anew for every request.
 *
 * @param {() => string} path
 */
export const getEach = (path) => ({
  method: 'GET',
  setupRequest: (req) => ({ ...req, path: path() }),
})

/**
 * An autocannon POST to `path` whose JSON body is made anew for every request.
 *
 * @param {string} path
 * @param {() => unknown} body
 */
export const postEach = (path, body) => ({
  method: 'POST',
  setupRequest: (req) => ({ ...req, path, body: JSON.stringify(body()) }),
})

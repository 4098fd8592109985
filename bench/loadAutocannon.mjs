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
  const queue = require(path.join(path.dirname(require.resolve('autocannon')), 'lib', 'pipelinedRequestsQueue.js'))
  const proto = queue.prototype
  proto.__decodes ??= proto.addBody
  proto.addBody = options.decodeBodies ? proto.__decodes : () => {}
  return autocannon
}

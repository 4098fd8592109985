import { randomUUID } from 'node:crypto'

import { benchConsentId } from './consentIds.mjs'
import { getEach, loadAutocannon, measureLoad, postEach } from './loadAutocannon.mjs'

/**
 * The consent log's load (bench/consents.ts), in a plain-node process of its own as
 * bench/acceptanceLoad.mjs: `node bench/consentLoad.mjs '<json>'` with { mode, base, key,
 * connections, warmup, duration, records }.
 *   - mode "record": POST /api/legal/consents, each a new visitor (random consent ID) accepting
 *     every category of the banner (`categories`, `revision`);
 *   - mode "lookup": GET /api/legal/consents/<id of a random dataset record> with an admin key.
 * Prints `measuring` after the warm-up, then one JSON line: the autocannon result, the CPU it
 * used while measuring, and a timeline of the measured seconds (per wall-clock second: answers
 * and the slowest latency), so a stall shows where it happened.
 */
const { mode, base, key, connections, warmup, duration, records, categories, revision } =
  JSON.parse(process.argv[2])
const autocannon = loadAutocannon({ decodeBodies: false })
let n = 0
const request =
  mode === 'lookup'
    ? getEach(() => `/api/legal/consents/${benchConsentId(Math.floor(Math.random() * records))}`)
    : postEach('/api/legal/consents', () => {
        n++
        return {
          consentId: randomUUID(),
          acceptType: 'all',
          acceptedCategories: categories,
          rejectedCategories: [],
          revision,
        }
      })
const headers =
  mode === 'lookup'
    ? { authorization: `users API-Key ${key}` }
    : { 'content-type': 'application/json', 'user-agent': 'bench' }
const options = { url: base, connections, headers, requests: [request] }
/** second (epoch) → [answers, slowest ms] */
const timeline = new Map()
const watch = (instance) =>
  instance.on('response', (_client, _status, _bytes, ms) => {
    const second = Math.floor(Date.now() / 1000)
    const slot = timeline.get(second) ?? [0, 0]
    slot[0]++
    slot[1] = Math.max(slot[1], ms)
    timeline.set(second, slot)
  })
const measured = await measureLoad(autocannon, options, { warmup, duration, watch })
process.stdout.write(
  `${JSON.stringify({ ...measured, sent: n, timeline: [...timeline].map(([t, [count, max]]) => ({ t, count, max: Math.round(max) })) })}\n`,
)

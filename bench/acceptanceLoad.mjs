import { getEach, loadAutocannon, measureLoad, postEach } from './loadAutocannon.mjs'

/**
 * The acceptance ledger's load (bench/acceptances.ts), in a plain-node process of its own as
 * bench/loadgen.mjs: `node bench/acceptanceLoad.mjs '<json>'` with { mode, base, key,
 * connections, warmup, duration, subjects, prefix, targets }.
 *   - mode "status": GET /api/legal/acceptances/status?subject=user-<random below subjects>;
 *   - mode "record": POST /api/legal/acceptances, each request a subject never sent before
 *     (`<prefix>-<n>`), accepting the version in force of one of `targets` in turn.
 * Prints `measuring` after the warm-up, then one JSON line: the autocannon result (status
 * codes counted over warm-up and measured seconds apart) and the CPU it used while measuring.
 */
const { mode, base, key, connections, warmup, duration, subjects, prefix, targets } = JSON.parse(
  process.argv[2],
)
const autocannon = loadAutocannon({ decodeBodies: false })
const headers = { authorization: `users API-Key ${key}`, 'content-type': 'application/json' }
let n = 0
const request =
  mode === 'status'
    ? getEach(
        () => `/api/legal/acceptances/status?subject=user-${Math.floor(Math.random() * subjects)}`,
      )
    : postEach('/api/legal/acceptances', () => {
        const i = n++
        const t = targets[i % targets.length]
        return {
          subject: `${prefix}-${i}`,
          document: t.document,
          version: t.version,
          method: 'clickwrap',
          source: 'bench',
          ip: '198.51.100.23',
          userAgent: 'bench',
        }
      })
const options = { url: base, connections, headers, requests: [request] }
const measured = await measureLoad(autocannon, options, { warmup, duration })
process.stdout.write(`${JSON.stringify({ ...measured, sent: n })}\n`)

import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { loadAutocannon } from '../../bench/loadAutocannon.mjs'

// Run by test/unit/loadAutocannon.test.ts the way the benchmark runs (node + tsx): prints how
// many responses failed an expectBody check with decoding off and on. With decoding off the
// queue never sees a body, so every response "mismatches": proof the patch reached autocannon.
const server = http.createServer((_req, res) => res.end('hello'))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
const result: Record<string, { responses: number; mismatches: number }> = {}
for (const decodeBodies of [false, true]) {
  const autocannon = loadAutocannon({ decodeBodies })
  const r = (await autocannon({ url, connections: 2, amount: 200, expectBody: 'hello' } as never)) as unknown as { mismatches: number; '2xx': number }
  result[decodeBodies ? 'decoding' : 'notDecoding'] = { responses: r['2xx'], mismatches: r.mismatches }
}
server.close()
console.log(JSON.stringify(result))

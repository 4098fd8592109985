import type { AddressInfo } from 'node:net'

import http from 'node:http'

import { loadAutocannon } from '../../bench/loadAutocannon.mjs'

// Run by test/unit/loadAutocannon.test.ts the way the benchmark runs (node + tsx): prints how
// many responses failed an expectBody check with decoding off and on. With decoding off the
// queue never sees a body, so every response "mismatches": proof the patch reached autocannon.
const server = http.createServer((_req, res) => res.end('hello'))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
const result: Record<string, { mismatches: number; responses: number }> = {}
for (const decodeBodies of [false, true]) {
  const autocannon = loadAutocannon({ decodeBodies })
  const r = (await autocannon({
    amount: 200,
    connections: 2,
    expectBody: 'hello',
    url,
  } as never)) as unknown as { '2xx': number; mismatches: number }
  result[decodeBodies ? 'decoding' : 'notDecoding'] = {
    mismatches: r.mismatches,
    responses: r['2xx'],
  }
}
server.close()
console.log(JSON.stringify(result))

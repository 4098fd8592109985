import { loadAutocannon } from './loadAutocannon.mjs'

/**
 * One benchmark case's load, in a process of its own: `node bench/loadgen.mjs '<json>'` with
 * { options, warmup, duration, decodeBodies }. Plain node, not tsx: under tsx the same
 * autocannon answered ~35% fewer requests per second on this machine, and its own process makes
 * the load generator's CPU easy to tell apart. Prints `measuring` when the warm-up is over,
 * then one JSON line: the autocannon result and the CPU it used while measuring.
 */
const { options, warmup, duration, decodeBodies } = JSON.parse(process.argv[2])
const autocannon = loadAutocannon({ decodeBodies })
if (warmup > 0) await autocannon({ ...options, duration: warmup })
process.stdout.write('measuring\n')
const cpuBefore = process.cpuUsage()
const started = process.hrtime.bigint()
const result = await autocannon({ ...options, duration })
const seconds = Number(process.hrtime.bigint() - started) / 1e9
const cpu = process.cpuUsage(cpuBefore)
const { requests, latency, throughput, errors, timeouts, non2xx, statusCodeStats } = result
process.stdout.write(
  `${JSON.stringify({ result: { requests, latency, throughput, errors, timeouts, non2xx, '2xx': result['2xx'], statusCodeStats }, cpuMicros: cpu.user + cpu.system, seconds })}\n`,
)

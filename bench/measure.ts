/**
 * The measuring machinery shared by the reference-app benchmark (bench/run.ts) and the host-app
 * section (bench/host.ts): one case = autocannon in a plain-node process of its own
 * (bench/loadgen.mjs), CPU accounting from /proc while it measures, and retries when other
 * processes disturbed it. Importing this module runs nothing and loads no Payload.
 */
import type { Result } from 'autocannon'

import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Percent of a core used by other processes above which a case counts as disturbed. */
export const NOISY = 35

export type MeasureSettings = {
  connections: number
  /** autocannon's own response-body decoding (bench/loadAutocannon.mjs); off by default. */
  decodeBodies: boolean
  /** Measured seconds per case. */
  duration: number
  /** Unmeasured seconds before each case. */
  warmup: number
}

/** A free loopback port (never 3000). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => (port === 3000 ? freePort().then(resolve, reject) : resolve(port)))
    })
    s.on('error', reject)
  })
}

// --- CPU accounting from /proc (Linux): who used the two cores during a case -------------------

const TICK = 100 // USER_HZ: clock ticks per second on Linux
type ProcInfo = { comm: string; ppid: number; ticks: number }
function procTable(): Map<number, ProcInfo> {
  const table = new Map<number, ProcInfo>()
  if (process.platform !== 'linux') {
    return table
  }
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue
    }
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      const comm = stat.slice(stat.indexOf('(') + 1, close)
      const fields = stat.slice(close + 2).split(' ')
      table.set(Number(name), {
        comm,
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      })
    } catch {
      // the process ended meanwhile
    }
  }
  return table
}
function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch {
    return ''
  }
}
/**
 * CPU ticks of the server process itself, and of each of its database's processes: the server's
 * descendants (the embedded PostgreSQL) plus, with `dbMatch`, every process whose command line
 * contains it (PostgreSQL names each backend `postgres: <user> <database> <client> <state>`).
 */
function serverTicks(pid: number, dbMatch?: string): { db: Map<number, number>; server: number } {
  const table = procTable()
  const descends = (p: number): boolean => {
    for (let at = table.get(p)?.ppid, hops = 0; at && hops < 10; at = table.get(at)?.ppid, hops++) {
      if (at === pid) {
        return true
      }
    }
    return false
  }
  const db = new Map<number, number>()
  for (const [p, info] of table) {
    if (p === pid) {
      continue
    }
    if (
      descends(p) ||
      (dbMatch && info.comm.startsWith('postgres') && cmdline(p).includes(dbMatch))
    ) {
      db.set(p, info.ticks)
    }
  }
  return { db, server: table.get(pid)?.ticks ?? 0 }
}
/** Database ticks used between two readings: by the processes alive at the second (a process
 *  that ended meanwhile, e.g. a pooled connection closed, takes its ticks with it: not counted,
 *  rather than subtracted). */
function dbTicksBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0
  for (const [p, t] of after) {
    ticks += t - (before.get(p) ?? 0)
  }
  return ticks
}
/** Busy CPU ticks of the whole machine (all cores), from the first line of /proc/stat. */
function machineBusyTicks(): number {
  if (process.platform !== 'linux') {
    return 0
  }
  const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const n = f.map(Number)
  return n.slice(0, 8).reduce((a, b) => a + b, 0) - n[3] - n[4] // minus idle and iowait
}
export function rssMB(pid: number): null | number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}

// --- the cases -----------------------------------------------------------------------------------

export type Case = {
  body?: string
  /** Processes whose command line contains this count as the database too (see serverTicks). */
  dbMatch?: string
  expectStatus: number
  headers?: Record<string, string>
  id: string
  label: string
  method?: 'GET' | 'POST'
  /** Which process's CPU counts as "server" (the raw ceiling is its own process). */
  pid: number
  url: string
}

// The cases both sections measure the same way (their ids and the URLs they use are their own).

/** The GraphQL read of the delivered document: `body` asks for what the delivery answers. */
export const graphqlCase = (id: string, pid: number, base: string, body: string): Case => ({
  id,
  body,
  expectStatus: 200,
  headers: { 'content-type': 'application/json' },
  label: 'GraphQL legalDocument (POST /api/graphql)',
  method: 'POST',
  pid,
  url: `${base}/api/graphql`,
})

/** Payload's stock REST query of the same document, its sections populated. */
export const stockRestCase = (id: string, pid: number, url: string): Case => ({
  id,
  expectStatus: 200,
  label: 'stock Payload REST ?where[slug][equals]=…&depth=1',
  pid,
  url,
})

/** `of` as a revalidating reader sends it, with the ETag of its answer: answered 304. */
export const conditionalCase = (of: Case, id: string, etag: string): Case => ({
  ...of,
  id,
  expectStatus: 304,
  headers: { 'if-none-match': etag },
  label: `(${of.id}) conditional GET → 304`,
})

export type Measured = {
  /** How many times the case was measured (see --retries); the quietest attempt is kept. */
  attempts?: number
  bytesPerSec: number
  /** Percent of one core; `other` is what the rest of the machine used meanwhile. */
  cpu: { db: number; loadGenerator: number; other: number; server: number }
  errors: number
  p50: number
  p99: number
  rps: number
  wrongStatus: number
} & Case

/**
 * One case: autocannon in its own plain-node process (bench/loadgen.mjs; bodies are not decoded
 * unless decodeBodies, see bench/loadAutocannon.mjs). CPU is sampled from the end of its
 * warm-up to the end of the measured seconds.
 */
export function measure(c: Case, settings: MeasureSettings): Promise<Measured> {
  const options = {
    body: c.body,
    connections: settings.connections,
    headers: c.headers,
    method: c.method ?? 'GET',
    timeout: 30,
    url: c.url,
  }
  const input = JSON.stringify({
    decodeBodies: settings.decodeBodies,
    duration: settings.duration,
    options,
    warmup: settings.warmup,
  })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench', 'loadgen.mjs'), input], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    let before: ReturnType<typeof serverTicks> | undefined
    let busyBefore = 0
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!before && out.includes('measuring\n')) {
        before = serverTicks(c.pid, c.dbMatch)
        busyBefore = machineBusyTicks()
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (code !== 0 || !line || !before) {
        return reject(new Error(`bench/loadgen.mjs exited with ${code}:\n${out}`))
      }
      const after = serverTicks(c.pid, c.dbMatch)
      const busy = machineBusyTicks() - busyBefore
      const db = dbTicksBetween(before.db, after.db)
      const { cpuMicros, result, seconds } = JSON.parse(line) as {
        cpuMicros: number
        result: Result
        seconds: number
      }
      const pct = (ticks: number) => Math.round((100 * ticks) / TICK / seconds)
      const loadGenerator = Math.round((100 * cpuMicros) / 1e6 / seconds)
      const right = result.statusCodeStats[String(c.expectStatus)]?.count ?? 0
      const total = Object.values(result.statusCodeStats).reduce((n, s) => n + Number(s.count), 0)
      resolve({
        ...c,
        bytesPerSec: result.throughput.average,
        cpu: {
          db: pct(db),
          loadGenerator,
          other: Math.max(0, pct(busy - (after.server - before.server) - db) - loadGenerator),
          server: pct(after.server - before.server),
        },
        errors: result.errors,
        p50: result.latency.p50,
        p99: result.latency.p99,
        rps: result.requests.average,
        wrongStatus: total - Number(right),
      })
    })
  })
}

/**
 * Each case one after the other, logged as it goes; a case during which other processes used
 * more than NOISY% of a core is measured again, up to `retries` times, and the quietest attempt kept.
 */
export async function measureCases(
  cases: Case[],
  settings: { log: (line: string) => void; retries: number } & MeasureSettings,
): Promise<Measured[]> {
  const { log } = settings
  const results: Measured[] = []
  for (const c of cases) {
    log(
      `(${c.id}) ${c.label}: ${settings.warmup} s warm-up + ${settings.duration} s, ${settings.connections} connections…`,
    )
    let best: Measured | undefined
    for (let attempt = 0; attempt <= settings.retries; attempt++) {
      if (attempt) {
        log(`    other processes used ${best!.cpu.other}% of a core meanwhile: measuring again`)
      }
      const m = { ...(await measure(c, settings)), attempts: attempt + 1 }
      log(
        `    ${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms; CPU: server ${m.cpu.server}%, db ${m.cpu.db}%, autocannon ${m.cpu.loadGenerator}%, rest ${m.cpu.other}%${m.wrongStatus || m.errors ? `, ${m.wrongStatus} wrong status, ${m.errors} errors` : ''}`,
      )
      if (!best || m.cpu.other < best.cpu.other) {
        best = { ...m, attempts: attempt + 1 }
      } else {
        best.attempts = attempt + 1
      }
      if (m.cpu.other <= NOISY) {
        break
      }
    }
    results.push(best!)
  }
  return results
}

// --- reporting -----------------------------------------------------------------------------------

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
export const ok = (pass: boolean) => (pass ? 'met' : '**missed**')
const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z')

/** `Measured <date> on <cpus>, <memory>, Linux <release>, Node <version>; load average … before, … after.` */
export function machineLine(started: Date, loadBefore: number[], loadAfter: number[]): string {
  const cpus = os.cpus()
  return (
    `Measured ${isoSeconds(started)} on ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ` +
    `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, Linux ${os.release()}, Node ${process.version}; ` +
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} after.`
  )
}

/** The exact command this process was started as, through the npm script `script`. */
export function benchCommand(script = 'bench'): string {
  const args = process.argv.slice(2)
  return `npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`
}

/** The results table, a row a case; `noDb` ids get "–" in the PostgreSQL column (their server has none). */
export function resultTable(results: Measured[], noDb: string[] = []): string[] {
  return [
    '| case | req/s | p50 ms | p99 ms | server CPU | PostgreSQL CPU | autocannon CPU | rest of the machine |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (m) =>
        `| (${m.id}) ${m.label}${(m.attempts ?? 1) > 1 ? ` (quietest of ${m.attempts})` : ''} | ${fmt(m.rps)} | ${m.p50} | ${m.p99} | ${m.cpu.server}% | ${noDb.includes(m.id) ? '–' : `${m.cpu.db}%`} | ${m.cpu.loadGenerator}% | ${m.cpu.other}% |` +
        (m.wrongStatus || m.errors ? ` ⚠ ${m.wrongStatus} wrong status, ${m.errors} errors` : ''),
    ),
  ]
}

/**
 * A section's report up to its ratio rows: the machine line, the command with its load settings
 * and what it ran against (`setup`), the results table, and the ratio table's header.
 */
export function reportHead(r: {
  machine: string
  noDb?: string[]
  results: Measured[]
  settings: MeasureSettings
  setup: string
}): string[] {
  const { connections, duration, warmup } = r.settings
  return [
    r.machine,
    `Command: \`${benchCommand()}\` — ${connections} connections, ${warmup} s warm-up + ${duration} s per case; ${r.setup}`,
    '',
    ...resultTable(r.results, r.noDb),
    '',
    '| ratio | value | target | |',
    '| --- | ---: | --- | --- |',
  ]
}

/** The measured cases by id, for the ratios below the table. */
export const byId = (results: Measured[]) =>
  Object.fromEntries(results.map((m) => [m.id, m])) as Record<string, Measured>

/** x / y, NaN when y is 0 (a case that served nothing). */
export const ratio = (x: number, y: number) => (y ? x / y : NaN)

/** Replaces what is between two markers of a file (the markers stay). */
export function writeBetweenMarkers(file: string, name: string, text: string): void {
  const start = `<!-- bench:${name}:start -->`
  const end = `<!-- bench:${name}:end -->`
  const doc = readFileSync(file, 'utf8')
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a === -1 || b === -1) {
    throw new Error(`${path.relative(root, file)} has no ${start} … ${end} markers`)
  }
  writeFileSync(file, `${doc.slice(0, a + start.length)}\n${text}\n${doc.slice(b)}`)
}

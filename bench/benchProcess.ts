/**
 * The pieces the load benchmarks of the acceptance ledger (bench/acceptances.ts) and the consent
 * log (bench/consents.ts) share: their database and dataset, the real server started as a child
 * process, a load generator in a process of its own, the CPU each of them used, and the report
 * (runLedgerBench holds the run around a benchmark's own measurements). The reference-app
 * benchmark (bench/run.ts) starts and stops its processes with the same functions.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { bareServerEnv, nodeArgs } from '../dev/server/nodeArgs'
import { fmt, machineLine, writeBetweenMarkers } from './measure'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Creates the database of `url` when it is missing (kept between runs). */
export async function ensureDatabase(url: string, log: (line: string) => void): Promise<void> {
  const target = new URL(url)
  const name = target.pathname.slice(1)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(name)}`)
      log(`created database ${name}`)
    }
  } finally {
    await client.end()
  }
}

/** Starts `node <args>` and resolves once its output (stdout and stderr) matches `ready`. */
export function startAndWait(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 180_000,
) {
  return new Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      const timer = setTimeout(
        () => reject(new Error(`${args.join(' ')} did not start:\n${output}`)),
        timeoutMs,
      )
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.length > 200_000) {
          output = output.slice(-100_000)
        }
        const match = output.match(ready)
        if (match) {
          clearTimeout(timer)
          resolve({ child, match, output: () => output })
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`${args.join(' ')} exited early (${code}):\n${output.slice(-5000)}`))
      })
    },
  )
}

/** Runs a process to its end; its output goes through; resolves with stdout. */
export function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      process.stdout.write(chunk)
    })
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    )
  })
}

/** utime + stime of a process, in clock ticks (100 per second). */
export function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}
/**
 * CPU ticks of the PostgreSQL backends serving the bench database (`postgres: [<cluster>: ]<user>
 * <db> …`), per pid: the server is shared with other work, whose backends are not counted.
 */
export function pgTicks(db: string): Map<number, number> {
  const out = new Map<number, number>()
  for (const pid of readdirNumbers('/proc')) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (cmd.startsWith('postgres:') && cmd.includes(` ${db} `)) {
        out.set(pid, cpuTicks(pid))
      }
    } catch {
      /* gone */
    }
  }
  return out
}
/** Ticks used between two samples by the backends present in both (the server's pool). */
export function pgDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0
  for (const [pid, ticks] of after) {
    if (before.has(pid)) {
      total += ticks - before.get(pid)!
    }
  }
  return total
}
export function readdirNumbers(dir: string): number[] {
  return readdirSync(dir)
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
}

export type Load = {
  cpuMicros: number
  dbCpu: number
  loadCpu: number
  result: {
    errors: number
    latency: { max: number; p50: number; p99: number }
    non2xx: number
    requests: { average: number; total: number }
    statusCodeStats: Record<string, { count: number }>
    timeouts: number
  }
  seconds: number
  /** Requests autocannon built (warm-up and measured). */
  sent: number
  serverCpu: number
  warm: { statusCodeStats: Record<string, { count: number }> } | null
}

/** One load case run by `script` (bench/*Load.mjs); CPU (percent of one core) sampled over the measured seconds. */
export function load(
  script: string,
  params: Record<string, unknown>,
  serverPid: number,
  db: string,
): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(params)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    let before: { at: number; db: Map<number, number>; server: number } | null = null
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!before && out.includes('measuring\n')) {
        before = { at: Date.now(), db: pgTicks(db), server: cpuTicks(serverPid) }
      }
    })
    child.on('exit', (code) => {
      if (code !== 0 || !before) {
        return reject(new Error(`the load generator exited with ${code}:\n${out}`))
      }
      const seconds = (Date.now() - before.at) / 1000
      const server = cpuTicks(serverPid) - before.server
      const dbTicks = pgDelta(before.db, pgTicks(db))
      const parsed = JSON.parse(out.trim().split('\n').pop()!) as Load
      resolve({
        ...parsed,
        dbCpu: Math.round(dbTicks / seconds),
        loadCpu: Math.round(parsed.cpuMicros / 1e4 / parsed.seconds),
        serverCpu: Math.round(server / seconds),
      })
    })
  })
}

export const count = (stats: Record<string, { count: number }> | undefined, code: number) =>
  stats?.[String(code)]?.count ?? 0

/** SIGTERM, then SIGKILL after 15 s, and waits for the exit. */
export async function stopServer(server: ChildProcess): Promise<void> {
  server.removeAllListeners('exit')
  if (server.exitCode !== null || server.signalCode !== null) {
    return
  }
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/** What a ledger benchmark's measurements work with (runLedgerBench). */
export type LedgerBench<D> = {
  /** The server's origin, `http://127.0.0.1:<port>`. */
  base: string
  /** What bench/<name>Dataset.ts printed on its `DATASET <json>` line. */
  dataset: D
  dbName: string
  /** The environment of the dataset and the server, for any other process of the run. */
  env: NodeJS.ProcessEnv
  log: (line: string) => void
  /** The server process. */
  pid: number
  started: Date
  url: string
}

export type LedgerBenchOptions = {
  /** Only the dataset script's environment (its keys and sizes). */
  datasetEnv: Record<string, string>
  /** The dataset as its log line names it, e.g. `20,000,000 consent records`. */
  datasetLabel: string
  /** Added to the environment of the dataset, the server and the run's other processes. */
  env?: Record<string, string>
  /** `acceptances` or `consents`: `npm run bench:<name>`, its database, script and markers. */
  name: string
  secret: string
  /** Only the server's environment. */
  serverEnv?: Record<string, string>
  /** Put the report into docs/BENCHMARKS.md between the `bench:<name>` markers. */
  write: boolean
}

/**
 * A ledger benchmark around its measurements: the database (DATABASE_URL, else
 * `legal_bench_<name>` on 127.0.0.1:5432, created if missing), bench/<name>Dataset.ts run to its
 * end, the real server (`dev/server/main.ts`, development mode, no Next) on a free port, then
 * `measure`, whose report lines are printed below the machine line (and written with `write`).
 * The server is stopped whatever happens.
 */
export async function runLedgerBench<D extends { records: number }>(
  options: LedgerBenchOptions,
  measure: (bench: LedgerBench<D>) => Promise<string[]>,
): Promise<void> {
  const { name } = options
  const log = (line: string) => console.log(`[bench:${name}] ${line}`)
  const started = new Date()
  const loadBefore = os.loadavg()
  const url = process.env.DATABASE_URL || `postgres://postgres@127.0.0.1:5432/legal_bench_${name}`
  const dbName = new URL(url).pathname.slice(1)
  await ensureDatabase(url, log)
  // Development mode: the dataset's schema is pushed, not migrated.
  const env: NodeJS.ProcessEnv = {
    ...bareServerEnv(url, options.secret),
    DATA_DIR: path.join(os.tmpdir(), `legal-bench-${name}`),
    TMPDIR: process.env.TMPDIR,
    ...options.env,
  }
  log(`dataset: ${options.datasetLabel} in ${url.replace(/\/\/[^@]*@/, '//')}`)
  const seedStarted = Date.now()
  const out = await run([...nodeArgs(env), `bench/${name}Dataset.ts`], {
    ...env,
    ...options.datasetEnv,
  })
  const dataset = JSON.parse(/^DATASET (.*)$/m.exec(out)![1]) as D
  log(
    `dataset ready in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s: ${fmt(dataset.records)} records`,
  )

  const launched = await startAndWait(
    [...nodeArgs(env), 'dev/server/main.ts'],
    { ...env, HOST: '127.0.0.1', PORT: '0', ...options.serverEnv },
    /Legal documents ready: admin at (http:\/\/[^/\s]+)\//,
  )
  const server = launched.child
  const pid = server.pid!
  const base = launched.match[1]
  log(`server on ${base} (pid ${pid})`)
  try {
    const lines = await measure({ base, dataset, dbName, env, log, pid, started, url })
    const report = [machineLine(started, loadBefore, os.loadavg()), ...lines].join('\n')
    console.log(`\n${report}`)
    if (options.write) {
      writeBetweenMarkers(path.join(root, 'docs', 'BENCHMARKS.md'), name, report)
      log('results written to docs/BENCHMARKS.md')
    }
  } finally {
    await stopServer(server)
  }
}

import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

import { bareServerEnv, nodeArgs } from '../../dev/server/nodeArgs'

const root = path.resolve(import.meta.dirname, '../..')

export type ServerProcess = {
  baseUrl: string
  child: ChildProcess
  exited: Promise<null | number>
  output: () => string
}

/**
 * The real server (`node --import tsx dev/server/main.ts`, development mode, no Next) as a child
 * process, for tests that kill it: resolves once it listens. Every child started is pushed to
 * `children`, so the test's afterAll can kill what is left.
 */
export async function startServerProcess(
  options: { databaseUrl: string; dataDir: string; env?: Record<string, string>; secret: string },
  children: ChildProcess[],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...nodeArgs({ NODE_ENV: 'development' }), 'dev/server/main.ts'],
    {
      cwd: root,
      env: {
        ...bareServerEnv(options.databaseUrl, options.secret),
        DATA_DIR: options.dataDir,
        PORT: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(child)
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const exited = new Promise<null | number>((resolve) => child.on('exit', (code) => resolve(code)))
  const started = Date.now()
  let match: null | RegExpMatchArray = null
  while (!(match = out.match(/Legal documents ready: admin at (http:\/\/[^/\s]+)\//))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() - started > 150_000) {
      throw new Error(
        `the server did not start (exit ${child.exitCode}, signal ${child.signalCode}, ${Date.now() - started} ms):\n${out.slice(-3000)}`,
      )
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { baseUrl: match[1], child, exited, output: () => out }
}

/** One query on its own connection (the server under test holds the pool). */
export async function queryOnce<T = Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

/**
 * Load, then SIGKILL in the middle of it: `clients` concurrent clients call `send` (the worker's
 * number, its request's number) until `killAfter` requests have been acknowledged; then the
 * server is killed while the others are in flight. `send` resolves with what an acknowledged
 * request was answered (key → value) and throws on any other answer: before the kill that fails
 * the test, after it the request counts as cut off (never acknowledged).
 */
export async function killUnderLoad<V>(
  server: ServerProcess,
  options: {
    clients: number
    killAfter: number
    send: (worker: number, i: number) => Promise<[key: string, value: V]>
  },
): Promise<{ acknowledged: Map<string, V>; failures: number; sent: number }> {
  const acknowledged = new Map<string, V>()
  let failures = 0
  let killed = false
  let sent = 0
  let onEnough: () => void = () => undefined
  const enough = new Promise<void>((resolve) => (onEnough = resolve))
  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) {
      sent++
      try {
        const [key, value] = await options.send(w, i)
        acknowledged.set(key, value)
        if (acknowledged.size >= options.killAfter) {
          onEnough()
        }
      } catch (err) {
        if (!killed) {
          throw err
        }
        failures++
        return
      }
    }
  }
  const workers = Array.from({ length: options.clients }, (_, w) => worker(w))
  await Promise.race([enough, Promise.all(workers)])
  killed = true
  server.child.kill('SIGKILL')
  await server.exited
  await Promise.all(workers)
  return { acknowledged, failures, sent }
}

/**
 * The afterAll of a test file that starts server processes: kills the children still running,
 * then drops their database and removes their data directory (either may not exist yet).
 */
export async function cleanUpServerProcesses(
  children: ChildProcess[],
  database: { drop: () => Promise<void> } | undefined,
  dataDir: string | undefined,
): Promise<void> {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
    }
  }
  await database?.drop()
  if (dataDir) {
    await fs.rm(dataDir, { force: true, recursive: true })
  }
}

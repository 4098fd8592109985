import 'dotenv/config'

import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import type { Server } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ConfigError, readServerSettings } from './settings'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dataDir = process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(root, '.data')

async function devSecret(): Promise<string> {
  // Kept on disk so admin sessions survive restarts of the dev server.
  const file = path.join(dataDir, 'dev-secret')
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim()
  const secret = randomBytes(32).toString('hex')
  await fs.mkdir(dataDir, { recursive: true })
  await fs.writeFile(file, secret, { mode: 0o600 })
  return secret
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
}

const cleanups: (() => Promise<unknown>)[] = []
async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((err) => console.error(err))
  }
}

async function main(): Promise<void> {
  let settings
  try {
    settings = readServerSettings(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Refusing to start: ${err.message}`)
      process.exit(1)
    }
    throw err
  }

  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    console.log(`\n${signal} received, shutting down…`)
    await runCleanups()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  if (settings.embeddedPostgres) {
    const { startEmbeddedPostgres } = await import('./embeddedPostgres')
    const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres') })
    cleanups.push(() => db.stop())
    await ensureDatabase(db.adminUrl, 'legal')
    process.env.DATABASE_URL = db.urlFor('legal')
    console.log(`Embedded PostgreSQL running on 127.0.0.1:${db.port} (data in ${path.relative(root, dataDir) || '.'}/postgres)`)
  }
  if (!settings.secret) process.env.PAYLOAD_SECRET = await devSecret()

  // Imported only now: the config reads DATABASE_URL and PAYLOAD_SECRET when it is evaluated.
  const { default: configPromise } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const config = await configPromise
  const payload = await getPayload({ config, cron: true })
  const { closePayload } = await import('./closePayload')
  cleanups.push(() => closePayload(payload))

  if (settings.seedDemoUsers) {
    const { ensureDemoUsers } = await import('./demoUsers')
    const users = await ensureDemoUsers(payload)
    if (users.length) {
      const lines = users.map((u) => `  ${u.role.padEnd(9)} ${u.email}  password: ${u.password}`)
      console.log(['', 'Demo users created (shown once; development only):', ...lines, ''].join('\n'))
      await fs.writeFile(path.join(dataDir, 'demo-users.txt'), lines.join('\n') + '\n', { mode: 0o600 }).catch(() => {})
    }
  }

  let nextHandler
  if (process.env.NO_NEXT !== 'true') {
    const { default: next } = await import('next')
    const nextApp = next({ dev: !settings.production, dir: root, hostname: settings.host, port: settings.port })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    nextHandler = (req: Parameters<typeof handle>[0], res: Parameters<typeof handle>[1]) => handle(req, res)
  }

  const { createServer } = await import('./createServer')
  const app = await createServer({ payload, config, nextHandler })
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(settings.port, settings.host, (err?: Error) => (err ? reject(err) : resolve(s)))
  })
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : settings.port
  const shownHost = settings.host === '0.0.0.0' ? 'localhost' : settings.host
  console.log(`Legal documents ready: admin at http://${shownHost}:${port}/admin (${settings.production ? 'production' : 'development'})`)
}

main().catch(async (err) => {
  console.error(err)
  // Never leave an embedded postgres behind when start-up fails half-way.
  await runCleanups()
  process.exit(1)
})

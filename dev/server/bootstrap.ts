import type { Payload, SanitizedConfig } from 'payload'

import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ConfigError, readServerSettings, type ServerSettings } from './settings'

/**
 * The one place that decides which database the app uses, shared by the dev/prod server and
 * the command-line tools (`npm run seed`, `npm run import`), so they all reach the same data:
 * DATABASE_URL when set, otherwise the embedded PostgreSQL in DATA_DIR (default ./.data).
 */

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  return env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(projectRoot, '.data')
}

export async function devSecret(dataDir: string): Promise<string> {
  // Kept on disk so admin sessions survive restarts of the dev server.
  const file = path.join(dataDir, 'dev-secret')
  if (existsSync(file)) {
    return (await fs.readFile(file, 'utf8')).trim()
  }
  const secret = randomBytes(32).toString('hex')
  await fs.mkdir(dataDir, { recursive: true })
  await fs.writeFile(file, secret, { mode: 0o600 })
  return secret
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(name)}`)
    }
  } finally {
    await client.end()
  }
}

export const EMBEDDED_DATABASE_NAME = 'legal'

export type DatabaseBootstrap = {
  /** Set when the embedded PostgreSQL is used. */
  embedded?: { attached: boolean; port: number }
  /** Stops the embedded PostgreSQL if this process started it; otherwise does nothing. */
  stop: () => Promise<void>
}

/**
 * Sets DATABASE_URL (starting the embedded PostgreSQL when the settings ask for it) and, in
 * development without PAYLOAD_SECRET, the dev secret kept in the data directory.
 * `attach`: reuse the embedded cluster a running dev server already serves instead of
 * starting one, which would shut the server's database down under it.
 */
export async function bootstrapDatabase(
  settings: ServerSettings,
  options: { attach?: boolean; dataDir: string },
): Promise<DatabaseBootstrap> {
  const result: DatabaseBootstrap = { stop: async () => {} }
  try {
    if (settings.embeddedPostgres) {
      const { attachRunningEmbeddedPostgres, startEmbeddedPostgres } =
        await import('./embeddedPostgres')
      const pgDir = path.join(options.dataDir, 'postgres')
      const attached = options.attach
        ? await attachRunningEmbeddedPostgres({ dataDir: pgDir })
        : null
      const db = attached ?? (await startEmbeddedPostgres({ dataDir: pgDir }))
      result.stop = () => db.stop()
      await ensureDatabase(db.adminUrl, EMBEDDED_DATABASE_NAME)
      process.env.DATABASE_URL = db.urlFor(EMBEDDED_DATABASE_NAME)
      result.embedded = { attached: attached !== null, port: db.port }
    }
    if (!settings.secret) {
      process.env.PAYLOAD_SECRET = await devSecret(options.dataDir)
    }
  } catch (err) {
    // The caller gets no handle when this throws, so nothing else could stop the database.
    await result.stop().catch(() => {})
    throw err
  }
  return result
}

export type CliPayload = {
  close: () => Promise<void>
  config: SanitizedConfig
  dataDir: string
  payload: Payload
  settings: ServerSettings
}

/**
 * Payload for a command-line tool, on the server's database. Settings problems end the
 * process with one line, as they do for the server. No jobs cron: a tool must not run the
 * server's scheduled publishes.
 */
export async function startCliPayload(toolName: string): Promise<CliPayload> {
  let settings: ServerSettings
  try {
    settings = readServerSettings(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${toolName}: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
  const dataDir = resolveDataDir()
  const db = await bootstrapDatabase(settings, { attach: true, dataDir })
  try {
    // Imported only now: the config reads DATABASE_URL and PAYLOAD_SECRET when it is evaluated.
    const { default: configPromise } = await import('../payload.config')
    const { getPayload } = await import('payload')
    const config = await configPromise
    const payload = await getPayload({ config })
    const { closePayload } = await import('payload-plugin-legal-documents')
    return {
      close: async () => {
        await closePayload(payload)
        await db.stop()
      },
      config,
      dataDir,
      payload,
      settings,
    }
  } catch (err) {
    await db.stop()
    throw err
  }
}

/**
 * Reads and checks the server's environment before anything starts, so a misconfigured
 * production server stops with one clear line instead of failing later or running insecurely.
 */
export class ConfigError extends Error {}

/** Secrets that appear in templates, docs or this repository: never acceptable in production. */
export const KNOWN_DEFAULT_SECRETS = new Set([
  'secret',
  'changeme',
  'change-me',
  'your-secret',
  'your-secret-here',
  'YOUR_SECRET_HERE',
  'payload',
  'build-time-placeholder',
  'replace-me-with-a-long-random-string',
])

export type ServerSettings = {
  production: boolean
  port: number
  host: string
  /** Empty when the embedded PostgreSQL is to be started. */
  databaseUrl: string
  embeddedPostgres: boolean
  /** Empty in development when none is set: the server then makes and keeps one in .data/. */
  secret: string
  seedDemoUsers: boolean
  /** Development: publish the reference content (seed/) when the database has no legal documents. */
  seedContent: boolean
}

const truthy = (v: string | undefined) => v === 'true' || v === '1' || v === 'yes'

export function readServerSettings(env: Record<string, string | undefined>): ServerSettings {
  const production = env.NODE_ENV === 'production'
  const secret = env.PAYLOAD_SECRET?.trim() ?? ''
  const databaseUrl = env.DATABASE_URL?.trim() ?? ''
  const embeddedPostgres = databaseUrl === '' && (!production || truthy(env.EMBEDDED_POSTGRES))
  const port = env.PORT ? Number(env.PORT) : 3000

  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a number between 0 and 65535, got "${env.PORT}".`)
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// connection string.')
  }
  if (production) {
    if (!secret) throw new ConfigError('PAYLOAD_SECRET is not set; generate one with `openssl rand -hex 32`.')
    if (KNOWN_DEFAULT_SECRETS.has(secret)) {
      throw new ConfigError('PAYLOAD_SECRET is a known default value; generate one with `openssl rand -hex 32`.')
    }
    if (secret.length < 32) throw new ConfigError('PAYLOAD_SECRET must be at least 32 characters long.')
    if (!databaseUrl && !embeddedPostgres) {
      throw new ConfigError('DATABASE_URL is not set; set it, or set EMBEDDED_POSTGRES=true to run the embedded database.')
    }
  }
  return {
    production,
    port,
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    embeddedPostgres,
    secret,
    seedDemoUsers: !production && !truthy(env.NO_DEMO_USERS),
    seedContent: !production && !truthy(env.NO_SEED),
  }
}

/**
 * Reads and checks the server's environment before anything starts, so a misconfigured
 * production server stops with one clear line instead of failing later or running insecurely.
 */
export class ConfigError extends Error {}

/** Secrets that appear in templates, docs or this repository: never acceptable in production. */
export const KNOWN_DEFAULT_SECRETS = new Set([
  'build-time-placeholder',
  'change-me',
  'changeme',
  'payload',
  'replace-me-with-a-long-random-string',
  'secret',
  'YOUR_SECRET_HERE',
  'your-secret',
  'your-secret-here',
])

export type ServerSettings = {
  /** Empty when the embedded PostgreSQL is to be started. */
  databaseUrl: string
  embeddedPostgres: boolean
  host: string
  port: number
  production: boolean
  /** Empty in development when none is set: the server then makes and keeps one in .data/. */
  secret: string
  security: SecuritySettings
  /** Development: publish the reference content (seed/) when the database has no legal documents. */
  seedContent: boolean
  seedDemoUsers: boolean
}

/** What the Payload config and the HTTP server do to protect accounts, sessions and pages. */
export type SecuritySettings = {
  /** Origins whose browser requests get CORS headers (`CORS_ORIGINS`); `'*'` for every origin. */
  corsOrigins: '*' | string[]
  /** Other origins whose requests may use the session cookie (`CSRF_ORIGINS`); Payload adds its serverURL. */
  csrfOrigins: string[]
  graphQLIntrospection: boolean
  /** In production, Payload's GraphQL playground (`GRAPHQL_PLAYGROUND=true`) and introspection (`GRAPHQL_INTROSPECTION=true`). */
  graphQLPlayground: boolean
  /** Send Strict-Transport-Security (production, unless `HSTS=false`). */
  hsts: boolean
  loginLockMs: number
  /** Failed logins before an account is locked (`LOGIN_MAX_ATTEMPTS`), and for how long (`LOGIN_LOCK_MINUTES`). */
  loginMaxAttempts: number
  production: boolean
  /** The session cookie is `Secure` (only sent over HTTPS): on in production unless `COOKIE_SECURE=false`. */
  secureCookies: boolean
  /**
   * The server's own origin, from `PAYLOAD_PUBLIC_SERVER_URL`; null when unset (then only the
   * loopback addresses of the port the server listens on count as its own: dev/server/csrf.ts).
   */
  serverOrigin: null | string
}

const truthy = (v: string | undefined) => v === 'true' || v === '1' || v === 'yes'
const falsy = (v: string | undefined) => v === 'false' || v === '0' || v === 'no'

/** A comma-separated list of origins (`https://example.org`, no path), each checked. */
function readOrigins(name: string, raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  for (const origin of origins) {
    let url: undefined | URL
    try {
      url = new URL(origin)
    } catch {
      url = undefined
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new ConfigError(
        `${name} must list origins such as https://www.example.org (scheme and host, no path), got "${origin}".`,
      )
    }
  }
  return origins
}

function readWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw.trim() === '') {
    return fallback
  }
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`)
  }
  return n
}

/** The origin of `PAYLOAD_PUBLIC_SERVER_URL` (it may carry a path: only scheme, host and port count). */
function readServerOrigin(raw: string | undefined): null | string {
  const value = raw?.trim()
  if (!value) {
    return null
  }
  if (!URL.canParse(value)) {
    throw new ConfigError(
      `PAYLOAD_PUBLIC_SERVER_URL must be this server's public address, such as https://legal.example.org, got "${value}".`,
    )
  }
  const url = new URL(value)
  if (!/^https?:$/.test(url.protocol)) {
    throw new ConfigError(
      `PAYLOAD_PUBLIC_SERVER_URL must start with http:// or https://, got "${value}".`,
    )
  }
  return url.origin
}

/**
 * CORS and CSRF origins, cookie flags, login lockout and GraphQL tooling, from the environment.
 * Used by the Payload config (dev/appConfig.ts) and the HTTP server's security headers.
 */
export function readSecuritySettings(env: Record<string, string | undefined>): SecuritySettings {
  const production = env.NODE_ENV === 'production'
  const cors =
    env.CORS_ORIGINS?.trim() === '*' ? '*' : readOrigins('CORS_ORIGINS', env.CORS_ORIGINS)
  const csrfOrigins = readOrigins('CSRF_ORIGINS', env.CSRF_ORIGINS)
  if (csrfOrigins.length && !env.PAYLOAD_PUBLIC_SERVER_URL?.trim()) {
    // A non-empty list is enforced: without the server's own origin in it, the admin could not sign in.
    throw new ConfigError(
      "CSRF_ORIGINS needs PAYLOAD_PUBLIC_SERVER_URL (the admin's own origin, which Payload adds to the list).",
    )
  }
  return {
    corsOrigins: cors,
    csrfOrigins,
    graphQLIntrospection: truthy(env.GRAPHQL_INTROSPECTION),
    graphQLPlayground: truthy(env.GRAPHQL_PLAYGROUND),
    hsts: production && !falsy(env.HSTS),
    loginLockMs:
      readWholeNumber('LOGIN_LOCK_MINUTES', env.LOGIN_LOCK_MINUTES, 10, 1, 24 * 60) * 60_000,
    loginMaxAttempts: readWholeNumber('LOGIN_MAX_ATTEMPTS', env.LOGIN_MAX_ATTEMPTS, 5, 1, 100),
    production,
    secureCookies: production ? !falsy(env.COOKIE_SECURE) : truthy(env.COOKIE_SECURE),
    serverOrigin: readServerOrigin(env.PAYLOAD_PUBLIC_SERVER_URL),
  }
}

export function readServerSettings(env: Record<string, string | undefined>): ServerSettings {
  const production = env.NODE_ENV === 'production'
  const secret = env.PAYLOAD_SECRET?.trim() ?? ''
  const databaseUrl = env.DATABASE_URL?.trim() ?? ''
  const embeddedPostgres = databaseUrl === '' && (!production || truthy(env.EMBEDDED_POSTGRES))
  const port = env.PORT ? Number(env.PORT) : 3000

  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a number between 0 and 65535, got "${env.PORT}".`)
  }
  if (databaseUrl && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// connection string.')
  }
  if (production) {
    if (!secret) {
      throw new ConfigError('PAYLOAD_SECRET is not set; generate one with `openssl rand -hex 32`.')
    }
    if (KNOWN_DEFAULT_SECRETS.has(secret)) {
      throw new ConfigError(
        'PAYLOAD_SECRET is a known default value; generate one with `openssl rand -hex 32`.',
      )
    }
    if (secret.length < 32) {
      throw new ConfigError('PAYLOAD_SECRET must be at least 32 characters long.')
    }
    if (!databaseUrl && !embeddedPostgres) {
      throw new ConfigError(
        'DATABASE_URL is not set; set it, or set EMBEDDED_POSTGRES=true to run the embedded database.',
      )
    }
  }
  return {
    databaseUrl,
    embeddedPostgres,
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    port,
    production,
    secret,
    security: readSecuritySettings(env),
    seedContent: !production && !truthy(env.NO_SEED),
    seedDemoUsers: !production && !truthy(env.NO_DEMO_USERS),
  }
}

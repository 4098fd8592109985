import { describe, expect, test } from '@jest/globals'

import { ConfigError, readSecuritySettings, readServerSettings } from '../../dev/server/settings'

const strong = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(8)

describe('readServerSettings', () => {
  test('development needs nothing: embedded database, generated secret, demo users', () => {
    const s = readServerSettings({})
    expect(s).toMatchObject({
      embeddedPostgres: true,
      port: 3000,
      production: false,
      secret: '',
      seedDemoUsers: true,
    })
  })

  test('DATABASE_URL switches the embedded database off', () => {
    const s = readServerSettings({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/x' })
    expect(s.embeddedPostgres).toBe(false)
    expect(s.databaseUrl).toBe('postgres://u@127.0.0.1:5432/x')
  })

  test.each([
    [{ DATABASE_URL: 'postgres://x/y', NODE_ENV: 'production' }, /PAYLOAD_SECRET is not set/],
    [
      { DATABASE_URL: 'postgres://x/y', NODE_ENV: 'production', PAYLOAD_SECRET: 'secret' },
      /known default/,
    ],
    [
      {
        DATABASE_URL: 'postgres://x/y',
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'YOUR_SECRET_HERE',
      },
      /known default/,
    ],
    [
      { DATABASE_URL: 'postgres://x/y', NODE_ENV: 'production', PAYLOAD_SECRET: 'short-one' },
      /at least 32/,
    ],
    [
      { NODE_ENV: 'production', PAYLOAD_SECRET: strong },
      /DATABASE_URL is not set.*EMBEDDED_POSTGRES=true/,
    ],
    [{ DATABASE_URL: 'mysql://x/y' }, /postgres:\/\//],
    [{ PORT: 'eighty' }, /PORT must be a number/],
  ])('refuses %j', (env, message) => {
    expect(() => readServerSettings(env)).toThrow(ConfigError)
    expect(() => readServerSettings(env)).toThrow(message)
  })

  test('production accepts the embedded database only when asked for explicitly', () => {
    const s = readServerSettings({
      EMBEDDED_POSTGRES: 'true',
      NODE_ENV: 'production',
      PAYLOAD_SECRET: strong,
    })
    expect(s).toMatchObject({ embeddedPostgres: true, production: true, seedDemoUsers: false })
  })

  test('production never creates demo users', () => {
    const s = readServerSettings({
      DATABASE_URL: 'postgres://x/y',
      NODE_ENV: 'production',
      PAYLOAD_SECRET: strong,
    })
    expect(s.seedDemoUsers).toBe(false)
    expect(s.embeddedPostgres).toBe(false)
  })
})

describe('readSecuritySettings', () => {
  test('development: no CORS, no extra CSRF origins, plain cookies, no HSTS, lockout after 5 failures for 10 minutes', () => {
    expect(readSecuritySettings({})).toEqual({
      corsOrigins: [],
      csrfOrigins: [],
      graphQLIntrospection: false,
      graphQLPlayground: false,
      hsts: false,
      loginLockMs: 600_000,
      loginMaxAttempts: 5,
      production: false,
      secureCookies: false,
      serverOrigin: null,
    })
  })

  test('production: Secure cookies and HSTS unless switched off; GraphQL tools only when asked for', () => {
    expect(readSecuritySettings({ NODE_ENV: 'production' })).toMatchObject({
      graphQLIntrospection: false,
      graphQLPlayground: false,
      hsts: true,
      secureCookies: true,
    })
    expect(
      readSecuritySettings({ COOKIE_SECURE: 'false', HSTS: 'false', NODE_ENV: 'production' }),
    ).toMatchObject({ hsts: false, secureCookies: false })
    expect(
      readSecuritySettings({
        GRAPHQL_INTROSPECTION: '1',
        GRAPHQL_PLAYGROUND: 'true',
        NODE_ENV: 'production',
      }),
    ).toMatchObject({ graphQLIntrospection: true, graphQLPlayground: true })
  })

  test('CORS_ORIGINS and CSRF_ORIGINS are comma-separated origins', () => {
    const s = readSecuritySettings({
      CORS_ORIGINS: 'https://www.example.org, http://localhost:4000',
      CSRF_ORIGINS: 'https://admin.example.org',
      PAYLOAD_PUBLIC_SERVER_URL: 'https://legal.example.org',
    })
    expect(s.corsOrigins).toEqual(['https://www.example.org', 'http://localhost:4000'])
    expect(s.csrfOrigins).toEqual(['https://admin.example.org'])
    expect(s.serverOrigin).toBe('https://legal.example.org')
    expect(
      readSecuritySettings({ PAYLOAD_PUBLIC_SERVER_URL: 'https://legal.example.org:8443/cms/' })
        .serverOrigin,
    ).toBe('https://legal.example.org:8443')
    expect(readSecuritySettings({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*')
  })

  test.each([
    [{ CORS_ORIGINS: 'https://www.example.org/path' }, /CORS_ORIGINS must list origins/],
    [{ CORS_ORIGINS: 'www.example.org' }, /CORS_ORIGINS must list origins/],
    [{ CORS_ORIGINS: 'javascript:alert(1)' }, /CORS_ORIGINS must list origins/],
    [{ CSRF_ORIGINS: 'https://admin.example.org/' }, /CSRF_ORIGINS must list origins/],
    [{ CSRF_ORIGINS: 'https://admin.example.org' }, /needs PAYLOAD_PUBLIC_SERVER_URL/],
    [{ PAYLOAD_PUBLIC_SERVER_URL: 'legal.example.org' }, /PAYLOAD_PUBLIC_SERVER_URL must be/],
    [
      { PAYLOAD_PUBLIC_SERVER_URL: 'ftp://legal.example.org' },
      /PAYLOAD_PUBLIC_SERVER_URL must start with http/,
    ],
    [{ LOGIN_MAX_ATTEMPTS: '0' }, /LOGIN_MAX_ATTEMPTS must be a whole number from 1/],
    [{ LOGIN_MAX_ATTEMPTS: 'many' }, /LOGIN_MAX_ATTEMPTS/],
    [{ LOGIN_LOCK_MINUTES: '-5' }, /LOGIN_LOCK_MINUTES/],
  ])('refuses %j', (env, message) => {
    expect(() => readSecuritySettings(env)).toThrow(ConfigError)
    expect(() => readSecuritySettings(env)).toThrow(message)
    // The server checks them at start-up, with the rest of its settings.
    expect(() => readServerSettings(env)).toThrow(message)
  })
})

import { describe, expect, test } from '@jest/globals'

import { ConfigError, readServerSettings } from '../../src/server/settings'

const strong = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(8)

describe('readServerSettings', () => {
  test('development needs nothing: embedded database, generated secret, demo users', () => {
    const s = readServerSettings({})
    expect(s).toMatchObject({ production: false, embeddedPostgres: true, secret: '', seedDemoUsers: true, port: 3000 })
  })

  test('DATABASE_URL switches the embedded database off', () => {
    const s = readServerSettings({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/x' })
    expect(s.embeddedPostgres).toBe(false)
    expect(s.databaseUrl).toBe('postgres://u@127.0.0.1:5432/x')
  })

  test.each([
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' }, /PAYLOAD_SECRET is not set/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', PAYLOAD_SECRET: 'secret' }, /known default/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', PAYLOAD_SECRET: 'YOUR_SECRET_HERE' }, /known default/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', PAYLOAD_SECRET: 'short-one' }, /at least 32/],
    [{ NODE_ENV: 'production', PAYLOAD_SECRET: strong }, /DATABASE_URL is not set.*EMBEDDED_POSTGRES=true/],
    [{ DATABASE_URL: 'mysql://x/y' }, /postgres:\/\//],
    [{ PORT: 'eighty' }, /PORT must be a number/],
  ])('refuses %j', (env, message) => {
    expect(() => readServerSettings(env)).toThrow(ConfigError)
    expect(() => readServerSettings(env)).toThrow(message)
  })

  test('production accepts the embedded database only when asked for explicitly', () => {
    const s = readServerSettings({ NODE_ENV: 'production', PAYLOAD_SECRET: strong, EMBEDDED_POSTGRES: 'true' })
    expect(s).toMatchObject({ production: true, embeddedPostgres: true, seedDemoUsers: false })
  })

  test('production never creates demo users', () => {
    const s = readServerSettings({ NODE_ENV: 'production', PAYLOAD_SECRET: strong, DATABASE_URL: 'postgres://x/y' })
    expect(s.seedDemoUsers).toBe(false)
    expect(s.embeddedPostgres).toBe(false)
  })
})

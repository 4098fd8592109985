import { randomBytes } from 'node:crypto'
import { getPayload, type Payload, type SanitizedConfig, type Where } from 'payload'
import pg from 'pg'

import type { LegalDocumentsPluginOptions } from '../../src/options'

import { buildAppConfig } from '../../dev/appConfig'
import { closePayload } from '../../src/payloadInternals'

const adminUrl = () => {
  const url = process.env.TEST_PG_ADMIN_URL
  if (!url) {
    throw new Error('TEST_PG_ADMIN_URL is not set: run the tests through jest (globalSetup).')
  }
  return url
}

/** A fresh, empty database on the run's PostgreSQL, so test files never share a schema. */
export async function createTestDatabase(
  prefix = 'legal_test',
): Promise<{ drop: () => Promise<void>; name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  await client.query(`create database ${client.escapeIdentifier(name)}`)
  await client.end()
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return {
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl() })
      await c.connect()
      await c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`)
      await c.end()
    },
    url: url.toString(),
  }
}

export type TestApp = {
  close: () => Promise<void>
  config: SanitizedConfig
  databaseUrl: string
  payload: Payload
}

/** The reference app's Payload on its own database (schema pushed, as in development). */
export async function startTestPayload(
  options: {
    key?: string
    logDestination?: { write: (line: string) => void }
    plugin?: LegalDocumentsPluginOptions
    runMigrations?: boolean
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase()
  const config = await buildAppConfig({
    databaseUrl: db.url,
    logDestination: options.logDestination,
    plugin: options.plugin,
    runMigrations: options.runMigrations,
    secret: randomBytes(32).toString('hex'),
  })
  // getPayload caches one instance per key (per test file: jest gives each file its own
  // global). Payload's REST and GraphQL handlers look the instance up by the default key, so an
  // app served over HTTP must use it; a file that starts several apps gives the others a key.
  // db-postgres skips the schema push when the schema equals the last one pushed by this
  // process, which is wrong for a second app on a fresh database in the same test file.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  const payload = await getPayload({ config, key: options.key })
  return {
    close: async () => {
      await closePayload(payload)
      await db.drop()
    },
    config,
    databaseUrl: db.url,
    payload,
  }
}

/**
 * Every record of a collection (or those `where` matches) as stored: no access check, no
 * population, no pagination.
 */
export async function allRecords(
  payload: Payload,
  collection: string,
  options: { draft?: boolean; sort?: string; where?: Where } = {},
): Promise<Record<string, any>[]> {
  const { docs } = await payload.find({
    collection: collection as never,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    ...options,
  })
  return docs
}

/**
 * No notice period for any kind: for tests about something else that publish significant
 * changes effective at once. The notice rules have their own tests (effectiveVersions.test.ts).
 */
export const NO_NOTICE: NonNullable<LegalDocumentsPluginOptions['notice']> = {
  periodDays: {
    'cookie-policy': 0,
    'data-security': 0,
    'general-conditions': 0,
    other: 0,
    'privacy-policy': 0,
    'terms-of-use': 0,
  },
}

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { getPayload } from 'payload'
import pg from 'pg'

import { buildAppConfig } from '../../dev/appConfig'
import { migrations } from '../../dev/migrations'
import { closePayload } from '../../src/payloadInternals'
import { startTestPayload, type TestApp } from '../helpers/testPayload'

/** Tables, columns, indexes and enums of a database, in a comparable form. */
async function describeSchema(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const columns = await client.query(`
      select table_name, column_name, data_type, is_nullable, column_default
      from information_schema.columns
      where table_schema = 'public' and table_name <> 'payload_migrations'
      order by table_name, column_name`)
    const indexes = await client.query(`
      select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename <> 'payload_migrations'
      order by indexname`)
    const enums = await client.query(`
      select t.typname, e.enumlabel from pg_type t join pg_enum e on e.enumtypid = t.oid
      order by t.typname, e.enumsortorder`)
    return { columns: columns.rows, enums: enums.rows, indexes: indexes.rows }
  } finally {
    await client.end()
  }
}

let pushed: TestApp
let migrated: TestApp

beforeAll(async () => {
  pushed = await startTestPayload({ key: 'pushed' })
  migrated = await startTestPayload({ key: 'migrated', runMigrations: true })
  await migrated.payload.db.migrate({ migrations: migrations as never })
})

afterAll(async () => {
  await pushed?.close()
  await migrated?.close()
})

describe('production migrations', () => {
  test('exist and are applied in order', async () => {
    expect(migrations.length).toBeGreaterThan(0)
    const client = new pg.Client({ connectionString: migrated.databaseUrl })
    await client.connect()
    const { rows } = await client.query('select name from payload_migrations order by id')
    await client.end()
    expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name))
  })

  test('produce exactly the schema the current config pushes (no uncommitted schema change)', async () => {
    const a = await describeSchema(pushed.databaseUrl)
    const b = await describeSchema(migrated.databaseUrl)
    expect(b.columns).toEqual(a.columns)
    expect(b.indexes).toEqual(a.indexes)
    expect(b.enums).toEqual(a.enums)
  })

  test("a start on the migrated schema makes the consent log's month tables, as a start on the pushed one does", async () => {
    const monthsOf = async (url: string) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const { rows } = await client.query(
          `select inhrelid::regclass::text as name from pg_inherits where inhparent = 'public.legal_consents'::regclass order by 1`,
        )
        return rows.map((r) => r.name as string)
      } finally {
        await client.end()
      }
    }
    // In production the migrations run while Payload connects, before the plugin's start-up step;
    // here they ran after the start, so the start that follows them is a restart on that database.
    expect(await monthsOf(migrated.databaseUrl)).toEqual([])
    const restarted = await getPayload({
      config: await buildAppConfig({
        databaseUrl: migrated.databaseUrl,
        runMigrations: true,
        secret: randomBytes(32).toString('hex'),
      }),
      key: 'migrated-restart',
    })
    await closePayload(restarted)
    const made = await monthsOf(migrated.databaseUrl)
    expect(made).toHaveLength(3)
    expect(made.every((name) => name.startsWith('legal_consent_log.m'))).toBe(true)
    expect(await monthsOf(pushed.databaseUrl)).toEqual(made)
  })
})

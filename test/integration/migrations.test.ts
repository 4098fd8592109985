import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import pg from 'pg'

import { migrations } from '../../dev/migrations'
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
    return { columns: columns.rows, indexes: indexes.rows, enums: enums.rows }
  } finally {
    await client.end()
  }
}

let pushed: TestApp
let migrated: TestApp

beforeAll(async () => {
  pushed = await startTestPayload({ key: 'pushed' })
  migrated = await startTestPayload({ runMigrations: true, key: 'migrated' })
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
})

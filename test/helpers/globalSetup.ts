import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../dev/server/embeddedPostgres'

/**
 * One PostgreSQL for the whole run: the one in DATABASE_URL when set (CI runs the suite
 * both ways), otherwise a throw-away embedded cluster. Test files each create their own
 * database on it (see testDatabase.ts), so parallel workers never share a schema.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.DATABASE_URL
    return
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-docs-test-'))
  await fs.chmod(dir, 0o755)
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') })
  process.env.TEST_PG_ADMIN_URL = db.adminUrl
  ;(globalThis as Record<string, unknown>).__embeddedTestDb = { db, dir }
}

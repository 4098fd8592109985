import fs from 'node:fs/promises'

import type { EmbeddedDatabase } from '../../dev/server/embeddedPostgres'

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__embeddedTestDb as
    { db: EmbeddedDatabase; dir: string } | undefined
  if (!state) {
    return
  }
  await state.db.stop()
  await fs.rm(state.dir, { force: true, recursive: true })
}

/**
 * What the test files that SIGKILL the real server share: a fresh database and data directory of
 * their own, the server processes started on them, and the clean-up of all three.
 */
import type { ChildProcess } from 'node:child_process'

import { afterAll, beforeAll } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'

import { buildAppConfig } from '../../dev/appConfig'
import { closePayload } from '../../src/payloadInternals'
import { cleanUpServerProcesses, startServerProcess } from './serverProcess'
import { createTestDatabase } from './testPayload'

/**
 * Registers the beforeAll that makes the database and data directory (`legal_<name>…`,
 * `legal-<name>-…`) and the afterAll that kills what is left and removes them. `prepare` runs in
 * the beforeAll, before any server: the Local API on that database (the schema pushed), closed
 * after it. Every server gets `env`, then the extra environment `start` is given.
 */
export function killedServers(
  name: string,
  options: { env?: Record<string, string>; prepare?: (payload: Payload) => Promise<void> } = {},
) {
  const secret = randomBytes(32).toString('hex')
  const children: ChildProcess[] = []
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined
  let dataDir: string | undefined
  const databaseUrl = () => database!.url
  beforeAll(async () => {
    database = await createTestDatabase(`legal_${name.replaceAll('-', '_')}`)
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `legal-${name}-`))
    if (options.prepare) {
      process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
      const payload = await getPayload({
        config: await buildAppConfig({ databaseUrl: database.url, secret }),
        key: `${name}-prep`,
      })
      await options.prepare(payload)
      await closePayload(payload)
    }
  }, 120_000)
  afterAll(() => cleanUpServerProcesses(children, database, dataDir))
  return {
    databaseUrl,
    start: (env: Record<string, string> = {}) =>
      startServerProcess(
        { databaseUrl: databaseUrl(), dataDir: dataDir!, env: { ...options.env, ...env }, secret },
        children,
      ),
  }
}

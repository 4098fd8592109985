import type { ChildProcess } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {
  cleanUpServerProcesses,
  killUnderLoad,
  queryOnce,
  startServerProcess,
} from '../helpers/serverProcess'
import { createTestDatabase } from '../helpers/testPayload'

/**
 * Issue 15, point 5: "nothing acknowledged lost … test with the server killed mid-load". The
 * real server (`dev/server/main.ts`) takes consent records from 64 concurrent clients (group
 * commit, several groups at once: src/consent/ingest.ts); once a few hundred have been answered
 * 201 it is killed with SIGKILL in the middle of the load. Every record answered 201 must be in
 * the log with the id it was answered with, and a restarted server (which pushes the schema
 * again over the month tables) keeps them all and goes on taking records.
 */
const secret = randomBytes(32).toString('hex')
const CLIENTS = 64
/** Answered records before the kill. */
const KILL_AFTER = 400

let database: Awaited<ReturnType<typeof createTestDatabase>>
let dataDir: string
const children: ChildProcess[] = []
// The clients all post from 127.0.0.1: the plugin option's limit, raised through its environment default.
const startServer = () =>
  startServerProcess(
    { databaseUrl: database.url, dataDir, env: { LEGAL_CONSENT_RATE_LIMIT: '1000000' }, secret },
    children,
  )

type Banner = { categories: string[]; revision: number }
const post = (baseUrl: string, banner: Banner, consentId: string) =>
  fetch(`${baseUrl}/api/legal/consents`, {
    body: JSON.stringify({
      acceptedCategories: banner.categories,
      acceptType: 'all',
      consentId,
      rejectedCategories: [],
      revision: banner.revision,
    }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })

async function bannerOf(baseUrl: string): Promise<Banner> {
  const config = (await (await fetch(`${baseUrl}/api/legal/cookies/consent-config`)).json()) as {
    categories: Record<string, unknown>
    revision: number
  }
  return { categories: Object.keys(config.categories), revision: config.revision }
}

beforeAll(async () => {
  database = await createTestDatabase('legal_consent_crash')
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-consent-crash-'))
})

afterAll(() => cleanUpServerProcesses(children, database, dataDir))

describe('SIGKILL under a load of consent records', () => {
  test('every record answered 201 is stored with its id; a restarted server keeps them and takes more', async () => {
    const server = await startServer()
    const banner = await bannerOf(server.baseUrl)
    // consentId → the id the 201 carried; the kill comes mid-load, with the other clients' requests
    // in flight (queued, inside a group transaction, or committing).
    const { acknowledged, failures, sent } = await killUnderLoad(server, {
      clients: CLIENTS,
      killAfter: KILL_AFTER,
      send: async () => {
        const consentId = randomUUID()
        const res = await post(server.baseUrl, banner, consentId)
        const body = (await res.json()) as { id?: number }
        if (res.status !== 201) {
          throw new Error(`POST answered ${res.status}: ${JSON.stringify(body)}`)
        }
        return [consentId, body.id!]
      },
    })
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(failures).toBeGreaterThan(0)

    // PostgreSQL rolls back the transactions of connections that are gone.
    const rows = await queryOnce<{ consent_id: string; id: number }>(
      database.url,
      `select consent_id, id from legal_consents`,
    )
    const stored = new Map(rows.map((r) => [r.consent_id, Number(r.id)]))
    const lost = [...acknowledged].filter(([consentId, id]) => stored.get(consentId) !== id)
    expect(lost).toEqual([])
    // Committed but never answered is allowed (the answer died with the server); the reverse is not.
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size)
    expect(stored.size).toBeLessThanOrEqual(sent)
    // They were written into the month's table, not the parent.
    const [{ n: inParent }] = await queryOnce<{ n: number }>(
      database.url,
      `select count(*)::int as n from only legal_consents`,
    )
    expect(inParent).toBe(0)

    // Restart: the schema is pushed again over the month tables; nothing is lost, and records go on.
    const again = await startServer()
    expect(
      (
        await queryOnce<{ n: number }>(
          database.url,
          `select count(*)::int as n from legal_consents`,
        )
      )[0].n,
    ).toBe(stored.size)
    const after = await post(again.baseUrl, banner, randomUUID())
    expect(after.status).toBe(201)
    expect(
      (
        await queryOnce<{ n: number }>(
          database.url,
          `select count(*)::int as n from legal_consents`,
        )
      )[0].n,
    ).toBe(stored.size + 1)
    again.child.kill('SIGKILL')
    await again.exited
  }, 300_000)
})

import { describe, expect, test } from '@jest/globals'
import { randomUUID } from 'node:crypto'

import { killedServers } from '../helpers/killedServers'
import { killUnderLoad, queryOnce } from '../helpers/serverProcess'

/**
 * Issue 15, point 5: "nothing acknowledged lost … test with the server killed mid-load". The
 * real server (`dev/server/main.ts`) takes consent records from 64 concurrent clients (group
 * commit, several groups at once: src/consent/ingest.ts); once a few hundred have been answered
 * 201 it is killed with SIGKILL in the middle of the load. Every record answered 201 must be in
 * the log with the id it was answered with, and a restarted server (which pushes the schema
 * again over the month tables) keeps them all and goes on taking records.
 */
const CLIENTS = 64
/** Answered records before the kill. */
const KILL_AFTER = 400

// The clients all post from 127.0.0.1: the plugin option's limit, raised through its environment default.
const servers = killedServers('consent-crash', { env: { LEGAL_CONSENT_RATE_LIMIT: '1000000' } })

/** The rows of a table, counted on a connection of the test's own. */
async function count(table: string): Promise<number> {
  const sql = `select count(*)::int as n from ${table}`
  const [{ n }] = await queryOnce<{ n: number }>(servers.databaseUrl(), sql)
  return n
}

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

describe('SIGKILL under a load of consent records', () => {
  test('every record answered 201 is stored with its id; a restarted server keeps them and takes more', async () => {
    const server = await servers.start()
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
      servers.databaseUrl(),
      `select consent_id, id from legal_consents`,
    )
    const stored = new Map(rows.map((r) => [r.consent_id, Number(r.id)]))
    const lost = [...acknowledged].filter(([consentId, id]) => stored.get(consentId) !== id)
    expect(lost).toEqual([])
    // Committed but never answered is allowed (the answer died with the server); the reverse is not.
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size)
    expect(stored.size).toBeLessThanOrEqual(sent)
    // They were written into the month's table, not the parent.
    expect(await count('only legal_consents')).toBe(0)

    // Restart: the schema is pushed again over the month tables; nothing is lost, and records go on.
    const again = await servers.start()
    expect(await count('legal_consents')).toBe(stored.size)
    const after = await post(again.baseUrl, banner, randomUUID())
    expect(after.status).toBe(201)
    expect(await count('legal_consents')).toBe(stored.size + 1)
    again.child.kill('SIGKILL')
    await again.exited
  }, 300_000)
})

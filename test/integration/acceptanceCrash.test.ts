import { describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'

import { killedServers } from '../helpers/killedServers'
import { richText } from '../helpers/lexical'
import { publishedDocument } from '../helpers/publishFlow'
import { killUnderLoad, queryOnce } from '../helpers/serverProcess'
import { createUser } from '../helpers/users'

/**
 * Issue 14, point 6: "nothing acknowledged is lost when the server is killed". The real server
 * (`node --import tsx dev/server/main.ts`) takes acceptances from 32 concurrent clients (group
 * commit: src/acceptance/ledger.ts); once a few hundred have been answered 201 it is killed
 * with SIGKILL in the middle of the load. Every acceptance answered 201 must be in the table
 * with the very hash it was answered with, the chain must verify, and a restarted server goes
 * on appending to it.
 */
const SERVICE_KEY = `svc-crash-${randomBytes(12).toString('hex')}`
const ADMIN_KEY = `adm-crash-${randomBytes(12).toString('hex')}`
const CLIENTS = 32
/** Answered acceptances before the kill. */
const KILL_AFTER = 300

const servers = killedServers('acc-crash', {
  prepare: async (payload) => {
    const editor = await createUser(payload, 'crash-editor', ['editor'])
    const reviewer = await createUser(payload, 'crash-reviewer', ['reviewer'])
    for (const [email, roles, apiKey] of [
      ['crash-service@test.example', ['service'], SERVICE_KEY],
      ['crash-admin@test.example', ['admin'], ADMIN_KEY],
    ] as const) {
      await payload.create({
        collection: 'users',
        data: {
          apiKey,
          email,
          enableAPIKey: true,
          password: `pw-${randomBytes(8).toString('hex')}`,
          roles,
        } as never,
        overrideAccess: true,
      })
    }
    await publishedDocument(
      payload,
      editor,
      reviewer,
      {
        slug: 'crash-terms',
        kind: 'terms-of-use',
        noticePeriodDays: 0,
        requiresAcceptance: 'yes',
        title: 'Crash terms',
      },
      [{ body: richText('These terms apply.'), heading: 'Scope' }],
    )
  },
})

const post = (baseUrl: string, subject: string) =>
  fetch(`${baseUrl}/api/legal/acceptances`, {
    body: JSON.stringify({ document: 'crash-terms', method: 'clickwrap', subject, version: 1 }),
    headers: { authorization: `users API-Key ${SERVICE_KEY}`, 'content-type': 'application/json' },
    method: 'POST',
  })

const query = <T = Record<string, unknown>>(text: string) =>
  queryOnce<T>(servers.databaseUrl(), text)

describe('SIGKILL under a load of acceptances', () => {
  test('every acceptance answered 201 is in the table with its hash; the chain verifies; a restarted server appends after it', async () => {
    const server = await servers.start()
    // subject → the hash the 201 carried; the kill comes mid-load, with the other clients' requests
    // in flight (queued, inside a group transaction, or committing).
    const { acknowledged, failures, sent } = await killUnderLoad(server, {
      clients: CLIENTS,
      killAfter: KILL_AFTER,
      send: async (w, i) => {
        const subject = `crash-${w}-${i}`
        const res = await post(server.baseUrl, subject)
        const body = (await res.json()) as { record?: { hash: string } }
        if (res.status !== 201) {
          throw new Error(`POST answered ${res.status}: ${JSON.stringify(body)}`)
        }
        return [subject, body.record!.hash]
      },
    })
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER)
    // Requests were cut off by the kill: the crash really happened under load.
    expect(failures).toBeGreaterThan(0)

    // PostgreSQL rolls back the transaction of a connection that is gone.
    const stored = new Map(
      (
        await query<{ hash: string; subject: string }>(
          `select subject, hash from legal_acceptances where subject like 'crash-%'`,
        )
      ).map((r) => [r.subject, r.hash]),
    )
    const lost = [...acknowledged].filter(([subject, hash]) => stored.get(subject) !== hash)
    expect(lost).toEqual([])
    // Committed but never answered is allowed (the answer died with the server); the reverse is not.
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size)
    expect(stored.size).toBeLessThanOrEqual(sent)

    // Restart: the chain verifies, and appending goes on after the records that survived.
    const again = await servers.start()
    const admin = { authorization: `users API-Key ${ADMIN_KEY}` }
    const verified = (await (
      await fetch(`${again.baseUrl}/api/legal/acceptances/verify`, { headers: admin })
    ).json()) as { ok: boolean; records: number }
    expect(verified).toMatchObject({ ok: true, records: stored.size })
    const after = await post(again.baseUrl, 'after-restart')
    expect(after.status).toBe(201)
    // An acknowledged subject again: idempotent, the stored record.
    const [someSubject, someHash] = [...acknowledged][0]
    const repeat = await post(again.baseUrl, someSubject)
    expect(repeat.status).toBe(200)
    expect(((await repeat.json()) as { record: { hash: string } }).record.hash).toBe(someHash)
    expect(
      await (
        await fetch(`${again.baseUrl}/api/legal/acceptances/verify`, { headers: admin })
      ).json(),
    ).toMatchObject({ ok: true, records: stored.size + 1 })
    again.child.kill('SIGKILL')
    await again.exited
  }, 300_000)
})

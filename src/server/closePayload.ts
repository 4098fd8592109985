import type { Payload } from 'payload'

type PgPool = {
  _clients?: { release?: (err?: Error | boolean) => void }[]
  _idle?: { client: unknown }[]
  end: () => Promise<void>
  ended?: boolean
}

/**
 * payload.destroy() does not end the pg pool, and db-postgres keeps the client of its first
 * connect() checked out for good, so `pool.end()` alone would wait forever. Release what is
 * still checked out, then end the pool.
 */
export async function closePayload(payload: Payload): Promise<void> {
  await stopCrons(payload)
  await payload.destroy()
  const pool = (payload.db as unknown as { pool?: PgPool }).pool
  if (!pool || pool.ended) return
  const idle = new Set((pool._idle ?? []).map((i) => i.client))
  for (const client of pool._clients ?? []) {
    if (!idle.has(client)) client.release?.(true)
  }
  await pool.end().catch(() => {})
}

type Cron = { stop: () => void; isBusy?: () => boolean }

/**
 * payload.destroy() stops the jobs cron but does not wait for a run in progress, which then
 * fails on the closed pool (and could leave a job marked as processing). Stop the schedule
 * first and let a running batch finish, for a few seconds at most.
 */
async function stopCrons(payload: Payload, timeoutMs = 5000): Promise<void> {
  const crons = ((payload as unknown as { crons?: Cron[] }).crons ?? []).slice()
  for (const cron of crons) cron.stop()
  const deadline = Date.now() + timeoutMs
  while (crons.some((cron) => cron.isBusy?.()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

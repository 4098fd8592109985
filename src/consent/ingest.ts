import type { Payload } from 'payload'

import { GroupCommitQueue, inOwnTransaction } from '../utilities/groupCommit.js'
import { type ConsentRow, existingMonths, insertConsentRows } from './storage.js'

/** Records written in one transaction at most (14 parameters each: under PostgreSQL's 65,535). */
export const MAX_CONSENT_GROUP = 1000
/**
 * Groups written at once: consent records need no order among themselves, so a request that
 * arrives during a commit starts the next group on another connection instead of waiting.
 */
export const CONSENT_WRITERS = 3
/** How long the list of month tables is trusted before it is read again (another process may add one). */
const MONTHS_TTL_MS = 60_000

type Log = {
  months: { names: Set<string>; readAt: number } | null
  queue: GroupCommitQueue<ConsentRow, number>
}

const logs = new WeakMap<Payload, Log>()

function logFor(payload: Payload): Log {
  let log = logs.get(payload)
  if (!log) {
    const state: Log = {
      months: null,
      queue: new GroupCommitQueue(
        (group) =>
          inOwnTransaction(payload, async (client) => {
            if (!state.months || Date.now() - state.months.readAt > MONTHS_TTL_MS) {
              state.months = { names: new Set(await existingMonths(client)), readAt: Date.now() }
            }
            try {
              return await insertConsentRows(payload, client, group, state.months.names)
            } catch (err) {
              // 42P01: a month table went away (retention elsewhere); read them again on the retry.
              if ((err as { code?: string }).code === '42P01') {
                state.months = null
              }
              throw err
            }
          }),
        MAX_CONSENT_GROUP,
        CONSENT_WRITERS,
      ),
    }
    logs.set(payload, (log = state))
  }
  return log
}

/**
 * Appends one consent record (group commit: src/utilities/groupCommit.ts) and resolves with its
 * id only after the transaction that wrote it has committed.
 */
export function appendConsent(payload: Payload, row: ConsentRow): Promise<number> {
  return logFor(payload).queue.enqueue(row)
}

/** Forgets the month tables read (after this process created or dropped one). */
export function forgetConsentMonths(payload: Payload): void {
  const log = logs.get(payload)
  if (log) {
    log.months = null
  }
}

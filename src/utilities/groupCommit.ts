import type { Payload } from 'payload'

import { type PgQueryClient, postgresInternals } from '../payloadInternals.js'

/**
 * Group commit, shared by the acceptance ledger and the consent log. An item that arrives while
 * no group is being written starts one at once; those that arrive meanwhile wait and are all
 * written by the next call of `write` (one transaction), and every item's promise settles only
 * after that call returned, that is after its commit. One commit (one WAL flush) then serves a
 * whole group, while the guarantees stay those of a single insert: an answer means committed,
 * and a crash before the commit loses only requests that were never answered. When a group
 * fails, each of its items is written again alone, so one bad item fails only its own request.
 * `concurrency` groups may be written at once (each on its own connection): 1 where appends must
 * take turns anyway (the acceptance chain), more where they need not (the consent log), so that a
 * request waits for at most part of a commit before its own group starts.
 */
export class GroupCommitQueue<Item, Result> {
  private pending: {
    item: Item
    reject: (err: unknown) => void
    resolve: (result: Result) => void
  }[] = []
  private writers = 0

  constructor(
    private readonly write: (group: Item[]) => Promise<Result[]>,
    private readonly maxGroup: number,
    private readonly concurrency = 1,
  ) {}

  private async drain(): Promise<void> {
    this.writers++
    try {
      while (this.pending.length) {
        const group = this.pending.splice(0, this.maxGroup)
        try {
          const results = await this.write(group.map((p) => p.item))
          group.forEach((p, i) => p.resolve(results[i]))
        } catch (err) {
          if (group.length === 1) {
            group[0].reject(err)
            continue
          }
          for (const p of group) {
            try {
              p.resolve((await this.write([p.item]))[0])
            } catch (single) {
              p.reject(single)
            }
          }
        }
      }
    } finally {
      this.writers--
    }
  }

  enqueue(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, reject, resolve })
      if (this.writers < this.concurrency) {
        void this.drain()
      }
    })
  }
}

/**
 * Runs `work` in one transaction on a pooled connection of its own (not a request's), commits,
 * and returns its result; rolls back on any error. A connection whose rollback may have failed
 * is not given back to the pool.
 */
export async function inOwnTransaction<T>(
  payload: Payload,
  work: (client: PgQueryClient) => Promise<T>,
): Promise<T> {
  const client: PgQueryClient = await postgresInternals(payload).pool.connect()
  let failed: Error | undefined
  try {
    await client.query('begin')
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (err) {
    failed = err as Error
    await client.query('rollback').catch(() => undefined)
    throw err
  } finally {
    client.release(failed)
  }
}

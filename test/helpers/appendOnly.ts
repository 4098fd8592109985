/** Checks the logs only the plugin's own code may write (the acceptance ledger, the consent log). */
import type { CollectionSlug, Payload } from 'payload'

import { expect } from '@jest/globals'

import type { Json } from './rest'
import type { TestUser } from './users'

import { as } from './publishFlow'

/**
 * Every Local API write of an append-only collection is refused: update and delete of record `id`
 * and a create, first as `admin` with access checked, then with access overridden.
 */
export async function expectLocalWritesRefused(
  payload: Payload,
  admin: TestUser,
  collection: CollectionSlug,
  id: number | string,
  writes: { create: () => Json; update: Json },
): Promise<void> {
  for (const access of [as(admin), { overrideAccess: true }]) {
    const attempts = [
      () => payload.update({ id, collection, data: writes.update, ...access }),
      () => payload.delete({ id, collection, ...access }),
      () => payload.create({ collection, data: writes.create() as never, ...access }),
    ]
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ status: expect.any(Number) })
    }
  }
}

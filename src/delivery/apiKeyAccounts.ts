import type { IncomingMessage } from 'node:http'
import type { Payload, SanitizedConfig } from 'payload'

import { createHmac } from 'node:crypto'

import { localApi } from '../localApi.js'
import { deliveryCacheFor } from './cache.js'

export const API_KEY_CACHE_MS = 5_000

export type ApiKeyAccount = { collection: string; id: number | string } & Record<string, unknown>

/**
 * The users API keys of the routes answered in front of express (the acceptance ledger's and
 * the consent log's), found as Payload's API-key strategy finds them, with a cheaper lookup:
 *
 * - the key is looked up exactly as Payload does (HMAC-SHA256 and the legacy HMAC-SHA1 of the
 *   key under the Payload secret, against `apiKeyIndex`, `_verified` not false when the
 *   collection verifies e-mail), and the account found is kept for at most `API_KEY_CACHE_MS`
 *   (5 s) and only until any account changes: a change to an account (role, key, deletion) is
 *   announced like a publish (src/hooks/accountChanged.ts), so this process forgets its accounts
 *   at once and every other one when the NOTIFY arrives; the 5 s bound covers a lost
 *   notification;
 * - a request with a JWT or a session cookie, or a key that finds no account, is not this
 *   path's: `keyOf` gives null or `accountFor` null, and express answers as before.
 */
export function apiKeyAccounts(payload: Payload, config: SanitizedConfig) {
  const usersSlug = config.admin.user ?? 'users'
  const users = config.collections.find((c) => c.slug === usersSlug)
  const enabled = Boolean(users?.auth?.useAPIKey)
  const verify = Boolean(users?.auth?.verify)
  const keyPrefix = `${usersSlug} API-Key `
  const accounts = new Map<
    string,
    { account: ApiKeyAccount | null; generation: number; until: number }
  >()
  const cache = deliveryCacheFor(payload)

  return {
    accountFor: async (key: string): Promise<ApiKeyAccount | null> => {
      const sha256 = createHmac('sha256', payload.secret).update(key).digest('hex')
      const now = Date.now()
      const cached = accounts.get(sha256)
      // Any change to an account moves the delivery cache's generation on (src/hooks/accountChanged.ts).
      if (cached && cached.until > now && cached.generation === cache.currentGeneration) {
        return cached.account
      }
      const generation = cache.currentGeneration
      const sha1 = createHmac('sha1', payload.secret).update(key).digest('hex')
      const byKey = { or: [{ apiKeyIndex: { equals: sha1 } }, { apiKeyIndex: { equals: sha256 } }] }
      const found = await localApi(payload).find({
        collection: usersSlug,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        pagination: false,
        where: verify ? { and: [byKey, { _verified: { not_equals: false } }] } : byKey,
      })
      const doc = found.docs[0]
      const account: ApiKeyAccount | null = doc
        ? { ...doc, _strategy: 'api-key', collection: usersSlug }
        : null
      // Only found accounts are kept: an unknown key always goes to Payload (401 there).
      if (account) {
        if (accounts.size > 1000) {
          accounts.clear()
        }
        accounts.set(sha256, { account, generation, until: now + API_KEY_CACHE_MS })
      }
      return account
    },

    /** The API key of a request this path may answer, or null (express answers it). */
    keyOf: (req: IncomingMessage): null | string => {
      const auth = req.headers.authorization
      if (!enabled || typeof auth !== 'string' || !auth.startsWith(keyPrefix)) {
        return null
      }
      if (req.headers.cookie?.includes(`${config.cookiePrefix}-token=`)) {
        return null
      }
      const key = auth.slice(keyPrefix.length)
      return key.length > 0 && key.length <= 512 ? key : null
    },
  }
}

export type ApiKeyAccounts = ReturnType<typeof apiKeyAccounts>

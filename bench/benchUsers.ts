import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

type Json = Record<string, any>

/** The account with this e-mail, created (with `apiKey`, if given) when missing: datasets are kept between runs. */
export async function ensureUser(payload: Payload, email: string, roles: string[], apiKey?: string): Promise<Json> {
  const found = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, overrideAccess: true, depth: 0 })
  if (found.docs[0]) return found.docs[0] as Json
  return (await payload.create({
    collection: 'users',
    data: { email, password: `pw-${randomBytes(8).toString('hex')}`, name: email, roles, ...(apiKey ? { enableAPIKey: true, apiKey } : {}) } as never,
    overrideAccess: true,
  })) as Json
}

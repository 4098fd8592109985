import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'

type Json = Record<string, any>

/** The account with this e-mail, created (with `apiKey`, if given) when missing: datasets are kept between runs. */
export async function ensureUser(
  payload: Payload,
  email: string,
  roles: string[],
  apiKey?: string,
): Promise<Json> {
  const found = await payload.find({
    collection: 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { email: { equals: email } },
  })
  if (found.docs[0]) {
    return found.docs[0]
  }
  return await payload.create({
    collection: 'users',
    data: {
      name: email,
      email,
      password: `pw-${randomBytes(8).toString('hex')}`,
      roles,
      ...(apiKey ? { apiKey, enableAPIKey: true } : {}),
    } as never,
    overrideAccess: true,
  })
}

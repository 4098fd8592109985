import type { Payload } from 'payload'

import type { Role } from '../../src/roles'

export type TestUser = { id: string | number; email: string; password: string; roles: Role[]; collection: 'users' }

/** Creates a user with the given roles, returned in the shape the Local API's `user` expects. */
export async function createUser(payload: Payload, name: string, roles: Role[]): Promise<TestUser> {
  const email = `${name}@test.example`
  const password = `pw-${name}-0123456789`
  const doc = await payload.create({
    collection: 'users',
    data: { email, password, roles, name } as never,
    overrideAccess: true,
  })
  return { ...(doc as unknown as { id: string | number }), email, password, roles, collection: 'users' }
}

export async function login(baseUrl: string, user: TestUser): Promise<string> {
  const res = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

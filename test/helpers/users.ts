import type { Payload } from 'payload'

import type { Role } from '../../src/roles'

export type TestUser = {
  collection: 'users'
  email: string
  id: number | string
  password: string
  roles: Role[]
}

/** Creates a user with the given roles, returned in the shape the Local API's `user` expects. */
export async function createUser(payload: Payload, name: string, roles: Role[]): Promise<TestUser> {
  const email = `${name}@test.example`
  const password = `pw-${name}-0123456789`
  const doc = await payload.create({
    collection: 'users',
    data: { name, email, password, roles },
    overrideAccess: true,
  })
  return {
    ...(doc as unknown as { id: number | string }),
    collection: 'users',
    email,
    password,
    roles,
  }
}

export async function login(baseUrl: string, user: TestUser): Promise<string> {
  const res = await fetch(`${baseUrl}/api/users/login`, {
    body: JSON.stringify({ email: user.email, password: user.password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${await res.text()}`)
  }
  return ((await res.json()) as { token: string }).token
}

/** A new user as `createUser` makes it, signed in over HTTP: their session token. */
export async function signedInUser(
  payload: Payload,
  baseUrl: string,
  name: string,
  roles: Role[],
): Promise<string> {
  return login(baseUrl, await createUser(payload, name, roles))
}

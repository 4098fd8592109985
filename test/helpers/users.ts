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

/** A user the property tests act as: their short name, session token and account. */
export type Actor = { name: string; token: string; user: TestUser }

/**
 * The users the property tests act as, each signed in over HTTP: two editors, a reviewer, and one
 * user who is editor and reviewer at once. Their accounts are named `<prefix>-<short name>`.
 */
export async function signedInTeam(
  payload: Payload,
  baseUrl: string,
  prefix: string,
): Promise<Record<'dual' | 'ed1' | 'ed2' | 'rev', Actor>> {
  const make = async (name: string, roles: Role[]): Promise<Actor> => {
    const user = await createUser(payload, `${prefix}-${name}`, roles)
    return { name, token: await login(baseUrl, user), user }
  }
  return {
    dual: await make('dual', ['editor', 'reviewer']),
    ed1: await make('ed1', ['editor']),
    ed2: await make('ed2', ['editor']),
    rev: await make('rev', ['reviewer']),
  }
}

/**
 * Users as `createUser` makes them, one per name with that name's role, each signed in over HTTP:
 * accounts `<prefix>-<name>`, made in the order of `roles`.
 */
export async function signedInUsers<Name extends string>(
  payload: Payload,
  baseUrl: string,
  prefix: string,
  roles: Record<Name, Role>,
): Promise<{ tokens: Record<Name, string>; users: Record<Name, TestUser> }> {
  const users = {} as Record<Name, TestUser>
  const tokens = {} as Record<Name, string>
  for (const [name, role] of Object.entries(roles) as [Name, Role][]) {
    users[name] = await createUser(payload, `${prefix}-${name}`, [role])
    tokens[name] = await login(baseUrl, users[name])
  }
  return { tokens, users }
}

import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { rolesOf, type Role } from 'payload-plugin-legal-documents'

/** A user in the shape the Local API's `user` option and the workflow's `req.user` expect. */
export type Actor = { id: string | number; email: string; roles: Role[]; collection: 'users' }

export const SEED_ACCOUNTS = {
  editor: { email: 'seed-editor@example.invalid', name: 'Seed editor' },
  reviewer: { email: 'seed-reviewer@example.invalid', name: 'Seed reviewer' },
} as const

type UserDoc = { id: string | number; email: string; roles?: unknown }

const toActor = (doc: UserDoc): Actor => ({ id: doc.id, email: doc.email, roles: rolesOf(doc), collection: 'users' })

export async function userByEmail(payload: Payload, email: string): Promise<Actor | null> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email.toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ? toActor(docs[0] as unknown as UserDoc) : null
}

async function oldestWithRole(payload: Payload, role: Role, except?: string | number): Promise<Actor | null> {
  const { docs } = await payload.find({
    collection: 'users',
    where: except === undefined ? { roles: { in: [role] } } : { and: [{ roles: { in: [role] } }, { id: { not_equals: except } }] },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ? toActor(docs[0] as unknown as UserDoc) : null
}

/**
 * The user a role's work is done as: the oldest user with that role (for the reviewer, one who
 * is not the editor: the four-eyes rule would refuse the approval), or else a dedicated seed
 * account with a random password nobody is told: it only signs the seed's review steps, and an
 * admin can reset its password if anyone ever needs to sign in as it.
 */
export async function actorFor(
  payload: Payload,
  role: 'editor' | 'reviewer',
  options: { except?: string | number } = {},
): Promise<{ actor: Actor; created: boolean }> {
  const existing = await oldestWithRole(payload, role, options.except)
  if (existing) return { actor: existing, created: false }
  const account = SEED_ACCOUNTS[role]
  // The account may exist without the role (an admin changed it): never hand out roles silently.
  const taken = await userByEmail(payload, account.email)
  if (taken) {
    throw new Error(`${account.email} exists but is not a ${role}; give it the ${role} role or add another ${role}.`)
  }
  const doc = await payload.create({
    collection: 'users',
    data: { email: account.email, name: account.name, password: randomBytes(24).toString('base64url'), roles: [role] } as never,
    overrideAccess: true,
  })
  return { actor: toActor(doc as unknown as UserDoc), created: true }
}

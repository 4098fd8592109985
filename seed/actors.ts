import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import { type Role, rolesOf } from 'payload-plugin-legal-documents'

/** A user in the shape the Local API's `user` option and the workflow's `req.user` expect. */
export type Actor = { collection: 'users'; email: string; id: number | string; roles: Role[] }

export const SEED_ACCOUNTS = {
  editor: { name: 'Seed editor', email: 'seed-editor@example.invalid' },
  reviewer: { name: 'Seed reviewer', email: 'seed-reviewer@example.invalid' },
} as const

type UserDoc = { email: string; id: number | string; roles?: unknown }

const toActor = (doc: UserDoc): Actor => ({
  id: doc.id,
  collection: 'users',
  email: doc.email,
  roles: rolesOf(doc),
})

export async function userByEmail(payload: Payload, email: string): Promise<Actor | null> {
  const { docs } = await payload.find({
    collection: 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { email: { equals: email.toLowerCase() } },
  })
  return docs[0] ? toActor(docs[0]) : null
}

async function oldestWithRole(
  payload: Payload,
  role: Role,
  except?: number | string,
): Promise<Actor | null> {
  const { docs } = await payload.find({
    collection: 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    sort: 'createdAt',
    where:
      except === undefined
        ? { roles: { in: [role] } }
        : { and: [{ roles: { in: [role] } }, { id: { not_equals: except } }] },
  })
  return docs[0] ? toActor(docs[0]) : null
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
  options: { except?: number | string } = {},
): Promise<{ actor: Actor; created: boolean }> {
  const existing = await oldestWithRole(payload, role, options.except)
  if (existing) {
    return { actor: existing, created: false }
  }
  const account = SEED_ACCOUNTS[role]
  // The account may exist without the role (an admin changed it): never hand out roles silently.
  const taken = await userByEmail(payload, account.email)
  if (taken) {
    throw new Error(
      `${account.email} exists but is not a ${role}; give it the ${role} role or add another ${role}.`,
    )
  }
  const doc = await payload.create({
    collection: 'users',
    data: {
      name: account.name,
      email: account.email,
      password: randomBytes(24).toString('base64url'),
      roles: [role],
    },
    overrideAccess: true,
  })
  return { actor: toActor(doc), created: true }
}

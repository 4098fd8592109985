import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { Role } from '../roles'

export type DemoUser = { email: string; password: string; name: string; role: Role }

const DEMO: Omit<DemoUser, 'password'>[] = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@example.com', name: 'Erin Editor', role: 'editor' },
  { email: 'reviewer@example.com', name: 'Rafael Reviewer', role: 'reviewer' },
]

/**
 * Development only: on a database without users, creates one user per role with a fresh
 * random password and returns them so the caller can print them once. Returns [] otherwise.
 */
export async function ensureDemoUsers(payload: Payload): Promise<DemoUser[]> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return []
  const created: DemoUser[] = []
  for (const user of DEMO) {
    const password = randomBytes(9).toString('base64url')
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: user.email, password, name: user.name, roles: [user.role] } as never,
    })
    created.push({ ...user, password })
  }
  return created
}

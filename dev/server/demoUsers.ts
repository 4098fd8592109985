import type { Payload } from 'payload'
import type { Role } from 'payload-plugin-legal-documents'

import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export type DemoUser = { email: string; name: string; password: string; role: Role }

const DEMO: Omit<DemoUser, 'password'>[] = [
  { name: 'Ada Admin', email: 'admin@example.com', role: 'admin' },
  { name: 'Erin Editor', email: 'editor@example.com', role: 'editor' },
  { name: 'Rafael Reviewer', email: 'reviewer@example.com', role: 'reviewer' },
]

/**
 * Development only: on a database without users, creates one user per role with a fresh
 * random password and returns them so the caller can print them once. Returns [] otherwise.
 */
export async function ensureDemoUsers(payload: Payload): Promise<DemoUser[]> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) {
    return []
  }
  const created: DemoUser[] = []
  for (const user of DEMO) {
    const password = randomBytes(9).toString('base64url')
    await payload.create({
      collection: 'users',
      data: { name: user.name, email: user.email, password, roles: [user.role] },
      overrideAccess: true,
    })
    created.push({ ...user, password })
  }
  return created
}

/**
 * Prints freshly created demo users once and keeps them in DATA_DIR/demo-users.txt: their
 * passwords exist nowhere else. Shared by the dev server and `npm run seed`.
 */
export async function announceDemoUsers(users: DemoUser[], dataDir: string): Promise<void> {
  if (!users.length) {
    return
  }
  const lines = users.map((u) => `  ${u.role.padEnd(9)} ${u.email}  password: ${u.password}`)
  console.log(['', 'Demo users created (shown once; development only):', ...lines, ''].join('\n'))
  await fs.mkdir(dataDir, { recursive: true }).catch(() => {})
  await fs
    .writeFile(path.join(dataDir, 'demo-users.txt'), lines.join('\n') + '\n', { mode: 0o600 })
    .catch(() => {})
}

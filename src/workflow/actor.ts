import type { PayloadRequest } from 'payload'

import type { Actor } from './rules.js'

import { rolesOf } from '../roles.js'

export function actorOf(req: PayloadRequest): Actor {
  const user = req.user
  return user ? { id: user.id, roles: rolesOf(user) } : null
}

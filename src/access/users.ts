import type { Access, CollectionConfig } from 'payload'

import { hasRole } from '../roles.js'

const admins: Access = ({ req: { user } }) => hasRole(user, 'admin')
const adminsOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}

/**
 * Accounts: admins manage them; everyone else may change only their own (name, password; the
 * roles field has its own admin-only access). Signed-in users can read accounts, which the
 * admin needs to show who approved or published what.
 */
export const userAccessDefaults: NonNullable<CollectionConfig['access']> = {
  create: admins,
  delete: admins,
  update: adminsOrSelf,
  unlock: admins,
  read: ({ req: { user } }) => Boolean(user),
}

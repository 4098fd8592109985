import {
  type Access,
  APIError,
  type CollectionBeforeLoginHook,
  type CollectionConfig,
} from 'payload'

import { hasRole, isServiceAccount } from '../roles.js'

const admins: Access = ({ req: { user } }) => hasRole(user, 'admin')
const adminsOrSelf: Access = ({ req: { user } }) => {
  if (!user) {
    return false
  }
  if (hasRole(user, 'admin')) {
    return true
  }
  return { id: { equals: user.id } }
}

/**
 * Accounts: admins manage them; everyone else may change only their own (name, password; the
 * roles field has its own admin-only access). Signed-in staff can read accounts, which the
 * admin needs to show who approved or published what; a service account (role `service` only,
 * a website's back end with an API key) sees its own account and nothing else, and never gets
 * into the admin panel.
 */
export const userAccessDefaults: NonNullable<CollectionConfig['access']> = {
  admin: ({ req: { user } }) => Boolean(user) && !isServiceAccount(user),
  create: admins,
  delete: admins,
  read: ({ req: { user } }) => {
    if (!user) {
      return false
    }
    return isServiceAccount(user) ? { id: { equals: user.id } } : true
  },
  unlock: admins,
  update: adminsOrSelf,
}

/**
 * Service accounts authenticate with their API key (`Authorization: <users> API-Key <key>`),
 * never with a password: a session would let them into places an API key does not.
 */
export const refuseServiceLogin: CollectionBeforeLoginHook = ({ user }) => {
  if (isServiceAccount(user)) {
    throw new APIError(
      'Service accounts sign in with their API key only, not with a password.',
      403,
      undefined,
      true,
    )
  }
  return user
}

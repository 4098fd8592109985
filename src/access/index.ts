import type { Access, Where } from 'payload'

import { hasRole } from '../roles.js'

/**
 * Anonymous readers get a query constraint, not `true`: with drafts enabled, `read: () => true`
 * would let anyone read draft-only documents and `?draft=true` data.
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor', 'reviewer')) {
    return true
  }
  const published: Where = { _status: { equals: 'published' } }
  return published
}

export const staffOnly: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reviewer')
export const editorsOrAdmins: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
export const adminsOnly: Access = ({ req: { user } }) => hasRole(user, 'admin')
export const anyone: Access = () => true
export const nobody: Access = () => false

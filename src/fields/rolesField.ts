import type { Field, FieldHook } from 'payload'

import { type Role, ROLES } from '../roles.js'
import { legalLabel, type LegalTranslationKey } from '../translations/index.js'

const ROLE_KEYS: Record<Role, LegalTranslationKey> = {
  admin: 'legal-documents:role-admin',
  editor: 'legal-documents:role-editor',
  reviewer: 'legal-documents:role-reviewer',
  service: 'legal-documents:role-service',
}

/**
 * The account made on Payload's "create first user" screen (`POST /api/<users>/first-register`,
 * only possible while there is no account at all) is always an admin: otherwise the field's
 * default would make it an editor, and nobody could hand out roles or create accounts.
 */
export const firstUserIsAdmin: FieldHook = ({ operation, req, value }) => {
  if (operation !== 'create' || req.user || !req.pathname?.endsWith('/first-register')) {
    return value
  }
  const roles = Array.isArray(value) ? (value as Role[]) : []
  return roles.includes('admin') ? roles : ['admin', ...roles]
}

export const rolesField: Field = {
  name: 'roles',
  type: 'select',
  defaultValue: ['editor'],
  hasMany: true,
  label: legalLabel(({ t }) => t('legal-documents:field-roles')),
  options: ROLES.map((value) => ({ label: legalLabel(({ t }) => t(ROLE_KEYS[value])), value })),
  required: true,
  // Saved into the session token so access checks need no extra query per request.
  access: {
    // Only admins hand out roles; otherwise an editor could make themself a reviewer.
    create: ({ req: { user } }) => Array.isArray(user?.roles) && user.roles.includes('admin'),
    update: ({ req: { user } }) => Array.isArray(user?.roles) && user.roles.includes('admin'),
  },
  hooks: { beforeChange: [firstUserIsAdmin] },
  saveToJWT: true,
}

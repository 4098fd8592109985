import type { Field } from 'payload'

import { ROLES, type Role } from '../roles.js'
import { legalLabel, type LegalTranslationKey } from '../translations/index.js'

const ROLE_KEYS: Record<Role, LegalTranslationKey> = {
  admin: 'legal-documents:role-admin',
  editor: 'legal-documents:role-editor',
  reviewer: 'legal-documents:role-reviewer',
}

export const rolesField: Field = {
  name: 'roles',
  type: 'select',
  hasMany: true,
  required: true,
  defaultValue: ['editor'],
  options: ROLES.map((value) => ({ label: legalLabel(({ t }) => t(ROLE_KEYS[value])), value })),
  label: legalLabel(({ t }) => t('legal-documents:field-roles')),
  // Saved into the session token so access checks need no extra query per request.
  saveToJWT: true,
  access: {
    // Only admins hand out roles; otherwise an editor could make themself a reviewer.
    create: ({ req: { user } }) => Array.isArray(user?.roles) && user.roles.includes('admin'),
    update: ({ req: { user } }) => Array.isArray(user?.roles) && user.roles.includes('admin'),
  },
}

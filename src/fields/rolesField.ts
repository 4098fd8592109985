import type { Field } from 'payload'

import { ROLES } from '../roles.js'

export const rolesField: Field = {
  name: 'roles',
  type: 'select',
  hasMany: true,
  required: true,
  defaultValue: ['editor'],
  options: ROLES.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
  label: 'Roles',
  // Saved into the session token so access checks need no extra query per request.
  saveToJWT: true,
  access: {
    // Only admins hand out roles; otherwise an editor could make themself a reviewer.
    create: ({ req: { user } }) => Array.isArray(user?.roles) && user.roles.includes('admin'),
    update: ({ req: { user } }) => Array.isArray(user?.roles) && user.roles.includes('admin'),
  },
}

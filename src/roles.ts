/**
 * The roles, stored on the users collection: the three of the legal workflow (staff), and
 * `service`, a machine account (a website's back end) that authenticates with an API key and
 * may only record and ask about acceptances: no admin panel, no drafts, nothing else.
 */
export const ROLES = ['admin', 'editor', 'reviewer', 'service'] as const
export type Role = (typeof ROLES)[number]

/**
 * Any user object: the host's generated `User` type, Payload's untyped user, or a plain record.
 * The plugin does not augment the host's types, so it reads `roles` defensively.
 */
export type MaybeUser = null | object | undefined

export function rolesOf(user: MaybeUser): Role[] {
  const roles = user && 'roles' in user ? user.roles : undefined
  return Array.isArray(roles)
    ? (roles.filter((r) => (ROLES as readonly string[]).includes(r)) as Role[])
    : []
}

export function hasRole(user: MaybeUser, ...wanted: Role[]): boolean {
  const roles = rolesOf(user)
  return wanted.some((r) => roles.includes(r))
}

/** The staff roles: everyone who works on legal documents in the admin. */
export const STAFF_ROLES = ['admin', 'editor', 'reviewer'] as const satisfies readonly Role[]

/** A machine account: the `service` role and no staff role. */
export function isServiceAccount(user: MaybeUser): boolean {
  return hasRole(user, 'service') && !hasRole(user, ...STAFF_ROLES)
}

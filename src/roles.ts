/** The three roles of the legal workflow, stored on the users collection. */
export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

/**
 * Any user object: the host's generated `User` type, Payload's untyped user, or a plain record.
 * The plugin does not augment the host's types, so it reads `roles` defensively.
 */
type MaybeUser = object | null | undefined

export function rolesOf(user: MaybeUser): Role[] {
  const roles = user && 'roles' in user ? user.roles : undefined
  return Array.isArray(roles) ? (roles.filter((r) => (ROLES as readonly string[]).includes(r)) as Role[]) : []
}

export function hasRole(user: MaybeUser, ...wanted: Role[]): boolean {
  const roles = rolesOf(user)
  return wanted.some((r) => roles.includes(r))
}

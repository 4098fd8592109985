/** The three roles of the legal workflow, stored on the users collection. */
export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { roles?: unknown } | null | undefined

export function rolesOf(user: MaybeUser): Role[] {
  const roles = user?.roles
  return Array.isArray(roles) ? (roles.filter((r) => (ROLES as readonly string[]).includes(r)) as Role[]) : []
}

export function hasRole(user: MaybeUser, ...wanted: Role[]): boolean {
  const roles = rolesOf(user)
  return wanted.some((r) => roles.includes(r))
}

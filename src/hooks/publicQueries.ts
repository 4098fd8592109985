import { type CollectionBeforeOperationHook, type FlattenedField, QueryError } from 'payload'

import { hasRole } from '../roles.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * Whether `path` names one of the collection's own readable fields: a field, or a field inside
 * a group or named tab, never through a relationship (whose other end may be the staff
 * accounts: `approvedBy.hash` would sort the documents by a password hash) and never a hidden
 * field.
 */
export function isOwnFieldPath(fields: readonly FlattenedField[], path: string): boolean {
  const segments = path.split('.')
  if (segments.length === 1 && segments[0] === 'id') {
    return true
  }
  let current = fields
  for (const [i, name] of segments.entries()) {
    const field = current.find((f) => f.name === name)
    if (!field || field.hidden) {
      return false
    }
    const last = i === segments.length - 1
    if (field.type === 'group' || field.type === 'tab') {
      if (last) {
        return false
      }
      current = field.flattenedFields
      continue
    }
    return last
  }
  return false
}

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim().replace(/^-/, ''))
    .filter(Boolean)

/**
 * Readers who are not staff sort only by the collection's own fields. Payload checks the
 * access of every path in `where` (a reader cannot filter by `approvedBy.email`), but not
 * those in `sort`: without this an anonymous request could order documents by a related
 * account's password hash or salt and read them out bit by bit. Refused with Payload's own
 * 400 (QueryError) on every route: REST, GraphQL and the Local API with access checks.
 */
export const readersSortByOwnFields: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'read') {
    return args
  }
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) {
    return args
  }
  if (isTrusted(req) || hasRole(req.user, 'admin', 'editor', 'reviewer')) {
    return args
  }
  const refused = sortPaths((args as { sort?: unknown }).sort).filter(
    (path) => !isOwnFieldPath(collection.flattenedFields, path),
  )
  if (refused.length) {
    throw new QueryError(refused.map((path) => ({ path })))
  }
  return args
}

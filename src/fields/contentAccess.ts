import type { Field, FieldAccess } from 'payload'

import { actorOf } from '../workflow/actor.js'
import { canEditContent } from '../workflow/rules.js'

/** Editors and admins write content; reviewers see it read-only in the admin. */
const editorsWrite: FieldAccess = ({ req }) => canEditContent(actorOf(req))

/**
 * Marks the content fields (by name, also inside rows) as writable by editors only, so the
 * admin shows them read-only to reviewers. The refusal itself is the collection hook's, which
 * runs first and answers a reviewer's change with a 403 on every route.
 */
export function withContentAccess(fields: Field[], names: readonly string[]): Field[] {
  return fields.map((field) => {
    if (field.type === 'row') {
      return { ...field, fields: withContentAccess(field.fields, names) }
    }
    if ('name' in field && names.includes(field.name)) {
      return {
        ...field,
        access: { ...('access' in field ? field.access : {}), update: editorsWrite },
      } as Field
    }
    return field
  })
}

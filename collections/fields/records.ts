import type { Field, TextField } from 'payload'

import type { LegalTranslationKey } from '../../src/translations/index.js'

import { translated } from './translated.js'

/** What a record's field may add to its column: an index, or a required or unique value. */
type RecordColumn = Pick<TextField, 'index' | 'required' | 'unique'>

/**
 * A field of an append-only record (the consent log, the acceptance ledger): read-only in the
 * admin, since only the plugin writes these records and no one may change one.
 */
export function recordField(
  type: 'json' | 'number' | 'text',
  name: string,
  label: LegalTranslationKey,
  column: RecordColumn = {},
): Field {
  // Payload's Field union tells its members apart by a literal `type`; TypeScript cannot match
  // an object whose `type` is a union of three to it, though each of the three fits.
  return { name, type, admin: { readOnly: true }, label: translated(label), ...column } as Field
}

/** When a record was written: shown to the minute, indexed for the newest-first list. */
export const recordedAtField = (label: LegalTranslationKey): Field => ({
  name: 'recordedAt',
  type: 'date',
  admin: { date: { pickerAppearance: 'dayAndTime' }, readOnly: true },
  index: true,
  label: translated(label),
  required: true,
})

import type { CollectionSlug, Field } from 'payload'

import { legalLabel } from '../translations/index.js'

/**
 * The people fields documents and sections share, shown read-only in the sidebar and written by
 * the workflow only.
 */

/** Everyone who changed the draft since it was last published: the four-eyes rule keeps them from approving. */
export const contributorsField = (name: string, usersCollection: CollectionSlug): Field => ({
  name,
  type: 'relationship',
  admin: { position: 'sidebar', readOnly: true },
  hasMany: true,
  label: legalLabel(({ t }) => t('legal-documents:field-contributors')),
  relationTo: usersCollection,
})

export const updatedByField = (usersCollection: CollectionSlug): Field => ({
  name: 'updatedBy',
  type: 'relationship',
  admin: { position: 'sidebar', readOnly: true },
  label: legalLabel(({ t }) => t('legal-documents:field-updated-by')),
  relationTo: usersCollection,
})

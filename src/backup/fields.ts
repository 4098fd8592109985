import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import { SLUGS } from '../slugs.js'

/** What the export needs to know about one stored field. */
export type FieldInfo = {
  hasMany?: boolean
  localized: boolean
  name: string
  /** Relationship/upload target (one collection only). */
  relationTo?: string
  type: string
}

const SKIPPED_TYPES = new Set(['join', 'ui'])

function describe(fields: FlattenedField[], localization: boolean): FieldInfo[] {
  const out: FieldInfo[] = []
  for (const field of fields) {
    if (!('name' in field) || SKIPPED_TYPES.has(field.type) || field.name === 'id') {
      continue
    }
    if ((field as { virtual?: unknown }).virtual) {
      continue
    }
    const info: FieldInfo = {
      name: field.name,
      type: field.type,
      localized: localization && Boolean(field.localized),
    }
    if (field.type === 'relationship' || field.type === 'upload') {
      if (typeof field.relationTo !== 'string') {
        throw new Error(
          `Field "${field.name}" refers to several collections; the export does not handle that.`,
        )
      }
      info.relationTo = field.relationTo
      info.hasMany = Boolean(field.hasMany)
    } else if (containsRelationship(field)) {
      // Groups, arrays and blocks are copied as they are: a relationship inside one would keep
      // the old database's ids, so refuse rather than restore wrong links.
      throw new Error(
        `Field "${field.name}" nests a relationship; the export does not handle that.`,
      )
    }
    out.push(info)
  }
  return out
}

function containsRelationship(field: FlattenedField): boolean {
  const nested = (field as { flattenedFields?: FlattenedField[] }).flattenedFields
  const blocks = (field as { blocks?: { flattenedFields?: FlattenedField[] }[] }).blocks
  const children = [...(nested ?? []), ...(blocks ?? []).flatMap((b) => b.flattenedFields ?? [])]
  return children.some(
    (f) => f.type === 'relationship' || f.type === 'upload' || containsRelationship(f),
  )
}

export function collectionFields(payload: Payload, slug: CollectionSlug): FieldInfo[] {
  const collection = payload.collections[slug]
  if (!collection) {
    throw new Error(
      `The collection "${slug}" is not in this app: is the legal-documents plugin installed?`,
    )
  }
  return describe(collection.config.flattenedFields, Boolean(payload.config.localization))
}

export function globalFields(payload: Payload, slug: string): FieldInfo[] {
  const global = payload.config.globals.find((g) => g.slug === slug)
  if (!global) {
    throw new Error(
      `The global "${slug}" is not in this app: is the legal-documents plugin installed?`,
    )
  }
  return describe(global.flattenedFields, Boolean(payload.config.localization)).filter(
    (f) => f.name !== 'createdAt' && f.name !== 'updatedAt' && f.name !== 'globalType',
  )
}

/** The auth collection the plugin records people in (`approvedBy` of the archive points there). */
export function usersCollectionOf(payload: Payload): string {
  const approvedBy = collectionFields(payload, SLUGS.versions).find((f) => f.name === 'approvedBy')
  if (!approvedBy?.relationTo) {
    throw new Error('legal-versions has no approvedBy relationship.')
  }
  return approvedBy.relationTo
}

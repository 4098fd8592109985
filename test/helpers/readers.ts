import type { CollectionSlug, Payload, TypedLocale } from 'payload'

import type { Json } from './rest'

/** Through the Local API with access checked, as nobody: what the site may show. */
const anonymous = { overrideAccess: false, user: null } as const

/**
 * How many records with this id an anonymous reader finds: 1 once the site may show it, 0 before.
 */
export async function publicCount(
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
): Promise<number> {
  const { totalDocs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    ...anonymous,
  })
  return totalDocs
}

/** A record as an anonymous reader gets it (unpopulated); a 404 while nothing of it is public. */
export async function publicRecord(
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  locale?: TypedLocale,
): Promise<Json> {
  return await payload.findByID({ id, collection, depth: 0, locale, ...anonymous })
}

import type { Payload, PayloadRequest } from 'payload'

import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { idOf } from '../utilities/ids.js'
import { localesOf } from '../utilities/locales.js'
import { textOf } from '../utilities/text.js'
import { collectionFields, type FieldInfo, globalFields, usersCollectionOf } from './fields.js'
import {
  archiveContentHash,
  canonical,
  collectionHash,
  DRAFT_COLLECTIONS,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  EXPORTED_COLLECTIONS,
  type ExportedCollection,
  type ExportedCollectionSlug,
  type ExportedRecord,
  type ExportedUser,
  fileHash,
  type LegalExport,
  recordHash,
  sha256Of,
  usersHash,
} from './format.js'

type Doc = { id: number | string } & Record<string, unknown>

/** Prefix of the key an archive section id gets when its section no longer exists. */
export const REMOVED_SECTION = 'removed:'

export type ExportResult = {
  file: LegalExport
  /** Archive records whose stored contentHash does not match their content (should never happen). */
  hashMismatches: string[]
}

async function readAll(
  payload: Payload,
  collection: string,
  draft: boolean,
  req?: PayloadRequest,
): Promise<Doc[]> {
  const { docs } = await localApi(payload).find({
    collection,
    depth: 0,
    draft,
    limit: 0,
    locale: 'all',
    overrideAccess: true,
    pagination: false,
    sort: 'id',
    // No join fields (the review history on documents): they are exported as their own records.
    joins: false,
    req,
  })
  return docs
}

/**
 * Reads every piece of legal content into the export format (src/backup/format.ts): documents,
 * sections and cookie entries (their live row and, when it differs, their latest draft, every
 * locale), the archive, the review history, the company details, and the e-mail and name of
 * everyone those refer to. Pass `req` to read inside a transaction (the restore checks its own
 * work that way before it commits).
 */
export async function exportLegalContent(
  payload: Payload,
  options: { req?: PayloadRequest } = {},
): Promise<ExportResult> {
  const { req } = options
  const usersCollection = usersCollectionOf(payload)

  const live = new Map<string, Doc[]>()
  const drafts = new Map<string, Map<string, Doc>>()
  for (const slug of EXPORTED_COLLECTIONS) {
    live.set(slug, await readAll(payload, slug, false, req))
    if (DRAFT_COLLECTIONS.includes(slug)) {
      drafts.set(
        slug,
        new Map((await readAll(payload, slug, true, req)).map((d) => [String(d.id), d])),
      )
    }
  }

  // Keys: the position of each record in its collection (by id), the same in any database the
  // file is restored into, since a restore creates them in this order.
  const keys = new Map<string, Map<string, string>>()
  for (const slug of EXPORTED_COLLECTIONS) {
    keys.set(slug, new Map(live.get(slug)!.map((doc, i) => [String(doc.id), `${slug}/${i + 1}`])))
  }

  // People: every user any record refers to, by e-mail.
  const fieldsOf = new Map<string, FieldInfo[]>(
    EXPORTED_COLLECTIONS.map((slug) => [slug, collectionFields(payload, slug)]),
  )
  const userIds = new Set<string>()
  const addUser = (v: unknown) => {
    const id = idOf(v) ?? null
    if (id !== null) {
      userIds.add(String(id))
    }
  }
  for (const slug of EXPORTED_COLLECTIONS) {
    const docs = [...live.get(slug)!, ...(drafts.get(slug)?.values() ?? [])]
    for (const field of fieldsOf.get(slug)!) {
      if (field.relationTo !== usersCollection) {
        continue
      }
      for (const doc of docs) {
        const value = doc[field.name]
        if (Array.isArray(value)) {
          value.forEach(addUser)
        } else {
          addUser(value)
        }
      }
    }
  }
  const userDocs = userIds.size
    ? (
        await localApi(payload).find({
          collection: usersCollection,
          depth: 0,
          limit: 0,
          overrideAccess: true,
          pagination: false,
          req,
          showHiddenFields: true,
          where: { id: { in: [...userIds] } },
        })
      ).docs
    : []
  const userKeys = new Map<string, string>()
  const users: ExportedUser[] = []
  for (const user of userDocs.sort((a, b) => String(a.email).localeCompare(String(b.email)))) {
    const email = textOf(user.email).toLowerCase()
    if (!email) {
      continue
    }
    const key = `${usersCollection}/${email}`
    userKeys.set(String(user.id), key)
    users.push({ name: typeof user.name === 'string' && user.name ? user.name : null, email, key })
  }

  const refKey = (relationTo: string, value: unknown): null | string => {
    const id = idOf(value) ?? null
    if (id === null) {
      return null
    }
    if (relationTo === usersCollection) {
      return userKeys.get(String(id)) ?? null
    }
    const map = keys.get(relationTo)
    if (!map) {
      throw new Error(
        `A relationship points to "${relationTo}", which the export does not include.`,
      )
    }
    return map.get(String(id)) ?? null
  }

  const convert = (field: FieldInfo, value: unknown): unknown => {
    if (value === null || value === undefined) {
      return undefined
    }
    if (field.relationTo) {
      if (field.hasMany) {
        const list = (Array.isArray(value) ? value : [value])
          .map((v) => refKey(field.relationTo!, v))
          .filter((v) => v !== null)
        // An empty list and no list are the same thing (a restore writes an empty list).
        return list.length ? list : undefined
      }
      return refKey(field.relationTo, value) ?? undefined
    }
    if (field.type === 'date') {
      return new Date(value as string).toISOString()
    }
    return value
  }

  /** Every stored field; localized ones as `{ locale: value }` without empty locales; no nulls. */
  const portable = (
    fields: FieldInfo[],
    doc: Doc,
    omit: string[] = [],
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const field of fields) {
      if (omit.includes(field.name)) {
        continue
      }
      let value: unknown
      if (field.localized) {
        const byLocale = doc[field.name]
        if (byLocale && typeof byLocale === 'object' && !Array.isArray(byLocale)) {
          const entries = Object.entries(byLocale as Record<string, unknown>)
            .map(([locale, v]) => [locale, convert(field, v)] as const)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
          value = entries.length ? Object.fromEntries(entries) : undefined
        }
      } else {
        value = convert(field, doc[field.name])
      }
      if (value !== undefined) {
        out[field.name] = value
      }
    }
    return out
  }

  const sectionKey = (id: unknown): string => {
    const key = keys.get(SLUGS.sections)!.get(String(id))
    return key ?? `${REMOVED_SECTION}${String(id).replace(/^removed:/, '')}`
  }

  const hashMismatches: string[] = []
  const collections = {} as Record<ExportedCollectionSlug, ExportedCollection>
  for (const slug of EXPORTED_COLLECTIONS) {
    const fields = fieldsOf.get(slug)!
    const records: ExportedRecord[] = live.get(slug)!.map((doc) => {
      const key = keys.get(slug)!.get(String(doc.id))!
      const data = portable(fields, doc)
      if (slug === SLUGS.versions) {
        if (archiveContentHash(doc.content) !== doc.contentHash) {
          hashMismatches.push(`${key} (version ${textOf(doc.version)} of ${textOf(doc.slug)})`)
        }
        // The archive names the sections it froze by id (the redline matches them by it).
        data.content = mapArchiveSections(doc.content, sectionKey)
      }
      let draft: null | Record<string, unknown> | undefined
      if (DRAFT_COLLECTIONS.includes(slug)) {
        const latest = drafts.get(slug)!.get(String(doc.id))
        draft = null
        if (latest) {
          const candidate = portable(fields, latest, ['createdAt'])
          const same = (r: Record<string, unknown>) => {
            const { createdAt: _c, updatedAt: _u, ...rest } = r
            return canonical(rest)
          }
          if (same(candidate) !== same(data)) {
            draft = candidate
          }
        }
      }
      const record: ExportedRecord = {
        data,
        key,
        sourceId: doc.id,
        ...(draft === undefined ? {} : { draft }),
        sha256: '',
      }
      record.sha256 = recordHash(record)
      return record
    })
    collections[slug] = { count: records.length, records, sha256: collectionHash(records) }
  }

  const entityDoc = await localApi(payload).findEntity({
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    req,
  })
  const entity = portable(globalFields(payload, SLUGS.entity), entityDoc)

  const { defaultLocale, locales } = localesOf(payload)
  const body = {
    collections,
    global: { slug: SLUGS.entity, data: entity, sha256: sha256Of(entity) },
    users: { records: users, sha256: usersHash(users) },
  }
  const file: LegalExport = {
    exportedAt: new Date().toISOString(),
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    source: { defaultLocale, locales, usersCollection },
    ...body,
    sha256: fileHash(body),
  }
  return { file, hashMismatches }
}

/** The archive's frozen content with each section's id replaced by `mapId(id)`. */
export function mapArchiveSections(content: unknown, mapId: (id: unknown) => unknown): unknown {
  if (!content || typeof content !== 'object') {
    return content
  }
  const c = content as { locales?: Record<string, { sections?: Record<string, unknown>[] }> }
  if (!c.locales) {
    return content
  }
  return {
    ...c,
    locales: Object.fromEntries(
      Object.entries(c.locales).map(([locale, value]) => [
        locale,
        value && Array.isArray(value.sections)
          ? {
              ...value,
              sections: value.sections.map((s) => ('id' in s ? { ...s, id: mapId(s.id) } : s)),
            }
          : value,
      ]),
    ),
  }
}

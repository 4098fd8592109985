import { canonicalJSON, contentHash } from '../render/contentHash.js'
import { SLUGS } from '../slugs.js'

/**
 * The export file (`npm run export`): every piece of legal content in one JSON document.
 *
 * - Records are listed per collection in the order they were created (by id), and refer to each
 *   other by **key** (`"legal-sections/3"`: the 3rd section of the file), never by database id,
 *   so the same content has the same file, and the same hashes, in any database.
 * - People are referred to by e-mail (`"users/ada@example.com"`); `users` lists their names.
 * - `sha256` of a record is the SHA-256 of the canonical JSON (keys sorted) of
 *   `{ key, data, draft }`; of a collection, of the list of its records' hashes; of the file,
 *   of `{ users, collections, global }` hashes. `sourceId` and `exportedAt` are informational.
 */
export const EXPORT_FORMAT = 'payload-plugin-legal-documents/export'
export const EXPORT_FORMAT_VERSION = 1

/** In the order a restore writes them: what a record refers to exists before it. */
export const EXPORTED_COLLECTIONS = [
  SLUGS.cookies,
  SLUGS.documents,
  SLUGS.sections,
  SLUGS.versions,
  SLUGS.reviewEvents,
] as const
export type ExportedCollectionSlug = (typeof EXPORTED_COLLECTIONS)[number]

/** Collections with drafts: their records carry the live row and, when it differs, the latest draft. */
export const DRAFT_COLLECTIONS: readonly string[] = [SLUGS.cookies, SLUGS.documents, SLUGS.sections]

export type ExportedRecord = {
  /** All fields, every locale (`{ en: …, uk: … }` for localized ones). For drafts collections: the live row. */
  data: Record<string, unknown>
  /** Drafts collections: the latest draft when it differs from the live row, else null. */
  draft?: null | Record<string, unknown>
  key: string
  sha256: string
  /** The record's id in the exporting database (informational; not hashed). */
  sourceId: number | string
}

export type ExportedCollection = { count: number; records: ExportedRecord[]; sha256: string }

export type ExportedUser = { email: string; key: string; name: null | string }

export type LegalExport = {
  collections: Record<ExportedCollectionSlug, ExportedCollection>
  exportedAt: string
  format: typeof EXPORT_FORMAT
  formatVersion: number
  global: { data: Record<string, unknown>; sha256: string; slug: string }
  /** Hash of the whole content: equal files hold equal content. */
  sha256: string
  source: { defaultLocale: string; locales: string[]; usersCollection: string }
  users: { records: ExportedUser[]; sha256: string }
}

export const sha256Of = (value: unknown): string => contentHash(value)

export function recordHash(record: Pick<ExportedRecord, 'data' | 'draft' | 'key'>): string {
  return sha256Of({ data: record.data, draft: record.draft ?? null, key: record.key })
}

export function collectionHash(records: Pick<ExportedRecord, 'sha256'>[]): string {
  return sha256Of(records.map((r) => r.sha256))
}

export function usersHash(users: ExportedUser[]): string {
  return sha256Of(users)
}

export function fileHash(file: Pick<LegalExport, 'collections' | 'global' | 'users'>): string {
  return sha256Of({
    collections: Object.fromEntries(
      EXPORTED_COLLECTIONS.map((slug) => [slug, file.collections[slug]?.sha256 ?? null]),
    ),
    global: file.global.sha256,
    users: file.users.sha256,
  })
}

/**
 * The archive's `contentHash`, recomputed from its frozen content exactly as the publish computed
 * it (src/publish/freezeContent.ts): section ids are bookkeeping and stay out of the hash.
 */
export function archiveContentHash(content: unknown): string {
  const c = (content ?? {}) as {
    locales?: Record<string, { sections?: Record<string, unknown>[] }>
  }
  const locales = Object.fromEntries(
    Object.entries(c.locales ?? {}).map(([locale, value]) => [
      locale,
      { ...value, sections: (value.sections ?? []).map(({ id: _id, ...rest }) => rest) },
    ]),
  )
  return contentHash({ ...(content as object), locales })
}

/** Compact, stable text of a value: the JSON the hashes are computed from. */
export const canonical = canonicalJSON

/** Where the two files' hashes differ, as `collection/key` lines (empty when they are equal). */
export function compareExports(a: LegalExport, b: LegalExport): string[] {
  const out: string[] = []
  if (a.users.sha256 !== b.users.sha256) {
    out.push('users')
  }
  if (a.global.sha256 !== b.global.sha256) {
    out.push(a.global.slug)
  }
  for (const slug of EXPORTED_COLLECTIONS) {
    const left = a.collections[slug]
    const right = b.collections[slug]
    if (left?.sha256 === right?.sha256) {
      continue
    }
    const rightByKey = new Map((right?.records ?? []).map((r) => [r.key, r.sha256]))
    const keys = new Set([...(left?.records ?? []).map((r) => r.key), ...rightByKey.keys()])
    const leftByKey = new Map((left?.records ?? []).map((r) => [r.key, r.sha256]))
    const differing = [...keys].filter((k) => leftByKey.get(k) !== rightByKey.get(k))
    out.push(differing.length ? differing.join(', ') : slug)
  }
  return out
}

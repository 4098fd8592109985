import { type CollectionSlug, createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { announcePublish } from '../delivery/invalidation.js'
import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { localesOf } from '../utilities/locales.js'
import { textOf } from '../utilities/text.js'
import { inTransaction } from '../utilities/transaction.js'
import { asTrusted } from '../workflow/trust.js'
import { exportLegalContent, mapArchiveSections, REMOVED_SECTION } from './exportContent.js'
import { collectionFields, type FieldInfo, globalFields, usersCollectionOf } from './fields.js'
import {
  DRAFT_COLLECTIONS,
  EXPORTED_COLLECTIONS,
  type ExportedRecord,
  type LegalExport,
} from './format.js'
import { RestoreError, verifyExportFile } from './verify.js'

export { RestoreError, verifyExportFile }

export type RestoreOptions = {
  /**
   * People the content names (approved by, published by, review steps) are linked to the
   * accounts with the same e-mail address. Without an account the restore is refused, unless
   * this is set: then an account is created for them with their name, no roles and no password
   * (nobody can sign in as it until an admin gives it a password and a role).
   */
  createMissingUsers?: boolean
  log?: (line: string) => void
}

export type RestoreSummary = {
  counts: Record<string, number>
  milliseconds: number
  sha256: string
  users: { created: string[]; linked: string[] }
}

type Data = Record<string, unknown>

/**
 * Loads an export into an empty database, in one transaction: it is all there or none of it.
 *
 * - Refused when the database holds any legal content, when the file fails its integrity check,
 *   when its locales are not this app's, or when people it names have no account (see
 *   `createMissingUsers`).
 * - Documents, sections and cookie entries are written with the database adapter: their stored
 *   rows exactly as exported (every locale at once, timestamps kept, the live row and, when there
 *   is one, the newer draft as Payload's latest version). No collection hook runs, so no
 *   workflow rule re-decides state, version or dates, no section is re-published and no webhook
 *   is queued.
 * - The archive and the review history are written by the plugin's trusted path (`asTrusted`,
 *   the way the publish operation writes them); their hooks refuse every other writer. They
 *   keep their version numbers, dates (publishedAt, lastModified, at, createdAt, updatedAt) and
 *   `contentHash`.
 * - Before it commits, the restore exports what it wrote and compares it with the file, hash by
 *   hash; any difference rolls everything back.
 */
export async function restoreLegalContent(
  payload: Payload,
  input: unknown,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const started = Date.now()
  const log = options.log ?? (() => {})
  const file = verifyExportFile(input)

  const { defaultLocale, locales } = localesOf(payload)
  const missingLocales = file.source.locales.filter((l) => !locales.includes(l))
  if (missingLocales.length) {
    throw new RestoreError(
      `The export has content in ${missingLocales.join(', ')}, which this app does not have (its locales: ${locales.join(', ')}); it would be lost.`,
    )
  }
  if (file.source.defaultLocale !== defaultLocale) {
    throw new RestoreError(
      `The export's default locale is ${file.source.defaultLocale}, this app's is ${defaultLocale}: readers would see other fallbacks.`,
    )
  }
  const usersCollection = usersCollectionOf(payload) as CollectionSlug

  const req = await createLocalReq({}, payload)
  const summary = await inTransaction(req, () =>
    asTrusted(req, async () => {
      await refuseUnlessEmpty(payload, req)
      const users = await linkUsers(
        payload,
        req,
        file,
        usersCollection,
        Boolean(options.createMissingUsers),
      )
      log(
        `People: ${users.linked.length} linked to existing accounts, ${users.created.length} accounts created without roles`,
      )
      const ids = new Map<string, number | string>(users.ids)

      const fields = new Map<string, FieldInfo[]>(
        EXPORTED_COLLECTIONS.map((slug) => [slug, collectionFields(payload, slug)]),
      )
      const toDb = (slug: string, data: Data, overrides: Data = {}): Data => {
        const out: Data = {}
        for (const field of fields.get(slug)!) {
          if (field.name in overrides) {
            out[field.name] = overrides[field.name]
            continue
          }
          const value = data[field.name]
          if (field.localized) {
            out[field.name] =
              value && typeof value === 'object'
                ? Object.fromEntries(
                    Object.entries(value as Data).map(([locale, v]) => [
                      locale,
                      fromPortable(field, v, ids),
                    ]),
                  )
                : {}
          } else {
            // Absent means empty: written as null, so no default value fills it in.
            out[field.name] =
              value === undefined ? (field.hasMany ? [] : null) : fromPortable(field, value, ids)
          }
        }
        return out
      }

      const writeDrafted = async (
        slug: CollectionSlug,
        record: ExportedRecord,
        id: number | string,
      ) => {
        const liveData = toDb(slug, record.data)
        const liveAt = textOf(
          record.data.updatedAt ?? record.data.createdAt,
          new Date().toISOString(),
        )
        await payload.db.createVersion({
          autosave: false,
          collectionSlug: slug,
          createdAt: liveAt,
          parent: id,
          req,
          updatedAt: liveAt,
          versionData: liveData,
        })
        if (record.draft) {
          // The newer draft is Payload's latest version; the live row stays what readers see.
          let draftAt = textOf(record.draft.updatedAt, liveAt)
          if (Date.parse(draftAt) <= Date.parse(liveAt)) {
            draftAt = new Date(Date.parse(liveAt) + 1).toISOString()
          }
          const draftData = toDb(slug, record.draft, {
            createdAt: liveData.createdAt,
            updatedAt: draftAt,
          })
          await payload.db.createVersion({
            autosave: false,
            collectionSlug: slug,
            createdAt: draftAt,
            parent: id,
            req,
            updatedAt: draftAt,
            versionData: draftData,
          })
        }
      }

      const counts: Record<string, number> = {}
      const records = (slug: string) =>
        file.collections[slug as keyof LegalExport['collections']].records

      // The record's live row; relationships written later find its new id by the record's key.
      const insert = async (slug: CollectionSlug, record: ExportedRecord, overrides?: Data) => {
        const created = await payload.db.create({
          collection: slug,
          data: toDb(slug, record.data, overrides),
          req,
        })
        const id = created.id as number | string
        ids.set(record.key, id)
        return id
      }
      // Cookie entries.
      for (const record of records(SLUGS.cookies)) {
        await writeDrafted(SLUGS.cookies, record, await insert(SLUGS.cookies, record))
      }
      // Documents, without their sections (those need the document first)…
      for (const record of records(SLUGS.documents)) {
        await insert(SLUGS.documents, record, { sections: [] })
      }
      // …their sections…
      for (const record of records(SLUGS.sections)) {
        await writeDrafted(SLUGS.sections, record, await insert(SLUGS.sections, record))
      }
      // …then each document whole, with its drafts.
      for (const record of records(SLUGS.documents)) {
        const id = ids.get(record.key)!
        await payload.db.updateOne({
          id,
          collection: SLUGS.documents,
          data: toDb(SLUGS.documents, record.data),
          req,
        })
        await writeDrafted(SLUGS.documents, record, id)
      }
      // The archive and the review history: only the trusted path writes them.
      const sectionId = (value: unknown) =>
        typeof value === 'string' && ids.has(value)
          ? ids.get(value)
          : String(value).startsWith(REMOVED_SECTION)
            ? String(value)
            : value
      for (const slug of [SLUGS.versions, SLUGS.reviewEvents]) {
        for (const record of records(slug)) {
          const data = toDb(slug, record.data)
          if (slug === SLUGS.versions) {
            data.content = mapArchiveSections(record.data.content, sectionId)
          }
          const created = await localApi(payload).create({
            collection: slug,
            data,
            depth: 0,
            overrideAccess: true,
            req,
          })
          ids.set(record.key, created.id)
        }
      }
      for (const slug of DRAFT_COLLECTIONS.concat([SLUGS.versions, SLUGS.reviewEvents])) {
        counts[slug] = records(slug).length
      }

      // The company details.
      const entityFields = globalFields(payload, SLUGS.entity)
      const entity: Data = {}
      for (const field of entityFields) {
        if (field.localized || field.relationTo) {
          throw new RestoreError(
            `The company details field "${field.name}" is localized or a relationship; the restore does not handle that.`,
          )
        }
        entity[field.name] = file.global.data[field.name] ?? null
      }
      await localApi(payload).updateEntity({ data: entity, depth: 0, overrideAccess: true, req })

      // Every server on this database drops its delivery cache when this commits.
      await announcePublish(req)

      // What was written, exported again, must be the file: hash by hash.
      const { file: written } = await exportLegalContent(payload, { req })
      const differences: string[] = []
      if (written.global.sha256 !== file.global.sha256) {
        differences.push('the company details')
      }
      for (const slug of EXPORTED_COLLECTIONS) {
        const a = file.collections[slug].records
        const b = new Map(written.collections[slug].records.map((r) => [r.key, r.sha256]))
        for (const r of a) {
          if (b.get(r.key) !== r.sha256) {
            differences.push(r.key)
          }
        }
        if (written.collections[slug].count !== a.length) {
          differences.push(
            `${slug} (${written.collections[slug].count} records instead of ${a.length})`,
          )
        }
      }
      const emails = (f: LegalExport) => f.users.records.map((u) => u.email).join('\n')
      if (emails(written) !== emails(file)) {
        differences.push('the people named')
      }
      if (differences.length) {
        throw new RestoreError(
          `The restored content differs from the file (${differences.slice(0, 10).join(', ')}${differences.length > 10 ? ', …' : ''}); everything was rolled back.`,
        )
      }
      return {
        counts,
        milliseconds: 0,
        sha256: file.sha256,
        users: { created: users.created, linked: users.linked },
      }
    }),
  )
  return { ...summary, milliseconds: Date.now() - started }
}

function fromPortable(
  field: FieldInfo,
  value: unknown,
  ids: Map<string, number | string>,
): unknown {
  if (!field.relationTo || value === null || value === undefined) {
    return value
  }
  const resolve = (key: unknown) => {
    const id = ids.get(String(key))
    if (id === undefined) {
      throw new RestoreError(`${field.name} refers to ${String(key)}, which was not restored.`)
    }
    return id
  }
  return Array.isArray(value) ? value.map(resolve) : resolve(value)
}

async function refuseUnlessEmpty(payload: Payload, req: PayloadRequest): Promise<void> {
  const found: string[] = []
  for (const slug of EXPORTED_COLLECTIONS) {
    const { totalDocs } = await payload.count({ collection: slug, overrideAccess: true, req })
    if (totalDocs) {
      found.push(`${totalDocs} ${slug}`)
    } else if (DRAFT_COLLECTIONS.includes(slug)) {
      const versions = await payload.countVersions({ collection: slug, overrideAccess: true, req })
      if (versions.totalDocs) {
        found.push(`${versions.totalDocs} ${slug} versions`)
      }
    }
  }
  const entity: Data = await localApi(payload).findEntity({ depth: 0, overrideAccess: true, req })
  const filled = globalFields(payload, SLUGS.entity)
    .filter((f) => f.name !== 'consentRevision')
    .filter((f) => entity[f.name] !== null && entity[f.name] !== undefined && entity[f.name] !== '')
  if (filled.length || Number(entity.consentRevision ?? 1) > 1) {
    found.push('company details')
  }
  if (found.length) {
    throw new RestoreError(
      `The database already holds legal content (${found.join(', ')}). A restore loads only into an empty database, ` +
        'so that nothing is overwritten or mixed; nothing was restored. Point DATABASE_URL at a new, empty database and run it again.',
    )
  }
}

async function linkUsers(
  payload: Payload,
  req: PayloadRequest,
  file: LegalExport,
  usersCollection: CollectionSlug,
  createMissing: boolean,
): Promise<{ created: string[]; ids: Map<string, number | string>; linked: string[] }> {
  const ids = new Map<string, number | string>()
  const linked: string[] = []
  const missing: LegalExport['users']['records'] = []
  for (const user of file.users.records) {
    const { docs } = await payload.find({
      collection: usersCollection,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      where: { email: { equals: user.email } },
    })
    if (docs[0]) {
      ids.set(user.key, docs[0].id)
      linked.push(user.email)
    } else {
      missing.push(user)
    }
  }
  if (missing.length && !createMissing) {
    throw new RestoreError(
      `The content names ${missing.length} ${missing.length === 1 ? 'person' : 'people'} without an account in this database: ` +
        `${missing.map((u) => (u.name ? `${u.name} <${u.email}>` : u.email)).join(', ')}. Create their accounts (same e-mail address) ` +
        'first, or run the restore with --create-missing-users to create them without roles and without a password. Nothing was restored.',
    )
  }
  const hasName = collectionFields(payload, usersCollection).some((f) => f.name === 'name')
  const created: string[] = []
  for (const user of missing) {
    // Written below Payload's validation on purpose: the account gets no role (an export must
    // never grant anyone access) and no password, so nobody can sign in as it until an admin
    // gives it both. It exists only so the archive and the history keep saying who it was.
    const doc = await payload.db.create({
      collection: usersCollection,
      data: { email: user.email, roles: [], ...(hasName && user.name ? { name: user.name } : {}) },
      req,
    })
    ids.set(user.key, doc.id as number | string)
    created.push(user.email)
  }
  return { created, ids, linked }
}

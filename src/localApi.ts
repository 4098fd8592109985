import type { Payload, PayloadRequest, Where } from 'payload'

import type { ID, LegalEntityDoc, LegalVersionDoc, PluginCollections } from './types.js'

import { SLUGS } from './slugs.js'

/**
 * Payload's Local API, typed by the plugin's own document types (src/types.ts) instead of a
 * host's generated `payload-types.ts`. Payload types its Local API by the host's generated
 * types: in a host they are a closed union of slugs and documents the plugin cannot name, in
 * the plugin alone they are open. This seam answers the same in both: the plugin's collections
 * by slug give their documents, any other collection (the host's users, `payload-jobs`) gives
 * an open document.
 */

type OpenDoc = { [field: string]: unknown; id: ID }
export type DocOf<S extends string> = S extends keyof PluginCollections
  ? PluginCollections[S]
  : OpenDoc
/** What a `select` of some fields returns: those fields and the id. */
type Selected<D, Sel> = [Sel] extends [undefined]
  ? D
  : { [field: string]: unknown } & Pick<D, Extract<'id' | keyof Sel, keyof D>>
type Data<S extends string> = { [field: string]: unknown } & Partial<Omit<DocOf<S>, 'id'>>

type Common = {
  context?: Record<string, unknown>
  depth?: number
  disableTransaction?: boolean
  draft?: boolean
  fallbackLocale?: false | string
  locale?: string
  overrideAccess?: boolean
  req?: Partial<PayloadRequest>
  showHiddenFields?: boolean
  /** The acting account (a host's users collection); `null` for an anonymous reader. */
  user?: null | object
}
type SelectOf<S extends string> = Partial<Record<keyof DocOf<S> & string, boolean>>
type FindArgs<S extends string, Sel> = {
  collection: S
  joins?: false
  limit?: number
  page?: number
  pagination?: boolean
  select?: Sel
  sort?: string | string[]
  where?: Where
} & Common
export type FoundDocs<D> = {
  docs: D[]
  hasNextPage: boolean
  page?: number
  totalDocs: number
  totalPages: number
}

/** The Local API with the arguments the plugin passes and the documents they return. */
type LooseLocalApi = {
  create(args: object): Promise<never>
  find(args: object): Promise<FoundDocs<never>>
  findByID(args: object): Promise<never>
  findGlobal(args: object): Promise<never>
  findVersions(args: object): Promise<FoundDocs<never>>
  jobs: { queue(args: object): Promise<unknown> }
  update(args: object): Promise<never>
  updateGlobal(args: object): Promise<never>
}

export function localApi(payload: Payload) {
  // The one cast of the seam: Payload's methods are typed by the host's generated slug union,
  // which the plugin cannot name; the functions below give each call the plugin's own types.
  const api = payload as unknown as LooseLocalApi
  return {
    find: <S extends string, Sel extends SelectOf<S> | undefined = undefined>(
      args: FindArgs<S, Sel>,
    ): Promise<FoundDocs<Selected<DocOf<S>, Sel>>> => api.find(args),
    findByID: <S extends string, Sel extends SelectOf<S> | undefined = undefined>(
      args: { collection: S; id: ID; joins?: false; select?: Sel } & Common,
    ): Promise<Selected<DocOf<S>, Sel>> => api.findByID(args),
    /** Payload's version records of a collection with drafts or versions. */
    create: <S extends string>(
      args: { collection: S; data: Data<S> } & Common,
    ): Promise<DocOf<S>> => api.create(args),
    findVersions: <S extends string>(
      args: {
        collection: S
        limit?: number
        pagination?: boolean
        sort?: string | string[]
        where?: Where
      } & Common,
    ): Promise<
      FoundDocs<{
        [field: string]: unknown
        createdAt?: string
        id: ID
        parent?: { id: ID } | ID
        updatedAt?: string
        version: DocOf<S>
      }>
    > => api.findVersions(args),
    /** By id (the plugin never updates by query). */
    update: <S extends string>(
      args: { autosave?: boolean; collection: S; data: Data<S>; id: ID } & Common,
    ): Promise<DocOf<S>> => api.update(args),
    /** Queues one of the plugin's tasks (Payload types task slugs by the host's generated types). */
    findEntity: (args: Common): Promise<LegalEntityDoc> =>
      api.findGlobal({ ...args, slug: SLUGS.entity }),
    queueTask: (args: {
      input: Record<string, unknown>
      req?: Partial<PayloadRequest>
      task: string
      waitUntil?: Date
    }): Promise<unknown> => api.jobs.queue(args),
    updateEntity: (args: { data: Partial<LegalEntityDoc> } & Common): Promise<LegalEntityDoc> =>
      api.updateGlobal({ ...args, slug: SLUGS.entity }),
  }
}

/**
 * The latest draft of one document of a collection with drafts (depth 0, access not applied),
 * read inside the request's transaction; Payload's NotFound when there is none.
 */
export function findLatestDraft<S extends string, Sel extends SelectOf<S> | undefined = undefined>(
  req: PayloadRequest,
  collection: S,
  id: ID,
  options: { locale?: string; select?: Sel } = {},
): Promise<Selected<DocOf<S>, Sel>> {
  return localApi(req.payload).findByID({
    id,
    collection,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
    ...options,
  })
}

/**
 * The latest drafts of every document of a collection that match `where` (depth 0, access not
 * applied, no page limit), read inside the request's transaction.
 */
export async function findDrafts<S extends string, Sel extends SelectOf<S> | undefined = undefined>(
  req: PayloadRequest,
  collection: S,
  where: Where,
  options: { locale?: string; select?: Sel } = {},
): Promise<Selected<DocOf<S>, Sel>[]> {
  const found = await localApi(req.payload).find({
    collection,
    depth: 0,
    draft: true,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where,
    ...options,
  })
  return found.docs
}

/**
 * The latest drafts of the sections a document lists, in list order, read in one query (not one
 * per section: inside a transaction all queries share one connection, and node-postgres runs
 * them one after another anyway; in parallel it warns, pg 9 refuses); `undefined` where a listed
 * section does not exist.
 */
export async function findListedSections<
  Sel extends SelectOf<typeof SLUGS.sections> | undefined = undefined,
>(
  req: PayloadRequest,
  sectionIds: ID[],
  options: { locale?: string; select?: Sel } = {},
): Promise<(Selected<DocOf<typeof SLUGS.sections>, Sel> | undefined)[]> {
  const found = sectionIds.length
    ? await findDrafts(req, SLUGS.sections, { id: { in: sectionIds } }, options)
    : []
  const byId = new Map(found.map((s) => [String(s.id), s]))
  return sectionIds.map((id) => byId.get(String(id)))
}

/** The archive record of a document's newest published version, if it was ever published. */
export async function findLastArchived(
  req: PayloadRequest,
  documentId: ID,
): Promise<LegalVersionDoc | undefined> {
  const last = await localApi(req.payload).find({
    collection: SLUGS.versions,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    sort: '-version',
    where: { document: { equals: documentId } },
  })
  return last.docs[0]
}

import type { Payload, PayloadRequest, Where } from 'payload'

import type { ID, LegalEntityDoc, PluginCollections } from './types.js'

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

import type { Payload, PayloadRequest, Where } from 'payload'

import { SLUGS } from './slugs.js'
import type { ID, LegalEntityDoc, PluginCollections } from './types.js'

/**
 * Payload's Local API, typed by the plugin's own document types (src/types.ts) instead of a
 * host's generated `payload-types.ts`. Payload types its Local API by the host's generated
 * types: in a host they are a closed union of slugs and documents the plugin cannot name, in
 * the plugin alone they are open. This seam answers the same in both: the plugin's collections
 * by slug give their documents, any other collection (the host's users, `payload-jobs`) gives
 * an open document.
 */

type OpenDoc = { id: ID; [field: string]: unknown }
export type DocOf<S extends string> = S extends keyof PluginCollections ? PluginCollections[S] : OpenDoc
/** What a `select` of some fields returns: those fields and the id. */
type Selected<D, Sel> = [Sel] extends [undefined] ? D : Pick<D, Extract<keyof Sel | 'id', keyof D>> & { [field: string]: unknown }
type Data<S extends string> = Partial<Omit<DocOf<S>, 'id'>> & { [field: string]: unknown }

type Common = {
  depth?: number
  draft?: boolean
  locale?: string
  fallbackLocale?: false | string
  overrideAccess?: boolean
  /** The acting account (a host's users collection); `null` for an anonymous reader. */
  user?: object | null
  req?: Partial<PayloadRequest>
  context?: Record<string, unknown>
  showHiddenFields?: boolean
  disableTransaction?: boolean
}
type SelectOf<S extends string> = Partial<Record<keyof DocOf<S> & string, boolean>>
type FindArgs<S extends string, Sel> = Common & {
  collection: S
  where?: Where
  sort?: string | string[]
  limit?: number
  page?: number
  pagination?: boolean
  select?: Sel
  joins?: false
}
export type FoundDocs<D> = { docs: D[]; totalDocs: number; hasNextPage: boolean; page?: number; totalPages: number }

/** The Local API with the arguments the plugin passes and the documents they return. */
type LooseLocalApi = {
  find(args: object): Promise<FoundDocs<never>>
  findByID(args: object): Promise<never>
  findVersions(args: object): Promise<FoundDocs<never>>
  create(args: object): Promise<never>
  update(args: object): Promise<never>
  findGlobal(args: object): Promise<never>
  updateGlobal(args: object): Promise<never>
  jobs: { queue(args: object): Promise<unknown> }
}

export function localApi(payload: Payload) {
  // The one cast of the seam: Payload's methods are typed by the host's generated slug union,
  // which the plugin cannot name; the functions below give each call the plugin's own types.
  const api = payload as unknown as LooseLocalApi
  return {
    find: <S extends string, Sel extends SelectOf<S> | undefined = undefined>(args: FindArgs<S, Sel>): Promise<FoundDocs<Selected<DocOf<S>, Sel>>> =>
      api.find(args),
    findByID: <S extends string, Sel extends SelectOf<S> | undefined = undefined>(
      args: Common & { collection: S; id: ID; select?: Sel; joins?: false },
    ): Promise<Selected<DocOf<S>, Sel>> => api.findByID(args),
    /** Payload's version records of a collection with drafts or versions. */
    findVersions: <S extends string>(
      args: Common & { collection: S; where?: Where; sort?: string | string[]; limit?: number; pagination?: boolean },
    ): Promise<FoundDocs<{ id: ID; parent?: ID | { id: ID }; version: DocOf<S>; createdAt?: string; updatedAt?: string; [field: string]: unknown }>> =>
      api.findVersions(args),
    create: <S extends string>(args: Common & { collection: S; data: Data<S> }): Promise<DocOf<S>> => api.create(args),
    /** By id (the plugin never updates by query). */
    update: <S extends string>(args: Common & { collection: S; id: ID; data: Data<S>; autosave?: boolean }): Promise<DocOf<S>> =>
      api.update(args),
    /** Queues one of the plugin's tasks (Payload types task slugs by the host's generated types). */
    queueTask: (args: { task: string; input: Record<string, unknown>; waitUntil?: Date; req?: Partial<PayloadRequest> }): Promise<unknown> =>
      api.jobs.queue(args),
    findEntity: (args: Common): Promise<LegalEntityDoc> => api.findGlobal({ ...args, slug: SLUGS.entity }),
    updateEntity: (args: Common & { data: Partial<LegalEntityDoc> }): Promise<LegalEntityDoc> => api.updateGlobal({ ...args, slug: SLUGS.entity }),
  }
}

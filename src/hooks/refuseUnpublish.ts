import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { localApi } from '../localApi.js'
import { WorkflowError } from '../workflow/errors.js'
import { isTrusted } from '../workflow/trust.js'

/**
 * Payload's "Unpublish" (the admin's button, `unpublishAllLocales`, the list's bulk
 * "Unpublish", a scheduled unpublish job, or any REST/GraphQL/Local API update that sends
 * `_status: 'draft'` without asking for a draft save) would otherwise be turned into a draft
 * save by `routeWritesToDrafts`: the route answers "Unpublished successfully." while readers
 * keep seeing the published text. Withdrawing a legal text is a legal act with a reason on the
 * record, so the silent route is refused on every route, for everyone, with a 409 that says
 * what to do instead. A draft save (`?draft=true`, `draft: true`, autosave) is not an unpublish
 * and passes; so does a save of something that is not published.
 *
 * Runs before `routeWritesToDrafts`, which would otherwise mark the write as a draft save.
 */
export const refuseSilentUnpublish =
  (collection: CollectionSlug, message: string): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'update' || isTrusted(req)) {
      return args
    }
    const a = args as {
      autosave?: boolean
      data?: Record<string, unknown>
      draft?: boolean
      id?: number | string
      where?: Where
    }
    if (a.data?._status !== 'draft' || a.draft === true || a.autosave === true) {
      return args
    }
    if (await touchesLiveRow(req, collection, a.id, a.where)) {
      throw new WorkflowError(message, 409)
    }
    return args
  }

async function touchesLiveRow(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string | undefined,
  where: undefined | Where,
) {
  const published: Where = { _status: { equals: 'published' } }
  const scope: undefined | Where = id !== undefined && id !== null ? { id: { equals: id } } : where
  // A bulk update with no filter at all is a bulk unpublish of everything published.
  const found = await req.payload.db
    .count({ collection, req, where: scope ? { and: [scope, published] } : published })
    .catch(() => null)
  // Unknown (a malformed filter): let Payload's own validation answer it; the write is still a draft save.
  return (found?.totalDocs ?? 0) > 0
}

/**
 * A delete of what readers see would take it offline as silently as an unpublish: refused (409)
 * while the row is published. For the collections' `beforeDelete` hooks.
 */
export async function refuseDeletingPublished(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
  message: string,
): Promise<void> {
  const row = await localApi(req.payload).findByID({
    id,
    collection,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (row._status === 'published') {
    throw new WorkflowError(message, 409)
  }
}

export const SINGLE_LOCALE_PUBLISH_REFUSAL =
  'A legal document is reviewed and published in all its languages at once: publish it without choosing a language.'

/**
 * Payload's "Publish in <language>" (`publishSpecificLocale`) would publish one language while
 * the archive froze all of them: what the reviewer approved is the whole document, so it is
 * published whole (the plain "Publish changes"), on every route.
 */
export const refuseSingleLocalePublish: CollectionBeforeOperationHook = ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'update' || isTrusted(req)) {
    return args
  }
  if ((args as { publishSpecificLocale?: string }).publishSpecificLocale) {
    throw new WorkflowError(SINGLE_LOCALE_PUBLISH_REFUSAL, 400)
  }
  return args
}

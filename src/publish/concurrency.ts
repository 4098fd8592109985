import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { findLatestDraft, localApi } from '../localApi.js'
import { sqlExecutorFor } from '../payloadInternals.js'
import { changedFields } from '../utilities/compare.js'
import { idOf } from '../utilities/ids.js'
import { WorkflowError } from '../workflow/errors.js'
import { incomingData } from '../workflow/incomingData.js'
import { isRestoringVersion } from '../workflow/requestKey.js'

/**
 * Makes writes to one record take turns: a transaction-scoped PostgreSQL advisory lock on
 * (collection, id), taken inside the request's transaction and held until it commits or rolls
 * back (a crash included: PostgreSQL drops the locks of a lost connection). Locks are
 * PostgreSQL's, so they hold across server processes on one database.
 *
 * The lock is only ever tried (`pg_try_advisory_xact_lock`, which answers false instead of
 * waiting or failing), again and again for up to `waitMs`; then the request is refused with
 * a 409 carrying `busyMessage`. A blocking wait could deadlock with rows Payload writes in the
 * same transaction before our hooks run (it deletes `payload-locked-documents` records), and
 * PostgreSQL would then abort one of the two with an error, a publish as likely as a draft save.
 * A refused attempt leaves the transaction usable (no error, no savepoint needed), which matters
 * for bulk writes: Payload runs their documents in parallel in one transaction.
 *
 * Every writer that must not interleave calls this: publishes and user saves of documents
 * (documentHooks), user saves of sections (sectionHooks, for the section and its document).
 * Outside a transaction there is nothing to hold a lock for.
 */
export async function lockForWrite(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  busyMessage: string,
  waitMs = 5000,
): Promise<void> {
  const { executor: session, inTransaction } = await sqlExecutorFor(req)
  if (!inTransaction) {
    return
  }
  const deadline = Date.now() + waitMs
  for (;;) {
    const result = (await session.execute(
      sql`select pg_try_advisory_xact_lock(hashtext(${collection}), hashtext(${String(id)})) as locked`,
    )) as { rows?: { locked?: boolean }[] }
    if (result.rows?.[0]?.locked) {
      return
    }
    if (Date.now() >= deadline) {
      throw new WorkflowError(busyMessage, 409)
    }
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 60))
  }
}

const instant = (value: unknown): number => new Date(String(value)).getTime()

type Doc = Record<string, unknown>

/**
 * Payload read `original` before `lockForWrite` could run. Once the lock is held, a fresh read must
 * still show that same latest draft: otherwise another write committed in between, and writing
 * now would merge this request's data (and the system fields pinned from `original`, such as
 * the workflow state and contributors) over a version it never saw.
 */
export async function assertStillLatest(
  req: PayloadRequest,
  collection: string,
  original: Doc,
  message: (latest: Doc) => string,
): Promise<Doc> {
  const latest: Doc = await findLatestDraft(req, collection, original.id as number | string)
  if (instant(latest.updatedAt) !== instant(original.updatedAt)) {
    throw new WorkflowError(message(latest), 409)
  }
  return latest
}

/**
 * Optimistic concurrency for editors: a write that carries `updatedAt` (the draft its author
 * was editing; Payload's admin form sends it with every save, a REST client sends what it read)
 * is refused with a 409 when someone else has since changed the content of this locale. Writes
 * since then by the same person, or that changed no content (publishes, workflow steps), are no
 * conflict. A write without `updatedAt` is not checked: the last one wins (the overwritten
 * draft stays in the version history).
 */
export async function assertNoConflictingEdit(
  req: PayloadRequest,
  collection: string,
  latest: Doc,
  sentUpdatedAt: unknown,
  contentFields: readonly string[],
  message: string,
): Promise<void> {
  if (sentUpdatedAt === undefined || sentUpdatedAt === null || sentUpdatedAt === '') {
    return
  }
  const sent = instant(sentUpdatedAt)
  if (Number.isNaN(sent)) {
    throw new WorkflowError('updatedAt must be the date-time of the draft you edited.', 400)
  }
  if (sent === instant(latest.updatedAt)) {
    return
  }
  const by = idOf(latest.updatedBy)
  if (req.user && by !== undefined && by !== null && String(by) === String(req.user.id)) {
    return
  }
  const found = await localApi(req.payload).findVersions({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: {
      and: [
        { parent: { equals: latest.id } },
        { updatedAt: { equals: new Date(sent).toISOString() } },
      ],
    },
  })
  const baseline: Doc | undefined = found.docs[0]?.version
  if (baseline && !changedFields(latest, baseline, contentFields).length) {
    return
  }
  throw new WorkflowError(message, 409)
}

/**
 * An editor's save of a document or section, once its lock is held: it must write over the
 * draft this request read (`assertStillLatest`) and over no one else's change since its author
 * opened it (`assertNoConflictingEdit`; not for a restore, which puts an earlier version back on
 * purpose and whose data carries that version's `updatedAt`).
 */
export async function assertSavesLatestDraft(
  req: PayloadRequest,
  collection: string,
  original: Doc,
  data: Doc,
  contentFields: readonly string[],
  messages: { conflict: string; stale: string },
): Promise<void> {
  const latest = await assertStillLatest(req, collection, original, () => messages.stale)
  if (!isRestoringVersion(req)) {
    await assertNoConflictingEdit(
      req,
      collection,
      latest,
      incomingData(req, data).updatedAt,
      contentFields,
      messages.conflict,
    )
  }
}

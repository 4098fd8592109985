import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
  Where,
} from 'payload'

import { findDrafts } from '../localApi.js'
import { assertSavesLatestDraft, lockForWrite } from '../publish/concurrency.js'
import {
  findPlaceholders,
  findUnknownPlaceholders,
  isDerivedAnchor,
  isKnownPlaceholder,
  KNOWN_PLACEHOLDERS,
  slugifyAnchor,
  uniqueAnchor,
} from '../render/index.js'
import { SLUG_PATTERN, SLUGS } from '../slugs.js'
import { changedFields } from '../utilities/compare.js'
import { idOf, idsOf } from '../utilities/ids.js'
import { textOf } from '../utilities/text.js'
import { actorOf } from '../workflow/actor.js'
import { documentsListing, unionIds } from '../workflow/approval.js'
import { fieldError, WorkflowError } from '../workflow/errors.js'
import {
  pinSystemFields,
  SECTION_CONTENT_FIELDS,
  SECTION_SYSTEM_FIELDS,
} from '../workflow/fields.js'
import { incomingData } from '../workflow/incomingData.js'
import { markDocumentChanged } from '../workflow/markDocumentChanged.js'
import { requestKey } from '../workflow/requestKey.js'
import { canEditContent } from '../workflow/rules.js'
import { isTrusted } from '../workflow/trust.js'
import { refuseDeletingPublished } from './refuseUnpublish.js'
import { reviewedBeforeChange } from './restoreGuard.js'

// Documents whose draft a section write touched, by id as text (ids keep their own type).
const changedDocuments = new WeakMap<PayloadRequest, Map<string, number | string>>()

export async function anchorsInUse(
  req: PayloadRequest,
  documentId: unknown,
  exceptId: unknown,
): Promise<Set<string>> {
  // A section written from its document's "Add new" drawer has no document yet (it joins on
  // the document's save, see claimSections): nothing to collide with until then.
  if (documentId === undefined || documentId === null) {
    return new Set()
  }
  const where: Where = exceptId
    ? { and: [{ document: { equals: documentId } }, { id: { not_equals: exceptId } }] }
    : { document: { equals: documentId } }
  const others = await findDrafts(req, SLUGS.sections, where, { select: { anchor: true } })
  return new Set(others.map((d) => (d as { anchor?: string }).anchor).filter(Boolean) as string[])
}

/**
 * A section written in the "Add new" drawer is saved before it has a heading, so its link name
 * was made from nothing. Until the section is first published, a link name made from the
 * heading (not typed by an editor) follows the heading in the default language; after that,
 * links to it may exist and it stays.
 */
async function anchorFollowsHeading(
  req: PayloadRequest,
  data: Record<string, unknown>,
  original: Record<string, unknown>,
  changed: string[],
): Promise<boolean> {
  if (
    !changed.includes('heading') ||
    typeof original.anchor !== 'string' ||
    original.id === undefined
  ) {
    return false
  }
  const localization = req.payload.config.localization
  if (localization && req.locale && req.locale !== localization.defaultLocale) {
    return false
  }
  if (!isDerivedAnchor(original.anchor, textOf(original.heading))) {
    return false
  }
  const live = await req.payload.db.findOne({
    collection: SLUGS.sections,
    req,
    where: { id: { equals: original.id } },
  })
  return (
    (live as { _status?: string } | null)?._status !== 'published' &&
    typeof data.heading === 'string'
  )
}

const sectionChecks: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (data._status === 'published') {
    throw new WorkflowError(
      'Sections are published together with their document, after review.',
      409,
    )
  }
  const original = (originalDoc ?? {}) as Record<string, unknown>
  // Once a section belongs to a document it stays with one: the "Add new" drawer keeps
  // autosaving the empty value it opened with after the document has claimed the section.
  if (
    operation === 'update' &&
    (data.document === null || data.document === '') &&
    original.document
  ) {
    data.document = original.document
  }
  pinSystemFields(data, operation === 'create' ? undefined : original, SECTION_SYSTEM_FIELDS)
  const actor = actorOf(req)
  const changed =
    operation === 'create'
      ? [...SECTION_CONTENT_FIELDS]
      : changedFields(data, original, SECTION_CONTENT_FIELDS)
  const attempted =
    operation === 'create'
      ? changed
      : changedFields(incomingData(req, data), original, SECTION_CONTENT_FIELDS)
  if (attempted.length && req.user && !canEditContent(actor)) {
    throw new WorkflowError(
      'Reviewers cannot change the text. Use "Request changes" to ask for edits.',
      403,
    )
  }
  // One write at a time per section and per document (a section write also updates the
  // workflow state and contributors of its document and of every document that lists it),
  // each over the draft it read (src/publish/concurrency.ts). Even a write that changes nothing
  // rewrites the draft from what this request read, so it is checked too. Documents are locked
  // in one sorted order, the section after them.
  const busy =
    'This section or its document is being saved or published by someone else right now. Try again in a moment.'
  const listing =
    operation === 'update' && original.id !== undefined
      ? await documentsListing(req, original.id as number | string)
      : []
  const documentIds = [data.document, original.document, ...listing]
    .filter((d) => d !== undefined && d !== null)
    .map((d) => String(idOf(d)))
  for (const documentId of [...new Set(documentIds)].sort()) {
    await lockForWrite(req, SLUGS.documents, documentId, busy)
  }
  if (operation === 'update') {
    await lockForWrite(req, SLUGS.sections, original.id as number | string, busy)
    await assertSavesLatestDraft(req, SLUGS.sections, original, data, SECTION_CONTENT_FIELDS, {
      conflict:
        'Someone else changed this section since you opened it. Reload it to see their changes; yours were not saved.',
      stale:
        'This section changed while you were saving it (or you saved an older copy of it). Reload it and try again.',
    })
  }
  if (!changed.length) {
    return data
  }

  // Headings are rendered with their placeholders resolved too, so they are checked alike.
  const unknownIn: Array<['body' | 'heading', string[]]> = [
    [
      'heading',
      typeof data.heading === 'string'
        ? findPlaceholders(data.heading).filter((name) => !isKnownPlaceholder(name))
        : [],
    ],
    ['body', data.body !== undefined ? findUnknownPlaceholders(data.body) : []],
  ]
  for (const [field, unknown] of unknownIn) {
    if (!unknown.length) {
      continue
    }
    const known = KNOWN_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')
    throw fieldError(
      SLUGS.sections,
      field,
      `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}. Available: ${known}.`,
    )
  }

  const documentId = data.document !== undefined ? idOf(data.document) : idOf(original.document)
  // The admin sends the anchor back unchanged with every save: only a new value is a choice.
  const explicit =
    typeof data.anchor === 'string' &&
    data.anchor.trim() !== '' &&
    data.anchor.trim() !== original.anchor
  const follow = !explicit && (await anchorFollowsHeading(req, data, original, changed))
  if (explicit || follow || !original.anchor || changed.includes('document')) {
    const taken = await anchorsInUse(req, documentId, original.id)
    const derived = slugifyAnchor(String(data.heading ?? original.heading ?? ''))
    const wanted = explicit
      ? String(data.anchor).trim()
      : follow
        ? derived
        : (original.anchor as string) || derived
    if (explicit && !SLUG_PATTERN.test(wanted)) {
      throw fieldError(
        SLUGS.sections,
        'anchor',
        'Use lowercase letters, digits and single hyphens only.',
      )
    }
    if (explicit && taken.has(wanted)) {
      throw fieldError(
        SLUGS.sections,
        'anchor',
        `Another section of this document already uses the link name "${wanted}".`,
      )
    }
    data.anchor = explicit ? wanted : uniqueAnchor(wanted, taken)
  }

  // A change to a section is a change to every document whose draft lists it (what a publish
  // freezes), and to the documents it leaves and joins: each goes back to draft, voiding an
  // approval, with the author as a contributor.
  const touched = changedDocuments.get(requestKey(req)) ?? new Map<string, number | string>()
  if (documentId !== undefined && documentId !== null) {
    touched.set(String(documentId), documentId)
  }
  if (changed.includes('document') && original.document) {
    touched.set(String(idOf(original.document)), idOf(original.document))
  }
  for (const listed of listing) {
    touched.set(String(listed), listed)
  }
  changedDocuments.set(requestKey(req), touched)
  const contributors = unionIds([
    ...(operation === 'create' ? [] : idsOf(original.draftContributors)),
    ...(actor ? [actor.id] : []),
  ])
  return { ...data, draftContributors: contributors, updatedBy: actor?.id ?? null }
}

export const sectionBeforeChange = reviewedBeforeChange(sectionChecks)

export const sectionAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const touched = changedDocuments.get(requestKey(req))
  if (!touched?.size) {
    return doc
  }
  changedDocuments.delete(requestKey(req))
  // A document that listed the section after beforeChange looked (a save committed in between)
  // is voided too; the approval hash checked at publish covers whatever still slips through.
  for (const listed of await documentsListing(req, doc.id as number | string)) {
    if (touched.has(String(listed))) {
      continue
    }
    await lockForWrite(
      req,
      SLUGS.documents,
      listed,
      'This section or its document is being saved or published by someone else right now. Try again in a moment.',
    )
    touched.set(String(listed), listed)
  }
  for (const documentId of touched.values()) {
    await markDocumentChanged(req, documentId)
  }
  return doc
}

/** Deleting a live section would change the published page without review. */
export const sectionBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (isTrusted(req)) {
    return
  }
  await refuseDeletingPublished(
    req,
    SLUGS.sections,
    id,
    'This section is published. Remove it from its document and publish that first.',
  )
  // Listed by any document's draft (its own, or another it was moved from): that document's
  // content would change without review.
  if ((await documentsListing(req, id)).length) {
    throw new WorkflowError(
      'This section is still listed in its document. Remove it from the document first.',
      409,
    )
  }
}

import type { PayloadRequest } from 'payload'

import { findDrafts } from '../localApi.js'
import { freezeContent } from '../publish/freezeContent.js'
import { SLUGS } from '../slugs.js'
import { idsOf } from '../utilities/ids.js'
import { type ReviewState, stateAfterContentChange, type UserId } from './rules.js'

/**
 * What a reviewer approves is exactly what gets published. An approval records the content hash
 * of the document's draft with the drafts of every section it lists, frozen and hashed the way a
 * publish freezes and hashes them (`freezeContent`); the publish compares it with what it is
 * about to archive and refuses (409) when they differ. Voiding the approval on every change
 * (documentHooks, sectionHooks, markDocumentChanged) is the first line; this is the backstop,
 * whatever path changed the content.
 */
export async function approvalHash(
  req: PayloadRequest,
  documentId: number | string,
): Promise<string> {
  return (await freezeContent(req, documentId)).hash
}

export const APPROVAL_OUTDATED =
  'The content changed since it was approved (or the approval does not record what was approved): it must be reviewed again. Ask a reviewer to request changes, then submit it again.'

/** The documents whose latest draft lists the section, by id as stored. */
export async function documentsListing(
  req: PayloadRequest,
  sectionId: number | string,
): Promise<(number | string)[]> {
  const found = await findDrafts(
    req,
    SLUGS.documents,
    { sections: { in: [sectionId] } },
    { select: { sections: true } },
  )
  return found.map((d) => d.id)
}

/**
 * Everyone whose unreviewed work is in a document's draft: its own contributors, and everyone
 * who changed one of its listed sections since that section was last published (a section
 * written for another document and then listed here brings its authors with it). The four-eyes
 * rule keeps all of them from approving.
 */
export async function contentContributors(
  req: PayloadRequest,
  doc: Record<string, unknown>,
): Promise<UserId[]> {
  const out = idsOf(doc.workflowContributors)
  const sectionIds = idsOf(doc.sections)
  if (sectionIds.length) {
    const sections = await findDrafts(
      req,
      SLUGS.sections,
      { id: { in: sectionIds } },
      { select: { draftContributors: true } },
    )
    for (const s of sections) {
      out.push(...idsOf(s.draftContributors))
    }
  }
  return unionIds(out)
}

/**
 * The contributors with the author of a change among them: the same list when they already are
 * (or there is no author), otherwise a copy with the author added at the end.
 */
export function withContributor(contributors: UserId[], author: undefined | UserId): UserId[] {
  return author === undefined || contributors.some((c) => String(c) === String(author))
    ? contributors
    : [...contributors, author]
}

export function unionIds(ids: UserId[]): UserId[] {
  const seen = new Map<string, UserId>()
  for (const id of ids) {
    if (id !== undefined && id !== null && !seen.has(String(id))) {
      seen.set(String(id), id)
    }
  }
  return [...seen.values()]
}

/** An approval's fields, cleared: the approval no longer holds. */
export const NO_APPROVAL = {
  approvedAt: null,
  approvedBy: null,
  approvedContentHash: null,
} as const

/**
 * The workflow fields of a draft whose content changed: its contributors (the author among
 * them), the state it steps back to and, when that voids an approval, the approval's fields
 * cleared, with `alsoCleared` (a document's notice-period override belongs to its approval).
 */
export function afterContentChange(
  state: ReviewState,
  contributors: UserId[],
  alsoCleared: Record<string, null> = {},
) {
  return {
    workflowContributors: contributors,
    workflowState: stateAfterContentChange(state),
    ...(state === 'approved' ? { ...NO_APPROVAL, ...alsoCleared } : {}),
  }
}

import type { PayloadRequest } from 'payload'

import { findLatestDraft, localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { idsOf } from '../utilities/ids.js'
import { afterContentChange, withContributor } from './approval.js'
import { recordReviewEvent } from './reviewEvents.js'
import { type ReviewState, stateAfterContentChange, type UserId } from './rules.js'
import { asTrusted } from './trust.js'

/**
 * A section changed: a document that lists it (or that it left or joined) goes back to draft
 * (voiding any approval) and the author joins the document's contributors, whom the four-eyes
 * rule keeps from approving. Called once per such document (sectionAfterChange).
 */
export async function markDocumentChanged(req: PayloadRequest, documentId: UserId): Promise<void> {
  const { payload } = req
  const doc = await findLatestDraft(req, SLUGS.documents, documentId).catch(() => null)
  if (!doc) {
    return
  }
  const state = (doc.workflowState as ReviewState) ?? 'draft'
  const next = stateAfterContentChange(state)
  const before = idsOf(doc.workflowContributors)
  const contributors = withContributor(before, req.user?.id)
  if (next === state && contributors === before) {
    return
  }

  await asTrusted(req, () =>
    localApi(payload).update({
      id: documentId,
      collection: SLUGS.documents,
      data: afterContentChange(state, contributors, { noticeOverride: null }),
      depth: 0,
      draft: true,
      overrideAccess: true,
      req,
    }),
  )
  if (state === 'approved') {
    await recordReviewEvent(req, {
      action: 'approval-voided',
      comment: 'A section changed after approval.',
      document: documentId,
    })
  }
}

import type { PayloadRequest } from 'payload'

import { bumpConsentRevision } from '../cookies/bumpConsentRevision.js'
import { announcePublish } from '../delivery/invalidation.js'
import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { asTrusted } from '../workflow/trust.js'
import type { FrozenContent } from './freezeContent.js'

/**
 * The second half of a publish, run from the document's afterChange hook and so inside the
 * same database transaction as the document write: the sections' drafts go live and, when
 * readers will see something new, the archive gets its immutable record.
 */
/** What the document's beforeChange hook decided for a publish, carried to its afterChange. */
export type PublishPlan = {
  content: FrozenContent
  hash: string
  sectionIds: (string | number)[]
  /** The sections whose latest version is a draft: only these need publishing. */
  draftSectionIds: (string | number)[]
  contentChanged: boolean
  version: number
  lastModified: string
  changeSummary: string | null
  materialChange: boolean
  approvedBy: string | number | null
  /** By the plugin's clock: when readers got this version (and so their notice of it). */
  publishedAt: string
}

export async function completePublish(
  req: PayloadRequest,
  documentId: string | number,
  publish: PublishPlan,
): Promise<void> {
  const { payload } = req
  await asTrusted(req, async () => {
    for (const id of publish.draftSectionIds) {
      await localApi(payload).update({
        collection: SLUGS.sections,
        id,
        // Its text is reviewed now: nobody's unpublished work is left in it.
        data: { _status: 'published', draftContributors: [] },
        draft: false,
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
    await announcePublish(req)
    if (!publish.contentChanged) return
    if (publish.content.kind === 'cookie-policy' && publish.materialChange) await bumpConsentRevision(req)
    const defaultLocale = defaultLocaleOf(payload)
    await localApi(payload).create({
      collection: SLUGS.versions,
      data: {
        document: documentId,
        version: publish.version,
        title: publish.content.locales[defaultLocale]?.title ?? '',
        slug: publish.content.slug,
        publishedAt: publish.publishedAt,
        effectiveDate: publish.content.effectiveDate,
        lastModified: publish.lastModified,
        changeSummary: publish.changeSummary,
        materialChange: publish.materialChange,
        approvedBy: publish.approvedBy,
        publishedBy: req.user?.id ?? null,
        content: publish.content,
        contentHash: publish.hash,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
  })
}

import type { PayloadRequest } from 'payload'

import type { FrozenContent } from './freezeContent.js'

import { bumpConsentRevision } from '../cookies/bumpConsentRevision.js'
import { announcePublish } from '../delivery/invalidation.js'
import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { asTrusted } from '../workflow/trust.js'

/**
 * The second half of a publish, run from the document's afterChange hook and so inside the
 * same database transaction as the document write: the sections' drafts go live and, when
 * readers will see something new, the archive gets its immutable record.
 */
/** What the document's beforeChange hook decided for a publish, carried to its afterChange. */
export type PublishPlan = {
  approvedBy: null | number | string
  changeSummary: null | string
  content: FrozenContent
  contentChanged: boolean
  /** The sections whose latest version is a draft: only these need publishing. */
  draftSectionIds: (number | string)[]
  hash: string
  lastModified: string
  materialChange: boolean
  /** By the plugin's clock: when readers got this version (and so their notice of it). */
  publishedAt: string
  sectionIds: (number | string)[]
  version: number
}

export async function completePublish(
  req: PayloadRequest,
  documentId: number | string,
  publish: PublishPlan,
): Promise<void> {
  const { payload } = req
  await asTrusted(req, async () => {
    for (const id of publish.draftSectionIds) {
      await localApi(payload).update({
        id,
        collection: SLUGS.sections,
        // Its text is reviewed now: nobody's unpublished work is left in it.
        data: { _status: 'published', draftContributors: [] },
        depth: 0,
        draft: false,
        overrideAccess: true,
        req,
      })
    }
    await announcePublish(req)
    if (!publish.contentChanged) {
      return
    }
    if (publish.content.kind === 'cookie-policy' && publish.materialChange) {
      await bumpConsentRevision(req)
    }
    const defaultLocale = defaultLocaleOf(payload)
    await localApi(payload).create({
      collection: SLUGS.versions,
      data: {
        slug: publish.content.slug,
        approvedBy: publish.approvedBy,
        changeSummary: publish.changeSummary,
        content: publish.content,
        contentHash: publish.hash,
        document: documentId,
        effectiveDate: publish.content.effectiveDate,
        lastModified: publish.lastModified,
        materialChange: publish.materialChange,
        publishedAt: publish.publishedAt,
        publishedBy: req.user?.id ?? null,
        title: publish.content.locales[defaultLocale]?.title ?? '',
        version: publish.version,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
  })
}

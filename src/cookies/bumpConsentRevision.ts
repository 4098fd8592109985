import type { PayloadRequest } from 'payload'

import { SLUGS } from '../slugs.js'

/** A significant cookie change went live: the consent banner must ask visitors again. */
export async function bumpConsentRevision(req: PayloadRequest): Promise<void> {
  const entity = (await req.payload.findGlobal({ slug: SLUGS.entity, depth: 0, overrideAccess: true, req })) as {
    consentRevision?: number
  }
  await req.payload.updateGlobal({
    slug: SLUGS.entity,
    data: { consentRevision: (entity.consentRevision ?? 1) + 1 } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

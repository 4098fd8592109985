import type { PayloadRequest } from 'payload'

import { localApi } from '../localApi.js'

/** A significant cookie change went live: the consent banner must ask visitors again. */
export async function bumpConsentRevision(req: PayloadRequest): Promise<void> {
  const entity = await localApi(req.payload).findEntity({ depth: 0, overrideAccess: true, req })
  await localApi(req.payload).updateEntity({
    data: { consentRevision: (entity.consentRevision ?? 1) + 1 },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

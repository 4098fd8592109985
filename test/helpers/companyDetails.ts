import type { Payload } from 'payload'

import type { Json } from './rest'

import { SLUGS } from '../../src/slugs'

/** The company details the placeholders read ({{company.name}} and the rest), saved past access. */
export async function setCompanyDetails(payload: Payload, data: Json): Promise<void> {
  await payload.updateGlobal({ slug: SLUGS.entity, data, overrideAccess: true })
}

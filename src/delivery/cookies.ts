import type { Payload } from 'payload'

import { consentConfig, type CookieDeclaration, type CookieEntry, groupCookies } from '../cookies/declaration.js'
import { SLUGS } from '../slugs.js'
import { localesOf } from '../utilities/locales.js'

export async function consentRevision(payload: Payload): Promise<number> {
  const entity = (await payload.findGlobal({ slug: SLUGS.entity, depth: 0, overrideAccess: true })) as { consentRevision?: number }
  return entity.consentRevision ?? 1
}

/** The published cookie entries (as an anonymous reader sees them) grouped by category. */
export async function loadCookieDeclaration(payload: Payload, locale: string): Promise<CookieDeclaration> {
  const [found, revision] = await Promise.all([
    payload.find({
      collection: SLUGS.cookies,
      locale: locale as never,
      depth: 0,
      limit: 0,
      pagination: false,
      draft: false,
      overrideAccess: false,
      user: null,
    }),
    consentRevision(payload),
  ])
  return groupCookies(found.docs as unknown as CookieEntry[], locale, revision)
}

/** The cookie banner's configuration: the published declaration in every locale (REST and GraphQL serve the same). */
export async function loadConsentConfig(payload: Payload): Promise<ReturnType<typeof consentConfig>> {
  const { locales, defaultLocale } = localesOf(payload)
  const declarations = await Promise.all(locales.map((l) => loadCookieDeclaration(payload, l)))
  return consentConfig(declarations, defaultLocale)
}

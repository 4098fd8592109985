import type { Payload } from 'payload'

import type { BannerTexts } from '../cookies/bannerTexts.js'

import {
  type BannerInput,
  consentConfig,
  type CookieDeclaration,
  groupCookies,
} from '../cookies/declaration.js'
import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { localesOf } from '../utilities/locales.js'
import { nowOf, pluginOptionsOf } from '../utilities/pluginOptions.js'
import { resolveTimeline } from '../versions/timeline.js'
import { deliveryCacheFor } from './cache.js'

export async function consentRevision(payload: Payload): Promise<number> {
  const entity = await localApi(payload).findEntity({ depth: 0, overrideAccess: true })
  return entity.consentRevision ?? 1
}

/** The published cookie entries (as an anonymous reader sees them) grouped by category. */
export async function loadCookieDeclaration(
  payload: Payload,
  locale: string,
): Promise<CookieDeclaration> {
  const [found, revision] = await Promise.all([
    localApi(payload).find({
      collection: SLUGS.cookies,
      depth: 0,
      draft: false,
      limit: 0,
      locale,
      overrideAccess: false,
      pagination: false,
      user: null,
    }),
    consentRevision(payload),
  ])
  return groupCookies(found.docs, locale, revision)
}

/**
 * The banner's texts from the cookie policy in force: the published `cookie-policy` document
 * (the first created, when there are several), and of its archive records the one in force by
 * the plugin's clock. When a version takes effect later, the delivery cache is told the instant
 * (before the caller caches the response), so the banner changes texts on time.
 */
export async function loadBannerInput(payload: Payload): Promise<BannerInput> {
  const policies = await payload.find({
    collection: SLUGS.documents,
    depth: 0,
    draft: false,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    select: { slug: true },
    sort: 'createdAt',
    user: null,
    where: { and: [{ kind: { equals: 'cookie-policy' } }, { version: { greater_than: 0 } }] },
  })
  const policy = policies.docs[0] as { id: number | string } | undefined
  if (!policy) {
    return {}
  }
  const timings = await localApi(payload).find({
    collection: SLUGS.versions,
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    select: { effectiveDate: true, publishedAt: true, version: true },
    user: null,
    where: { document: { equals: policy.id } },
  })
  const timeline = resolveTimeline(
    timings.docs.map((v) => ({ ...v, effectiveDate: v.effectiveDate ?? null })),
    nowOf(payload),
  )
  deliveryCacheFor(payload).noteBoundary(timeline.nextBoundary)
  if (!timeline.inForce) {
    return {}
  }
  const record = await localApi(payload).findByID({
    id: timeline.inForce.id,
    collection: SLUGS.versions,
    depth: 0,
    overrideAccess: false,
    select: { slug: true, content: true },
    user: null,
  })
  const texts: Record<string, Partial<BannerTexts> | undefined> = {}
  for (const [locale, frozen] of Object.entries(record.content?.locales ?? {})) {
    texts[locale] = frozen.consentBanner
  }
  const pattern = pluginOptionsOf(payload)?.consent.cookiePolicyUrl ?? '/legal/{slug}'
  const slug = record.slug || record.content?.slug
  return {
    policyUrl: slug
      ? (locale) =>
          pattern
            .replaceAll('{slug}', encodeURIComponent(slug))
            .replaceAll('{locale}', encodeURIComponent(locale))
      : null,
    texts,
  }
}

/**
 * The cookie banner's configuration, ready for `CookieConsent.run()` of cookieconsent 3: the
 * published declaration and the banner's texts in every locale (REST and GraphQL serve the same).
 */
export async function loadConsentConfig(
  payload: Payload,
): Promise<ReturnType<typeof consentConfig>> {
  const { defaultLocale, locales } = localesOf(payload)
  const [declarations, banner] = await Promise.all([
    Promise.all(locales.map((l) => loadCookieDeclaration(payload, l))),
    loadBannerInput(payload),
  ])
  return consentConfig(declarations, defaultLocale, banner)
}

import type { PayloadRequest } from 'payload'

import { localApi } from '../localApi.js'
import { type BannerTexts, writtenBannerTexts } from '../cookies/bannerTexts.js'
import { contentHash, type LegalEntity, type LexicalStateInput, renderDocument } from '../render/index.js'
import { SLUGS } from '../slugs.js'
import { idOf } from '../utilities/ids.js'
import { localesOf } from '../utilities/locales.js'

type Localized<T> = Record<string, T | null | undefined> | T | null | undefined

export type FrozenSection = {
  id: string | number
  anchor: string
  heading: string
  body: LexicalStateInput
  html: string
  text: string
  markdown: string
}

export type FrozenLocale = {
  title: string
  summary: string
  sections: FrozenSection[]
  /**
   * Cookie policies only, and only when an editor wrote any: the cookie banner's texts in this
   * locale (non-empty fields; the rest fall back to the plugin's defaults when served).
   */
  consentBanner?: Partial<BannerTexts>
}

/** Exactly what readers see of one document, in every locale: what the archive keeps. */
export type FrozenContent = {
  /** The company details the placeholders were resolved with. */
  entity: LegalEntity
  slug: string
  kind: string
  governingLaw: string | null
  jurisdiction: string | null
  effectiveDate: string | null
  locales: Record<string, FrozenLocale>
}

function pick<T>(value: Localized<T>, locale: string, fallback: string): T | null {
  if (value && typeof value === 'object' && !Array.isArray(value) && ('root' in (value as object)) === false) {
    const map = value as Record<string, T | null | undefined>
    return (map[locale] ?? map[fallback] ?? null) as T | null
  }
  return (value ?? null) as T | null
}

/** One locale's value of a localized group read with `locale: 'all'` (`{ en: {...}, uk: {...} }`). */
function localeValue(value: unknown, locale: string, localized: boolean): unknown {
  if (!localized) return value
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : undefined
}

/**
 * Reads the latest drafts of a document and its sections with every locale, inside the
 * caller's transaction, and renders them as they will be published.
 */
export async function freezeContent(
  req: PayloadRequest,
  documentId: string | number,
): Promise<{ content: FrozenContent; hash: string; sectionIds: (string | number)[]; draftSectionIds: (string | number)[] }> {
  const { payload } = req
  const doc = (await localApi(payload).findByID({
      collection: SLUGS.documents,
      id: documentId,
      draft: true,
      locale: 'all',
      depth: 0,
      overrideAccess: true,
      req,
    }))
  const sectionIds = ((doc.sections as unknown[]) ?? []).map(idOf)
  // One query, not one per section: inside a transaction all queries share one connection,
  // and node-postgres runs them one after another anyway (in parallel it warns, pg 9 refuses).
  const found = sectionIds.length
    ? await localApi(payload).find({
        collection: SLUGS.sections,
        where: { id: { in: sectionIds } },
        draft: true,
        locale: 'all',
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const byId = new Map(found.docs.map((s) => [String(s.id), s]))
  const sections = sectionIds.map((id) => {
    const section = byId.get(String(id))
    if (!section) throw new Error(`Section ${id} of document ${documentId} was not found.`)
    return section
  })
  const entity = (await payload.findGlobal({ slug: SLUGS.entity, depth: 0, overrideAccess: true, req })) as LegalEntity
  const { locales, defaultLocale: fallback } = localesOf(payload)

  const frozenLocales: Record<string, FrozenLocale> = {}
  for (const locale of locales) {
    const title = pick<string>(doc.title, locale, fallback) ?? ''
    const input = sections.map((s) => ({
      id: s.id as string | number,
      heading: pick<string>(s.heading, locale, fallback) ?? '',
      anchor: (s.anchor as string) ?? '',
      body: pick<LexicalStateInput>(s.body, locale, fallback),
    }))
    const rendered = renderDocument({ title, sections: input, entity })
    // No fallback to another locale: an empty text shows the plugin's default in this locale.
    const banner = doc.kind === 'cookie-policy' ? writtenBannerTexts(localeValue(doc.consentBanner, locale, Boolean(payload.config.localization))) : {}
    frozenLocales[locale] = {
      title: rendered.title,
      summary: pick<string>(doc.summary, locale, fallback) ?? '',
      ...(Object.keys(banner).length ? { consentBanner: banner } : {}),
      sections: input.map((s, i) => ({
        id: s.id,
        anchor: rendered.sections[i]!.anchor,
        heading: rendered.sections[i]!.heading,
        body: s.body,
        html: rendered.sections[i]!.html,
        text: rendered.sections[i]!.text,
        markdown: rendered.sections[i]!.markdown,
      })),
    }
  }
  const content: FrozenContent = {
    entity: { name: entity?.name ?? null, address: entity?.address ?? null, phone: entity?.phone ?? null, email: entity?.email ?? null, website: entity?.website ?? null },
    slug: String(doc.slug ?? ''),
    kind: String(doc.kind ?? ''),
    governingLaw: (doc.governingLaw as string) ?? null,
    jurisdiction: (doc.jurisdiction as string) ?? null,
    effectiveDate: doc.effectiveDate ? new Date(doc.effectiveDate as string).toISOString() : null,
    locales: frozenLocales,
  }
  // Section ids are bookkeeping, not what readers see: they stay out of the hash.
  const hashed = {
    ...content,
    locales: Object.fromEntries(
      Object.entries(frozenLocales).map(([k, v]) => [k, { ...v, sections: v.sections.map(({ id: _id, ...rest }) => rest) }]),
    ),
  }
  // A section whose latest version is already the published one has nothing to publish; re-saving
  // it would cost a full update (hooks, main row, version row) for every untouched section.
  const draftSectionIds = sections.filter((s) => s._status !== 'published').map((s) => s.id as string | number)
  return { content, hash: contentHash(hashed), sectionIds, draftSectionIds }
}

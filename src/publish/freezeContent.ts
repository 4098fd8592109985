import type { PayloadRequest } from 'payload'

import { type BannerTexts, writtenBannerTexts } from '../cookies/bannerTexts.js'
import { findLatestDraft, findListedSections } from '../localApi.js'
import {
  contentHash,
  type LegalEntity,
  type LexicalStateInput,
  renderDocument,
} from '../render/index.js'
import { SLUGS } from '../slugs.js'
import { idOf } from '../utilities/ids.js'
import { localesOf } from '../utilities/locales.js'

type Localized<T> = null | Record<string, null | T | undefined> | T | undefined

export type FrozenSection = {
  anchor: string
  body: LexicalStateInput
  heading: string
  html: string
  id: number | string
  markdown: string
  text: string
}

export type FrozenLocale = {
  /**
   * Cookie policies only, and only when an editor wrote any: the cookie banner's texts in this
   * locale (non-empty fields; the rest fall back to the plugin's defaults when served).
   */
  consentBanner?: Partial<BannerTexts>
  sections: FrozenSection[]
  summary: string
  title: string
}

/** Exactly what readers see of one document, in every locale: what the archive keeps. */
export type FrozenContent = {
  effectiveDate: null | string
  /** The company details the placeholders were resolved with. */
  entity: LegalEntity
  governingLaw: null | string
  jurisdiction: null | string
  kind: string
  locales: Record<string, FrozenLocale>
  slug: string
}

function pick<T>(value: Localized<T>, locale: string, fallback: string): null | T {
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    'root' in (value as object) === false
  ) {
    const map = value as Record<string, null | T | undefined>
    return map[locale] ?? map[fallback] ?? null
  }
  return (value ?? null) as null | T
}

/** One locale's value of a localized group read with `locale: 'all'` (`{ en: {...}, uk: {...} }`). */
function localeValue(value: unknown, locale: string, localized: boolean): unknown {
  if (!localized) {
    return value
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : undefined
}

/**
 * Reads the latest drafts of a document and its sections with every locale, inside the
 * caller's transaction, and renders them as they will be published.
 */
export async function freezeContent(
  req: PayloadRequest,
  documentId: number | string,
): Promise<{
  content: FrozenContent
  draftSectionIds: (number | string)[]
  hash: string
  sectionIds: (number | string)[]
}> {
  const { payload } = req
  const doc = await findLatestDraft(req, SLUGS.documents, documentId, { locale: 'all' })
  const sectionIds = ((doc.sections as unknown[]) ?? []).map(idOf)
  const listed = await findListedSections(req, sectionIds, { locale: 'all' })
  const sections = sectionIds.map((id, i) => {
    const section = listed[i]
    if (!section) {
      throw new Error(`Section ${id} of document ${documentId} was not found.`)
    }
    return section
  })
  const entity = (await payload.findGlobal({
    slug: SLUGS.entity,
    depth: 0,
    overrideAccess: true,
    req,
  })) as LegalEntity
  const { defaultLocale: fallback, locales } = localesOf(payload)

  const frozenLocales: Record<string, FrozenLocale> = {}
  for (const locale of locales) {
    const title = pick<string>(doc.title, locale, fallback) ?? ''
    const input = sections.map((s) => ({
      id: s.id,
      anchor: (s.anchor as string) ?? '',
      body: pick<LexicalStateInput>(s.body, locale, fallback),
      heading: pick<string>(s.heading, locale, fallback) ?? '',
    }))
    const rendered = renderDocument({ entity, sections: input, title })
    // No fallback to another locale: an empty text shows the plugin's default in this locale.
    const banner =
      doc.kind === 'cookie-policy'
        ? writtenBannerTexts(
            localeValue(doc.consentBanner, locale, Boolean(payload.config.localization)),
          )
        : {}
    frozenLocales[locale] = {
      summary: pick<string>(doc.summary, locale, fallback) ?? '',
      title: rendered.title,
      ...(Object.keys(banner).length ? { consentBanner: banner } : {}),
      sections: input.map((s, i) => ({
        id: s.id,
        anchor: rendered.sections[i].anchor,
        body: s.body,
        heading: rendered.sections[i].heading,
        html: rendered.sections[i].html,
        markdown: rendered.sections[i].markdown,
        text: rendered.sections[i].text,
      })),
    }
  }
  const content: FrozenContent = {
    slug: String(doc.slug ?? ''),
    effectiveDate: doc.effectiveDate ? new Date(doc.effectiveDate).toISOString() : null,
    entity: {
      name: entity?.name ?? null,
      address: entity?.address ?? null,
      email: entity?.email ?? null,
      phone: entity?.phone ?? null,
      website: entity?.website ?? null,
    },
    governingLaw: (doc.governingLaw as string) ?? null,
    jurisdiction: (doc.jurisdiction as string) ?? null,
    kind: String(doc.kind ?? ''),
    locales: frozenLocales,
  }
  // Section ids are bookkeeping, not what readers see: they stay out of the hash.
  const hashed = {
    ...content,
    locales: Object.fromEntries(
      Object.entries(frozenLocales).map(([k, v]) => [
        k,
        { ...v, sections: v.sections.map(({ id: _id, ...rest }) => rest) },
      ]),
    ),
  }
  // A section whose latest version is already the published one has nothing to publish; re-saving
  // it would cost a full update (hooks, main row, version row) for every untouched section.
  const draftSectionIds = sections.filter((s) => s._status !== 'published').map((s) => s.id)
  return { content, draftSectionIds, hash: contentHash(hashed), sectionIds }
}

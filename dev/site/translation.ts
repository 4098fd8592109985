import {
  type ApiResult,
  type DeliveredSection,
  DIFF_QUERY,
  graphqlRequest,
  type LegalDiff,
  type SiteApiOptions,
  type VersionsPageData,
} from './api'
import { DEFAULT_LOCALE, type SiteLocale } from './format'

/**
 * Whether a document's text really is in the page's language. Payload fills a field nobody
 * translated with the default locale's text when the version is frozen, so the delivery API
 * answers `?locale=uk` with English where no Ukrainian exists, and cannot say so. The page
 * compares the text with the default locale's text of the same version: what is identical was
 * not translated. (A passage that reads the same in both languages, such as an address, is
 * counted as untranslated: the notice then says a little more than it must, never less.)
 */
export type Translation = {
  /** The language the untranslated parts are shown in. */
  fallbackLocale: SiteLocale
  /** `none`: nothing is translated; `partial`: some sections or the title are not. */
  state: 'none' | 'partial' | 'translated'
  titleUntranslated: boolean
  /** Anchors of the sections shown in the fallback language. */
  untranslatedSections: string[]
}

type Text = { sections: Pick<DeliveredSection, 'anchor' | 'heading' | 'html'>[]; title: string }

/** The keys of the parts of `shown` that read exactly as the same part of `original`. */
function sameParts<T>(
  shown: T[],
  original: T[],
  keyOf: (part: T) => string,
  same: (a: T, b: T) => boolean,
): string[] {
  const originals = new Map(original.map((part) => [keyOf(part), part]))
  return shown
    .filter((part) => {
      const o = originals.get(keyOf(part))
      return o !== undefined && same(o, part)
    })
    .map(keyOf)
}

/** Pure: `shown` (the page's locale) against `original` (the default locale), both of one version. */
export function translationOf(
  shown: Text,
  original: Text,
  fallbackLocale: SiteLocale = DEFAULT_LOCALE,
): Translation {
  const untranslatedSections = sameParts(
    shown.sections,
    original.sections,
    (s) => s.anchor,
    (a, b) => a.heading === b.heading && a.html === b.html,
  )
  const titleUntranslated = shown.title === original.title
  const none = titleUntranslated && untranslatedSections.length === shown.sections.length
  const state = none
    ? 'none'
    : titleUntranslated || untranslatedSections.length > 0
      ? 'partial'
      : 'translated'
  return { fallbackLocale, state, titleUntranslated, untranslatedSections }
}

type DiffPart = Pick<LegalDiff['sections'][number], 'anchor' | 'html' | 'status'>

/** A section of a redline, the same in every locale's redline of the same two versions. */
export const diffPartKey = (part: Pick<DiffPart, 'anchor' | 'status'>) =>
  `${part.anchor}-${part.status}`

/**
 * Pure: a redline in the page's locale against the same redline in the default locale. A redline
 * has no title of its own (`titleUntranslated` is false); `untranslatedSections` holds `diffPartKey`s.
 */
export function diffTranslationOf(
  shown: { sections: DiffPart[] },
  original: { sections: DiffPart[] },
  fallbackLocale: SiteLocale = DEFAULT_LOCALE,
): Translation {
  const untranslatedSections = sameParts(
    shown.sections,
    original.sections,
    diffPartKey,
    (a, b) => a.html === b.html,
  )
  const some = untranslatedSections.length > 0
  return {
    fallbackLocale,
    state: !some
      ? 'translated'
      : untranslatedSections.length === shown.sections.length
        ? 'none'
        : 'partial',
    titleUntranslated: false,
    untranslatedSections,
  }
}

const ORIGINAL_QUERY = /* GraphQL */ `
  query LegalOriginal($slug: String!, $locale: String, $version: Int) {
    legalDocument(slug: $slug, locale: $locale, version: $version) {
      title
      sections {
        anchor
        heading
        html
      }
    }
  }
`

/**
 * The translation state of a document shown in `locale`: null for the default locale (nothing
 * to compare) and when the original cannot be read (the page then shows no notice rather than
 * a wrong one).
 */
export async function loadTranslation(
  options: SiteApiOptions,
  args: { locale: SiteLocale; shown: Text; slug: string; version: number },
): Promise<null | Translation> {
  if (args.locale === DEFAULT_LOCALE) {
    return null
  }
  const result: ApiResult<{ legalDocument: Text }> = await graphqlRequest(options, ORIGINAL_QUERY, {
    slug: args.slug,
    locale: DEFAULT_LOCALE,
    version: args.version,
  })
  return result.ok ? translationOf(args.shown, result.data.legalDocument) : null
}

/**
 * What of the versions page is not in its language: the change summaries (written once, in the
 * editors' language: they are not translated per locale) and the redline's sections.
 */
export type VersionsTranslation = {
  /** Null when no redline is shown, or the default locale's redline cannot be read. */
  diff: null | Translation
  fallbackLocale: SiteLocale
}

/** The versions page's translation state in `locale`: null for the default locale. */
export async function loadVersionsTranslation(
  options: SiteApiOptions,
  args: { data: VersionsPageData; locale: SiteLocale; slug: string },
): Promise<null | VersionsTranslation> {
  if (args.locale === DEFAULT_LOCALE) {
    return null
  }
  const { comparison } = args.data
  if (comparison.state !== 'shown') {
    return { diff: null, fallbackLocale: DEFAULT_LOCALE }
  }
  const original = await graphqlRequest<{ legalDocumentDiff: LegalDiff }>(options, DIFF_QUERY, {
    slug: args.slug,
    from: comparison.from,
    locale: DEFAULT_LOCALE,
    to: comparison.to,
  })
  return {
    diff: original.ok ? diffTranslationOf(comparison.diff, original.data.legalDocumentDiff) : null,
    fallbackLocale: DEFAULT_LOCALE,
  }
}

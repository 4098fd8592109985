import { type ApiResult, type DeliveredSection, graphqlRequest, type SiteApiOptions } from './api'
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

/** Pure: `shown` (the page's locale) against `original` (the default locale), both of one version. */
export function translationOf(
  shown: Text,
  original: Text,
  fallbackLocale: SiteLocale = DEFAULT_LOCALE,
): Translation {
  const originals = new Map(original.sections.map((s) => [s.anchor, s]))
  const untranslatedSections = shown.sections
    .filter((s) => {
      const o = originals.get(s.anchor)
      return o !== undefined && o.heading === s.heading && o.html === s.html
    })
    .map((s) => s.anchor)
  const titleUntranslated = shown.title === original.title
  const none = titleUntranslated && untranslatedSections.length === shown.sections.length
  const state = none
    ? 'none'
    : titleUntranslated || untranslatedSections.length > 0
      ? 'partial'
      : 'translated'
  return { fallbackLocale, state, titleUntranslated, untranslatedSections }
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

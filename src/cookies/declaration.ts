import { COOKIE_CATEGORIES } from '../../collections/CookieEntries.js'
import { escapeHTML } from '../render/escapeHTML.js'
import {
  type BannerTexts,
  bannerTextsFor,
  CATEGORY_TEXT_KEYS,
  FIXED_BANNER_KEYS,
  pluginText,
} from './bannerTexts.js'

export type CookieEntry = {
  category?: null | string
  domain?: null | string
  duration?: null | string
  name: string
  party?: null | string
  path?: null | string
  privacyPolicyUrl?: null | string
  provider?: null | string
  purpose?: null | string
  service?: null | string
  storageType?: null | string
}

export type CookieDeclaration = {
  categories: { cookies: Omit<CookieEntry, 'category'>[]; key: string; label: string }[]
  locale: string
  revision: number
}

const pickEntry = (e: CookieEntry): Omit<CookieEntry, 'category'> => ({
  name: e.name,
  domain: e.domain ?? null,
  duration: e.duration ?? null,
  party: e.party ?? null,
  path: e.path ?? null,
  privacyPolicyUrl: e.privacyPolicyUrl ?? null,
  provider: e.provider ?? null,
  purpose: e.purpose ?? null,
  service: e.service ?? null,
  storageType: e.storageType ?? null,
})

/** Published entries grouped by category, in the taxonomy's order; empty categories left out. */
export function groupCookies(
  entries: CookieEntry[],
  locale: string,
  revision: number,
): CookieDeclaration {
  const byName = (a: CookieEntry, b: CookieEntry) =>
    (a.service ?? '').localeCompare(b.service ?? '') || a.name.localeCompare(b.name)
  return {
    categories: COOKIE_CATEGORIES.map(({ label, value }) => ({
      cookies: entries
        .filter((e) => e.category === value)
        .sort(byName)
        .map(pickEntry),
      key: value,
      label,
    })).filter((c) => c.cookies.length > 0),
    locale,
    revision,
  }
}

const isPattern = (name: string) => name.includes('*')
/** "_ga_*" → "^_ga_.*$": the banner clears every cookie the pattern names. */
const patternSource = (name: string) =>
  `^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`
const serviceKey = (service: string) =>
  service
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'service'

/** The banner's texts as the cookie policy in force has them, and where that policy is read. */
export type BannerInput = {
  /** The cookie policy's public address in a locale; null or absent: no link. */
  policyUrl?: ((locale: string) => null | string) | null
  /** Per locale, what editors wrote (non-empty fields only); the rest are the plugin's defaults. */
  texts?: Record<string, Partial<BannerTexts> | undefined>
}

/**
 * The declaration as a configuration for orestbida/cookieconsent v3 (`CookieConsent.run(config)`).
 * Cookie names that are patterns are given as regular-expression sources in `autoClear`, marked
 * with `regex: true`; JSON cannot carry a RegExp, so the website turns them into one.
 *
 * cookieconsent inserts service labels, titles, captions and table cells as HTML
 * (`innerHTML`/`insertAdjacentHTML`), so every text from the cookie entries is HTML-escaped
 * here; the cookie names in `autoClear` and `services[].cookies` are matched, never shown, and
 * stay as they are.
 */
export function consentConfig(
  declarations: CookieDeclaration[],
  defaultLocale: string,
  banner: BannerInput = {},
) {
  const primary = declarations.find((d) => d.locale === defaultLocale) ?? declarations[0]
  const categories: Record<string, unknown> = {}
  for (const category of primary.categories) {
    const services: Record<
      string,
      { cookies: { name: string; regex?: boolean }[]; label: string }
    > = {}
    for (const cookie of category.cookies) {
      const label = cookie.service || cookie.name
      const key = serviceKey(label)
      services[key] ??= { cookies: [], label: escapeHTML(label) }
      // A service's cookies are what the banner clears when it is switched off: browser
      // cookies only (local storage and pixels are not cookies it can clear).
      if ((cookie.storageType ?? 'cookie') !== 'cookie') {
        continue
      }
      services[key].cookies.push(
        isPattern(cookie.name)
          ? { name: patternSource(cookie.name), regex: true }
          : { name: cookie.name },
      )
    }
    const necessary = category.key === 'necessary'
    categories[category.key] = {
      enabled: necessary,
      readOnly: necessary,
      ...(necessary
        ? {}
        : {
            autoClear: {
              cookies: category.cookies
                .filter((c) => (c.storageType ?? 'cookie') === 'cookie')
                .map((c) => ({
                  name: isPattern(c.name) ? patternSource(c.name) : c.name,
                  ...(isPattern(c.name) ? { regex: true } : {}),
                  ...(c.path ? { path: c.path } : {}),
                  ...(c.domain ? { domain: c.domain } : {}),
                })),
            },
          }),
      services,
    }
  }
  const translations: Record<string, unknown> = {}
  for (const d of declarations) {
    const locale = d.locale
    const text = (key: (typeof FIXED_BANNER_KEYS)[keyof typeof FIXED_BANNER_KEYS]) =>
      escapeHTML(pluginText(locale, key))
    // Editors' texts are plain text: cookieconsent inserts them as HTML, so they are escaped too.
    const t = Object.fromEntries(
      Object.entries(bannerTextsFor(locale, banner.texts?.[locale])).map(([k, v]) => [
        k,
        escapeHTML(v),
      ]),
    ) as BannerTexts
    const url = banner.policyUrl?.(locale) ?? null
    const link = url ? `<a href="${escapeHTML(url)}">${t.policyLink}</a>` : null
    translations[locale] = {
      consentModal: {
        acceptAllBtn: t.acceptAll,
        acceptNecessaryBtn: t.acceptNecessary,
        description: t.consentDescription,
        showPreferencesBtn: t.showPreferences,
        title: t.consentTitle,
        ...(link ? { footer: link } : {}),
      },
      preferencesModal: {
        acceptAllBtn: t.acceptAll,
        acceptNecessaryBtn: t.acceptNecessary,
        closeIconLabel: t.close,
        savePreferencesBtn: t.savePreferences,
        sections: [
          ...d.categories.map((c) => {
            const keys = CATEGORY_TEXT_KEYS[c.key]
            const title = escapeHTML(keys ? pluginText(locale, keys.title) : c.label)
            return {
              cookieTable: {
                body: c.cookies.map((k) => ({
                  name: escapeHTML(k.name),
                  desc: escapeHTML(k.purpose ?? ''),
                  domain:
                    k.domain || k.provider
                      ? escapeHTML(k.domain || k.provider || '')
                      : text(
                          k.party === 'third'
                            ? FIXED_BANNER_KEYS.thirdParty
                            : FIXED_BANNER_KEYS.firstParty,
                        ),
                  duration: escapeHTML(k.duration ?? ''),
                })),
                caption: title,
                headers: {
                  name: text(FIXED_BANNER_KEYS.tableName),
                  desc: text(FIXED_BANNER_KEYS.tablePurpose),
                  domain: text(FIXED_BANNER_KEYS.tableDomain),
                  duration: text(FIXED_BANNER_KEYS.tableDuration),
                },
              },
              description: keys ? escapeHTML(pluginText(locale, keys.description)) : '',
              linkedCategory: c.key,
              title,
            }
          }),
          // Last, so a section's index is its category's: where to read the whole policy.
          ...(link ? [{ description: link, title: text(FIXED_BANNER_KEYS.moreInfo) }] : []),
        ],
        title: t.preferencesTitle,
      },
    }
  }
  return {
    categories,
    language: { default: defaultLocale, translations },
    revision: primary.revision,
  }
}

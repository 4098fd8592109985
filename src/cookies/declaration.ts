import { COOKIE_CATEGORIES } from '../../collections/CookieEntries.js'
import { escapeHTML } from '../render/escapeHTML.js'
import { type BannerTexts, bannerTextsFor, CATEGORY_TEXT_KEYS, FIXED_BANNER_KEYS, pluginText } from './bannerTexts.js'

export type CookieEntry = {
  name: string
  service?: string | null
  provider?: string | null
  domain?: string | null
  path?: string | null
  category?: string | null
  purpose?: string | null
  duration?: string | null
  storageType?: string | null
  party?: string | null
  privacyPolicyUrl?: string | null
}

export type CookieDeclaration = {
  locale: string
  revision: number
  categories: { key: string; label: string; cookies: Omit<CookieEntry, 'category'>[] }[]
}

const pickEntry = (e: CookieEntry): Omit<CookieEntry, 'category'> => ({
  name: e.name,
  service: e.service ?? null,
  provider: e.provider ?? null,
  domain: e.domain ?? null,
  path: e.path ?? null,
  purpose: e.purpose ?? null,
  duration: e.duration ?? null,
  storageType: e.storageType ?? null,
  party: e.party ?? null,
  privacyPolicyUrl: e.privacyPolicyUrl ?? null,
})

/** Published entries grouped by category, in the taxonomy's order; empty categories left out. */
export function groupCookies(entries: CookieEntry[], locale: string, revision: number): CookieDeclaration {
  const byName = (a: CookieEntry, b: CookieEntry) => (a.service ?? '').localeCompare(b.service ?? '') || a.name.localeCompare(b.name)
  return {
    locale,
    revision,
    categories: COOKIE_CATEGORIES.map(({ value, label }) => ({
      key: value,
      label,
      cookies: entries.filter((e) => e.category === value).sort(byName).map(pickEntry),
    })).filter((c) => c.cookies.length > 0),
  }
}

const isPattern = (name: string) => name.includes('*')
/** "_ga_*" → "^_ga_.*$": the banner clears every cookie the pattern names. */
const patternSource = (name: string) => `^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`
const serviceKey = (service: string) =>
  service
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'service'

/** The banner's texts as the cookie policy in force has them, and where that policy is read. */
export type BannerInput = {
  /** Per locale, what editors wrote (non-empty fields only); the rest are the plugin's defaults. */
  texts?: Record<string, Partial<BannerTexts> | undefined>
  /** The cookie policy's public address in a locale; null or absent: no link. */
  policyUrl?: ((locale: string) => string | null) | null
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
export function consentConfig(declarations: CookieDeclaration[], defaultLocale: string, banner: BannerInput = {}) {
  const primary = declarations.find((d) => d.locale === defaultLocale) ?? declarations[0]!
  const categories: Record<string, unknown> = {}
  for (const category of primary.categories) {
    const services: Record<string, { label: string; cookies: { name: string; regex?: boolean }[] }> = {}
    for (const cookie of category.cookies) {
      const label = cookie.service || cookie.name
      const key = serviceKey(label)
      services[key] ??= { label: escapeHTML(label), cookies: [] }
      // A service's cookies are what the banner clears when it is switched off: browser
      // cookies only (local storage and pixels are not cookies it can clear).
      if ((cookie.storageType ?? 'cookie') !== 'cookie') continue
      services[key].cookies.push(isPattern(cookie.name) ? { name: patternSource(cookie.name), regex: true } : { name: cookie.name })
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
    const text = (key: (typeof FIXED_BANNER_KEYS)[keyof typeof FIXED_BANNER_KEYS]) => escapeHTML(pluginText(locale, key))
    // Editors' texts are plain text: cookieconsent inserts them as HTML, so they are escaped too.
    const t = Object.fromEntries(Object.entries(bannerTextsFor(locale, banner.texts?.[locale])).map(([k, v]) => [k, escapeHTML(v)])) as BannerTexts
    const url = banner.policyUrl?.(locale) ?? null
    const link = url ? `<a href="${escapeHTML(url)}">${t.policyLink}</a>` : null
    translations[locale] = {
      consentModal: {
        title: t.consentTitle,
        description: t.consentDescription,
        acceptAllBtn: t.acceptAll,
        acceptNecessaryBtn: t.acceptNecessary,
        showPreferencesBtn: t.showPreferences,
        ...(link ? { footer: link } : {}),
      },
      preferencesModal: {
        title: t.preferencesTitle,
        acceptAllBtn: t.acceptAll,
        acceptNecessaryBtn: t.acceptNecessary,
        savePreferencesBtn: t.savePreferences,
        closeIconLabel: t.close,
        sections: [
          ...d.categories.map((c) => {
            const keys = CATEGORY_TEXT_KEYS[c.key]
            const title = escapeHTML(keys ? pluginText(locale, keys.title) : c.label)
            return {
              title,
              description: keys ? escapeHTML(pluginText(locale, keys.description)) : '',
              linkedCategory: c.key,
              cookieTable: {
                caption: title,
                headers: { name: text(FIXED_BANNER_KEYS.tableName), domain: text(FIXED_BANNER_KEYS.tableDomain), desc: text(FIXED_BANNER_KEYS.tablePurpose), duration: text(FIXED_BANNER_KEYS.tableDuration) },
                body: c.cookies.map((k) => ({
                  name: escapeHTML(k.name),
                  domain: k.domain || k.provider ? escapeHTML(k.domain || k.provider || '') : text(k.party === 'third' ? FIXED_BANNER_KEYS.thirdParty : FIXED_BANNER_KEYS.firstParty),
                  desc: escapeHTML(k.purpose ?? ''),
                  duration: escapeHTML(k.duration ?? ''),
                })),
              },
            }
          }),
          // Last, so a section's index is its category's: where to read the whole policy.
          ...(link ? [{ title: text(FIXED_BANNER_KEYS.moreInfo), description: link }] : []),
        ],
      },
    }
  }
  return {
    revision: primary.revision,
    categories,
    language: { default: defaultLocale, translations },
  }
}

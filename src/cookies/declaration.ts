import { COOKIE_CATEGORIES } from '../../collections/CookieEntries.js'
import { escapeHTML } from '../render/escapeHTML.js'

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

const CATEGORY_DESCRIPTIONS: Record<string, string> = {
  necessary: 'Needed for the website to work. They cannot be switched off.',
  security: 'Protect the website and its visitors, for example against automated abuse.',
  functional: 'Remember your choices, such as language and other preferences.',
  analytics: 'Help us understand how the website is used so we can improve it.',
  marketing: 'Used to show advertising that is relevant to you and to measure it.',
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
export function consentConfig(declarations: CookieDeclaration[], defaultLocale: string) {
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
    translations[d.locale] = {
      preferencesModal: {
        sections: d.categories.map((c) => ({
          title: escapeHTML(c.label),
          description: CATEGORY_DESCRIPTIONS[c.key] ?? '',
          linkedCategory: c.key,
          cookieTable: {
            caption: escapeHTML(c.label),
            headers: { name: 'Cookie', domain: 'Set by', desc: 'Purpose', duration: 'Duration' },
            body: c.cookies.map((k) => ({
              name: escapeHTML(k.name),
              domain: escapeHTML(k.domain || k.provider || (k.party === 'third' ? 'Third party' : 'This website')),
              desc: escapeHTML(k.purpose ?? ''),
              duration: escapeHTML(k.duration ?? ''),
            })),
          },
        })),
      },
    }
  }
  return {
    revision: primary.revision,
    categories,
    language: { default: defaultLocale, translations },
  }
}

import type { Field } from 'payload'

import { legalLabel, type LegalTranslationKey, translations } from '../translations/index.js'

/**
 * The cookie banner's texts (issue 15, point 1). Editors write them on the cookie-policy legal
 * document (a localized group, `consentBanner`), reviewers approve them with the document, the
 * publish freezes them into the archive record, and the consent configuration reads them from
 * the version in force. Every field left empty (or everything, while no cookie policy is in
 * force) falls back to the plugin's default text in that locale (English for locales the plugin
 * has no texts for).
 */
export const BANNER_TEXT_FIELDS = [
  'consentTitle',
  'consentDescription',
  'acceptAll',
  'acceptNecessary',
  'showPreferences',
  'preferencesTitle',
  'savePreferences',
  'close',
  'policyLink',
] as const

export type BannerTextField = (typeof BANNER_TEXT_FIELDS)[number]
export type BannerTexts = Record<BannerTextField, string>

/** The group's field name on legal-documents. */
export const CONSENT_BANNER_FIELD = 'consentBanner'

type Key = LegalTranslationKey

/** Label key and default-text key of every field (literal keys: the translations test reads them). */
const FIELD_KEYS: Record<BannerTextField, { label: Key; text: Key; textarea?: true }> = {
  acceptAll: {
    label: 'legal-documents:field-banner-accept-all',
    text: 'legal-documents:banner-accept-all',
  },
  acceptNecessary: {
    label: 'legal-documents:field-banner-accept-necessary',
    text: 'legal-documents:banner-accept-necessary',
  },
  close: { label: 'legal-documents:field-banner-close', text: 'legal-documents:banner-close' },
  consentDescription: {
    label: 'legal-documents:field-banner-consent-description',
    text: 'legal-documents:banner-consent-description',
    textarea: true,
  },
  consentTitle: {
    label: 'legal-documents:field-banner-consent-title',
    text: 'legal-documents:banner-consent-title',
  },
  policyLink: {
    label: 'legal-documents:field-banner-policy-link',
    text: 'legal-documents:banner-policy-link',
  },
  preferencesTitle: {
    label: 'legal-documents:field-banner-preferences-title',
    text: 'legal-documents:banner-preferences-title',
  },
  savePreferences: {
    label: 'legal-documents:field-banner-save-preferences',
    text: 'legal-documents:banner-save-preferences',
  },
  showPreferences: {
    label: 'legal-documents:field-banner-show-preferences',
    text: 'legal-documents:banner-show-preferences',
  },
}

/** Texts of the configuration that editors do not write: table headers, category descriptions. */
export const FIXED_BANNER_KEYS = {
  firstParty: 'legal-documents:banner-first-party',
  moreInfo: 'legal-documents:banner-more-info',
  tableDomain: 'legal-documents:banner-table-domain',
  tableDuration: 'legal-documents:banner-table-duration',
  tableName: 'legal-documents:banner-table-name',
  tablePurpose: 'legal-documents:banner-table-purpose',
  thirdParty: 'legal-documents:banner-third-party',
} as const satisfies Record<string, Key>

export const CATEGORY_TEXT_KEYS: Record<string, { description: Key; title: Key }> = {
  analytics: {
    description: 'legal-documents:banner-category-analytics',
    title: 'legal-documents:cookie-category-analytics',
  },
  functional: {
    description: 'legal-documents:banner-category-functional',
    title: 'legal-documents:cookie-category-functional',
  },
  marketing: {
    description: 'legal-documents:banner-category-marketing',
    title: 'legal-documents:cookie-category-marketing',
  },
  necessary: {
    description: 'legal-documents:banner-category-necessary',
    title: 'legal-documents:cookie-category-necessary',
  },
  security: {
    description: 'legal-documents:banner-category-security',
    title: 'legal-documents:cookie-category-security',
  },
}

/** The plugin's text for a key in a locale ('uk-UA' reads 'uk'); English when it has none. */
export function pluginText(locale: string, key: Key): string {
  const name = key.slice('legal-documents:'.length)
  const all = translations as Record<string, { 'legal-documents': Record<string, string> }>
  const language = all[locale] ?? all[locale.split('-')[0].toLowerCase()] ?? all.en
  return language['legal-documents'][name] ?? all.en['legal-documents'][name] ?? ''
}

/** The default banner texts in a locale. */
export function defaultBannerTexts(locale: string): BannerTexts {
  return Object.fromEntries(
    BANNER_TEXT_FIELDS.map((f) => [f, pluginText(locale, FIELD_KEYS[f].text)]),
  ) as BannerTexts
}

/**
 * What an editor wrote in one locale, reduced to the non-empty texts (trimmed), in field
 * order: this is what the archive freezes, so its hash does not depend on empty fields.
 */
export function writtenBannerTexts(value: unknown): Partial<BannerTexts> {
  const out: Partial<BannerTexts> = {}
  if (!value || typeof value !== 'object') {
    return out
  }
  for (const f of BANNER_TEXT_FIELDS) {
    const v = (value as Record<string, unknown>)[f]
    if (typeof v === 'string' && v.trim()) {
      out[f] = v.trim()
    }
  }
  return out
}

/** Per field: the text written for this locale, else the default. */
export function bannerTextsFor(
  locale: string,
  written: null | Partial<BannerTexts> | undefined,
): BannerTexts {
  return { ...defaultBannerTexts(locale), ...(written ?? {}) }
}

/** The localized group on legal-documents, shown only on cookie policies. */
export function consentBannerField(): Field {
  return {
    name: CONSENT_BANNER_FIELD,
    type: 'group',
    admin: {
      condition: (data) => data?.kind === 'cookie-policy',
      description: legalLabel(({ t }) => t('legal-documents:field-consent-banner-description')),
    },
    fields: BANNER_TEXT_FIELDS.map((name) => ({
      name,
      type: FIELD_KEYS[name].textarea ? 'textarea' : 'text',
      label: legalLabel(({ t }) => t(FIELD_KEYS[name].label)),
      maxLength: FIELD_KEYS[name].textarea ? 2000 : 200,
    })) as Field[],
    label: legalLabel(({ t }) => t('legal-documents:field-consent-banner')),
    localized: true,
  }
}

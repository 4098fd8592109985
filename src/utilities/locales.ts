import type { Payload } from 'payload'

/**
 * The app's locales as the plugin reads them. Without localization Payload keeps one
 * unnamed locale; the plugin calls it 'en' (frozen content, the delivery API, exports).
 */

/** The locale readers fall back to: the config's default locale, or 'en' without localization. */
export function defaultLocaleOf(payload: Payload): string {
  return localesOf(payload).defaultLocale
}

export function localesOf(payload: Payload): { defaultLocale: string; locales: string[] } {
  const localization = payload.config.localization
  return localization
    ? { defaultLocale: localization.defaultLocale, locales: [...localization.localeCodes] }
    : { defaultLocale: 'en', locales: ['en'] }
}

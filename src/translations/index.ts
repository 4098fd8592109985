import type { LabelFunction } from 'payload'

import { en } from './en.js'
import { uk } from './uk.js'

/** The namespace of the plugin's keys in Payload's i18n: `t('legal-documents:…')`. */
export const I18N_NAMESPACE = 'legal-documents'

export type LegalTranslations = typeof en

/** The admin's labels, per Payload admin language. A host adds or changes keys in `i18n.translations`. */
export const translations: Record<'en' | 'uk', LegalTranslations> = { en, uk }

/** A key of the plugin's namespace as `t` takes it, e.g. `'legal-documents:group'`. */
export type LegalTranslationKey =
  `legal-documents:${Extract<keyof LegalTranslations['legal-documents'], string>}`

/** `t` limited to the plugin's keys; `vars` fill `{{name}}` placeholders. */
export type LegalT = (key: LegalTranslationKey, vars?: Record<string, unknown>) => string

/**
 * The admin's `t` (a server component's `i18n.t`) with the plugin's keys: Payload types it with
 * its own keys only; the plugin's are merged into the same translations (`translations` below).
 */
export function legalT(i18n: Parameters<LabelFunction>[0]['i18n']): LegalT {
  return i18n.t as (key: string, vars?: Record<string, unknown>) => string
}

/**
 * A label, description or select option label that Payload translates into the admin's
 * language: `legalLabel(({ t }) => t('legal-documents:field-title'))`. Payload types `t` with its
 * own keys only; this checks the plugin's keys at compile time instead.
 */
export function legalLabel(
  label: (args: { i18n: Parameters<LabelFunction>[0]['i18n']; t: LegalT }) => string,
): LabelFunction {
  // Cast: the same function; only the type of `t` differs (the plugin's keys instead of Payload's).
  return label as unknown as LabelFunction
}

/**
 * Every language's text of one key, for config places that take a string or a per-language
 * record but no function (`admin.group`). Built from the plugin's own translations, so a host's
 * `i18n.translations` do not change these: a host sets its own value through `overrides`.
 */
export function perLanguage(
  key: keyof LegalTranslations['legal-documents'],
): Record<keyof typeof translations, string> {
  return { en: en['legal-documents'][key], uk: uk['legal-documents'][key] }
}

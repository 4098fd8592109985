import { en } from './en.js'
import { uk } from './uk.js'

/** The namespace of the plugin's keys in Payload's i18n: `t('legal-documents:…')`. */
export const I18N_NAMESPACE = 'legal-documents'

export type LegalTranslations = typeof en

/** The admin's labels, per Payload admin language. A host adds or changes keys in `i18n.translations`. */
export const translations: Record<'en' | 'uk', LegalTranslations> = { en, uk }

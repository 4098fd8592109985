import type { LabelFunction } from 'payload'

import { legalLabel, type LegalTranslationKey } from '../../src/translations/index.js'

/**
 * The plugin's text for `key` in the admin's language: what nearly every label, description and
 * option of the collections is. `legalLabel` stays for labels that do more than name one key.
 */
export const translated = (key: LegalTranslationKey): LabelFunction => legalLabel(({ t }) => t(key))

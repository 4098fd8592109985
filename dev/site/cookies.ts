import type { CookieDeclaration } from './api'
import type { Messages } from './messages'

import { safeExternalUrl } from './format'

export type CookieTableRow = {
  duration: string
  name: string
  party: string
  provider: string
  /** The provider's privacy policy, only when it is an http(s) address. */
  providerUrl?: string
  purpose: string
  type: string
}
export type CookieTable = { key: string; label: string; rows: CookieTableRow[] }

/**
 * The declaration as one table per category, in the page's language: category, storage type
 * and party labels translated (the API's own label when the site has no translation), the
 * provider falling back to the service name.
 */
export function cookieTables(declaration: CookieDeclaration, messages: Messages): CookieTable[] {
  return declaration.categories.map((category) => ({
    key: category.key,
    label: messages.categories[category.key] ?? category.label,
    rows: category.cookies.map((c) => ({
      name: c.name,
      type: c.storageType ? (messages.storageTypes[c.storageType] ?? c.storageType) : '',
      duration: c.duration ?? '',
      party: c.party ? (messages.parties[c.party] ?? c.party) : '',
      provider: c.provider || c.service || '',
      providerUrl: safeExternalUrl(c.privacyPolicyUrl),
      purpose: c.purpose ?? '',
    })),
  }))
}

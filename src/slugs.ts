import type { CollectionSlug, GlobalSlug } from 'payload'

import { legalLabel } from './translations/index.js'

/** Collection and global slugs are a public contract: websites and integrations use them. */
export const SLUGS = {
  acceptances: 'legal-acceptances',
  consents: 'legal-consents',
  cookies: 'cookie-entries',
  documents: 'legal-documents',
  entity: 'legal-entity',
  reviewEvents: 'legal-review-events',
  sections: 'legal-sections',
  versions: 'legal-versions',
} as const satisfies Record<string, CollectionSlug | GlobalSlug>

/**
 * The kinds of document: `value` is stored data and never changes; `label` is translated into
 * the admin's language (Payload calls it with `t`; `translations` holds the texts).
 */
export const DOCUMENT_KINDS = [
  { label: legalLabel(({ t }) => t('legal-documents:kind-terms-of-use')), value: 'terms-of-use' },
  {
    label: legalLabel(({ t }) => t('legal-documents:kind-privacy-policy')),
    value: 'privacy-policy',
  },
  { label: legalLabel(({ t }) => t('legal-documents:kind-cookie-policy')), value: 'cookie-policy' },
  { label: legalLabel(({ t }) => t('legal-documents:kind-data-security')), value: 'data-security' },
  {
    label: legalLabel(({ t }) => t('legal-documents:kind-general-conditions')),
    value: 'general-conditions',
  },
  { label: legalLabel(({ t }) => t('legal-documents:kind-other')), value: 'other' },
] as const

/** Lowercase words joined by single hyphens: safe in any URL without encoding. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

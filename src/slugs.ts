import type { CollectionSlug, GlobalSlug } from 'payload'

/** Collection and global slugs are a public contract: websites and integrations use them. */
export const SLUGS = {
  documents: 'legal-documents' as CollectionSlug,
  sections: 'legal-sections' as CollectionSlug,
  versions: 'legal-versions' as CollectionSlug,
  cookies: 'cookie-entries' as CollectionSlug,
  reviewEvents: 'legal-review-events' as CollectionSlug,
  entity: 'legal-entity' as GlobalSlug,
} as const

export const DOCUMENT_KINDS = [
  { label: 'Terms of use', value: 'terms-of-use' },
  { label: 'Privacy policy', value: 'privacy-policy' },
  { label: 'Cookie policy', value: 'cookie-policy' },
  { label: 'Data security', value: 'data-security' },
  { label: 'General conditions', value: 'general-conditions' },
  { label: 'Other', value: 'other' },
] as const

/** Lowercase words joined by single hyphens: safe in any URL without encoding. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

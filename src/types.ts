/**
 * The plugin's documents as its collection configs (collections/) store them, at `depth: 0`.
 * The plugin reads them through src/localApi.ts and never through a host's generated
 * `payload-types.ts`, so it type-checks alone and in any host. A host may add fields to these
 * collections (options.overrides), hence the open index signature on every document.
 */
import type { CookieEntry } from './cookies/declaration.js'
import type { FrozenContent } from './publish/freezeContent.js'
import type { LexicalStateInput } from './render/types.js'

export type ID = number | string

/** A localized field read with `locale: 'all'` is one value per locale; otherwise the value. */
export type Localized<T> = null | Record<string, null | T | undefined> | T | undefined

type Open = { [field: string]: unknown }
type Timestamps = { createdAt?: string; updatedAt?: string }
type Drafts = { _status?: 'draft' | 'published' | null }

export type WorkflowStateValue =
  'approved' | 'changes-requested' | 'draft' | 'in-review' | 'published'

export type LegalDocumentDoc = {
  approvedAt?: null | string
  approvedBy?: { id: ID } | ID | null
  approvedContentHash?: null | string
  changeSummary?: null | string
  consentBanner?: unknown
  effectiveDate?: null | string
  governingLaw?: null | string
  id: ID
  jurisdiction?: null | string
  kind?: string
  lastModified?: null | string
  materialChange?: boolean | null
  noticeOverride?: null | string
  noticePeriodDays?: null | number
  requiresAcceptance?: 'no' | 'yes' | null
  sections?: ({ id: ID } | ID)[] | null
  slug?: string
  summary?: Localized<string>
  title?: Localized<string>
  updatedBy?: { id: ID } | ID | null
  version?: null | number
  workflowContributors?: ({ id: ID } | ID)[] | null
  workflowState?: null | WorkflowStateValue
} & Drafts &
  Open &
  Timestamps

export type LegalSectionDoc = {
  anchor?: null | string
  body?: Localized<LexicalStateInput>
  document?: { id: ID } | ID | null
  draftContributors?: ({ id: ID } | ID)[] | null
  heading?: Localized<string>
  id: ID
  updatedBy?: { id: ID } | ID | null
} & Drafts &
  Open &
  Timestamps

export type LegalVersionDoc = {
  approvedBy?: { id: ID } | ID | null
  changeSummary?: null | string
  /** Written by the publish transaction alone (src/publish/freezeContent.ts). */
  content: FrozenContent
  contentHash: string
  document: { id: ID } | ID
  effectiveDate?: null | string
  id: ID
  lastModified: string
  materialChange?: boolean | null
  publishedAt: string
  publishedBy?: { id: ID } | ID | null
  slug: string
  title: string
  version: number
} & Open &
  Timestamps

/** The fields the cookie declaration publishes, and the review workflow's. */
export type CookieEntryDoc = {
  id: ID
  materialChange?: boolean | null
  updatedBy?: { id: ID } | ID | null
} & CookieEntry &
  Drafts &
  Open &
  Timestamps

export type LegalReviewEventDoc = {
  action: string
  at: string
  by?: { id: ID } | ID | null
  comment?: null | string
  document: { id: ID } | ID
  id: ID
  version?: null | number
} & Open &
  Timestamps

export type LegalConsentDoc = {
  configHash: string
  consentId: string
  id: ID
  recordedAt: string
  revision: number
} & Open &
  Timestamps

export type LegalAcceptanceDoc = {
  event: 'acceptance' | 'erasure'
  hash: string
  id: ID
  previousHash: string
  recordedAt: string
  subject: string
  subjectCommitment: string
} & Open &
  Timestamps

export type LegalEntityDoc = {
  address?: null | string
  consentRevision?: null | number
  email?: null | string
  id: ID
  name?: null | string
  phone?: null | string
  website?: null | string
} & Open &
  Timestamps

/** The plugin's collections by slug (src/slugs.ts), and the documents they hold. */
export type PluginCollections = {
  'cookie-entries': CookieEntryDoc
  'legal-acceptances': LegalAcceptanceDoc
  'legal-consents': LegalConsentDoc
  'legal-documents': LegalDocumentDoc
  'legal-review-events': LegalReviewEventDoc
  'legal-sections': LegalSectionDoc
  'legal-versions': LegalVersionDoc
}

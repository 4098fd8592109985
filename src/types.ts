/**
 * The plugin's documents as its collection configs (collections/) store them, at `depth: 0`.
 * The plugin reads them through src/localApi.ts and never through a host's generated
 * `payload-types.ts`, so it type-checks alone and in any host. A host may add fields to these
 * collections (options.overrides), hence the open index signature on every document.
 */
import type { FrozenContent } from './publish/freezeContent.js'
import type { LexicalStateInput } from './render/types.js'

export type ID = string | number

/** A localized field read with `locale: 'all'` is one value per locale; otherwise the value. */
export type Localized<T> = T | Record<string, T | null | undefined> | null | undefined

type Open = { [field: string]: unknown }
type Timestamps = { createdAt?: string; updatedAt?: string }
type Drafts = { _status?: 'draft' | 'published' | null }

export type WorkflowStateValue = 'draft' | 'in-review' | 'changes-requested' | 'approved' | 'published'

export type LegalDocumentDoc = Open &
  Timestamps &
  Drafts & {
    id: ID
    title?: Localized<string>
    slug?: string
    kind?: string
    summary?: Localized<string>
    consentBanner?: unknown
    sections?: (ID | { id: ID })[] | null
    governingLaw?: string | null
    jurisdiction?: string | null
    effectiveDate?: string | null
    noticePeriodDays?: number | null
    requiresAcceptance?: 'yes' | 'no' | null
    lastModified?: string | null
    version?: number | null
    changeSummary?: string | null
    materialChange?: boolean | null
    workflowState?: WorkflowStateValue | null
    approvedBy?: ID | { id: ID } | null
    approvedAt?: string | null
    approvedContentHash?: string | null
    noticeOverride?: string | null
    workflowContributors?: (ID | { id: ID })[] | null
    updatedBy?: ID | { id: ID } | null
  }

export type LegalSectionDoc = Open &
  Timestamps &
  Drafts & {
    id: ID
    heading?: Localized<string>
    anchor?: string | null
    body?: Localized<LexicalStateInput>
    document?: ID | { id: ID } | null
    draftContributors?: (ID | { id: ID })[] | null
    updatedBy?: ID | { id: ID } | null
  }

export type LegalVersionDoc = Open &
  Timestamps & {
    id: ID
    document: ID | { id: ID }
    version: number
    title: string
    slug: string
    publishedAt: string
    effectiveDate?: string | null
    lastModified: string
    changeSummary?: string | null
    materialChange?: boolean | null
    approvedBy?: ID | { id: ID } | null
    publishedBy?: ID | { id: ID } | null
    /** Written by the publish transaction alone (src/publish/freezeContent.ts). */
    content: FrozenContent
    contentHash: string
  }

export type CookieEntryDoc = Open &
  Timestamps &
  Drafts & {
    id: ID
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
    materialChange?: boolean | null
    updatedBy?: ID | { id: ID } | null
  }

export type LegalReviewEventDoc = Open &
  Timestamps & {
    id: ID
    document: ID | { id: ID }
    action: string
    by?: ID | { id: ID } | null
    at: string
    comment?: string | null
    version?: number | null
  }

export type LegalConsentDoc = Open & Timestamps & { id: ID; consentId: string; revision: number; configHash: string; recordedAt: string }

export type LegalAcceptanceDoc = Open &
  Timestamps & {
    id: ID
    event: 'acceptance' | 'erasure'
    subject: string
    subjectCommitment: string
    previousHash: string
    hash: string
    recordedAt: string
  }

export type LegalEntityDoc = Open &
  Timestamps & {
    id: ID
    name?: string | null
    address?: string | null
    phone?: string | null
    email?: string | null
    website?: string | null
    consentRevision?: number | null
  }

/** The plugin's collections by slug (src/slugs.ts), and the documents they hold. */
export type PluginCollections = {
  'legal-documents': LegalDocumentDoc
  'legal-sections': LegalSectionDoc
  'legal-versions': LegalVersionDoc
  'cookie-entries': CookieEntryDoc
  'legal-review-events': LegalReviewEventDoc
  'legal-consents': LegalConsentDoc
  'legal-acceptances': LegalAcceptanceDoc
}

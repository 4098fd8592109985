/**
 * Which fields count as what. Content fields are what editors write and reviewers approve;
 * reader fields are the part of them readers see, so only they decide whether a publish
 * makes a new version; system fields are written by the workflow only.
 */
export const DOCUMENT_CONTENT_FIELDS = [
  'title',
  'slug',
  'kind',
  'summary',
  'sections',
  'governingLaw',
  'jurisdiction',
  'effectiveDate',
  'changeSummary',
  'materialChange',
  'noticePeriodDays',
  'requiresAcceptance',
  /** Cookie policies: the cookie banner's texts (src/cookies/bannerTexts.ts). */
  'consentBanner',
] as const

export const DOCUMENT_SYSTEM_FIELDS = [
  'workflowState',
  'workflowContributors',
  'approvedBy',
  'approvedAt',
  /** The content hash of exactly what the approving reviewer saw (src/workflow/approval.ts). */
  'approvedContentHash',
  /** A reviewer's reason for approving a significant change with less notice than required. */
  'noticeOverride',
  'version',
  'lastModified',
  'updatedBy',
] as const

export const SECTION_CONTENT_FIELDS = ['heading', 'anchor', 'body', 'document'] as const

/**
 * `draftContributors`: everyone who changed the section since it was last published. A section
 * can be listed by another document than the one it was written for (moved, or listed again),
 * so the four-eyes rule cannot rely on the document's contributors alone.
 */
export const SECTION_SYSTEM_FIELDS = ['updatedBy', 'draftContributors'] as const

export const COOKIE_CONTENT_FIELDS = [
  'name',
  'service',
  'provider',
  'domain',
  'path',
  'category',
  'purpose',
  'duration',
  'storageType',
  'party',
  'privacyPolicyUrl',
  'materialChange',
] as const

/** As for documents: the review state, the approval and its content binding, and who changed it. */
export const COOKIE_SYSTEM_FIELDS = [
  'workflowState',
  'workflowContributors',
  'approvedBy',
  'approvedAt',
  'approvedContentHash',
  'updatedBy',
] as const

/**
 * Fields only the workflow may write: whatever a client sent is replaced by the stored value
 * (not just deleted, because Payload has already merged stored values into `data` by the time
 * collection hooks run, and a deleted key would fall back to the field's default).
 */
export function pinSystemFields(
  data: Record<string, unknown>,
  original: Record<string, unknown> | undefined,
  fields: readonly string[],
): void {
  for (const f of fields) {
    if (original && f in original) {
      data[f] = original[f]
    } else {
      delete data[f]
    }
  }
}

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
] as const

export const DOCUMENT_SYSTEM_FIELDS = [
  'workflowState',
  'workflowContributors',
  'approvedBy',
  'approvedAt',
  'version',
  'lastModified',
  'updatedBy',
] as const

export const SECTION_CONTENT_FIELDS = ['heading', 'anchor', 'body', 'document'] as const

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
    if (original && f in original) data[f] = original[f]
    else delete data[f]
  }
}

/** Names shared by the dataset seed and the benchmark runner. */

/** Raised whenever the generated content changes, so a cached dataset is not reused. */
export const DATASET_VERSION = 3

export const benchSlug = (i: number) => `bench-document-${String(i).padStart(4, '0')}`

/** The GraphQL query of case (c): every field the REST delivery endpoint returns. */
export const LEGAL_DOCUMENT_QUERY =
  'query LegalDocument($slug: String!, $locale: String) { legalDocument(slug: $slug, locale: $locale) { ' +
  'slug title kind locale version lastModified effectiveDate publishedAt summary ' +
  'toc { anchor heading } sections { anchor heading html } html text status ' +
  'upcoming { version effectiveDate publishedAt changeSummary materialChange diff { from to url } } } }'

import { loadDocumentIndex } from '../../../site/api'
import { documentPath, formatDate, isoDateTime, siteHref } from '../../../site/format'
import { SiteFrame, Unavailable } from '../_components/SiteFrame'
import { loadSitePage, type SitePageProps } from '../_lib/page'

// Rendered on every request: a publish must show at once (see README "Public pages").
export const dynamic = 'force-dynamic'

type Props = Pick<SitePageProps, 'searchParams'>

/** /legal — the published documents, each with its version and last update. */
export default async function LegalIndexPage({ searchParams }: Props) {
  // Any failure, even a refusal, shows as "unavailable": the index names no document.
  const { locale, m, data } = await loadSitePage(await searchParams, loadDocumentIndex)

  return (
    <SiteFrame locale={locale} path="/legal" current="documents" title={m.indexTitle}>
      {!data ? (
        <Unavailable locale={locale} />
      ) : (
        <>
          <h1 data-testid="index-title">{m.indexTitle}</h1>
          <p>{m.indexIntro}</p>
          {data.length === 0 ? (
            <p>{m.indexEmpty}</p>
          ) : (
            <ul className="document-list" data-testid="document-list">
              {data.map((doc) => (
                <li key={doc.slug} data-testid="document-list-item" data-slug={doc.slug}>
                  <h2>
                    <a href={siteHref(documentPath(doc.slug), { locale })} data-testid="document-link">{doc.title}</a>
                  </h2>
                  <p className="doc-meta-line">
                    {doc.lastModified ? (
                      <>
                        {`${m.lastUpdated}: `}
                        <time dateTime={isoDateTime(doc.lastModified)} data-testid="last-updated">{formatDate(doc.lastModified, locale)}</time>
                        {' · '}
                      </>
                    ) : null}
                    <span data-testid="document-version">{`${m.version} ${doc.version}`}</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </SiteFrame>
  )
}

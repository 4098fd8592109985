import { loadDocumentIndex } from '../../../site/api'
import { documentPath, siteHref } from '../../../site/format'
import { SiteFrame, Unavailable } from '../_components/SiteFrame'
import { Time } from '../_components/Time'
import { loadSitePage, type SitePageProps } from '../_lib/page'

// Rendered on every request: a publish must show at once (see README "Public pages").
export const dynamic = 'force-dynamic'

type Props = Pick<SitePageProps, 'searchParams'>

/** /legal — the published documents, each with its version and last update. */
export default async function LegalIndexPage({ searchParams }: Props) {
  // Any failure, even a refusal, shows as "unavailable": the index names no document.
  const { data, locale, m } = await loadSitePage(await searchParams, loadDocumentIndex)

  return (
    <SiteFrame current="documents" locale={locale} path="/legal" title={m.indexTitle}>
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
                <li data-slug={doc.slug} data-testid="document-list-item" key={doc.slug}>
                  <h2>
                    <a
                      data-testid="document-link"
                      href={siteHref(documentPath(doc.slug), { locale })}
                    >
                      {doc.title}
                    </a>
                  </h2>
                  <p className="doc-meta-line">
                    {doc.lastModified ? (
                      <>
                        {`${m.lastUpdated}: `}
                        <Time locale={locale} testId="last-updated" value={doc.lastModified} />
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

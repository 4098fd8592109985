import { loadDocumentIndex } from '../../../site/api'
import { documentPath, formatDate, isoDateTime, parseLocaleParam, siteHref, type SearchParamValue } from '../../../site/format'
import { messagesFor } from '../../../site/messages'
import { SiteFrame, Unavailable } from '../_components/SiteFrame'
import { siteApiOptions } from '../_lib/request'

// Rendered on every request: a publish must show at once (see README "Public pages").
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, SearchParamValue>> }

/** /legal — the published documents, each with its version and last update. */
export default async function LegalIndexPage({ searchParams }: Props) {
  const locale = parseLocaleParam((await searchParams).locale)
  const m = messagesFor(locale)
  const api = await siteApiOptions()
  const result = api ? await loadDocumentIndex(api, locale) : null

  return (
    <SiteFrame locale={locale} path="/legal" current="documents" title={m.indexTitle}>
      {!result || !result.ok ? (
        <Unavailable locale={locale} />
      ) : (
        <>
          <h1 data-testid="index-title">{m.indexTitle}</h1>
          <p>{m.indexIntro}</p>
          {result.data.length === 0 ? (
            <p>{m.indexEmpty}</p>
          ) : (
            <ul className="document-list" data-testid="document-list">
              {result.data.map((doc) => (
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

import { notFound } from 'next/navigation'

import { loadDocumentPage } from '../../../../site/api'
import { cookieTables } from '../../../../site/cookies'
import { documentPath, effectiveFrom, formatDate, isoDateTime, parseVersionParam, siteHref, versionsPath } from '../../../../site/format'
import { loadTranslation } from '../../../../site/translation'
import { CookieTables } from '../../_components/CookieTables'
import { SiteFrame, Unavailable } from '../../_components/SiteFrame'
import { loadSitePage, type SitePageProps } from '../../_lib/page'

// Every request renders: a publish shows at once (see README "Public pages").
export const dynamic = 'force-dynamic'

type Props = SitePageProps<{ slug: string }>

/**
 * /legal/<slug>[?version=N][&locale=uk] — one published document, from the GraphQL delivery
 * API over HTTP (as any other website would read it). Section HTML is the API's, sanitised
 * there; it is the only HTML inserted as is.
 */
export default async function LegalDocumentPage({ params, searchParams }: Props) {
  const { slug } = await params
  const query = await searchParams
  const version = parseVersionParam(query.version)
  if (version === 'invalid') notFound()
  const { locale, m, data, missing } = await loadSitePage(query, async (api, locale) => {
    const page = await loadDocumentPage(api, { slug, locale, version })
    if (!page.ok) return page
    const shown = page.data.document
    return { ok: true, data: { ...page.data, translation: await loadTranslation(api, { slug, locale, version: shown.version, shown }) } }
  })
  if (missing) notFound()

  if (!data) {
    return (
      <SiteFrame locale={locale} path={documentPath(slug)} query={{ version }} current="documents" title={m.unavailableTitle}>
        <Unavailable locale={locale} />
      </SiteFrame>
    )
  }

  const { document: doc, currentVersion, archived, cookies, translation } = data
  const tables = cookies?.ok ? cookieTables(cookies.data, m) : null
  const inForceFrom = effectiveFrom(doc)
  // Text shown in the default language is marked as such, for screen readers and for readers.
  const fallbackLang = translation && translation.state !== 'translated' ? translation.fallbackLocale : undefined
  const untranslated = new Set(translation?.untranslatedSections ?? [])
  return (
    <SiteFrame locale={locale} path={documentPath(slug)} query={{ version }} current="documents" title={doc.title}>
      <article className="legal-document" data-testid="legal-document" data-kind={doc.kind}>
        <header className="document-header">
          <h1 data-testid="document-title" lang={translation?.titleUntranslated ? fallbackLang : undefined}>
            {doc.title}
          </h1>
          {translation && translation.state !== 'translated' ? (
            <div className="notice" role="note" data-testid="untranslated-notice">
              <p>
                <strong>{translation.state === 'none' ? m.untranslatedNotice : m.partlyTranslatedNotice}</strong>
              </p>
            </div>
          ) : null}
          {archived ? (
            <div className="notice" role="note" data-testid="archived-notice">
              <p>
                <strong>{m.archivedNotice(doc.version, currentVersion)}</strong>{' '}
                <a href={siteHref(documentPath(slug), { locale })}>{m.readCurrent}</a>
              </p>
            </div>
          ) : null}
          {!archived && doc.upcoming ? (
            <div className="notice" role="note" data-testid="upcoming-notice">
              <p>
                <strong>{m.upcomingNotice(formatDate(doc.upcoming.effectiveDate, locale))}</strong>
                {doc.upcoming.diff ? (
                  <>
                    {' — '}
                    <a href={siteHref(versionsPath(slug), { locale, from: doc.upcoming.diff.from, to: doc.upcoming.diff.to })}>{m.seeChanges}</a>
                  </>
                ) : null}
              </p>
              {doc.upcoming.changeSummary ? <p>{doc.upcoming.changeSummary}</p> : null}
            </div>
          ) : null}
          {!archived && doc.status === 'upcoming' && doc.effectiveDate ? (
            <div className="notice" role="note" data-testid="not-yet-in-force">
              <p>{m.notYetInForce(formatDate(doc.effectiveDate, locale))}</p>
            </div>
          ) : null}
          <dl className="doc-meta">
            <div>
              <dt>{m.lastUpdated}</dt>
              <dd>
                <time dateTime={isoDateTime(doc.lastModified)} data-testid="last-updated">
                  {formatDate(doc.lastModified, locale)}
                </time>
              </dd>
            </div>
            <div>
              <dt>{m.version}</dt>
              <dd data-testid="document-version">{doc.version}</dd>
            </div>
            <div>
              <dt>{m.effectiveFrom}</dt>
              <dd data-testid="effective-date">
                <time dateTime={inForceFrom}>{formatDate(inForceFrom, locale)}</time>
              </dd>
            </div>
          </dl>
          {doc.summary ? (
            <p className="doc-summary" lang={translation?.titleUntranslated ? fallbackLang : undefined}>
              {doc.summary}
            </p>
          ) : null}
        </header>

        {doc.toc.length > 0 ? (
          <nav className="toc" aria-labelledby="toc-heading" data-testid="toc">
            <h2 id="toc-heading">{m.contents}</h2>
            <ol>
              {doc.toc.map((entry) => (
                <li key={entry.anchor} lang={untranslated.has(entry.anchor) ? fallbackLang : undefined}>
                  <a href={`#${entry.anchor}`}>{entry.heading}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}

        {doc.sections.map((section) => (
          <section
            key={section.anchor}
            id={section.anchor}
            className="document-section"
            data-testid="document-section"
            lang={untranslated.has(section.anchor) ? fallbackLang : undefined}
          >
            <h2>{section.heading}</h2>
            <div className="section-body" dangerouslySetInnerHTML={{ __html: section.html }} />
          </section>
        ))}

        {cookies ? (
          <section className="cookie-declaration" aria-labelledby="cookie-declaration-heading" data-testid="cookie-declaration">
            <h2 id="cookie-declaration-heading">{m.cookieDeclarationHeading}</h2>
            {tables ? <CookieTables tables={tables} m={m} level={3} /> : <p>{m.unavailableText}</p>}
          </section>
        ) : null}

        <p className="versions-link">
          <a href={siteHref(versionsPath(slug), { locale })} data-testid="versions-link">
            {m.versionsLink}
          </a>
        </p>
      </article>
    </SiteFrame>
  )
}

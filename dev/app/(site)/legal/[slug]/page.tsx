import { notFound } from 'next/navigation'

import { loadDocumentPage } from '../../../../site/api'
import { cookieTables } from '../../../../site/cookies'
import {
  documentPath,
  effectiveFrom,
  formatDate,
  parseVersionParam,
  siteHref,
  versionsPath,
} from '../../../../site/format'
import { loadTranslation } from '../../../../site/translation'
import { CookieTables } from '../../_components/CookieTables'
import { SiteFrame, Unavailable } from '../../_components/SiteFrame'
import { Time } from '../../_components/Time'
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
  if (version === 'invalid') {
    notFound()
  }
  const { data, locale, m, missing } = await loadSitePage(query, async (api, locale) => {
    const page = await loadDocumentPage(api, { slug, locale, version })
    if (!page.ok) {
      return page
    }
    const shown = page.data.document
    return {
      data: {
        ...page.data,
        translation: await loadTranslation(api, { slug, locale, shown, version: shown.version }),
      },
      ok: true,
    }
  })
  if (missing) {
    notFound()
  }

  // The same frame (navigation, language links to this very page) whether or not the API answered.
  const frame = {
    current: 'documents',
    locale,
    path: documentPath(slug),
    query: { version },
  } as const
  if (!data) {
    return (
      <SiteFrame {...frame} title={m.unavailableTitle}>
        <Unavailable locale={locale} />
      </SiteFrame>
    )
  }

  const { archived, cookies, currentVersion, document: doc, translation } = data
  const tables = cookies?.ok ? cookieTables(cookies.data, m) : null
  // Text shown in the default language is marked as such, for screen readers and for readers.
  const fallbackLang =
    translation && translation.state !== 'translated' ? translation.fallbackLocale : undefined
  const untranslated = new Set(translation?.untranslatedSections ?? [])
  return (
    <SiteFrame {...frame} title={doc.title}>
      <article className="legal-document" data-kind={doc.kind} data-testid="legal-document">
        <header className="document-header">
          <h1
            data-testid="document-title"
            lang={translation?.titleUntranslated ? fallbackLang : undefined}
          >
            {doc.title}
          </h1>
          {translation && translation.state !== 'translated' ? (
            <div className="notice" data-testid="untranslated-notice" role="note">
              <p>
                <strong>
                  {translation.state === 'none' ? m.untranslatedNotice : m.partlyTranslatedNotice}
                </strong>
              </p>
            </div>
          ) : null}
          {archived ? (
            <div className="notice" data-testid="archived-notice" role="note">
              <p>
                <strong>{m.archivedNotice(doc.version, currentVersion)}</strong>{' '}
                <a href={siteHref(documentPath(slug), { locale })}>{m.readCurrent}</a>
              </p>
            </div>
          ) : null}
          {!archived && doc.upcoming ? (
            <div className="notice" data-testid="upcoming-notice" role="note">
              <p>
                <strong>{m.upcomingNotice(formatDate(doc.upcoming.effectiveDate, locale))}</strong>
                {doc.upcoming.diff ? (
                  <>
                    {' — '}
                    <a
                      href={siteHref(versionsPath(slug), {
                        from: doc.upcoming.diff.from,
                        locale,
                        to: doc.upcoming.diff.to,
                      })}
                    >
                      {m.seeChanges}
                    </a>
                  </>
                ) : null}
              </p>
              {doc.upcoming.changeSummary ? <p>{doc.upcoming.changeSummary}</p> : null}
            </div>
          ) : null}
          {!archived && doc.status === 'upcoming' && doc.effectiveDate ? (
            <div className="notice" data-testid="not-yet-in-force" role="note">
              <p>{m.notYetInForce(formatDate(doc.effectiveDate, locale))}</p>
            </div>
          ) : null}
          <dl className="doc-meta">
            <div>
              <dt>{m.lastUpdated}</dt>
              <dd>
                <Time locale={locale} testId="last-updated" value={doc.lastModified} />
              </dd>
            </div>
            <div>
              <dt>{m.version}</dt>
              <dd data-testid="document-version">{doc.version}</dd>
            </div>
            <div>
              <dt>{m.effectiveFrom}</dt>
              <dd data-testid="effective-date">
                <Time locale={locale} value={effectiveFrom(doc)} />
              </dd>
            </div>
          </dl>
          {doc.summary ? (
            <p
              className="doc-summary"
              lang={translation?.titleUntranslated ? fallbackLang : undefined}
            >
              {doc.summary}
            </p>
          ) : null}
        </header>

        {doc.toc.length > 0 ? (
          <nav aria-labelledby="toc-heading" className="toc" data-testid="toc">
            <h2 id="toc-heading">{m.contents}</h2>
            <ol>
              {doc.toc.map((entry) => (
                <li
                  key={entry.anchor}
                  lang={untranslated.has(entry.anchor) ? fallbackLang : undefined}
                >
                  <a href={`#${entry.anchor}`}>{entry.heading}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}

        {doc.sections.map((section) => (
          <section
            className="document-section"
            data-testid="document-section"
            id={section.anchor}
            key={section.anchor}
            lang={untranslated.has(section.anchor) ? fallbackLang : undefined}
          >
            <h2>{section.heading}</h2>
            <div className="section-body" dangerouslySetInnerHTML={{ __html: section.html }} />
          </section>
        ))}

        {cookies ? (
          <section
            aria-labelledby="cookie-declaration-heading"
            className="cookie-declaration"
            data-testid="cookie-declaration"
          >
            <h2 id="cookie-declaration-heading">{m.cookieDeclarationHeading}</h2>
            {tables ? <CookieTables level={3} m={m} tables={tables} /> : <p>{m.unavailableText}</p>}
          </section>
        ) : null}

        <p className="versions-link">
          <a data-testid="versions-link" href={siteHref(versionsPath(slug), { locale })}>
            {m.versionsLink}
          </a>
        </p>
      </article>
    </SiteFrame>
  )
}

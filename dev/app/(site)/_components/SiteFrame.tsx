import type { ReactNode } from 'react'

import { SITE_LOCALES, siteHref, type SiteLocale } from '../../../site/format'
import { messagesFor } from '../../../site/messages'

type Props = {
  locale: SiteLocale
  /** This page's path and query (without locale), for the language links. */
  path: string
  query?: Record<string, string | number | null | undefined>
  /** Which site link is this page (marked aria-current). */
  current?: 'documents' | 'cookies'
  title: string
  children: ReactNode
}

/** The landmarks every public page has: skip link, header with navigation, main, footer. */
export function SiteFrame({ locale, path, query = {}, current, title, children }: Props) {
  const m = messagesFor(locale)
  return (
    <div className="site" lang={locale}>
      <title>{`${title} · ${m.siteName}`}</title>
      <a className="skip-link" href="#main-content">
        {m.skipLink}
      </a>
      <header className="site-header">
        <p className="site-name">
          <a href={siteHref('/legal', { locale })}>{m.siteName}</a>
        </p>
        <nav className="site-nav" aria-label={m.siteNav}>
          <ul>
            <li>
              <a href={siteHref('/legal', { locale })} aria-current={current === 'documents' ? 'page' : undefined}>
                {m.navDocuments}
              </a>
            </li>
            <li>
              <a href={siteHref('/legal/cookies', { locale })} aria-current={current === 'cookies' ? 'page' : undefined}>
                {m.navCookies}
              </a>
            </li>
          </ul>
        </nav>
        <nav className="language-nav" aria-label={m.languageNav}>
          <ul>
            {SITE_LOCALES.map((l) => (
              <li key={l}>
                <a href={siteHref(path, { ...query, locale: l })} hrefLang={l} lang={l} aria-current={l === locale ? 'true' : undefined}>
                  {m.languageNames[l]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main-content" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{m.footer}</p>
      </footer>
    </div>
  )
}

/** The plain message shown when the API cannot be reached (the page itself still renders). */
export function Unavailable({ locale }: { locale: SiteLocale }) {
  const m = messagesFor(locale)
  return (
    <div className="unavailable" data-testid="api-unavailable">
      <h1>{m.unavailableTitle}</h1>
      <p>{m.unavailableText}</p>
    </div>
  )
}

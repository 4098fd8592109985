import type { ReactNode } from 'react'

import { SITE_LOCALES, siteHref, type SiteLocale } from '../../../site/format'
import { messagesFor } from '../../../site/messages'

type Props = {
  children: ReactNode
  /** Which site link is this page (marked aria-current). */
  current?: 'cookies' | 'documents'
  locale: SiteLocale
  /** This page's path and query (without locale), for the language links. */
  path: string
  query?: Record<string, null | number | string | undefined>
  title: string
}

/** The landmarks every public page has: skip link, header with navigation, main, footer. */
export function SiteFrame({ children, current, locale, path, query = {}, title }: Props) {
  const m = messagesFor(locale)
  const links = [
    { id: 'documents', href: '/legal', label: m.navDocuments },
    { id: 'cookies', href: '/legal/cookies', label: m.navCookies },
  ] as const
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
        <nav aria-label={m.siteNav} className="site-nav">
          <ul>
            {links.map((link) => (
              <li key={link.id}>
                <a
                  aria-current={current === link.id ? 'page' : undefined}
                  href={siteHref(link.href, { locale })}
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={m.languageNav} className="language-nav">
          <ul>
            {SITE_LOCALES.map((l) => (
              <li key={l}>
                <a
                  aria-current={l === locale ? 'true' : undefined}
                  href={siteHref(path, { ...query, locale: l })}
                  hrefLang={l}
                  lang={l}
                >
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

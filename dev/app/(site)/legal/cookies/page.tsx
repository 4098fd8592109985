import { loadCookieDeclaration } from '../../../../site/api'
import { cookieTables } from '../../../../site/cookies'
import { parseLocaleParam, type SearchParamValue } from '../../../../site/format'
import { messagesFor } from '../../../../site/messages'
import { CookieTables } from '../../_components/CookieTables'
import { SiteFrame, Unavailable } from '../../_components/SiteFrame'
import { siteApiOptions } from '../../_lib/request'

// Every request renders: a publish shows at once (see README "Public pages").
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, SearchParamValue>> }

/** /legal/cookies — the published cookie declaration, one table per category. */
export default async function CookieDeclarationPage({ searchParams }: Props) {
  const locale = parseLocaleParam((await searchParams).locale)
  const m = messagesFor(locale)
  const api = await siteApiOptions()
  const result = api ? await loadCookieDeclaration(api, locale) : null

  return (
    <SiteFrame locale={locale} path="/legal/cookies" current="cookies" title={m.cookiesTitle}>
      {!result || !result.ok ? (
        <Unavailable locale={locale} />
      ) : (
        <div data-testid="cookie-declaration" data-revision={result.data.revision}>
          <h1 data-testid="cookies-title">{m.cookiesTitle}</h1>
          <p>{m.cookiesIntro}</p>
          <CookieTables tables={cookieTables(result.data, m)} m={m} level={2} />
        </div>
      )}
    </SiteFrame>
  )
}

import { loadCookieDeclaration } from '../../../../site/api'
import { cookieTables } from '../../../../site/cookies'
import { CookieTables } from '../../_components/CookieTables'
import { SiteFrame, Unavailable } from '../../_components/SiteFrame'
import { loadSitePage, type SitePageProps } from '../../_lib/page'

// Every request renders: a publish shows at once (see README "Public pages").
export const dynamic = 'force-dynamic'

type Props = Pick<SitePageProps, 'searchParams'>

/** /legal/cookies — the published cookie declaration, one table per category. */
export default async function CookieDeclarationPage({ searchParams }: Props) {
  const { data, locale, m } = await loadSitePage(await searchParams, loadCookieDeclaration)

  return (
    <SiteFrame current="cookies" locale={locale} path="/legal/cookies" title={m.cookiesTitle}>
      {!data ? (
        <Unavailable locale={locale} />
      ) : (
        <div data-revision={data.revision} data-testid="cookie-declaration">
          <h1 data-testid="cookies-title">{m.cookiesTitle}</h1>
          <p>{m.cookiesIntro}</p>
          <CookieTables level={2} m={m} tables={cookieTables(data, m)} />
        </div>
      )}
    </SiteFrame>
  )
}

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
  const { locale, m, data } = await loadSitePage(await searchParams, loadCookieDeclaration)

  return (
    <SiteFrame locale={locale} path="/legal/cookies" current="cookies" title={m.cookiesTitle}>
      {!data ? (
        <Unavailable locale={locale} />
      ) : (
        <div data-testid="cookie-declaration" data-revision={data.revision}>
          <h1 data-testid="cookies-title">{m.cookiesTitle}</h1>
          <p>{m.cookiesIntro}</p>
          <CookieTables tables={cookieTables(data, m)} m={m} level={2} />
        </div>
      )}
    </SiteFrame>
  )
}

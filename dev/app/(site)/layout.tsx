import type { ReactNode } from 'react'

import { headers } from 'next/headers'

import { parseLocaleParam } from '../../site/format'
import { LOCALE_HEADER } from './_lib/request'
import './site.css'

/**
 * Root layout of the public pages (the admin's is in (payload)/: two route groups, two root
 * layouts, no app/layout.tsx above them). A layout never sees the query string, so the page
 * language comes from a request header a proxy may set from `?locale=`; every page also marks
 * its own content with `lang`, which is what assistive technology reads for the text.
 */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const lang = parseLocaleParam((await headers()).get(LOCALE_HEADER) ?? undefined)
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  )
}

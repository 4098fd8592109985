import { type NextRequest, NextResponse } from 'next/server'

/**
 * A root layout cannot read the query string, so the public pages' `?locale=` travels to it
 * as a request header (read in dev/app/(site)/layout.tsx for `<html lang>`). Never trusted
 * from the client: it is always overwritten or removed here.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers)
  const locale = request.nextUrl.searchParams.get('locale')
  if (locale) {
    headers.set('x-legal-site-locale', locale)
  } else {
    headers.delete('x-legal-site-locale')
  }
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/legal', '/legal/:path*'] }

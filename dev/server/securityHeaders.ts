import type { IncomingMessage, ServerResponse } from 'node:http'

import { randomBytes } from 'node:crypto'

import type { SecuritySettings } from './settings'

/**
 * Security headers for every response of the server: the API, the public /legal pages and the
 * admin, including what the delivery fast path answers before express.
 *
 * - Everywhere: `X-Content-Type-Options: nosniff`, `Referrer-Policy`, `Cross-Origin-Opener-Policy`,
 *   and in production `Strict-Transport-Security`.
 * - The API (JSON, Markdown, HTML fragments, health checks): a Content-Security-Policy that
 *   allows nothing at all, and no framing. A delivered HTML fragment opened directly in a
 *   browser can then run nothing, whatever it contained.
 * - Pages rendered by Next (/legal, the admin): a policy with a fresh nonce per request.
 *   Scripts run only from this origin or with that nonce; Next reads the policy from the
 *   request's `Content-Security-Policy` header and puts the nonce on its own inline scripts.
 *   Styles may be inline (React and Payload's admin set style attributes); no plugins, no
 *   `<base>`, forms post only here, framing only by this origin (the admin's live preview).
 *   Development adds what Next's dev server needs (eval for fast refresh, its websocket).
 * - The GraphQL playground (development, or GRAPHQL_PLAYGROUND=true) loads its page from a
 *   CDN: it gets no Content-Security-Policy.
 */

type HeaderList = [string, string][]

export type SecurityHeaders = (req: IncomingMessage, res: ServerResponse) => void

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

export function pagePolicy(nonce: string, production: boolean): string {
  const script = production ? `'self' 'nonce-${nonce}'` : `'self' 'nonce-${nonce}' 'unsafe-eval'`
  const connect = production ? "'self'" : "'self' ws: wss:"
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}

export function createSecurityHeaders(
  settings: Pick<SecuritySettings, 'hsts' | 'production'>,
  apiRoute = '/api',
): SecurityHeaders {
  const common: HeaderList = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
  ]
  if (settings.hsts) {
    common.push(['Strict-Transport-Security', 'max-age=31536000'])
  }
  const api: HeaderList = [
    ...common,
    ['Content-Security-Policy', API_POLICY],
    ['X-Frame-Options', 'DENY'],
  ]
  const playground = `${apiRoute}/graphql-playground`
  const apiPrefix = `${apiRoute}/`

  const set = (res: ServerResponse, list: HeaderList) => {
    for (const [name, value] of list) {
      res.setHeader(name, value)
    }
  }

  return (req, res) => {
    const url = req.url ?? '/'
    const isApi =
      url.startsWith(apiPrefix) ||
      url === apiRoute ||
      url.startsWith(`${apiRoute}?`) ||
      url.startsWith('/healthz') ||
      url.startsWith('/readyz')
    if (isApi && !url.startsWith(playground)) {
      return set(res, api)
    }
    set(res, common)
    if (isApi) {
      return
    }
    // Static files of Next need no policy of their own; pages get one with a fresh nonce.
    if (url.startsWith('/_next/static/')) {
      return
    }
    const policy = pagePolicy(randomBytes(16).toString('base64'), settings.production)
    req.headers['content-security-policy'] = policy
    res.setHeader('Content-Security-Policy', policy)
    res.setHeader('X-Frame-Options', 'SAMEORIGIN')
  }
}

import type { IncomingMessage } from 'node:http'

/**
 * Cross-site request forgery: a state-changing request that a browser sends with the staff
 * session cookie is served only when it comes from the server's own origin or an allowed one.
 *
 * Payload enforces its `csrf` list only when the list is not empty, and with
 * `PAYLOAD_PUBLIC_SERVER_URL` unset it is empty: a form on any site could then post with an
 * admin's cookie. This check runs in front of everything (API, GraphQL, the admin's server
 * functions) whatever the configuration. The own origin comes from configuration only:
 * `PAYLOAD_PUBLIC_SERVER_URL`, or, without it, the loopback addresses of the port the
 * connection arrived on (a development server or a server behind a local proxy). Never from
 * the request's Host header, which whoever sends the request chooses.
 *
 * Requests authenticated by an `Authorization` header (JWT, Bearer, API key) are not
 * forgeable by a foreign page and pass: browsers never add that header on their own.
 */
export type CsrfPolicy = {
  /** CSRF_ORIGINS: other origins whose pages may use the session cookie. */
  allowedOrigins: readonly string[]
  /** Payload's session cookie: `${cookiePrefix}-token`. */
  cookieName: string
  /** From PAYLOAD_PUBLIC_SERVER_URL. */
  serverOrigin: null | string
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function hasCookie(header: string | undefined, name: string): boolean {
  if (!header) {
    return false
  }
  return header.split(';').some((pair) => {
    const eq = pair.indexOf('=')
    return eq > 0 && pair.slice(0, eq).trim() === name && pair.slice(eq + 1).trim() !== ''
  })
}

function originOf(value: string): null | string {
  try {
    const origin = new URL(value).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

/** The origins that count as this server's own for a connection that arrived on `localPort`. */
export function ownOrigins(
  policy: Pick<CsrfPolicy, 'serverOrigin'>,
  localPort: number | undefined,
): string[] {
  if (policy.serverOrigin) {
    return [policy.serverOrigin]
  }
  if (!localPort) {
    return []
  }
  return [
    `http://localhost:${localPort}`,
    `http://127.0.0.1:${localPort}`,
    `http://[::1]:${localPort}`,
  ]
}

/** Why `req` is refused as a possible forgery (a sentence for the 403), or null when it may go on. */
export function csrfProblem(req: IncomingMessage, policy: CsrfPolicy): null | string {
  if (SAFE_METHODS.has((req.method ?? 'GET').toUpperCase())) {
    return null
  }
  if (!hasCookie(req.headers.cookie, policy.cookieName)) {
    return null
  }
  if (req.headers.authorization) {
    return null
  }

  const originHeader = req.headers.origin
  const refererHeader = req.headers.referer
  const origin =
    originHeader !== undefined
      ? originOf(originHeader)
      : refererHeader !== undefined
        ? originOf(refererHeader)
        : null
  const advice = policy.serverOrigin
    ? 'Use the admin at its own address, or list the site in CSRF_ORIGINS.'
    : 'Set PAYLOAD_PUBLIC_SERVER_URL to the address the admin is used at, or list the site in CSRF_ORIGINS.'
  if (originHeader === undefined && refererHeader === undefined) {
    return 'A request that changes something with the sign-in cookie must say where it comes from (Origin header). Send the token in an Authorization header instead, or send the request from the admin.'
  }
  if (!origin) {
    return `Requests from an opaque origin ("${originHeader ?? refererHeader}") may not use the sign-in cookie.`
  }
  const trusted = [...ownOrigins(policy, req.socket?.localPort), ...policy.allowedOrigins]
  if (trusted.includes(origin)) {
    return null
  }
  return `Requests from ${origin} may not use the sign-in cookie to change anything. ${advice}`
}

import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'x-legal-signature'

/** `sha256=<hex HMAC of the raw body>`, the scheme receivers of GitHub-style webhooks know. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/** For receivers (and tests): constant-time check of a signature header. */
export function verifySignature(
  body: string,
  secret: string,
  header: null | string | undefined,
): boolean {
  if (!header) {
    return false
  }
  const expected = Buffer.from(signBody(body, secret))
  const given = Buffer.from(header)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

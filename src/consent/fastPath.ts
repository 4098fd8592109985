import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload, SanitizedConfig } from 'payload'

import { buffer } from 'node:stream/consumers'

import type { ApiKeyAccounts } from '../delivery/apiKeyAccounts.js'

import { answerFastPathFault, type FastPathFaultAnswer } from '../delivery/fastPathFault.js'
import { defaultClientIp } from '../options.js'
import { pluginOptionsOf } from '../utilities/pluginOptions.js'
import { MAX_CONSENT_BODY, postConsent } from './endpoint.js'
import { lookupConsent } from './proof.js'

/**
 * `POST /api/legal/consents` in front of express and Payload (called by the delivery fast path's
 * listener, src/delivery/fastPath.ts). Every visitor who answers a cookie banner posts once, so
 * this is the log's hot route; express plus Payload's request set-up (request object, auth
 * strategies, locale) cost several times the record's own work. Here the very same function
 * answers (`postConsent`: origin check, rate limit, validation, group commit), with the
 * request's headers, the client's IP as the host reads it (`clientIp`: the host's server
 * knows whether to trust a proxy's X-Forwarded-For), and the body.
 *
 * Only when the plugin reads the IP its default way (so `clientIp` means the same), the request
 * has a plain UTF-8 body of declared length within 8 KB, no content encoding, and no sign-in cookie
 * (express's CSRF check is for those); anything else goes to express untouched.
 */
export function consentFastPath(options: {
  accounts: ApiKeyAccounts
  clientIp?: (req: IncomingMessage) => null | string
  config: SanitizedConfig
  fallback: (req: IncomingMessage, res: ServerResponse) => void
  onFault?: FastPathFaultAnswer
  payload: Payload
}) {
  const { accounts, clientIp, config, fallback, payload } = options
  const consent = pluginOptionsOf(payload)?.consent
  const enabled = Boolean(clientIp && consent && consent.clientIp === defaultClientIp)
  const path = `${config.routes.api}/legal/consents`
  const lookupPrefix = `${path}/`
  const tokenCookie = `${config.cookiePrefix}-token=`

  const failed = (res: ServerResponse, err: unknown) =>
    answerFastPathFault(payload, res, err, 'Consent log', options.onFault)

  async function record(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') {
        headers.set(name, value)
      }
    }
    // `serve` took only a declared Content-Length within 8 KB, and node's parser reads no byte past it.
    const body = async () => new Uint8Array(await buffer(req))
    const answer = await postConsent(payload, consent!, { body, headers, rawIp: clientIp!(req) })
    const text = Buffer.from(await answer.arrayBuffer())
    const flat: string[] = []
    answer.headers.forEach((value, name) => flat.push(name, value))
    flat.push('content-length', String(text.length))
    res.writeHead(answer.status, flat)
    res.end(text)
  }

  /**
   * An admin's look-up by consent ID with a users API key (the tool behind "what did I consent
   * to?"): the same `lookupConsent` as Payload's endpoint, without express's and Payload's
   * request set-up and API-key strategy, which cost several times the indexed query itself.
   */
  async function lookup(req: IncomingMessage, res: ServerResponse, key: string, consentId: string) {
    const account = await accounts.accountFor(key)
    if (!account) {
      return fallback(req, res)
    }
    const answer = await lookupConsent(payload, account, consentId)
    const body = JSON.stringify(answer.body)
    res.writeHead(answer.status, {
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
      'content-type': 'application/json; charset=utf-8',
    })
    res.end(body)
  }

  return {
    /** Answers the request and returns true, or returns false and leaves it to express. */
    serve(req: IncomingMessage, res: ServerResponse, url: string): boolean {
      if (req.method === 'GET' && url.startsWith(lookupPrefix)) {
        const consentId = url.slice(lookupPrefix.length)
        const key = accounts.keyOf(req)
        // The export, a query string or another shape: express answers it.
        if (key === null || consentId === 'export' || !/^[\w-]{1,64}$/.test(consentId)) {
          return false
        }
        lookup(req, res, key, consentId).catch((err) => failed(res, err))
        return true
      }
      if (!enabled || req.method !== 'POST' || url !== path) {
        return false
      }
      const length = Number(req.headers['content-length'] ?? NaN)
      if (
        !Number.isInteger(length) ||
        length > MAX_CONSENT_BODY ||
        req.headers['transfer-encoding'] !== undefined
      ) {
        return false
      }
      const encoding = req.headers['content-encoding']
      if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
        return false
      }
      if (req.headers.cookie?.includes(tokenCookie)) {
        return false
      }
      // Another charset: express's request guard answers it (415), as before.
      const charset = /;\s*charset=([^;\s]+)/i
        .exec(req.headers['content-type'] ?? '')?.[1]
        ?.replace(/"/g, '')
        .toLowerCase()
      if (charset !== undefined && charset !== 'utf-8') {
        return false
      }
      record(req, res).catch((err) => failed(res, err))
      return true
    },
  }
}

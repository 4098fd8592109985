import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload, SanitizedConfig } from 'payload'

import type { ApiKeyAccounts } from '../delivery/apiKeyAccounts.js'

import { withCorsHeaders } from '../delivery/cors.js'
import { answerFastPathFault, type FastPathFaultAnswer } from '../delivery/fastPathFault.js'
import { type Answer, recordAcceptance, subjectStatus } from './ledger.js'

/**
 * The acceptance ledger's two hot routes, in front of express and Payload (called by the
 * delivery fast path's listener, src/delivery/fastPath.ts): a website's back end asks
 * `GET /api/legal/acceptances/status?subject=` on every sign-in and posts
 * `POST /api/legal/acceptances` on every acceptance, with a users API key. Express plus
 * Payload's request set-up and its API-key strategy (a full `payload.find` on users) cost
 * ~2 ms of CPU per request, several times the ledger's own work; here the same answer is made
 * by the same functions (`subjectStatus`, `recordAcceptance`: same rules, same group commit)
 * with the cheaper API-key lookup of src/delivery/apiKeyAccounts.ts. Anything it does not fully
 * understand — another URL shape, a JWT or a session cookie, a key that finds no account, a body
 * without `Content-Length` or over 16 KB, another content type — goes to express untouched, where
 * Payload answers as before.
 */

const MAX_BODY = 16 * 1024
const MAX_URL = 1500

type Fallback = (req: IncomingMessage, res: ServerResponse) => void

export function acceptanceFastPath(options: {
  accounts: ApiKeyAccounts
  config: SanitizedConfig
  fallback: Fallback
  onFault?: FastPathFaultAnswer
  payload: Payload
}) {
  const { config, fallback, payload } = options
  const recordPath = `${config.routes.api}/legal/acceptances`
  const statusPrefix = `${recordPath}/status?`
  const { accountFor, keyOf } = options.accounts
  const send = (req: IncomingMessage, res: ServerResponse, answer: Answer) => {
    const body = JSON.stringify(answer.body)
    const base = new Response(null, {
      headers: { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' },
    })
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : null
    const flat: string[] = []
    withCorsHeaders(payload, base, origin).forEach((value, name) => flat.push(name, value))
    flat.push('content-length', String(Buffer.byteLength(body)))
    res.writeHead(answer.status, flat)
    res.end(body)
  }

  const failed = (res: ServerResponse, err: unknown) =>
    answerFastPathFault(payload, res, err, 'Acceptance ledger', options.onFault)

  async function status(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    url: string,
  ): Promise<void> {
    const account = await accountFor(key)
    if (!account) {
      return fallback(req, res)
    }
    const params = new URLSearchParams(url.slice(statusPrefix.length))
    send(req, res, await subjectStatus({ payload, user: account }, params.get('subject')))
  }

  async function record(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    const account = await accountFor(key)
    if (!account) {
      return fallback(req, res)
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    const text = Buffer.concat(chunks).toString('utf8')
    if (text.length > MAX_BODY) {
      return send(req, res, {
        body: { errors: [{ message: `The request body is larger than ${MAX_BODY / 1024} KB.` }] },
        status: 413,
      })
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return send(req, res, {
        body: { errors: [{ message: 'The request body is not valid JSON.' }] },
        status: 400,
      })
    }
    send(req, res, await recordAcceptance({ payload, user: account }, body))
  }

  return {
    /** Answers the request and returns true, or returns false and leaves it to express. */
    serve(req: IncomingMessage, res: ServerResponse, url: string): boolean {
      if (url.length > MAX_URL) {
        return false
      }
      if (req.method === 'GET' && url.startsWith(statusPrefix)) {
        const key = keyOf(req)
        if (key === null) {
          return false
        }
        status(req, res, key, url).catch((err) => failed(res, err))
        return true
      }
      if (req.method === 'POST' && url === recordPath) {
        const key = keyOf(req)
        if (key === null) {
          return false
        }
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
        const length = Number(req.headers['content-length'] ?? NaN)
        if (
          type !== 'application/json' ||
          !Number.isInteger(length) ||
          length > MAX_BODY ||
          req.headers['transfer-encoding'] !== undefined
        ) {
          return false
        }
        record(req, res, key).catch((err) => failed(res, err))
        return true
      }
      return false
    },
  }
}

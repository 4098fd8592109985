import type { ServerResponse } from 'node:http'
import type { AfterErrorHook, Payload, PayloadRequest } from 'payload'

/**
 * While PostgreSQL is down (stopped, restarting, failing over, refusing connections), every
 * request that needs it answers 503 with this message and a Retry-After header, instead of
 * Payload's generic 500 "Something went wrong.". Nothing else changes: the pool opens new
 * connections as soon as the database is back, so the server recovers by itself.
 */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is not reachable. Please try again in a few seconds.'
export const RETRY_AFTER_SECONDS = 5

/** Socket-level failures of node-postgres and Node. */
const NETWORK_CODES = new Set([
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'ETIMEDOUT',
])
/** SQLSTATE: class 08 (connection exception), 57P01-03 (shutdown, crash, cannot connect now), 53300 (too many connections). */
const SQLSTATE = /^(?:08\d{3}|57P0[123]|53300)$/
/**
 * Messages node-postgres and Payload's drizzle adapter use for the same failures. The adapter
 * re-throws a failed BEGIN as a plain Error without its cause ("cannot begin transaction: Failed
 * query: begin"); a BEGIN fails only when the database cannot take work, so that counts too.
 */
const MESSAGES =
  /cannot begin transaction|\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b|Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|the database system is (?:shutting down|starting up|in recovery mode|not yet accepting connections)|terminating connection due to administrator command|server closed the connection unexpectedly/i

/** True when `err` (or anything it wraps) says the database could not be reached. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = err
  for (
    let depth = 0;
    current && typeof current === 'object' && depth < 8 && !seen.has(current);
    depth++
  ) {
    seen.add(current)
    const e = current as {
      cause?: unknown
      code?: unknown
      errors?: unknown
      message?: unknown
      originalError?: unknown
    }
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATE.test(e.code))) {
      return true
    }
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) {
      return true
    }
    // AggregateError (a connect to every address of a host failed) holds the causes in `errors`.
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) {
      return true
    }
    current = e.cause ?? e.originalError
  }
  return false
}

function addRetryAfter(req: PayloadRequest | undefined): void {
  if (!req) {
    return
  }
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  req.responseHeaders = headers
}

/**
 * Payload's `afterError` hook: turns a database outage into 503 + the message above, on REST
 * (the response and its status) and on GraphQL (the error's message and `statusCode`, which the
 * express server turns into the HTTP status: dev/server/createServer.ts).
 */
export const databaseUnavailableAfterError: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!isDatabaseUnavailable(error)) {
    return
  }
  addRetryAfter(req)
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: {
          ...(graphqlResult.extensions ?? {}),
          name: 'DatabaseUnavailable',
          stack: undefined,
          statusCode: 503,
        },
        message: DATABASE_UNAVAILABLE_MESSAGE,
      },
    }
  }
  return { response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] }, status: 503 }
}

/** The JSON body the express server sends for an outage it catches itself. */
export const databaseUnavailableBody = () => ({
  errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }],
})

/**
 * Payload's JWT strategy catches every error while it looks the signed-in user up and then
 * carries on as if no one were signed in. During an outage that would answer a signed-in
 * editor's request as an anonymous one (a 403, or published text instead of drafts) whenever
 * the next query happens to reach the database again. So each auth strategy is wrapped: when a
 * request that carries credentials comes out without a user, the database is asked once
 * (`select 1`); if it answers, the strategy runs again (the outage may have just ended),
 * otherwise the request is marked, and the server answers it 503 whatever Payload made of it
 * (`authenticationFailedByOutage`).
 */
const failedByOutage = new WeakSet<object>()
const wrapped = new WeakSet<object>()

type Strategy = {
  authenticate: (
    args: { headers: Headers; req?: object } & Record<string, unknown>,
  ) => Promise<{ user: unknown } & Record<string, unknown>>
  name: string
}

function carriesCredentials(headers: Headers, cookiePrefix: string): boolean {
  if (headers.get('authorization')) {
    return true
  }
  return (headers.get('cookie') ?? '').includes(`${cookiePrefix}-token=`)
}

/**
 * Whether the database answers `select 1` within `timeoutMs`. An adapter without a pool cannot
 * be asked: then the answer is `withoutPool`.
 */
export async function databaseAnswers(
  payload: Payload,
  timeoutMs: number,
  withoutPool: boolean,
): Promise<boolean> {
  const pool = (payload.db as unknown as { pool?: { query: (sql: string) => Promise<unknown> } })
    .pool
  if (!pool) {
    return withoutPool
  }
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      pool.query('select 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
      }),
    ])
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

export function guardAuthenticationDuringOutage(payload: Payload): void {
  const strategies = (payload as unknown as { authStrategies?: Strategy[] }).authStrategies ?? []
  const cookiePrefix = payload.config.cookiePrefix ?? 'payload'
  for (const strategy of strategies) {
    if (wrapped.has(strategy)) {
      continue
    }
    wrapped.add(strategy)
    const original = strategy.authenticate
    strategy.authenticate = async (args) => {
      const result = await original(args)
      if (result.user || !carriesCredentials(args.headers, cookiePrefix)) {
        return result
      }
      if (await databaseAnswers(payload, 1000, true)) {
        return original(args)
      }
      if (args.req) {
        failedByOutage.add(args.req)
      }
      return result
    }
  }
}

/** True when the signed-in user of this request could not be read because the database was down. */
export function authenticationFailedByOutage(request: object): boolean {
  return failedByOutage.has(request)
}

/** Answers 503 with the JSON error and Retry-After (express or plain node:http response). */
export function sendDatabaseUnavailable(res: ServerResponse): void {
  if (res.headersSent) {
    return void res.end()
  }
  const body = JSON.stringify(databaseUnavailableBody())
  res.statusCode = 503
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('retry-after', String(RETRY_AFTER_SECONDS))
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

import express, { type Express, type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import { guardPoolErrors } from './guardPoolErrors'
import { sendWebResponse, toWebRequest } from './webAdapter'

const MAX_GRAPHQL_BODY = 100 * 1024

/** The whole request body, or null when it is larger than `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

type NextRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

export type CreateServerOptions = {
  payload: Payload
  config: SanitizedConfig | Promise<SanitizedConfig>
  /** Next's request handler for the admin UI and pages; without it those paths answer 404. */
  nextHandler?: NextRequestHandler
  /** How long /readyz waits for the database before answering 503. */
  readinessTimeoutMs?: number
}

async function databaseReachable(payload: Payload, timeoutMs: number): Promise<boolean> {
  const pool = (payload.db as unknown as { pool?: { query: (sql: string) => Promise<unknown> } }).pool
  if (!pool) return false
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

/**
 * The express app in front of Payload and Next. REST and GraphQL go straight to Payload's
 * framework-neutral handlers (the same ones Next's `/api` routes wrap), which skips Next's
 * routing cost on the hot path; everything else is Next's.
 */
export async function createServer(options: CreateServerOptions): Promise<Express> {
  const { payload, nextHandler } = options
  const config = await options.config
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const graphqlPost = GRAPHQL_POST(config)
  const apiRoute = config.routes.api

  guardPoolErrors(payload)

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY === 'true')

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (_req, res) => {
    const ok = await databaseReachable(payload, options.readinessTimeoutMs ?? 2000)
    res.status(ok ? 200 : 503).json(ok ? { status: 'ready' } : { status: 'unavailable', error: 'Database is not reachable.' })
  })

  const origin = (req: ExpressRequest) => `${req.protocol}://${req.get('host') ?? 'localhost'}`

  app.post(`${apiRoute}/graphql`, async (req, res, next) => {
    try {
      // Payload's GraphQL handler answers a body that is not JSON with a 500; the client sent
      // it, so it gets a 400. Bodies are small queries: anything huge is refused unread.
      const body = await readBody(req, MAX_GRAPHQL_BODY)
      if (body === null) return void res.status(413).json({ errors: [{ message: 'The request body is too large.' }] })
      try {
        JSON.parse(body.toString('utf8'))
      } catch {
        return void res.status(400).json({ errors: [{ message: 'The request body must be JSON: {"query": "…"}.' }] })
      }
      const request = toWebRequest(req, origin(req), body)
      const response = await graphqlPost(request)
      // A query that could not be parsed or validated ran nowhere: say so with a 400, as the
      // GraphQL-over-HTTP spec does for application/graphql-response+json.
      if (response.status === 200) {
        const text = await response.text()
        const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] }
        const status = parsed.errors?.length && !('data' in parsed) ? 400 : 200
        return void (await sendWebResponse(res, new Response(text, { status, headers: response.headers })))
      }
      await sendWebResponse(res, response)
    } catch (err) {
      next(err)
    }
  })

  app.all(`${apiRoute}/{*splat}`, async (req, res, next) => {
    if (req.path === `${apiRoute}/graphql-playground` && nextHandler) return next()
    try {
      const response = await handleEndpoints({ config, path: req.path, request: toWebRequest(req, origin(req)) })
      await sendWebResponse(res, response)
    } catch (err) {
      next(err)
    }
  })

  if (nextHandler) {
    app.all('/{*splat}', (req, res) => nextHandler(req, res))
  } else {
    app.use((_req, res) => {
      res.status(404).json({ errors: [{ message: 'Not found.' }] })
    })
  }

  // A failure inside a handler must answer JSON and never take the process down.
  app.use((err: unknown, _req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
    payload.logger.error({ err }, 'Unhandled request error')
    if (res.headersSent) return res.end()
    res.status(500).json({ errors: [{ message: 'Something went wrong.' }] })
  })

  return app
}

import type { Duplex } from 'node:stream'

import express, {
  type Express,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
  type NextFunction,
} from 'express'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import {
  createFastPath,
  type FastPathListener,
  guardPoolErrors,
  rememberGraphQLResponse,
  takePrereadBody,
} from 'payload-plugin-legal-documents'

import { apiQueryProblem } from './apiQuery'
import { apiRouteProblem, apiTargetKind } from './apiRoutes'
import { csrfProblem } from './csrf'
import {
  authenticationFailedByOutage,
  databaseAnswers,
  guardAuthenticationDuringOutage,
  isDatabaseUnavailable,
  sendDatabaseUnavailable,
} from './databaseErrors'
import { refuseGraphQLRequest } from './graphqlLimits'
import {
  answerClientError,
  graphqlContentTypeProblem,
  guardRestRequest,
  parseJsonObject,
  readLimitedBody,
  refuseConnect,
  sendJsonError,
} from './requestGuards'
import { createSecurityHeaders } from './securityHeaders'
import { readSecuritySettings, type SecuritySettings } from './settings'
import { sendWebResponse, toWebRequest } from './webAdapter'

const MAX_GRAPHQL_BODY = 100 * 1024

type NextRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

export type CreateServerOptions = {
  config: Promise<SanitizedConfig> | SanitizedConfig
  /**
   * Answer cached delivery responses before express (default true). With it, `app.listen`
   * serves through `app.fastPath`; `http.createServer(app)` is always the plain express app.
   */
  fastPath?: boolean
  /** Next's request handler for the admin UI and pages; without it those paths answer 404. */
  nextHandler?: NextRequestHandler
  payload: Payload
  /** How long /readyz waits for the database before answering 503. */
  readinessTimeoutMs?: number
  /** Security headers, HSTS; default: from the environment (`readSecuritySettings`). */
  security?: SecuritySettings
}

/**
 * The express app in front of Payload and Next. REST and GraphQL go straight to Payload's
 * framework-neutral handlers (the same ones Next's `/api` routes wrap), which skips Next's
 * routing cost on the hot path; everything else is Next's.
 */
export async function createServer(
  options: CreateServerOptions,
): Promise<{ fastPath?: FastPathListener } & Express> {
  const { nextHandler, payload } = options
  const config = await options.config
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const graphqlPost = GRAPHQL_POST(config)
  const apiRoute = config.routes.api

  guardPoolErrors(payload)
  // A signed-in request whose user could not be read (database down) answers 503 (databaseErrors.ts).
  guardAuthenticationDuringOutage(payload)

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY === 'true')
  // Security headers on every response (the fast path's too: see `listen` below).
  const security = options.security ?? readSecuritySettings(process.env)
  const securityHeaders = createSecurityHeaders(security, apiRoute)
  app.use((req, res, next) => {
    securityHeaders(req, res)
    next()
  })
  // Cross-site request forgery, for every path: the API, GraphQL and the admin's server functions (csrf.ts).
  const csrfPolicy = {
    allowedOrigins: security.csrfOrigins,
    cookieName: `${config.cookiePrefix}-token`,
    serverOrigin: security.serverOrigin,
  }
  app.use((req, res, next) => {
    const problem = csrfProblem(req, csrfPolicy)
    if (!problem) {
      return next()
    }
    payload.logger.info({
      method: req.method,
      msg: 'Refused a cross-site request that carried the sign-in cookie',
      origin: req.get('origin') ?? null,
      path: req.path,
    })
    sendJsonError(res, 403, problem)
  })

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (_req, res) => {
    const ok = await databaseAnswers(payload, options.readinessTimeoutMs ?? 2000, false)
    res
      .status(ok ? 200 : 503)
      .json(
        ok ? { status: 'ready' } : { error: 'Database is not reachable.', status: 'unavailable' },
      )
  })

  const origin = (req: ExpressRequest) => `${req.protocol}://${req.get('host') ?? 'localhost'}`

  app.post(`${apiRoute}/graphql`, async (req, res, next) => {
    try {
      // Payload's GraphQL handler answers a body that is not JSON with a 500; the client sent
      // it, so it gets a 400. Bodies are small queries: anything huge is refused unread.
      // The fast path may have read the body already (an anonymous query it could not answer).
      const wrongType = graphqlContentTypeProblem(req)
      if (wrongType) {
        return void sendJsonError(res, wrongType.status, wrongType.message, { connection: 'close' })
      }
      const body = takePrereadBody(req) ?? (await readLimitedBody(req, MAX_GRAPHQL_BODY))
      if (body === null) {
        return void sendJsonError(res, 413, 'The request body is too large.', {
          connection: 'close',
        })
      }
      const json = parseJsonObject(body)
      if (!json.ok) {
        return void res
          .status(400)
          .json({ errors: [{ message: `${json.message} Send {"query": "…"}.` }] })
      }
      // Size in tokens and fragment cycles (dev/server/graphqlLimits.ts).
      const refused = refuseGraphQLRequest(json.value)
      if (refused) {
        return void res.status(400).json({ errors: [{ message: refused }] })
      }
      const request = toWebRequest(req, origin(req), body)
      const response = await graphqlPost(request)
      if (authenticationFailedByOutage(request)) {
        return void sendDatabaseUnavailable(res)
      }
      // A query that could not be parsed or validated ran nowhere: say so with a 400, as the
      // GraphQL-over-HTTP spec does for application/graphql-response+json.
      if (response.status === 200) {
        const text = await response.text()
        const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] }
        // A database outage (statusCode 503, set by the afterError hook) is a 503 for the whole request.
        const unavailable = parsed.errors?.some(
          (e) => (e as { extensions?: { statusCode?: unknown } }).extensions?.statusCode === 503,
        )
        const status = unavailable ? 503 : parsed.errors?.length && !('data' in parsed) ? 400 : 200
        const answer = new Response(text, { headers: response.headers, status })
        rememberGraphQLResponse(req, answer, text, Boolean(parsed.errors?.length))
        return void (await sendWebResponse(res, answer))
      }
      await sendWebResponse(res, response)
    } catch (err) {
      next(err)
    }
  })

  app.all(`${apiRoute}/{*splat}`, async (req, res, next) => {
    if (req.path === `${apiRoute}/graphql-playground` && nextHandler) {
      return next()
    }
    try {
      // A route Payload has, for this collection or global (dev/server/apiRoutes.ts)…
      const search = req.originalUrl.includes('?')
        ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
        : ''
      const hasWhere = [...new URLSearchParams(search).keys()].some(
        (key) => key === 'where' || key.startsWith('where['),
      )
      const route = apiRouteProblem(payload, req.method, req.path.slice(apiRoute.length), hasWhere)
      if (route) {
        return void sendJsonError(
          res,
          route.status,
          route.message,
          route.allow ? { allow: route.allow } : {},
        )
      }
      // …with a query string Payload can read (dev/server/apiQuery.ts); root endpoints such
      // as the plugin's delivery API check their own parameters…
      const payloadQuery = apiTargetKind(payload, req.path.slice(apiRoute.length)) !== 'root'
      const queryProblem = payloadQuery ? apiQueryProblem(search) : null
      if (queryProblem) {
        return void sendJsonError(res, 400, queryProblem)
      }
      // …and a body of the right size, media type and shape (dev/server/requestGuards.ts).
      const guard = await guardRestRequest(req, { plainTextJson: !payloadQuery })
      if (!guard.ok) {
        return void sendJsonError(
          res,
          guard.status,
          guard.message,
          guard.status === 413 ? { connection: 'close' } : {},
        )
      }
      if (guard.queryInBody && payloadQuery) {
        const bodyProblem = apiQueryProblem(guard.body!.toString('utf8'))
        if (bodyProblem) {
          return void sendJsonError(res, 400, bodyProblem)
        }
      }
      const request = toWebRequest(req, origin(req), guard.body)
      const response = await handleEndpoints({ config, path: req.path, request })
      if (authenticationFailedByOutage(request)) {
        return void sendDatabaseUnavailable(res)
      }
      // Payload answers a path it has no route for with 501; apiRouteProblem should have caught it.
      if (response.status === 501) {
        return void sendJsonError(res, 404, `There is no API route at ${req.path}.`)
      }
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
    // Express's own refusals (e.g. a path that does not decode: 400) keep their 4xx status.
    const status = (err as { status?: unknown } | null)?.status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (res.headersSent) {
        return res.end()
      }
      return void res.status(status).json({
        errors: [
          {
            message:
              err instanceof URIError ? 'The request path is not validly encoded.' : 'Bad request.',
          },
        ],
      })
    }
    // The database went away before Payload could answer (e.g. while reading the signed-in user).
    if (isDatabaseUnavailable(err)) {
      return void sendDatabaseUnavailable(res)
    }
    payload.logger.error({ err }, 'Unhandled request error')
    if (res.headersSent) {
      return res.end()
    }
    res.status(500).json({ errors: [{ message: 'Something went wrong.' }] })
  })

  if (options.fastPath === false) {
    return app
  }
  // Cached delivery responses are answered by a plain node:http listener before express ever
  // sees the request (src/delivery/fastPath.ts); `listen` is express's own, with that listener.
  // The client's IP as express reads it for the slow path (webAdapter.ts sets it as x-real-ip):
  // with TRUST_PROXY the left-most X-Forwarded-For entry, else the socket's address.
  const clientIp = (req: IncomingMessage): null | string =>
    (app.get('trust proxy')
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          .trim()
      : '') ||
    req.socket.remoteAddress ||
    null
  const fastPath = createFastPath({
    clientIp,
    config,
    fallback: app,
    onFault: (err, res) => {
      if (!isDatabaseUnavailable(err)) {
        return false
      }
      sendDatabaseUnavailable(res)
      return true
    },
    payload,
  })
  const listen = (...args: unknown[]) => {
    const server = http.createServer(fastPath)
    server.prependListener('request', securityHeaders)
    server.on('clientError', answerClientError)
    // node hands CONNECT (proxy tunnels) to this event and drops the connection when no one listens.
    server.on('connect', (_req: IncomingMessage, socket: Duplex) => refuseConnect(socket))
    const last = args[args.length - 1]
    if (typeof last === 'function') {
      let called = false
      const done = (...a: unknown[]) => {
        if (called) {
          return
        }
        called = true
        ;(last as (...a: unknown[]) => void)(...a)
      }
      args[args.length - 1] = done
      server.once('error', done)
    }
    return server.listen(...(args as Parameters<typeof server.listen>))
  }
  return Object.assign(app, { fastPath, listen: listen as Express['listen'] })
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload, SanitizedConfig } from 'payload'

import { Kind, OperationTypeNode, parse, print } from 'graphql'

import { type CachedResponse, deliveryCacheFor } from './cache.js'
import { corsOriginsOf } from './cors.js'

/**
 * Anonymous GraphQL reads of published legal content, answered from the delivery cache.
 *
 * Only queries whose every top-level field is one of the plugin's delivery queries are cached:
 * those read the public archive and published cookie entries, which change only through a
 * publish, and a publish clears the delivery cache (here at once, elsewhere by NOTIFY). Stock
 * collection queries, mutations, introspection and signed-in requests always run.
 *
 * The key is the normalised query (parsed and printed: whitespace, comments and layout do not
 * matter), the operation name, the variables with sorted keys, and the request headers the
 * answer depends on (Accept and Content-Type pick the GraphQL-over-HTTP response type; an
 * allowed Origin adds CORS headers). A miss runs the real handler; its answer, if it is a 200
 * without errors, is stored by `rememberGraphQLResponse` and replayed byte for byte.
 */

export const DELIVERY_QUERY_FIELDS = new Set([
  '__typename',
  'cookieConsentConfig',
  'cookieDeclaration',
  'legalDocument',
  'legalDocumentDiff',
  'legalDocumentVersions',
])

/** Delivery queries are small; bigger bodies go to the slow path unread. */
const MAX_CACHEABLE_BODY = 16 * 1024
const MAX_NORMALISED = 500

export type GraphQLFastPathStats = { hits: number; passed: number; stored: number }

type Pending = { generation: number; key: string; payload: Payload }

/** Bodies the fast path has already read, for the express GraphQL route. */
const prereadBodies = new WeakMap<IncomingMessage, Buffer>()
const pendingStores = new WeakMap<IncomingMessage, Pending>()
const statsByPayload = new WeakMap<Payload, GraphQLFastPathStats>()

/** The request body the fast path already consumed, if it did. */
export function takePrereadBody(req: IncomingMessage): Buffer | undefined {
  const body = prereadBodies.get(req)
  prereadBodies.delete(req)
  return body
}

/**
 * Called by the express GraphQL route with the response it is about to send: stores it when
 * the fast path marked the request cacheable and the answer is a clean 200. Nothing is stored
 * when a publish happened since the request arrived (the generation moved on).
 */
export function rememberGraphQLResponse(
  req: IncomingMessage,
  response: Response,
  body: string,
  hasErrors: boolean,
): void {
  const pending = pendingStores.get(req)
  pendingStores.delete(req)
  if (!pending || hasErrors || response.status !== 200 || response.headers.has('set-cookie')) {
    return
  }
  const headers: [string, string][] = []
  response.headers.forEach((value, key) => headers.push([key, value]))
  const entry: CachedResponse = {
    body: Buffer.from(body, 'utf8'),
    headers,
    status: response.status,
  }
  deliveryCacheFor(pending.payload).setResponse(pending.key, entry, pending.generation)
  const stats = statsByPayload.get(pending.payload)
  if (stats) {
    stats.stored++
  }
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` share a key. */
function stableJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null'
  }
  if (Array.isArray(value)) {
    return `[${value.map(stableJSON).join(',')}]`
  }
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJSON(obj[k])}`)
    .join(',')}}`
}

/** The printed query when it only asks for delivery fields, otherwise null. */
function normaliseDeliveryQuery(query: string): null | string {
  let document
  try {
    document = parse(query, { noLocation: true })
  } catch {
    return null
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
  if (operations.length !== 1) {
    return null
  }
  const operation = operations[0]
  if (
    operation.kind !== Kind.OPERATION_DEFINITION ||
    operation.operation !== OperationTypeNode.QUERY
  ) {
    return null
  }
  if (
    document.definitions.some(
      (d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION,
    )
  ) {
    return null
  }
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !DELIVERY_QUERY_FIELDS.has(selection.name.value)) {
      return null
    }
  }
  return print(document)
}

export function graphqlFastPath(options: {
  config: SanitizedConfig
  fallback: (req: IncomingMessage, res: ServerResponse) => void
  payload: Payload
}) {
  const { config, fallback, payload } = options
  const path = `${config.routes.api}/graphql`
  const enabled = !config.graphQL?.disable
  const cache = deliveryCacheFor(payload)
  const normalised = new Map<string, null | string>()
  const stats: GraphQLFastPathStats = { hits: 0, passed: 0, stored: 0 }
  statsByPayload.set(payload, stats)
  const corsOrigins = corsOriginsOf(config)

  const normalise = (query: string): null | string => {
    let result = normalised.get(query)
    if (result === undefined) {
      result = normaliseDeliveryQuery(query)
      if (normalised.size >= MAX_NORMALISED) {
        normalised.delete(normalised.keys().next().value as string)
      }
      normalised.set(query, result)
    }
    return result
  }

  /** The cache key of a request body, or null when it must not come from the cache. */
  const keyOf = (req: IncomingMessage, body: Buffer): null | string => {
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      return null
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return null
    }
    const { operationName, query, variables, ...rest } = parsed as Record<string, unknown>
    if (Object.keys(rest).length || typeof query !== 'string') {
      return null
    }
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return null
    }
    if (operationName != null && typeof operationName !== 'string') {
      return null
    }
    const printed = normalise(query)
    if (printed === null) {
      return null
    }
    const origin = req.headers.origin
    const originKey = origin !== undefined && corsOrigins?.includes(origin) ? origin : ''
    return [
      'gql',
      req.headers.accept ?? '',
      req.headers['content-type'] ?? '',
      originKey,
      operationName ?? '',
      stableJSON(variables ?? {}),
      printed,
    ].join('\u0000')
  }

  const send = (res: ServerResponse, entry: CachedResponse) => {
    // As the slow path's sendWebResponse sends it: same calls, same header order.
    res.statusCode = entry.status
    for (const [key, value] of entry.headers) {
      res.setHeader(key, value)
    }
    res.end(entry.body)
  }

  const decide = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    prereadBodies.set(req, body)
    let key: null | string = null
    try {
      key = keyOf(req, body)
    } catch (err) {
      payload.logger.error({ err }, 'GraphQL fast path failed; answering through the slow path')
    }
    if (key !== null) {
      const hit = cache.getResponse(key)
      if (hit) {
        prereadBodies.delete(req)
        stats.hits++
        return send(res, hit)
      }
      pendingStores.set(req, { generation: cache.currentGeneration, key, payload })
    }
    stats.passed++
    fallback(req, res)
  }

  return {
    handles: (url: string) => enabled && url === path,
    stats,
    /** For an anonymous POST to the GraphQL path. */
    serve(req: IncomingMessage, res: ServerResponse): void {
      const length = Number(req.headers['content-length'])
      if (
        req.headers['transfer-encoding'] !== undefined ||
        !Number.isInteger(length) ||
        length < 0 ||
        length > MAX_CACHEABLE_BODY
      ) {
        stats.passed++
        return fallback(req, res)
      }
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.once('end', () =>
        decide(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
      )
      req.once('error', () => res.destroy())
    },
  }
}

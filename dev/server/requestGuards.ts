import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * What the REST API accepts, checked in express before Payload reads anything. Payload's own
 * handlers trust their input more than a public server can: a body of any size is read, a body
 * that is not a JSON object or arrives with another content type ends in a 500, a NUL character
 * or a lone surrogate reaches PostgreSQL (which refuses it: 500), and deeply nested JSON
 * overflows the stack while Payload copies it (500). Each of these is the client's mistake,
 * so it gets a 4xx JSON error here instead, before anything runs.
 */
export const API_BODY_LIMITS = {
  /** Bytes of a REST request body. A long legal section is ~100 KB of Lexical JSON. */
  maxBytes: 1024 * 1024,
  /** Nesting of objects and arrays. Lexical needs about four levels per nested list. */
  maxDepth: 100,
  /** Items of one array (a document's sections, a node's children). */
  maxArrayLength: 5000,
} as const

const METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'])

export type GuardFailure = { message: string; status: number }
/** `queryInBody`: the body is a query string (POST with `X-Payload-HTTP-Method-Override: GET`). */
export type GuardResult =
  { body?: Buffer; ok: true; queryInBody?: boolean } | ({ ok: false } & GuardFailure)

const fail = (status: number, message: string): GuardResult => ({ message, ok: false, status })

/** Answers a refused request the way Payload answers its own errors. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ errors: [{ message }] })
  res.writeHead(status, {
    'content-length': Buffer.byteLength(body),
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  })
  res.end(body)
}

/**
 * The whole request body, or null when it is larger than `limit` bytes (then the rest is not
 * read: the connection is closed after the answer).
 */
export async function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    return null
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) {
      return null
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why a parsed JSON value is refused, or null. Walks without recursion: depth is what is checked. */
export function checkJsonValue(
  value: unknown,
  limits: { maxArrayLength: number; maxDepth: number } = API_BODY_LIMITS,
): null | string {
  const badString = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s)
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (typeof node === 'string') {
      if (badString(node)) {
        return 'Text in the request contains a NUL character or an unpaired surrogate.'
      }
      continue
    }
    if (node === null || typeof node !== 'object') {
      continue
    }
    if (depth > limits.maxDepth) {
      return `The request body is nested more than ${limits.maxDepth} levels deep.`
    }
    if (Array.isArray(node)) {
      if (node.length > limits.maxArrayLength) {
        return `A list in the request has more than ${limits.maxArrayLength} items.`
      }
      for (const item of node) {
        stack.push([item, depth + 1])
      }
    } else {
      for (const [key, item] of Object.entries(node)) {
        if (badString(key)) {
          return 'A key in the request contains a NUL character or an unpaired surrogate.'
        }
        stack.push([item, depth + 1])
      }
    }
  }
  return null
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** A JSON object from raw bytes, or why not. */
export function parseJsonObject(
  bytes: Buffer | string,
): { message: string; ok: false } | { ok: true; value: Record<string, unknown> } {
  let text: string
  try {
    text = typeof bytes === 'string' ? bytes : utf8.decode(bytes)
  } catch {
    return { message: 'The request body is not valid UTF-8.', ok: false }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { message: 'The request body is not valid JSON.', ok: false }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { message: 'The request body must be a JSON object.', ok: false }
  }
  const problem = checkJsonValue(value)
  return problem
    ? { message: problem, ok: false }
    : { ok: true, value: value as Record<string, unknown> }
}

function mediaType(header: string | undefined): { params: Map<string, string>; type: string } {
  const [type = '', ...rest] = (header ?? '').split(';')
  const params = new Map<string, string>()
  for (const part of rest) {
    const eq = part.indexOf('=')
    if (eq > 0) {
      params.set(
        part.slice(0, eq).trim().toLowerCase(),
        part
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      )
    }
  }
  return { type: type.trim().toLowerCase(), params }
}

/** The `_payload` field of a multipart body (Payload's admin sends its JSON there), when there is one. */
function multipartPayloadField(body: Buffer, boundary: string): Buffer | null {
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length)
    if (next === -1) {
      return null
    }
    const part = body.subarray(start + delimiter.length, next)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (
      headerEnd !== -1 &&
      /name="_payload"/i.test(part.subarray(0, headerEnd).toString('latin1'))
    ) {
      return part.subarray(headerEnd + 4, part.length - 2)
    }
    start = next
  }
  return null
}

/** Content types a legal text cannot need: only identity encoding is read. */
const ENCODED = (value: string | undefined) =>
  value !== undefined && value.trim().toLowerCase() !== 'identity' && value.trim() !== ''

/**
 * Checks a REST request (everything under the API route except GraphQL) and reads its body.
 * JSON bodies must be one object within the limits; multipart bodies (the admin's form posts)
 * have their `_payload` JSON checked the same way; a urlencoded body is accepted only as
 * Payload's "POST a long query string" (`X-Payload-HTTP-Method-Override: GET`). On success the
 * body comes back as bytes to hand on.
 */
/**
 * `plainTextJson`: also accept a JSON object sent as text/plain (root endpoints only: the
 * consent log's `navigator.sendBeacon`, which a browser sends without a CORS preflight).
 */
export async function guardRestRequest(
  req: IncomingMessage,
  { plainTextJson = false }: { plainTextJson?: boolean } = {},
): Promise<GuardResult> {
  const method = (req.method ?? 'GET').toUpperCase()
  if (!METHODS.has(method)) {
    return fail(405, `The method ${method} is not allowed.`)
  }
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
    return { ok: true }
  }
  if (ENCODED(req.headers['content-encoding'])) {
    return fail(415, 'Compressed request bodies are not accepted.')
  }

  const body = await readLimitedBody(req, API_BODY_LIMITS.maxBytes)
  if (body === null) {
    return fail(413, `The request body is larger than ${API_BODY_LIMITS.maxBytes / 1024} KB.`)
  }
  if (body.length === 0) {
    return { body, ok: true }
  }

  const { type, params } = mediaType(req.headers['content-type'])
  /** A JSON body's checks: sent as UTF-8, one object. */
  const jsonBody = (): GuardResult => {
    const charset = params.get('charset')
    if (charset && charset.toLowerCase() !== 'utf-8') {
      return fail(415, 'JSON must be sent as UTF-8.')
    }
    const parsed = parseJsonObject(body)
    return parsed.ok ? { body, ok: true } : fail(400, parsed.message)
  }
  if (type === 'application/json') {
    const checked = jsonBody()
    if (checked.ok) {
      // Payload recognises JSON only by this exact media type.
      req.headers['content-type'] = 'application/json'
    }
    return checked
  }
  if (type === 'text/plain' && plainTextJson && method === 'POST') {
    return jsonBody()
  }
  if (type === 'multipart/form-data') {
    const boundary = params.get('boundary')
    if (!boundary) {
      return fail(400, 'A multipart body needs a boundary.')
    }
    // Payload reads a multipart body's data from its `_payload` field (the admin always sends
    // one); without it there is nothing to save.
    const field = multipartPayloadField(body, boundary)
    if (!field) {
      return fail(400, 'A multipart body must carry its JSON in a "_payload" field.')
    }
    const parsed = parseJsonObject(field)
    if (!parsed.ok) {
      return fail(400, parsed.message)
    }
    return { body, ok: true }
  }
  const override = String(
    req.headers['x-payload-http-method-override'] ?? req.headers['x-http-method-override'] ?? '',
  )
  if (type === 'application/x-www-form-urlencoded' && method === 'POST' && override === 'GET') {
    if (!utf8Valid(body) || body.includes(0)) {
      return fail(400, 'The query in the request body is not valid.')
    }
    req.headers['content-type'] = 'application/x-www-form-urlencoded'
    return { body, ok: true, queryInBody: true }
  }
  return fail(
    415,
    'Send the request body as JSON (Content-Type: application/json) or multipart/form-data.',
  )
}

function utf8Valid(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Checks the media type of a GraphQL POST: JSON only (GraphQL over HTTP). */
export function graphqlContentTypeProblem(req: IncomingMessage): GuardFailure | null {
  if (ENCODED(req.headers['content-encoding'])) {
    return { message: 'Compressed request bodies are not accepted.', status: 415 }
  }
  const { type, params } = mediaType(req.headers['content-type'])
  const charset = params.get('charset')
  if (type !== 'application/json' || (charset && charset.toLowerCase() !== 'utf-8')) {
    return {
      message: 'Send GraphQL requests as JSON: Content-Type: application/json.',
      status: 415,
    }
  }
  return null
}

/** A CONNECT request (a proxy tunnel): this server is no proxy. */
export function refuseConnect(socket: Duplex): void {
  const body = JSON.stringify({ errors: [{ message: 'The method CONNECT is not allowed.' }] })
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/**
 * Node answers requests it cannot parse (headers over 16 KB, a malformed request line) itself,
 * with a bare status line. Answer them with a JSON error like every other refusal.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (socket as { _httpMessage?: unknown } & Duplex)._httpMessage) {
    socket.destroy()
    return
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const reason =
    status === 431
      ? 'Request Header Fields Too Large'
      : status === 408
        ? 'Request Timeout'
        : 'Bad Request'
  const message =
    status === 431
      ? 'The request line and headers are larger than 16 KB.'
      : status === 408
        ? 'The request took too long.'
        : 'The request is malformed.'
  const body = JSON.stringify({ errors: [{ message }] })
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/**
 * HTTP helpers for a running host app, shared by the host test (test/host-app/run.ts) and the
 * host benchmark (bench/host.ts). Importing this module runs nothing.
 */
import { check } from './prepareHost'

export { richText } from '../helpers/lexical'

type Json = Record<string, any>

export type Reply = {
  body: Json
  bytes: Buffer
  headers: Headers
  status: number
  text: string
  url: string
}

export type Request = (
  method: string,
  urlPath: string,
  token: null | string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply>

/** `request(method, path, token, jsonBody?, headers?)` against `baseUrl`; a token is sent as `Authorization: JWT …`. */
export function client(baseUrl: string): Request {
  return async function request(method, urlPath, token, body, headers = {}) {
    const res = await fetch(`${baseUrl}${urlPath}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      method,
    })
    const bytes = Buffer.from(await res.arrayBuffer())
    const text = bytes.toString('utf8')
    let json: Json = {}
    if (/json/.test(res.headers.get('content-type') ?? '') && text) {
      json = JSON.parse(text) as Json
    }
    return { body: json, bytes, headers: res.headers, status: res.status, text, url: res.url }
  }
}

export function expectStatus(reply: Reply, status: number, what: string): void {
  check(
    reply.status === status,
    `${what}: HTTP ${reply.status}, expected ${status}`,
    reply.text.slice(0, 2000),
  )
}

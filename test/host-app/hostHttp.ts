/**
 * HTTP helpers for a running host app, shared by the host test (test/host-app/run.ts) and the
 * host benchmark (bench/host.ts). Importing this module runs nothing.
 */
import { check } from './prepareHost'

export { richText } from '../helpers/lexical'

type Json = Record<string, any>


export type Reply = { status: number; body: Json; text: string; bytes: Buffer; headers: Headers; url: string }

export type Request = (method: string, urlPath: string, token: string | null, body?: unknown, headers?: Record<string, string>) => Promise<Reply>

/** `request(method, path, token, jsonBody?, headers?)` against `baseUrl`; a token is sent as `Authorization: JWT …`. */
export function client(baseUrl: string): Request {
  return async function request(method, urlPath, token, body, headers = {}) {
    const res = await fetch(`${baseUrl}${urlPath}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const bytes = Buffer.from(await res.arrayBuffer())
    const text = bytes.toString('utf8')
    let json: Json = {}
    if (/json/.test(res.headers.get('content-type') ?? '') && text) json = JSON.parse(text) as Json
    return { status: res.status, body: json, text, bytes, headers: res.headers, url: res.url }
  }
}

export function expectStatus(reply: Reply, status: number, what: string): void {
  check(reply.status === status, `${what}: HTTP ${reply.status}, expected ${status}`, reply.text.slice(0, 2000))
}

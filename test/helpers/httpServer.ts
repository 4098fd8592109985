import type { IncomingHttpHeaders, Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import http from 'node:http'

import type { SecuritySettings } from '../../dev/server/settings'
import type { TestApp } from './testPayload'

import { createServer } from '../../dev/server/createServer'

/** The real express server (without Next, which only serves the admin UI) on a free port. */
export async function listen(
  app: TestApp,
  options: { security?: SecuritySettings } = {},
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const express = await createServer({
    config: app.config,
    payload: app.payload,
    readinessTimeoutMs: 1500,
    security: options.security,
  })
  const server: Server = await new Promise((resolve) => {
    const s = express.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type RawResponse = { headers: IncomingHttpHeaders; status: number; text: string }

/**
 * One request on a connection of its own with exactly the headers given (plus content-length for
 * a body), for what fetch does not let a test control (Origin, Cookie, Host, raw bodies).
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<RawResponse> {
  const url = new URL(baseUrl)
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent: false,
        headers: { ...headers, ...(payload ? { 'content-length': String(payload.length) } : {}) },
        host: url.hostname,
        method,
        path,
        port: url.port,
      },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ headers: res.headers, status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    if (payload) {
      req.write(payload)
    }
    req.end()
  })
}

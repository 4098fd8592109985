import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

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

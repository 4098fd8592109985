/**
 * The lifecycle most test files of the served app share: the reference app on its own database
 * behind the real express server, started in beforeAll and closed in afterAll.
 */
import { afterAll, beforeAll } from '@jest/globals'

import { listen } from './httpServer'
import { closeServed } from './staffApp'
import { startTestPayload, type TestApp } from './testPayload'

export type ServedApp = { app: TestApp; server: Awaited<ReturnType<typeof listen>> }

/** Registers the hooks; the fields are set once beforeAll has run. */
export function serveTestApp(options?: Parameters<typeof startTestPayload>[0]): ServedApp {
  const served: Partial<ServedApp> = {}
  beforeAll(async () => {
    served.app = await startTestPayload(options)
    served.server = await listen(served.app)
  })
  afterAll(() => closeServed(served))
  return served as ServedApp
}

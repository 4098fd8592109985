/**
 * The test app served over HTTP with the staff most tests write and review as: an editor and a
 * reviewer. Nothing here imports jest: the browser tests start it too (consentSetup.ts).
 */
import type { Payload } from 'payload'

import { listen } from './httpServer'
import { startTestPayload, type TestApp } from './testPayload'
import { createUser, type TestUser } from './users'

export type StaffApp = {
  app: TestApp
  editor: TestUser
  payload: Payload
  reviewer: TestUser
  server: Awaited<ReturnType<typeof listen>>
}

/** Closes the server, then the app: as much of them as was started (a failed start sets less). */
export async function closeServed(served: Partial<StaffApp> | undefined): Promise<void> {
  await served?.server?.close()
  await served?.app?.close()
}

/** The app with the users `editor` and `reviewer`, or `<prefix>-editor` and `<prefix>-reviewer`. */
export async function startStaffApp(
  options?: Parameters<typeof startTestPayload>[0],
  prefix?: string,
): Promise<StaffApp> {
  const app = await startTestPayload(options)
  let server: StaffApp['server'] | undefined
  try {
    server = await listen(app)
    const name = (role: string) => (prefix ? `${prefix}-${role}` : role)
    const editor = await createUser(app.payload, name('editor'), ['editor'])
    const reviewer = await createUser(app.payload, name('reviewer'), ['reviewer'])
    return { app, editor, payload: app.payload, reviewer, server }
  } catch (err) {
    // The caller never gets the app to close: close it here.
    await closeServed({ app, server })
    throw err
  }
}

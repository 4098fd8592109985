/**
 * Set-up the consent and cookie tests share, in jest and in the browser: the test app on the
 * real express server with an editor and a reviewer to write and review cookie entries, and the
 * cookie entries their declarations are made of.
 */
import { listen } from './httpServer'
import { startTestPayload, type TestApp } from './testPayload'
import { createUser, type TestUser } from './users'

/** The site's own sign-in cookie: strictly necessary, so never behind consent. */
export const SESSION_COOKIE = {
  name: 'session_id',
  category: 'necessary',
  duration: 'Session',
  party: 'first',
  purpose: 'Keeps you signed in.',
  service: 'Website',
}

/** A third party's analytics cookie, the kind consent is asked for. */
export const ANALYTICS_COOKIE = {
  name: '_ga_*',
  category: 'analytics',
  duration: '2 years',
  party: 'third',
  provider: 'Google',
  purpose: 'Counts visits.',
  service: 'Google Analytics',
}

export type ServedApp = {
  app: TestApp
  editor: TestUser
  reviewer: TestUser
  server: Awaited<ReturnType<typeof listen>>
}

/** The test app served over HTTP, with the users `<prefix>-editor` and `<prefix>-reviewer`. */
export async function startServedApp(
  prefix: string,
  options?: Parameters<typeof startTestPayload>[0],
): Promise<ServedApp> {
  const app = await startTestPayload(options)
  let server: ServedApp['server'] | undefined
  try {
    server = await listen(app)
    const editor = await createUser(app.payload, `${prefix}-editor`, ['editor'])
    const reviewer = await createUser(app.payload, `${prefix}-reviewer`, ['reviewer'])
    return { app, editor, reviewer, server }
  } catch (err) {
    // The caller never gets the app to close: close it here.
    await server?.close()
    await app.close()
    throw err
  }
}

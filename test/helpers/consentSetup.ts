/**
 * Set-up the consent and cookie tests share, in jest and in the browser: the test app on the
 * real express server with an editor and a reviewer to write and review cookie entries, and the
 * cookie entries their declarations are made of.
 */
import { type StaffApp, startStaffApp } from './staffApp'

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

export type ServedApp = StaffApp

/** The test app served over HTTP, with the users `<prefix>-editor` and `<prefix>-reviewer`. */
export const startServedApp = (
  prefix: string,
  options?: Parameters<typeof startStaffApp>[0],
): Promise<ServedApp> => startStaffApp(options, prefix)

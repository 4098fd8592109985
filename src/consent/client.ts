/**
 * Browser side of the consent log: wires cookieconsent 3's `onFirstConsent` and `onChange` to
 * `POST /api/legal/consents` (docs/API.md "Consent log"). Plain browser code: no Payload, no
 * React, no Node. cookieconsent is passed in, not imported, so any way of loading it works.
 *
 * @example
 * import * as CookieConsent from 'vanilla-cookieconsent'
 * import { logConsent } from 'payload-plugin-legal-documents/consent'
 * const log = logConsent({ endpoint: 'https://legal.example.org/api/legal/consents', cookieConsent: CookieConsent })
 * CookieConsent.run({ ...configFromTheServer, onFirstConsent: log.onFirstConsent, onChange: log.onChange })
 */

/** The part of cookieconsent 3's API the logger reads. */
export type CookieConsentApi = {
  getCookie: () => { consentId?: string; languageCode?: string; revision?: number }
  getUserPreferences: () => {
    acceptedCategories: string[]
    acceptedServices: Record<string, string[]>
    acceptType: 'all' | 'custom' | 'necessary'
    rejectedCategories: string[]
    rejectedServices: Record<string, string[]>
  }
}

export type LogConsentOptions = {
  /** Tries with fetch after a network failure (not after an answer: a 4xx is final). Default 4. */
  attempts?: number
  cookieConsent: CookieConsentApi
  /** The full URL of `POST /api/legal/consents` on the legal server. */
  endpoint: string
  /** For tests: the browser's own by default. */
  fetch?: typeof fetch
  /** Called when a record could not be delivered (last network error, or the server's refusal). */
  onError?: (error: unknown) => void
  /** First wait before a retry, doubled each time. Default 1000 ms. */
  retryDelayMs?: number
  sendBeacon?: (url: string, data: string) => boolean
  /** Send the page's origin and path (never its query or fragment). Default true. */
  sendPageUrl?: boolean
}

export type ConsentPayload = {
  acceptedCategories: string[]
  acceptedServices: Record<string, string[]>
  acceptType: string
  consentId: string
  language?: string
  pageUrl?: string
  rejectedCategories: string[]
  rejectedServices: Record<string, string[]>
  revision: number
}

/** What cookieconsent holds right now, as the endpoint takes it. */
export function consentPayload(cc: CookieConsentApi, pageUrl?: string): ConsentPayload {
  const cookie = cc.getCookie()
  const prefs = cc.getUserPreferences()
  return {
    acceptedCategories: prefs.acceptedCategories,
    acceptedServices: prefs.acceptedServices,
    acceptType: prefs.acceptType,
    consentId: String(cookie.consentId ?? ''),
    rejectedCategories: prefs.rejectedCategories,
    rejectedServices: prefs.rejectedServices,
    revision: Number(cookie.revision ?? 0),
    ...(cookie.languageCode ? { language: cookie.languageCode } : {}),
    ...(pageUrl ? { pageUrl } : {}),
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `{ onFirstConsent, onChange }` for `CookieConsent.run`. Each sends the visitor's choice once:
 * first with `navigator.sendBeacon` (survives the page being closed or navigated away right
 * after the click), else with `fetch(…, { keepalive: true })`, retried with exponential
 * backoff while the network fails. The body goes as `text/plain` JSON: a "simple" request, so
 * no CORS preflight is needed and sendBeacon can send it cross-origin.
 */
export function logConsent(options: LogConsentOptions): {
  onChange: () => void
  onFirstConsent: () => void
  send: () => Promise<boolean>
} {
  const attempts = options.attempts ?? 4
  const delay = options.retryDelayMs ?? 1000
  const doFetch =
    options.fetch ?? (typeof fetch === 'function' ? fetch.bind(globalThis) : undefined)
  const beacon =
    options.sendBeacon ??
    (typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function'
      ? (url: string, data: string) =>
          navigator.sendBeacon(url, new Blob([data], { type: 'text/plain;charset=UTF-8' }))
      : undefined)

  async function send(): Promise<boolean> {
    const page =
      options.sendPageUrl === false || typeof location === 'undefined'
        ? undefined
        : `${location.origin}${location.pathname}`
    const body = JSON.stringify(consentPayload(options.cookieConsent, page))
    // sendBeacon only says whether the browser queued the request; queued is as good as it gets.
    if (beacon && beacon(options.endpoint, body)) {
      return true
    }
    if (!doFetch) {
      return false
    }
    let lastError: unknown
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) {
        await wait(delay * 2 ** (attempt - 1))
      }
      try {
        const res = await doFetch(options.endpoint, {
          body,
          credentials: 'omit',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          keepalive: true,
          method: 'POST',
          mode: 'cors',
        })
        if (res.ok) {
          return true
        }
        // 429 and 5xx may pass; any other answer will not change on a retry.
        lastError = new Error(`Consent log answered ${res.status}`)
        if (res.status !== 429 && res.status < 500) {
          break
        }
      } catch (err) {
        lastError = err
      }
    }
    options.onError?.(lastError)
    return false
  }

  const handler = () => {
    void send()
  }
  return { onChange: handler, onFirstConsent: handler, send }
}

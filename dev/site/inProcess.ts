/**
 * A `fetch` for `SiteApiOptions` that hands the pages' GraphQL queries to a handler in this
 * process (Payload's `GRAPHQL_POST(config)`) instead of the network. It is what the pages use
 * when `LEGAL_API_URL` is unset: no URL is ever built from a request's headers, so a forged Host
 * header cannot make the server fetch (and show) another server's text.
 *
 * The pages read as an anonymous reader: only the JSON body crosses over. The URL the caller
 * asked for, its headers (cookies, Authorization) and every other option are dropped, so the
 * handler sees a fresh request with no credentials and answers with published content only.
 * No Payload or Next import here: the handler is given, so the tests pass the real one.
 */

/** The base URL the pages use with the in-process fetch; it never reaches the network. */
export const IN_PROCESS_BASE_URL = 'http://in-process.invalid'

export type GraphQLHandler = (request: Request) => Promise<Response>

export function inProcessGraphQLFetch(handler: GraphQLHandler): typeof fetch {
  const inProcessFetch = async (
    _input: RequestInfo | URL,
    init: RequestInit = {},
  ): Promise<Response> => {
    if ((init.method ?? 'GET').toUpperCase() !== 'POST' || typeof init.body !== 'string') {
      throw new TypeError('The in-process GraphQL fetch takes a POST with a JSON string body.')
    }
    const signal = init.signal ?? undefined
    signal?.throwIfAborted()
    const request = new Request(`${IN_PROCESS_BASE_URL}/api/graphql`, {
      body: init.body,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      method: 'POST',
    })
    const answer = handler(request)
    if (!signal) {
      return answer
    }
    // Payload's handler does not listen to the signal: the timeout still ends the wait (and a
    // late failure of the abandoned answer is not an unhandled rejection).
    answer.catch(() => {})
    let onAbort = () => {}
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () =>
        reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)))
      signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      return await Promise.race([answer, aborted])
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }
  return inProcessFetch
}

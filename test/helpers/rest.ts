/**
 * JSON over REST, for the tests and the soak run (bench/soak.ts uses jsonRequest): nothing here
 * may import jest, which a plain `node` process cannot load.
 */
export type Json = Record<string, any>
export type RestResult = { body: Json; status: number }
export type Rest = ReturnType<typeof restClient>

/**
 * The `fetch` options of a JSON request as a user (JWT) or anonymously; with `timeoutMs`, one
 * that gets no answer by then is aborted (a hung server fails its caller instead of stalling it).
 */
export function jsonRequest(
  method: string,
  token: null | string,
  body?: unknown,
  timeoutMs?: number,
): RequestInit {
  return {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    method,
    ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
  }
}

/** A JSON REST call to the test server, as a user (JWT) or anonymously. */
export function restClient(baseUrl: () => string) {
  return async function rest(
    method: string,
    path: string,
    token: null | string,
    body?: unknown,
  ): Promise<RestResult> {
    const res = await fetch(`${baseUrl()}/api${path}`, jsonRequest(method, token, body))
    const text = await res.text()
    return { body: text ? (JSON.parse(text) as Json) : {}, status: res.status }
  }
}

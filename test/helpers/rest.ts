export type Json = Record<string, any>
export type RestResult = { status: number; body: Json }

/** A JSON REST call to the test server, as a user (JWT) or anonymously. */
export function restClient(baseUrl: () => string) {
  return async function rest(method: string, path: string, token: string | null, body?: unknown): Promise<RestResult> {
    const res = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} }
  }
}

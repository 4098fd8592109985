export type Json = Record<string, any>
export type RestResult = { body: Json; status: number }

/** A JSON REST call to the test server, as a user (JWT) or anonymously. */
export function restClient(baseUrl: () => string) {
  return async function rest(
    method: string,
    path: string,
    token: null | string,
    body?: unknown,
  ): Promise<RestResult> {
    const res = await fetch(`${baseUrl()}/api${path}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      method,
    })
    const text = await res.text()
    return { body: text ? (JSON.parse(text) as Json) : {}, status: res.status }
  }
}

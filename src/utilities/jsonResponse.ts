/**
 * The JSON answers of the plugin's endpoints that speak to one caller (records, refusals,
 * exports' errors): never stored by a cache.
 */
export function noStoreJson(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    headers: {
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      ...headers,
    },
    status,
  })
}

/** A refusal in Payload's error shape: `{ errors: [{ message, data? }] }`. */
export const jsonRefusal = (
  status: number,
  message: string,
  headers: Record<string, string> = {},
  data?: Record<string, unknown>,
): Response => noStoreJson(status, { errors: [{ message, ...(data ? { data } : {}) }] }, headers)

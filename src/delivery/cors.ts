import { headersWithCors, type Payload, type SanitizedConfig } from 'payload'

/**
 * The origins Payload's CORS configuration lists (`cors: [...]` or `cors: { origins: [...] }`),
 * or null ('*' or no CORS). Only a listed origin gets headers of its own; every other request
 * gets the same ones, which the fast paths compute once per cached body.
 */
export function corsOriginsOf(config: SanitizedConfig): null | string[] {
  const cors = config.cors as unknown
  return Array.isArray(cors)
    ? (cors as string[])
    : cors && typeof cors === 'object' && Array.isArray((cors as { origins?: unknown }).origins)
      ? (cors as { origins: string[] }).origins
      : null
}

/** Payload's CORS headers for a request from `origin`, as `handleEndpoints` adds them. */
export function withCorsHeaders(
  payload: Payload,
  response: Response,
  origin: null | string,
): Headers {
  return headersWithCors({
    headers: new Headers(response.headers),
    req: { headers: new Headers(origin ? { origin } : undefined), payload },
  })
}

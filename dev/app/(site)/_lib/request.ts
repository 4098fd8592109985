import { cache } from 'react'

import type { SiteApiOptions } from '../../../site/api'

import { apiBaseUrl } from '../../../site/format'
import {
  type GraphQLHandler,
  IN_PROCESS_BASE_URL,
  inProcessGraphQLFetch,
} from '../../../site/inProcess'

/** Request header carrying the page language to the root layout (which cannot read the query). */
export const LOCALE_HEADER = 'x-legal-site-locale'

let inProcessHandler: Promise<GraphQLHandler> | undefined

/** Payload's own GraphQL handler with this app's config, loaded once. */
function payloadGraphQL(): Promise<GraphQLHandler> {
  inProcessHandler ??= Promise.all([import('@payloadcms/next/routes'), import('@payload-config')])
    .then(([{ GRAPHQL_POST }, { default: config }]) => GRAPHQL_POST(config))
    .catch((err: unknown) => {
      inProcessHandler = undefined
      throw err
    })
  return inProcessHandler
}

/**
 * Where the pages get their data: the delivery API at `LEGAL_API_URL` when it is set, else
 * Payload's GraphQL handler in this process (as an anonymous reader; see `site/inProcess.ts`).
 * Never a URL taken from the request (Host, X-Forwarded-*): that would let a client point the
 * server at any host. Null (the pages say the API is unavailable) when `LEGAL_API_URL` is set
 * but is not a plain http(s) URL.
 */
export const siteApiOptions = cache((): null | SiteApiOptions => {
  const configured = process.env.LEGAL_API_URL?.trim()
  if (configured) {
    const baseUrl = apiBaseUrl(configured)
    if (!baseUrl) {
      // eslint-disable-next-line no-console -- a configuration fault, written where the site's operator reads it
      console.error(
        'LEGAL_API_URL is not an http(s) URL without credentials, query or fragment; the /legal pages cannot reach the API.',
      )
    }
    return baseUrl ? { baseUrl } : null
  }
  return {
    baseUrl: IN_PROCESS_BASE_URL,
    fetch: inProcessGraphQLFetch(async (request) => (await payloadGraphQL())(request)),
  }
})

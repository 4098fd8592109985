import type { Endpoint, Payload, SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

import { match } from 'path-to-regexp'

import type { GuardFailure } from './requestGuards'

/**
 * Checks a REST request's method and path against the endpoints Payload would serve, before
 * Payload runs any of them.
 *
 * Payload registers the same endpoints on every collection and global and leaves it to the
 * operation to notice what does not apply: restoring a version of a collection that keeps
 * none, verifying an e-mail on accounts that are not verified, or an id that is no number on
 * PostgreSQL all end in a 500; a path it has no route for answers 501. These are requests for
 * something that is not there: 404, or 405 when the path exists with other methods. The
 * endpoints are read from Payload's sanitized config, so a plugin's or host's own are known too.
 */

type Target =
  | {
      config: SanitizedCollectionConfig
      customIDType?: string
      endpoints: Endpoint[] | false
      kind: 'collection'
      slug: string
    }
  | { config: SanitizedGlobalConfig; endpoints: Endpoint[] | false; kind: 'global'; slug: string }
  | { endpoints: Endpoint[] | false; kind: 'root' }

const matchers = new WeakMap<Endpoint, ReturnType<typeof match>>()
function matches(endpoint: Endpoint, path: string): null | Record<string, string> {
  let fn = matchers.get(endpoint)
  if (!fn) {
    fn = match(endpoint.path, { decode: decodeURIComponent })
    matchers.set(endpoint, fn)
  }
  try {
    const result = fn(path)
    return result ? (result.params as Record<string, string>) : null
  } catch {
    return null
  }
}

/** What a path under the API route names, read as Payload's handleEndpoints reads it. */
function resolveTarget(payload: Payload, apiPath: string): { rest: string; target: Target } {
  let path = apiPath
  const isGlobal = path.startsWith('/globals/')
  if (isGlobal) {
    path = path.slice('/globals'.length)
  }
  const first = path.split('/')[1] ?? ''
  if (isGlobal) {
    const global = payload.globals.config.find((g) => g.slug === first)
    if (global) {
      return {
        rest: path.slice(first.length + 1) || '/',
        target: { slug: first, config: global, endpoints: global.endpoints, kind: 'global' },
      }
    }
  } else {
    const collection = (
      payload.collections as Record<
        string,
        Payload['collections'][keyof Payload['collections']] | undefined
      >
    )[first]
    if (collection) {
      return {
        rest: path.slice(first.length + 1) || '/',
        target: {
          slug: first,
          config: collection.config,
          customIDType: collection.customIDType,
          endpoints: collection.config.endpoints,
          kind: 'collection',
        },
      }
    }
  }
  return { rest: apiPath || '/', target: { endpoints: payload.config.endpoints, kind: 'root' } }
}

/** Whether `apiPath` names a collection or a global (whose endpoints read Payload's query parameters), or a root endpoint. */
export function apiTargetKind(payload: Payload, apiPath: string): Target['kind'] {
  return resolveTarget(payload, apiPath).target.kind
}

const notFound = (message: string): GuardFailure => ({ message, status: 404 })

/**
 * Why Payload cannot serve `method` on `apiPath` (the path after the API route, e.g.
 * `/legal-documents/1`), or null when it can. `hasWhere`: the query string has a `where`.
 */
export function apiRouteProblem(
  payload: Payload,
  method: string,
  apiPath: string,
  hasWhere: boolean,
): ({ allow?: string } & GuardFailure) | null {
  const path = apiPath.replace(/\/+$/, '') || '/'
  const { rest, target } = resolveTarget(payload, path)
  const where =
    target.kind === 'root'
      ? `/api${path}`
      : `${target.kind === 'global' ? 'The global' : 'The collection'} "${target.slug}"`
  if (target.endpoints === false || (target.kind === 'root' && path === '/')) {
    return notFound(`There is no API route at ${`/api${path}`}.`)
  }
  const lower = method.toLowerCase()
  const candidates = target.endpoints.flatMap((endpoint) => {
    const params = matches(endpoint, rest)
    return params ? [{ endpoint, params }] : []
  })
  if (!candidates.length) {
    return notFound(
      target.kind === 'root'
        ? `There is no API route at /api${path}.`
        : `${where} has no route at ${rest}.`,
    )
  }
  const hit = candidates.find((c) => c.endpoint.method === lower)
  if (!hit) {
    if (lower === 'options') {
      return null
    }
    const allow = [...new Set(candidates.map((c) => c.endpoint.method.toUpperCase()))].join(', ')
    return { allow, message: `${method} is not allowed at /api${path}; use ${allow}.`, status: 405 }
  }
  if (target.kind === 'root') {
    return null
  }

  const endpointPath = hit.endpoint.path
  if (endpointPath.startsWith('/versions') && !target.config.versions) {
    return notFound(`${where} keeps no versions.`)
  }
  if (target.kind !== 'collection') {
    return null
  }
  const auth = target.config.auth
  if (endpointPath === '/verify/:id' && !auth?.verify) {
    return notFound(`${where} does not verify e-mail addresses.`)
  }
  if (endpointPath === '/:id/api-key/reveal' && !auth?.useAPIKey) {
    return notFound(`${where} has no API keys.`)
  }
  // PostgreSQL ids are whole numbers unless the collection declares its own id field.
  const id = hit.params.id
  if (id !== undefined && !target.customIDType && !/^\d{1,15}$/.test(id)) {
    return notFound(`${where} has no document with id "${id}".`)
  }
  if (endpointPath === '/' && (lower === 'patch' || lower === 'delete') && !hasWhere) {
    return {
      message: `Say which documents to ${lower === 'patch' ? 'change' : 'delete'}: add a where query, e.g. ?where[id][equals]=1, or use /api/${target.slug}/<id>.`,
      status: 400,
    }
  }
  return null
}

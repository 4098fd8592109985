/** GraphQL calls to the test server, for tests that check a rule on that route too. */
import { ClientError, GraphQLClient } from 'graphql-request'

import { type Json, jsonRequest } from './rest'

/** A client of the test server's GraphQL endpoint, as a user (JWT) or anonymously. */
export function graphqlClient(baseUrl: string, token: null | string): GraphQLClient {
  return new GraphQLClient(`${baseUrl}/api/graphql`, {
    headers: token ? { authorization: `JWT ${token}` } : {},
  })
}

/** The first error of a GraphQL call that must fail: its message and `extensions.statusCode`. */
export async function graphqlError(
  promise: Promise<unknown>,
): Promise<{ message: string; status?: number }> {
  try {
    await promise
  } catch (err) {
    if (err instanceof ClientError) {
      const first = err.response.errors?.[0] as
        { extensions?: { statusCode?: number }; message: string } | undefined
      return { message: first?.message ?? '', status: first?.extensions?.statusCode }
    }
    throw err
  }
  throw new Error('expected a GraphQL error')
}

/**
 * The GraphQL selection set that asks for every field of a JSON answer (an array's objects: the
 * fields of its first), so a test can prove a GraphQL type has every field REST answers with.
 */
export function selectionOf(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([field, child]) => {
      const sample: unknown = Array.isArray(child) ? child[0] : child
      return sample !== null && typeof sample === 'object'
        ? `${field} { ${selectionOf(sample as Record<string, unknown>)} }`
        : field
    })
    .join(' ')
}

/** A GraphQL call's whole JSON answer, `errors` included (a client would throw on them). */
export async function graphqlAnswer(
  baseUrl: string,
  token: null | string,
  query: string,
  variables?: Json,
): Promise<Json> {
  const res = await fetch(
    `${baseUrl}/api/graphql`,
    jsonRequest('POST', token, { query, variables }),
  )
  return (await res.json()) as Json
}

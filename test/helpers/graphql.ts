/** GraphQL calls to the test server, for tests that check a rule on that route too. */
import { ClientError, GraphQLClient } from 'graphql-request'

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

import type { GraphQLExtension, PayloadRequest } from 'payload'

import { GraphQLJSON } from '@payloadcms/graphql/types'

import { WorkflowError } from '../workflow/errors.js'
import { type Answer, recordAcceptance, subjectStatus } from './ledger.js'

type Ctx = { req: PayloadRequest }

/** A refusal as a GraphQL error with the REST status in `extensions.statusCode`. */
function unwrap(answer: Answer): Record<string, unknown> {
  if (answer.status < 300) {
    return answer.body
  }
  const message =
    (answer.body.errors as { message: string }[] | undefined)?.[0]?.message ?? 'Refused.'
  throw new WorkflowError(message, answer.status)
}

/**
 * `legalAcceptanceStatus(subject: String!)`: the same answer as
 * `GET /api/legal/acceptances/status` (service accounts and admins).
 */
export const acceptanceQueries: GraphQLExtension = (GraphQL) => ({
  legalAcceptanceStatus: {
    type: GraphQLJSON,
    args: { subject: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
    resolve: async (_: unknown, args: { subject: string }, { req }: Ctx) =>
      unwrap(await subjectStatus(req, args.subject)),
  },
})

/**
 * `recordLegalAcceptance(...)`: the same as `POST /api/legal/acceptances`; answers
 * `{ created, record }` (created false on a repeat).
 */
export const acceptanceMutations: GraphQLExtension = (GraphQL) => {
  const { GraphQLInt, GraphQLNonNull, GraphQLString } = GraphQL
  return {
    recordLegalAcceptance: {
      type: GraphQLJSON,
      args: {
        contentHash: { type: GraphQLString },
        document: { type: new GraphQLNonNull(GraphQLString) },
        ip: { type: GraphQLString },
        locale: { type: GraphQLString },
        method: { type: GraphQLString },
        source: { type: GraphQLString },
        subject: { type: new GraphQLNonNull(GraphQLString) },
        userAgent: { type: GraphQLString },
        version: { type: new GraphQLNonNull(GraphQLInt) },
      },
      resolve: async (_: unknown, args: Record<string, unknown>, { req }: Ctx) => {
        // GraphQL hands absent optional arguments as undefined: only the ones sent are passed on.
        const body = Object.fromEntries(
          Object.entries(args).filter(([, v]) => v !== undefined && v !== null),
        )
        return unwrap(await recordAcceptance(req, body))
      },
    },
  }
}

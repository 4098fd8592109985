import type { GraphQLExtension, PayloadRequest } from 'payload'

import { performWorkflowAction } from '../workflow/performWorkflowAction.js'
import { REVIEW_STATES, WORKFLOW_ACTIONS } from '../workflow/rules.js'
import { WORKFLOW_SUBJECTS } from '../workflow/subjects.js'

/**
 * `legalWorkflowAction(id, action, comment, collection)`: the GraphQL route to the same workflow
 * operation as the REST endpoint, with the same rules and errors.
 */
export function workflowMutations(fourEyes: boolean): GraphQLExtension {
  return (GraphQL) => {
    const Action = new GraphQL.GraphQLEnumType({
      name: 'LegalWorkflowAction',
      values: Object.fromEntries(WORKFLOW_ACTIONS.map((a) => [a.replace('-', '_'), { value: a }])),
    })
    const State = new GraphQL.GraphQLEnumType({
      name: 'LegalReviewState',
      values: Object.fromEntries(REVIEW_STATES.map((s) => [s.replace('-', '_'), { value: s }])),
    })
    // legal_documents (the default) or cookie_entries.
    const Collection = new GraphQL.GraphQLEnumType({
      name: 'LegalWorkflowCollection',
      values: Object.fromEntries(
        WORKFLOW_SUBJECTS.map((s) => [s.slug.replace(/-/g, '_'), { value: s.slug }]),
      ),
    })
    const Result = new GraphQL.GraphQLObjectType({
      name: 'LegalWorkflowResult',
      fields: {
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        workflowState: { type: new GraphQL.GraphQLNonNull(State) },
      },
    })
    return {
      legalWorkflowAction: {
        type: new GraphQL.GraphQLNonNull(Result),
        args: {
          id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
          action: { type: new GraphQL.GraphQLNonNull(Action) },
          collection: { type: Collection },
          comment: { type: GraphQL.GraphQLString },
          // approve: the reason for approving a significant change with less notice than required.
          noticeOverride: { type: GraphQL.GraphQLString },
        },
        resolve: async (
          _source: unknown,
          args: {
            action: string
            collection?: null | string
            comment?: null | string
            id: string
            noticeOverride?: null | string
          },
          context: { req: PayloadRequest },
        ) => {
          const result = await performWorkflowAction(context.req, {
            ...args,
            collection: args.collection ?? undefined,
            fourEyes,
          })
          return { id: String(result.id), workflowState: result.workflowState }
        },
      },
    }
  }
}

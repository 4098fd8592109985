import {
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import depthLimit from 'graphql-depth-limit'

/**
 * How big a GraphQL operation may be. Legal pages need a few levels, a couple of root fields and
 * no aliases at all (the site's heaviest query has two root fields and four levels); an
 * operation far beyond that is an attack or a mistake, refused before anything runs.
 *
 * - depth: nesting of fields (relationships let a query nest without end);
 * - complexity: Payload's own rule (`graphQL.maxComplexity`: 10 per relationship, 1 per field);
 * - width: root fields per operation (each one is at least one database query) and aliases
 *   (which repeat one expensive field under many names, e.g. 300 × `LegalDocuments`);
 * - size: tokens per document, checked while parsing.
 */
export const GRAPHQL_LIMITS = {
  maxAliases: 30,
  maxComplexity: 1000,
  maxDepth: 10,
  maxRootFields: 10,
  maxTokens: 5000,
} as const

/** Aliased fields in the whole document. */
export function maxAliasesRule(limit: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0
    return {
      Field(node) {
        if (!node.alias) {
          return
        }
        count++
        if (count === limit + 1) {
          context.reportError(
            new GraphQLError(`The query uses more than ${limit} aliases.`, { nodes: [node] }),
          )
        }
      },
    }
  }
}

/** Root fields of each operation, counting those reached through fragments. */
export function maxRootFieldsRule(limit: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = new Map<string, FragmentDefinitionNode>()
      for (const def of context.getDocument().definitions) {
        if (def.kind === Kind.FRAGMENT_DEFINITION) {
          fragments.set(def.name.value, def)
        }
      }
      const seen = new Set<string>()
      const count = (set: SelectionSetNode): number =>
        set.selections.reduce((n, selection) => {
          if (selection.kind === Kind.FIELD) {
            return n + 1
          }
          if (selection.kind === Kind.INLINE_FRAGMENT) {
            return n + count(selection.selectionSet)
          }
          const name = selection.name.value
          const fragment = fragments.get(name)
          if (!fragment || seen.has(name)) {
            return n
          }
          seen.add(name)
          return n + count(fragment.selectionSet)
        }, 0)
      const fields = count(node.selectionSet)
      if (fields > limit) {
        context.reportError(
          new GraphQLError(
            `The operation asks for ${fields} root fields; at most ${limit} are allowed.`,
            { nodes: [node] },
          ),
        )
      }
    },
  })
}

/** The rules the reference app adds to Payload's own (complexity, and introspection in production). */
export function graphQLValidationRules(): ValidationRule[] {
  return [
    depthLimit(GRAPHQL_LIMITS.maxDepth),
    maxRootFieldsRule(GRAPHQL_LIMITS.maxRootFields),
    maxAliasesRule(GRAPHQL_LIMITS.maxAliases),
  ]
}

function fragmentCycle(document: DocumentNode): null | string {
  const spreads = new Map<string, string[]>()
  for (const def of document.definitions) {
    if (def.kind !== Kind.FRAGMENT_DEFINITION) {
      continue
    }
    const names: string[] = []
    const walk = (set: SelectionSetNode | undefined) => {
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FRAGMENT_SPREAD) {
          names.push(s.name.value)
        } else {
          walk(s.selectionSet)
        }
      }
    }
    walk(def.selectionSet)
    spreads.set(def.name.value, names)
  }
  const state = new Map<string, 'done' | 'open'>()
  const visit = (name: string): null | string => {
    if (state.get(name) === 'done' || !spreads.has(name)) {
      return null
    }
    if (state.get(name) === 'open') {
      return name
    }
    state.set(name, 'open')
    for (const next of spreads.get(name)!) {
      const cycle = visit(next)
      if (cycle) {
        return cycle
      }
    }
    state.set(name, 'done')
    return null
  }
  for (const name of spreads.keys()) {
    const cycle = visit(name)
    if (cycle) {
      return cycle
    }
  }
  return null
}

/**
 * Checks a GraphQL request body before Payload sees it; returns why it is refused, or null.
 *
 * Two things cannot wait for validation rules: the document's size (graphql's parser stops
 * after `maxTokens` instead of building a huge AST) and fragment cycles, which send Payload's
 * complexity rule (it runs before graphql's own NoFragmentCycles check) into endless recursion
 * and a 500. A query that does not parse is left to Payload, which answers it with its own 400.
 */
export function refuseGraphQLRequest(body: unknown): null | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return 'The request body must be a JSON object: {"query": "…"}.'
  }
  const query = (body as { query?: unknown }).query
  if (typeof query !== 'string') {
    return null
  }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: GRAPHQL_LIMITS.maxTokens, noLocation: true })
  } catch (err) {
    if (err instanceof GraphQLError && /tokens/.test(err.message)) {
      return `The query has more than ${GRAPHQL_LIMITS.maxTokens} tokens.`
    }
    return null
  }
  // Payload has no subscriptions; graphql-js would answer one with a 500 and no body.
  const unsupported = document.definitions.find(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.operation !== OperationTypeNode.QUERY &&
      d.operation !== OperationTypeNode.MUTATION,
  )
  if (unsupported) {
    return 'This API answers queries and mutations only: subscriptions are not supported.'
  }
  const cycle = fragmentCycle(document)
  return cycle ? `Cannot spread fragment "${cycle}" within itself.` : null
}

import { definePlugin } from 'payload'
import type { CollectionConfig, Config } from 'payload'

import { cookieEntriesCollection } from '../collections/CookieEntries'
import { legalDocumentsCollection } from '../collections/LegalDocuments'
import { legalEntityGlobal } from '../collections/LegalEntity'
import { legalReviewEventsCollection } from '../collections/LegalReviewEvents'
import { legalSectionsCollection } from '../collections/LegalSections'
import { legalVersionsCollection } from '../collections/LegalVersions'
import { userAccessDefaults } from './access/users'
import { rolesField } from './fields/rolesField'
import { deliveryEndpoints } from './delivery/endpoints'
import { listenForPublishes } from './delivery/invalidation'
import { guardScheduledPublishes } from './hooks/scheduleGuard'
import { deliveryQueries } from './graphql/deliveryQueries'
import { workflowMutations } from './graphql/workflowMutation'
import { type LegalDocumentsPluginOptions, resolveOptions } from './options'
import { limitOpenTransactions } from './publish/transactionGate'
import { webhookTask } from './webhooks/webhookTask'

export type { LegalDocumentsPluginOptions } from './options'
export { ROLES, type Role } from './roles'
export { SLUGS } from './slugs'
export { SIGNATURE_HEADER, verifySignature } from './webhooks/signature'
export { performWorkflowAction } from './workflow/performWorkflowAction'
export * as workflowRules from './workflow/rules'

/**
 * The roles field, and account access where the host left it open: Payload's default lets any
 * signed-in user change any account, so an editor could reset a reviewer's password and
 * approve their own draft. Access the host set is kept as it is.
 */
function addRolesToUsers(collections: CollectionConfig[], usersSlug: string): CollectionConfig[] {
  return collections.map((collection) => {
    if (collection.slug !== usersSlug) return collection
    const hasRoles = collection.fields.some((f) => 'name' in f && f.name === 'roles')
    return {
      ...collection,
      access: { ...userAccessDefaults, ...collection.access },
      fields: hasRoles ? collection.fields : [...collection.fields, rolesField],
    }
  })
}

/**
 * Adds legal documents, their sections, the public archive, the cookie declaration and the
 * company profile to a Payload config, with the review workflow that guards publishing.
 *
 * @example plugins: [legalDocumentsPlugin({ fourEyes: true })]
 */
export const legalDocumentsPlugin = definePlugin<LegalDocumentsPluginOptions>({
  slug: 'payload-plugin-legal-documents',
  plugin: ({ config, plugins: _plugins, ...rawOptions }): Config => {
    const options = resolveOptions(rawOptions)
    const usersSlug = options.usersCollection
    const collections = config.collections ?? []
    if (!collections.some((c) => c.slug === usersSlug && c.auth)) {
      throw new Error(
        `legalDocumentsPlugin: usersCollection "${usersSlug}" is not an auth collection of this config.`,
      )
    }

    const withCollections: Config = {
      ...config,
      collections: [
        ...addRolesToUsers(collections, usersSlug),
        legalDocumentsCollection(options),
        legalSectionsCollection(options),
        legalVersionsCollection(options),
        cookieEntriesCollection(options),
        legalReviewEventsCollection(options),
      ],
      globals: [...(config.globals ?? []), legalEntityGlobal(options)],
      // The task stays registered when disabled: its name is part of the jobs table's schema.
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), webhookTask(options)] },
    }
    // Disabled: the same collections (so the same schema, no destructive migration) with
    // their access rules and workflow hooks, which never switch off, but nothing else. Without
    // the workflow action nothing can be approved, so nothing new goes live.
    if (options.disabled) return withCollections

    return {
      ...withCollections,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), `${options.componentsPath}/rsc#ReviewQueue`],
        },
      },
      endpoints: [...(config.endpoints ?? []), ...deliveryEndpoints()],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        guardScheduledPublishes(payload, options)
        // Payload 3.90's REST writes need a second pooled connection inside their transaction:
        // without a limit on open transactions, enough of them at once hang the server for good.
        limitOpenTransactions(payload)
        // Other server processes on the same database tell this one when they publish.
        const stop = listenForPublishes(payload)
        const destroy = payload.destroy.bind(payload)
        payload.destroy = async () => {
          stop()
          await destroy()
        }
      },
      graphQL: {
        ...config.graphQL,
        queries: (GraphQL, info) => ({
          ...(config.graphQL?.queries?.(GraphQL, info) ?? {}),
          ...deliveryQueries(GraphQL, info),
        }),
        mutations: (GraphQL, info) => ({
          ...(config.graphQL?.mutations?.(GraphQL, info) ?? {}),
          ...workflowMutations(options.fourEyes)(GraphQL, info),
        }),
      },
    }
  },
})

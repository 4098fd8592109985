import type { CollectionConfig, Config, Plugin } from 'payload'

import { definePlugin } from 'payload'

import { cookieEntriesCollection } from '../collections/CookieEntries.js'
import { legalAcceptancesCollection } from '../collections/LegalAcceptances.js'
import { legalConsentsCollection } from '../collections/LegalConsents.js'
import { legalDocumentsCollection } from '../collections/LegalDocuments.js'
import { legalEntityGlobal } from '../collections/LegalEntity.js'
import { legalReviewEventsCollection } from '../collections/LegalReviewEvents.js'
import { legalSectionsCollection } from '../collections/LegalSections.js'
import { legalVersionsCollection } from '../collections/LegalVersions.js'
import { acceptanceEndpoints } from './acceptance/endpoints.js'
import { acceptanceMutations, acceptanceQueries } from './acceptance/graphql.js'
import { refuseServiceLogin, userAccessDefaults } from './access/users.js'
import { consentEndpoints } from './consent/endpoint.js'
import {
  consentRetentionTask,
  lockJobStatsGlobal,
  prepareConsentMonths,
} from './consent/retention.js'
import { deliveryEndpoints } from './delivery/endpoints.js'
import { listenForPublishes } from './delivery/invalidation.js'
import { rolesField } from './fields/rolesField.js'
import { deliveryQueries } from './graphql/deliveryQueries.js'
import { workflowMutations } from './graphql/workflowMutation.js'
import {
  forgetCachedAccountsAfterChange,
  forgetCachedAccountsAfterDelete,
} from './hooks/accountChanged.js'
import { guardScheduledPublishes } from './hooks/scheduleGuard.js'
import { type LegalDocumentsPluginOptions, readPluginOptions, resolveOptions } from './options.js'
import { applyCollectionOverride, applyGlobalOverride } from './overrides.js'
import {
  assertPostgresConfig,
  beforeDestroy,
  checkPayloadInternals,
  serializeClientQueries,
} from './payloadInternals.js'
import { limitOpenTransactions } from './publish/transactionGate.js'
import { I18N_NAMESPACE, type LegalTranslations, translations } from './translations/index.js'
import { OPTIONS_KEY } from './utilities/pluginOptions.js'
import { webhookTask } from './webhooks/webhookTask.js'

// The ledger's hash chain, for tools that audit an exported ledger or load one in bulk.
export {
  type ChainedFields,
  GENESIS_HASH,
  recordHash,
  subjectCommitment,
} from './acceptance/chain.js'
// The acceptance ledger's chain check (`npm run acceptances:verify`).
export { type LedgerVerification, verifyAcceptanceLedger } from './acceptance/ledger.js'
// Backup: one hash-checked JSON file of all legal content, restored in one transaction.
export { exportLegalContent, type ExportResult } from './backup/exportContent.js'
export { restoreLegalContent } from './backup/restoreContent.js'
export { RestoreError, verifyExportFile } from './backup/verify.js'
export { purgeExpiredConsents } from './consent/retention.js'
// The consent log's month tables and retention, for tools that load or prune it in bulk.
export {
  CONSENT_LOG_SCHEMA,
  ensureConsentMonths,
  monthStart,
  monthTable,
} from './consent/storage.js'
export type { CookieDeclaration } from './cookies/declaration.js'
// Reads of the public archive, as the delivery API answers them, and the one type of each answer
// (REST, GraphQL, the fast path and a website's pages all deliver exactly these shapes).
export {
  type ArchiveListEntry,
  type DeliveredDocument,
  type DocumentDiff,
  type DocumentVersions,
  listArchive,
  loadArchiveRecord,
  type UpcomingVersion,
} from './delivery/documents.js'
// For hosts that run their own node:http / express server: answer cached delivery reads
// before the framework (see README "Delivery speed").
export { createFastPath, type FastPathListener, type FastPathStats } from './delivery/fastPath.js'
export type { FastPathFaultAnswer } from './delivery/fastPathFault.js'
export { rememberGraphQLResponse, takePrereadBody } from './delivery/graphqlCache.js'
export type { SectionChange } from './diff/redline.js'
export type { CollectionOverride, GlobalOverride, LegalDocumentsPluginOptions } from './options.js'
export { closePayload, guardPoolErrors, PayloadInternalsError } from './payloadInternals.js'
// Rendering of the stored Lexical JSON (pure).
export {
  canonicalJSON,
  contentHash,
  findUnknownPlaceholders,
  KNOWN_PLACEHOLDERS,
  lexicalToHTML,
  lexicalToMarkdown,
} from './render/index.js'
export { hasRole, type Role, ROLES, rolesOf } from './roles.js'
export { DOCUMENT_KINDS, SLUG_PATTERN, SLUGS } from './slugs.js'
export { I18N_NAMESPACE, translations } from './translations/index.js'
export { pluginOptionsOf } from './utilities/pluginOptions.js'
// Runs work in the request's transaction: committed at the end, rolled back on a throw.
export { inTransaction } from './utilities/transaction.js'
export { SIGNATURE_HEADER, verifySignature } from './webhooks/signature.js'
export { performWorkflowAction } from './workflow/performWorkflowAction.js'
export * as workflowRules from './workflow/rules.js'
export { asTrusted } from './workflow/trust.js'

/**
 * The roles field, and account access where the host left it open: Payload's default lets any
 * signed-in user change any account, so an editor could reset a reviewer's password and
 * approve their own draft. Access the host set is kept as it is. API keys are turned on
 * (`auth.useAPIKey`): a website's back end records acceptances as a `service` account with one,
 * and such an account cannot sign in with a password.
 */
function addRolesToUsers(collections: CollectionConfig[], usersSlug: string): CollectionConfig[] {
  return collections.map((collection) => {
    if (collection.slug !== usersSlug) {
      return collection
    }
    const hasRoles = collection.fields.some((f) => 'name' in f && f.name === 'roles')
    const auth = typeof collection.auth === 'object' ? collection.auth : {}
    return {
      ...collection,
      access: { ...userAccessDefaults, ...collection.access },
      auth: { ...auth, useAPIKey: auth.useAPIKey ?? true },
      fields: hasRoles ? collection.fields : [...collection.fields, rolesField],
      hooks: {
        ...collection.hooks,
        afterChange: [...(collection.hooks?.afterChange ?? []), forgetCachedAccountsAfterChange],
        afterDelete: [...(collection.hooks?.afterDelete ?? []), forgetCachedAccountsAfterDelete],
        beforeLogin: [refuseServiceLogin, ...(collection.hooks?.beforeLogin ?? [])],
      },
    }
  })
}

/**
 * The plugin's keys join the host's translations; a key the host set wins. Payload does not
 * fall back to English key by key, so every other admin language the host enables gets the
 * English texts rather than raw keys.
 */
function mergeTranslations(config: Config): Config['i18n'] {
  const merged: Record<string, Record<string, unknown>> = {
    ...(config.i18n?.translations as Record<string, Record<string, unknown>>),
  }
  const ours: Record<string, LegalTranslations> = translations
  const languages = new Set([
    ...Object.keys(config.i18n?.supportedLanguages ?? {}),
    ...Object.keys(ours),
  ])
  for (const language of languages) {
    const theirs = merged[language] ?? {}
    const texts = (ours[language] ?? translations.en)[I18N_NAMESPACE]
    merged[language] = {
      ...theirs,
      [I18N_NAMESPACE]: { ...texts, ...(theirs[I18N_NAMESPACE] as object | undefined) },
    }
  }
  return { ...config.i18n, translations: merged }
}

/**
 * Payload's logError looks the level up by `error.name`; its type lists only Payload's own
 * error names, so the plugin's two are added with one cast.
 */
const PLUGIN_LOGGING_LEVELS = {
  DeliveryError: 'info',
  QueryError: 'info',
  WorkflowError: 'info',
} as NonNullable<Config['loggingLevels']>

/** Adds everything to a host's config: what the plugin function of `legalDocumentsPlugin` does. */
export function applyLegalDocuments(
  config: Config,
  userOptions: LegalDocumentsPluginOptions = {},
): Config {
  assertPostgresConfig(config)
  const options = resolveOptions(userOptions)
  const { overrides } = options
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
      applyCollectionOverride(legalDocumentsCollection(options), overrides.documents),
      applyCollectionOverride(legalSectionsCollection(options), overrides.sections),
      applyCollectionOverride(legalVersionsCollection(options), overrides.versions),
      applyCollectionOverride(cookieEntriesCollection(options), overrides.cookies),
      applyCollectionOverride(legalReviewEventsCollection(options), overrides.reviewEvents),
      applyCollectionOverride(legalConsentsCollection(), overrides.consents),
      applyCollectionOverride(legalAcceptancesCollection(), overrides.acceptances),
    ],
    custom: { ...config.custom, [OPTIONS_KEY]: options },
    globals: [
      ...(config.globals ?? []),
      applyGlobalOverride(legalEntityGlobal(options), overrides.entity),
    ],
    i18n: mergeTranslations(config),
    // Refusals the workflow and the delivery API expect (a 403 step, a 404 slug) are answers,
    // not faults: logged at info without a stack, so ERROR stays for what needs a look.
    loggingLevels: { ...PLUGIN_LOGGING_LEVELS, ...config.loggingLevels },
    // The task stays registered when disabled: its name is part of the jobs table's schema.
    jobs: {
      ...config.jobs,
      tasks: [...(config.jobs?.tasks ?? []), webhookTask(options), consentRetentionTask(options)],
    },
  }
  // Disabled: the same collections (so the same schema, no destructive migration) with
  // their access rules and workflow hooks, which never switch off, but nothing else. Without
  // the workflow action nothing can be approved, so nothing new goes live.
  if (options.disabled) {
    return withCollections
  }

  return {
    ...withCollections,
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        beforeDashboard: [
          ...(config.admin?.components?.beforeDashboard ?? []),
          `${options.componentsPath}/rsc#ReviewQueue`,
        ],
      },
    },
    endpoints: [
      ...(config.endpoints ?? []),
      ...deliveryEndpoints(),
      ...consentEndpoints(options),
      ...acceptanceEndpoints(),
    ],
    graphQL: {
      ...config.graphQL,
      mutations: (GraphQL, info) => ({
        ...(config.graphQL?.mutations?.(GraphQL, info) ?? {}),
        ...workflowMutations(options.fourEyes)(GraphQL, info),
        ...acceptanceMutations(GraphQL, info),
      }),
      queries: (GraphQL, info) => ({
        ...(config.graphQL?.queries?.(GraphQL, info) ?? {}),
        ...deliveryQueries(GraphQL, info),
        ...acceptanceQueries(GraphQL, info),
      }),
    },
    onInit: async (payload) => {
      await config.onInit?.(payload)
      // Every Payload internal the plugin touches, checked once: an upgrade that changed one
      // stops the start here with its name (src/payloadInternals.ts).
      checkPayloadInternals(payload)
      // The retention schedule makes Payload add its jobs-stats global, open to any signed-in
      // user: closed here (src/consent/retention.ts).
      lockJobStatsGlobal(payload)
      guardScheduledPublishes(payload, options)
      // Payload 3.90's REST writes need a second pooled connection inside their transaction:
      // without a limit on open transactions, enough of them at once hang the server for good.
      limitOpenTransactions(payload)
      // Payload's bulk operations run their documents' queries in parallel on one connection
      // (pg warns, and pg 9 refuses): they take turns instead (src/payloadInternals.ts).
      serializeClientQueries(payload)
      // Other server processes on the same database tell this one when they publish.
      beforeDestroy(payload, listenForPublishes(payload))
      // The consent log's month tables, this month's and the coming ones (src/consent/storage.ts).
      await prepareConsentMonths(payload)
    },
  }
}

/**
 * What `definePlugin` receives. Payload 3 spreads the options into the plugin function's
 * arguments, Payload 4 passes them as one `options` argument; `readPluginOptions` reads both.
 */
export const legalDocumentsPluginDescriptor = {
  slug: 'payload-plugin-legal-documents',
  plugin: ({ config, ...rest }: { config: Config } & Record<string, unknown>): Config =>
    applyLegalDocuments(config, readPluginOptions(rest)),
}

const definedPlugin = definePlugin<LegalDocumentsPluginOptions>(legalDocumentsPluginDescriptor)

/**
 * Adds legal documents, their sections, the public archive, the cookie declaration and the
 * company profile to a Payload config, with the review workflow that guards publishing.
 * Needs PostgreSQL (@payloadcms/db-postgres) and an auth collection (default `users`).
 *
 * @example plugins: [legalDocumentsPlugin()]
 * @example plugins: [legalDocumentsPlugin({ fourEyes: true, overrides: { documents: { admin: { group: 'Compliance' } } } })]
 */
export function legalDocumentsPlugin(options: LegalDocumentsPluginOptions = {}): Plugin {
  return definedPlugin(options)
}

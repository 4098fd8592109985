import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import depthLimit from 'graphql-depth-limit'
import { buildConfig, type CollectionConfig, type SanitizedConfig } from 'payload'

import { migrations } from '../migrations'
import { legalDocumentsPlugin, type LegalDocumentsPluginOptions } from './index'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: { useAsTitle: 'email', group: 'Settings' },
  fields: [{ name: 'name', type: 'text', label: 'Name' }],
}

export type AppConfigOptions = {
  databaseUrl: string
  secret: string
  /** Apply `migrations/` at start (production) instead of pushing the schema (development). */
  runMigrations?: boolean
  serverURL?: string
  /** Plugin options (tests pass webhook receivers here). */
  plugin?: LegalDocumentsPluginOptions
}

/**
 * The reference app: Payload with the legal-documents plugin and a plain users collection.
 * Built by a function so tests can point each file at its own database.
 */
export function buildAppConfig(options: AppConfigOptions): Promise<SanitizedConfig> {
  return buildConfig({
    secret: options.secret,
    serverURL: options.serverURL,
    admin: {
      user: Users.slug,
      // Gravatar is unreachable offline and leaks staff e-mail hashes to a third party.
      avatar: 'default',
      importMap: { baseDir: dirname },
      meta: { titleSuffix: ' · Legal documents' },
    },
    collections: [Users],
    editor: lexicalEditor(),
    localization: {
      locales: [
        { code: 'en', label: 'English' },
        { code: 'uk', label: 'Українська' },
      ],
      defaultLocale: 'en',
      fallback: true,
    },
    db: postgresAdapter({
      pool: { connectionString: options.databaseUrl },
      migrationDir: path.resolve(dirname, '../migrations'),
      // Production applies committed migrations at start; dev push is never mixed with them.
      push: !options.runMigrations,
      prodMigrations: options.runMigrations ? migrations : undefined,
    }),
    plugins: [legalDocumentsPlugin(options.plugin ?? {})],
    // Runs due jobs (scheduled publishes, webhooks) every 5 seconds in the server process,
    // which starts Payload with `cron: true`; tests run the queue themselves.
    jobs: { autoRun: [{ cron: '*/5 * * * * *', queue: 'default', limit: 20 }] },
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
    graphQL: {
      // Relationship fields let a query nest without end; legal pages need a few levels at most.
      validationRules: () => [depthLimit(10)],
      maxComplexity: 1000,
    },
    telemetry: false,
  })
}

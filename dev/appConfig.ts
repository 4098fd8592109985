import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { uk } from '@payloadcms/translations/languages/uk'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  buildConfig,
  type CollectionConfig,
  defaultLoggerOptions,
  type SanitizedConfig,
} from 'payload'
import {
  hasRole,
  legalDocumentsPlugin,
  type LegalDocumentsPluginOptions,
} from 'payload-plugin-legal-documents'

import { migrations } from './migrations'
import { clientInputErrors, logClientErrorsAtInfo } from './server/clientErrors'
import { databaseUnavailableAfterError } from './server/databaseErrors'
import { GRAPHQL_LIMITS, graphQLValidationRules } from './server/graphqlLimits'
import { readSecuritySettings, type SecuritySettings } from './server/settings'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Staff accounts. Payload locks an account after `loginMaxAttempts` failed logins for
 * `loginLockMs` (an admin can unlock it earlier); the session cookie is httpOnly, SameSite=Lax,
 * and Secure in production.
 */
export function usersCollection(security: SecuritySettings): CollectionConfig {
  return {
    slug: 'users',
    auth: {
      cookies: { sameSite: 'Lax', secure: security.secureCookies },
      lockTime: security.loginLockMs,
      maxLoginAttempts: security.loginMaxAttempts,
    },
    // The admin speaks English and Ukrainian (see i18n below): the app's own labels too.
    admin: { group: { en: 'Settings', uk: 'Налаштування' }, useAsTitle: 'email' },
    fields: [{ name: 'name', type: 'text', label: { en: 'Name', uk: "Ім'я" } }],
    labels: {
      plural: { en: 'Users', uk: 'Користувачі' },
      singular: { en: 'User', uk: 'Користувач' },
    },
  }
}

/** Payload's `ErrorName` type omits UnauthorizedError, which is thrown with that name: one cast. */
const CLIENT_ERROR_LOGGING = {
  AuthenticationError: 'info',
  LockedAuth: 'info',
  QueryError: 'info',
  UnauthorizedError: 'info',
  UnverifiedEmail: 'info',
} as NonNullable<Parameters<typeof buildConfig>[0]['loggingLevels']>

export type AppConfigOptions = {
  databaseUrl: string
  /** Where the log goes (tests read it); default: Payload's pretty-printed stdout. */
  logDestination?: { write: (line: string) => void }
  /** Plugin options (tests pass webhook receivers here). */
  plugin?: LegalDocumentsPluginOptions
  /** Apply `migrations/` at start (production) instead of pushing the schema (development). */
  runMigrations?: boolean
  secret: string
  /** CORS, CSRF, cookies, lockout, GraphQL tooling; default: from the environment. */
  security?: SecuritySettings
  serverURL?: string
}

/**
 * The reference app: Payload with the legal-documents plugin and a plain users collection.
 * Built by a function so tests can point each file at its own database.
 */
export function buildAppConfig(options: AppConfigOptions): Promise<SanitizedConfig> {
  const security = options.security ?? readSecuritySettings(process.env)
  const users = usersCollection(security)
  return buildConfig({
    secret: options.secret,
    serverURL: options.serverURL,
    // Browsers on these origins may read the API; these may use the session cookie (Payload
    // adds serverURL). Empty CORS: no Access-Control-Allow-Origin for anyone.
    admin: {
      user: users.slug,
      // Gravatar is unreachable offline and leaks staff e-mail hashes to a third party.
      avatar: 'default',
      // Where `payload generate:importmap` writes: the app lives in dev/, not at the root it looks in.
      importMap: {
        baseDir: dirname,
        importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
      },
      meta: { titleSuffix: ' · Legal documents' },
    },
    collections: [users],
    cors: security.corsOrigins,
    csrf: security.csrfOrigins,
    editor: lexicalEditor(),
    // The admin in the seed company's two languages (the plugin ships its labels in both).
    db: postgresAdapter({
      migrationDir: path.resolve(dirname, 'migrations'),
      pool: { connectionString: options.databaseUrl },
      // Production applies committed migrations at start; dev push is never mixed with them.
      prodMigrations: options.runMigrations ? migrations : undefined,
      push: !options.runMigrations,
    }),
    i18n: { supportedLanguages: { en, uk } },
    localization: {
      defaultLocale: 'en',
      fallback: true,
      locales: [
        { code: 'en', label: 'English' },
        { code: 'uk', label: 'Українська' },
      ],
    },
    plugins: [legalDocumentsPlugin(options.plugin ?? {})],
    // Runs due jobs (scheduled publishes, webhooks) every 5 seconds in the server process,
    // which starts Payload with `cron: true`; tests run the queue themselves.
    graphQL: {
      // Depth, width and alias limits (dev/server/graphqlLimits.ts); complexity is Payload's rule.
      maxComplexity: GRAPHQL_LIMITS.maxComplexity,
      validationRules: () => graphQLValidationRules(),
      // Off in production unless GRAPHQL_PLAYGROUND / GRAPHQL_INTROSPECTION say otherwise.
      disableIntrospectionInProduction: !security.graphQLIntrospection,
      disablePlaygroundInProduction: !security.graphQLPlayground,
    },
    jobs: {
      autoRun: [{ cron: '*/5 * * * * *', limit: 20, queue: 'default' }],
      // The server runs the queue itself; over HTTP (`/api/payload-jobs/run`), admins only,
      // not every signed-in account as Payload allows by default.
      access: { run: ({ req }) => hasRole(req.user, 'admin') },
    },
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
    // Bad values that reach the database or the body parser are the client's error: 400, not 500.
    // …and a database outage answers 503 with a JSON error until it is back (dev/server/databaseErrors.ts).
    hooks: { afterError: [clientInputErrors, databaseUnavailableAfterError] },
    telemetry: false,
    // Refused requests are answers, not faults: 4xx at info without a stack (clientErrors.ts);
    // Payload's own 4xx error classes are named here too, so they are never logged as errors.
    logger: {
      destination: options.logDestination ?? defaultLoggerOptions,
      options: { hooks: { logMethod: logClientErrorsAtInfo } },
    },
    loggingLevels: CLIENT_ERROR_LOGGING,
  })
}

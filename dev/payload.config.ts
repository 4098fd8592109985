import 'dotenv/config'

import { buildAppConfig } from './appConfig'
import { publishDelayForTests } from './testPublishDelay'

// The express server (dev/server/main.ts) validates these and starts an embedded database
// before anything imports this file; `next build` only needs the config's shape.
export default buildAppConfig({
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://unset@127.0.0.1:1/unset',
  plugin: publishDelayForTests(process.env),
  runMigrations: process.env.NODE_ENV === 'production',
  secret: process.env.PAYLOAD_SECRET ?? 'build-time-placeholder',
  serverURL: process.env.PAYLOAD_PUBLIC_SERVER_URL || undefined,
})

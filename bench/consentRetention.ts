import { getPayload } from 'payload'
import { closePayload, pluginOptionsOf, purgeExpiredConsents } from 'payload-plugin-legal-documents'

import { buildAppConfig } from '../dev/appConfig'
import { runCli } from '../dev/cli/runCli'

/**
 * One retention run of the consent log (the daily job's work, src/consent/retention.ts) on
 * DATABASE_URL, in a process of its own beside the server under load, as a job runner would
 * be: bench/consents.ts starts it mid-load. Prints `RETENTION <json>`: when the run started and
 * ended (epoch ms) and what it deleted.
 */
async function main(): Promise<void> {
  const payload = await getPayload({
    config: await buildAppConfig({
      databaseUrl: process.env.DATABASE_URL!,
      secret: process.env.PAYLOAD_SECRET!,
    }),
    key: 'bench-consent-retention',
  })
  try {
    const options = pluginOptionsOf(payload)
    if (!options) {
      throw new Error('the legal documents plugin is not configured')
    }
    const start = Date.now()
    const result = await purgeExpiredConsents(payload, options)
    console.log(`RETENTION ${JSON.stringify({ end: Date.now(), start, ...result })}`)
  } finally {
    await closePayload(payload)
  }
}

runCli(main)

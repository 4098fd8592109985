import 'dotenv/config'

import { readCliArgs, runCli, withCliPayload } from './runCli'

/**
 * `npm run acceptances:verify`
 * Walks the acceptance ledger's hash chain in id order, in batches (src/acceptance/chain.ts), and
 * prints "ok, N records" with the head hash, or the first broken link (record id and why), with
 * exit code 1. It only reads, so it may run while the server runs.
 */

const USAGE =
  'usage: npm run acceptances:verify   (checks the acceptance ledger of the app database: DATABASE_URL or the embedded one)'

async function main(): Promise<number> {
  const args = readCliArgs('acceptances:verify', USAGE, {
    allowPositionals: false,
    options: { help: { type: 'boolean', default: false, short: 'h' } },
    strict: true,
  })
  if (typeof args === 'number') {
    return args
  }
  return withCliPayload('acceptances:verify', async (app) => {
    const { verifyAcceptanceLedger } = await import('payload-plugin-legal-documents')
    const result = await verifyAcceptanceLedger(app.payload)
    if (result.ok) {
      console.log(`ok, ${result.records} records (head ${result.head})`)
      return 0
    }
    console.error(
      `BROKEN at record ${result.brokenAt.id}: ${result.brokenAt.message} (${result.records} records read)`,
    )
    return 1
  })
}

runCli(
  main,
  'acceptances:verify: stopped before it finished (during start-up: see above). Nothing was checked.',
)

import 'dotenv/config'

import { parseArgs } from 'node:util'

/**
 * `npm run seed [-- --reset] [--source FILE] [--effective-date YYYY-MM-DD]`
 * Publishes the reference content on the app's database (the dev server's embedded PostgreSQL,
 * or DATABASE_URL), then prints every change made to the source and every blank left in it.
 */

const USAGE = 'usage: npm run seed [-- --reset] [--source FILE] [--effective-date YYYY-MM-DD]'

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        reset: { type: 'boolean', default: false },
        source: { type: 'string' },
        'effective-date': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    console.error(`seed: ${(err as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const effective = values['effective-date']
  if (effective !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(effective) || Number.isNaN(Date.parse(effective)))) {
    console.error(`seed: --effective-date must be a date like 2025-01-31, got "${effective}"\n${USAGE}`)
    return 2
  }

  const path = await import('node:path')
  const { loadSource } = await import('./seed')
  const sourcePath = values.source ? path.resolve(values.source) : undefined
  // Read the source before starting a database, so a missing or changed file fails fast.
  try {
    await loadSource(sourcePath)
  } catch (err) {
    console.error(`seed: ${(err as Error).message}`)
    return 1
  }

  const { startCliPayload } = await import('../dev/server/bootstrap')
  const app = await startCliPayload('seed')
  try {
    if (app.settings.seedDemoUsers) {
      const { announceDemoUsers, ensureDemoUsers } = await import('../dev/server/demoUsers')
      await announceDemoUsers(await ensureDemoUsers(app.payload), app.dataDir)
    }
    const { formatSummary, seedReferenceContent } = await import('./seed')
    console.log(`Seeding the reference content${values.reset ? ' (--reset: starting over)' : ''}`)
    const summary = await seedReferenceContent(app.payload, {
      sourcePath,
      reset: values.reset,
      effectiveDate: effective ? `${effective}T00:00:00.000Z` : undefined,
      log: (line) => console.log(line),
    })
    console.log(formatSummary(summary).join('\n'))
    return 0
  } catch (err) {
    console.error(`seed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    return 1
  } finally {
    await app.close()
  }
}

// A module load that never settles (seen about once in ten starts on a busy machine) lets the
// event loop run dry and the process end with code 0 before anything was seeded. A seed that
// did not finish must not look as if it had.
let finished = false
process.on('exit', (code) => {
  if (finished || code !== 0) return
  console.error('seed: stopped before it finished (during start-up). Nothing was seeded; run it again.')
  process.exitCode = 1
})

main().then(
  (code) => {
    finished = true
    process.exit(code)
  },
  (err) => {
    console.error(err)
    process.exit(1)
  },
)

import 'dotenv/config'

import { readCliArgs, runCli, withCliPayload } from '../dev/cli/runCli'

/**
 * `npm run seed [-- --reset] [--source FILE] [--effective-date YYYY-MM-DD]`
 * Publishes the reference content on the app's database (the dev server's embedded PostgreSQL,
 * or DATABASE_URL), then prints every change made to the source and every blank left in it.
 */

const USAGE = 'usage: npm run seed [-- --reset] [--source FILE] [--effective-date YYYY-MM-DD]'

async function main(): Promise<number> {
  const args = readCliArgs('seed', USAGE, {
    allowPositionals: false,
    options: {
      'effective-date': { type: 'string' },
      help: { type: 'boolean', default: false, short: 'h' },
      reset: { type: 'boolean', default: false },
      source: { type: 'string' },
    },
    strict: true,
  })
  if (typeof args === 'number') {
    return args
  }
  const { values } = args
  const effective = values['effective-date']
  if (
    effective !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(effective) || Number.isNaN(Date.parse(effective)))
  ) {
    console.error(
      `seed: --effective-date must be a date like 2025-01-31, got "${effective}"\n${USAGE}`,
    )
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

  return withCliPayload('seed', async (app) => {
    if (app.settings.seedDemoUsers) {
      const { announceDemoUsers, ensureDemoUsers } = await import('../dev/server/demoUsers')
      await announceDemoUsers(await ensureDemoUsers(app.payload), app.dataDir)
    }
    const { formatSummary, seedReferenceContent } = await import('./seed')
    console.log(`Seeding the reference content${values.reset ? ' (--reset: starting over)' : ''}`)
    const summary = await seedReferenceContent(app.payload, {
      effectiveDate: effective ? `${effective}T00:00:00.000Z` : undefined,
      log: (line) => console.log(line),
      reset: values.reset,
      sourcePath,
    })
    console.log(formatSummary(summary).join('\n'))
    return 0
  })
}

runCli(
  main,
  'seed: stopped before it finished (during start-up). Nothing was seeded; run it again.',
)

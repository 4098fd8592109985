import 'dotenv/config'

import { readCliArgs, runCli, withCliPayload } from './runCli'

/**
 * `npm run restore -- FILE [--create-missing-users]`
 * Loads an export (`npm run export`) into the app's database, which must hold no legal content
 * yet, in one transaction. See restoreLegalContent (src/backup/restoreContent.ts).
 */

const USAGE = 'usage: npm run restore -- FILE [--create-missing-users]'

async function main(): Promise<number> {
  const args = readCliArgs('restore', USAGE, {
    allowPositionals: true,
    options: {
      'create-missing-users': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false, short: 'h' },
    },
    strict: true,
  })
  if (typeof args === 'number') {
    return args
  }
  const { positionals, values } = args
  if (positionals.length !== 1) {
    console.error(`restore: give exactly one export file\n${USAGE}`)
    return 2
  }
  const path = await import('node:path')
  const fs = await import('node:fs/promises')
  const source = path.resolve(positionals[0])

  // Read and check the file before starting a database, so a wrong file fails fast.
  let parsed: unknown
  try {
    parsed = JSON.parse(await fs.readFile(source, 'utf8'))
  } catch (err) {
    console.error(`restore: cannot read ${source}: ${(err as Error).message}`)
    return 1
  }
  // Only ./verify here: nothing that loads the database adapter before Payload's config (see verify.ts).
  const { RestoreError, verifyExportFile } = await import('payload-plugin-legal-documents')
  try {
    verifyExportFile(parsed)
  } catch (err) {
    console.error(`restore: ${(err as Error).message}`)
    return 1
  }

  return withCliPayload(
    'restore',
    async (app) => {
      const { restoreLegalContent } = await import('payload-plugin-legal-documents')
      const summary = await restoreLegalContent(app.payload, parsed, {
        createMissingUsers: values['create-missing-users'],
        log: (line) => console.log(line),
      })
      const counts = Object.entries(summary.counts).map(([slug, n]) => `${n} ${slug}`)
      console.log(
        `Restored ${counts.join(', ')} and the company details in ${(summary.milliseconds / 1000).toFixed(1)} s`,
      )
      if (summary.users.created.length) {
        console.log(
          `Accounts created without roles (an admin sets their password and roles): ${summary.users.created.join(', ')}`,
        )
      }
      console.log(
        `Checked before commit: the restored content has the file's SHA-256 ${summary.sha256}`,
      )
      return 0
    },
    // A refusal of the restore: its message says why, without a stack.
    (err) => (err instanceof RestoreError ? `restore: ${err.message}` : undefined),
  )
}

runCli(
  main,
  'restore: stopped before it finished (during start-up: see above). Nothing was restored.',
)

import 'dotenv/config'

import { readCliArgs, runCli, withCliPayload } from './runCli'

/**
 * `npm run export [-- --out FILE]`
 * Writes all legal content of the app's database (the dev server's embedded PostgreSQL, or
 * DATABASE_URL) to one JSON file: see src/backup/format.ts. It only reads, so it may run while
 * the server runs.
 */

const USAGE =
  'usage: npm run export [-- --out FILE]   (default: DATA_DIR/exports/legal-export-<date>.json, outside git)'

async function main(): Promise<number> {
  const args = readCliArgs('export', USAGE, {
    allowPositionals: false,
    options: {
      help: { type: 'boolean', default: false, short: 'h' },
      out: { type: 'string', short: 'o' },
    },
    strict: true,
  })
  if (typeof args === 'number') {
    return args
  }
  const { values } = args
  const path = await import('node:path')
  const fs = await import('node:fs/promises')
  const stamp = new Date()
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z')
  // By default beside the data (./.data is ignored by git): the file holds drafts and e-mail addresses.
  const { resolveDataDir } = await import('../server/bootstrap')
  const out = path.resolve(
    values.out ?? path.join(resolveDataDir(), 'exports', `legal-export-${stamp}.json`),
  )
  await fs.mkdir(path.dirname(out), { mode: 0o700, recursive: true })

  return withCliPayload('export', async (app) => {
    const { exportLegalContent } = await import('payload-plugin-legal-documents')
    const { file, hashMismatches } = await exportLegalContent(app.payload)
    // Written next to the target and renamed: a reader never sees half a file.
    const tmp = `${out}.${process.pid}.tmp`
    await fs.writeFile(tmp, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 })
    await fs.rename(tmp, out)
    const counts = Object.entries(file.collections).map(([slug, c]) => `${c.count} ${slug}`)
    console.log(
      `Exported ${counts.join(', ')}, the company details and ${file.users.records.length} people named in them`,
    )
    console.log(`to ${out}`)
    console.log(`SHA-256 of the content: ${file.sha256}`)
    if (hashMismatches.length) {
      console.error(
        `WARNING: ${hashMismatches.length} archive record(s) do not match their stored contentHash: ${hashMismatches.join(', ')}.`,
      )
      console.error(
        'They were exported as they are; `npm run restore` will refuse this file until they are looked into.',
      )
      return 1
    }
    return 0
  })
}

runCli(
  main,
  'export: stopped before it finished (during start-up: see above). No file was written.',
)

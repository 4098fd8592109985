import 'dotenv/config'

import { parseArgs } from 'node:util'

/**
 * `npm run export [-- --out FILE]`
 * Writes all legal content of the app's database (the dev server's embedded PostgreSQL, or
 * DATABASE_URL) to one JSON file: see src/backup/format.ts. It only reads, so it may run while
 * the server runs.
 */

const USAGE = 'usage: npm run export [-- --out FILE]   (default: DATA_DIR/exports/legal-export-<date>.json, outside git)'

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    console.error(`export: ${(err as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const path = await import('node:path')
  const fs = await import('node:fs/promises')
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')
  // By default beside the data (./.data is ignored by git): the file holds drafts and e-mail addresses.
  const { resolveDataDir } = await import('../server/bootstrap')
  const out = path.resolve(values.out ?? path.join(resolveDataDir(), 'exports', `legal-export-${stamp}.json`))
  await fs.mkdir(path.dirname(out), { recursive: true, mode: 0o700 })

  const { startCliPayload } = await import('../server/bootstrap')
  const app = await startCliPayload('export')
  try {
    const { exportLegalContent } = await import('payload-plugin-legal-documents')
    const { file, hashMismatches } = await exportLegalContent(app.payload)
    // Written next to the target and renamed: a reader never sees half a file.
    const tmp = `${out}.${process.pid}.tmp`
    await fs.writeFile(tmp, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 })
    await fs.rename(tmp, out)
    const counts = Object.entries(file.collections).map(([slug, c]) => `${c.count} ${slug}`)
    console.log(`Exported ${counts.join(', ')}, the company details and ${file.users.records.length} people named in them`)
    console.log(`to ${out}`)
    console.log(`SHA-256 of the content: ${file.sha256}`)
    if (hashMismatches.length) {
      console.error(`WARNING: ${hashMismatches.length} archive record(s) do not match their stored contentHash: ${hashMismatches.join(', ')}.`)
      console.error('They were exported as they are; `npm run restore` will refuse this file until they are looked into.')
      return 1
    }
    return 0
  } catch (err) {
    console.error(`export: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    return 1
  } finally {
    await app.close()
  }
}

// Two things can end this process with code 0 before it has done its work: Payload's development
// schema push, which asks on the terminal about a risky change and exits when no one can answer,
// and a module load that never settles (see verify.ts). A tool that did not finish must not look
// as if it had.
let finished = false
process.on('exit', (code) => {
  if (finished || code !== 0) return
  console.error('export: stopped before it finished (during start-up: see above). No file was written.')
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

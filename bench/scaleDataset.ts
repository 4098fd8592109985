import 'dotenv/config'
import { guardPoolErrors } from 'payload-plugin-legal-documents'

import { runCli } from '../dev/cli/runCli'
import { startCliPayload } from '../dev/server/bootstrap'
import { growArchive } from './archiveGrowth'
import { seedBenchDocuments } from './generatedDocuments'

/**
 * Issue 7, point 6: the scale dataset. The reference content and BENCH_SCALE_DOCS generated
 * documents (default 1,000) of BENCH_SECTIONS sections (40), each published once through the
 * real review and publish path (bench/generatedDocuments.ts, as bench/seedDataset.ts does), then
 * grown to BENCH_SCALE_VERSIONS archived versions (20) by SQL copies of the newest record
 * (bench/archiveGrowth.ts says why). Ends with ANALYZE, so the planner sees the grown
 * tables at once rather than whenever autovacuum gets to them.
 *
 * Resumable: run it again and it continues where it stopped. Run by `npm run bench -- --scale`;
 * on its own with the server's environment, e.g.
 *   DATABASE_URL=postgres://… NODE_ENV=production PAYLOAD_SECRET=… BENCH_SCALE_DOCS=10 \
 *     node --conditions=production --import tsx bench/scaleDataset.ts
 */

const DOCS = Number(process.env.BENCH_SCALE_DOCS ?? 1000)
const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 40)
const VERSIONS = Number(process.env.BENCH_SCALE_VERSIONS ?? 20)

const mean = (xs: number[]) =>
  xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0

async function main(): Promise<void> {
  if (!(DOCS >= 1 && SECTIONS >= 1 && VERSIONS >= 1)) {
    throw new Error('BENCH_SCALE_DOCS, BENCH_SECTIONS and BENCH_SCALE_VERSIONS must be positive')
  }
  const app = await startCliPayload('bench scale dataset')
  const { payload } = app
  // Stopping the embedded PostgreSQL at the end drops the pool's connections: a warning, not a crash.
  guardPoolErrors(payload)
  const log = (line: string) => console.log(line)
  try {
    const started = Date.now()
    log(
      `scale dataset: ${DOCS} documents × ${SECTIONS} sections, ${VERSIONS} archived versions each`,
    )
    const seeded = await seedBenchDocuments(payload, {
      docs: DOCS,
      log,
      progressEvery: 20,
      sections: SECTIONS,
    })
    log(
      `first publishes (real path): ${seeded.created} new, mean ${mean(seeded.msPerDocument)} ms/document`,
    )
    const grown = await growArchive(payload, { log, versions: VERSIONS })
    log(
      `archive (generated versions 2..${VERSIONS}): ${grown.created} new records in ${(grown.milliseconds / 1000).toFixed(1)} s`,
    )
    await payload.db.execute({
      drizzle: payload.db.drizzle,
      raw: 'ANALYZE legal_documents, legal_documents_locales, legal_sections, legal_versions',
    })
    log(`scale dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    await app.close()
  }
}

runCli(main)

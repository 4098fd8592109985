import 'dotenv/config'
import { guardPoolErrors } from 'payload-plugin-legal-documents'

import { runCli } from '../dev/cli/runCli'
import { startCliPayload } from '../dev/server/bootstrap'
import { seedBenchDocuments } from './generatedDocuments'

/**
 * The benchmark's dataset, on the database the server will use (same environment as the
 * server: NODE_ENV=production applies the migrations first). The reference content (seed/),
 * then BENCH_DOCS generated documents of BENCH_SECTIONS sections each, every one written by
 * an editor and taken through submit → approve → publish as real users, so each has its
 * archive record exactly as a real publish leaves it (bench/generatedDocuments.ts). Idempotent:
 * what is published is kept, so a second run on the same data directory only checks.
 *
 * Run by bench/run.ts; on its own: `node --import tsx bench/seedDataset.ts` with the
 * server's environment.
 */

const DOCS = Number(process.env.BENCH_DOCS ?? 200)
const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 40)

async function main(): Promise<void> {
  const app = await startCliPayload('bench seed')
  const { payload } = app
  // Stopping the embedded PostgreSQL at the end drops the pool's connections: a warning, not a crash.
  guardPoolErrors(payload)
  try {
    const started = Date.now()
    const { created } = await seedBenchDocuments(payload, {
      docs: DOCS,
      log: (line) => console.log(line),
      sections: SECTIONS,
    })
    console.log(
      `dataset ready: ${DOCS} generated documents × ${SECTIONS} sections (${created} new) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
  } finally {
    await app.close()
  }
}

runCli(main)

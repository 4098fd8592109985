import 'dotenv/config'
import { writeFileSync } from 'node:fs'
import { guardPoolErrors } from 'payload-plugin-legal-documents'

import { runCli } from '../dev/cli/runCli'
import { startCliPayload } from '../dev/server/bootstrap'
import { benchSlug } from './dataset'
import { explainReport } from './explainQueries'

/**
 * Prints (or writes to BENCH_EXPLAIN_OUT) the markdown EXPLAIN report of the delivery
 * cache-miss queries (bench/explainQueries.ts) for BENCH_EXPLAIN_SLUG, by default the document
 * the bench measures (the middle one of BENCH_SCALE_DOCS). Run by `npm run bench -- --scale`;
 * on its own with the server's environment, e.g.
 *   DATABASE_URL=postgres://… NODE_ENV=production PAYLOAD_SECRET=… node --conditions=production --import tsx bench/explain.ts
 */

const slug =
  process.env.BENCH_EXPLAIN_SLUG ||
  benchSlug(Math.ceil(Number(process.env.BENCH_SCALE_DOCS ?? 1000) / 2))

async function main(): Promise<void> {
  const app = await startCliPayload('bench explain')
  guardPoolErrors(app.payload)
  try {
    const report = await explainReport(app.payload, slug)
    if (process.env.BENCH_EXPLAIN_OUT) {
      writeFileSync(process.env.BENCH_EXPLAIN_OUT, report)
    } else {
      console.log(report)
    }
  } finally {
    await app.close()
  }
}

runCli(main)

import type { DeliveredDocument } from 'payload-plugin-legal-documents'

import { canonicalJSON } from 'payload-plugin-legal-documents'

/**
 * `npm run bench [-- options]`: delivery speed against stock Payload and the raw-Node ceiling,
 * side by side in one run, against the production build (docs/BENCHMARKS.md).
 *
 *   --duration S     measured seconds per case (default 10)
 *   --warmup S       unmeasured seconds before each case (default 3)
 *   --connections N  concurrent connections (default 64)
 *   --docs N         generated documents (default 200; 1000 with --scale), each of --sections N sections (default 40)
 *   --scale          issue 7, point 6: the scale dataset (bench/scaleDataset.ts: 1000 documents, each with
 *                    --versions N archived versions, default 20), the same cases, the EXPLAIN report of
 *                    the delivery queries (bench/explain.ts) and a comparison with the small dataset;
 *                    --write puts it between the bench:scale markers
 *   --build          run `npm run build` even when a build exists (it runs anyway when none does)
 *   --fresh          throw the cached dataset away and seed it again
 *   --write          put the results into docs/BENCHMARKS.md (between the bench:results markers)
 *   --smoke          a quick check that the harness works: 1 s per case, 5 documents
 *   --decode-bodies  let autocannon decode every response body (its default; see below)
 *   --no-fast-path   start the server with DELIVERY_FAST_PATH=off: every request through express
 *   --no-publish     skip the publish-cost measurement (bench/publishCost.ts)
 *   --retries N      repeat a case measured while other processes used > 35% of a core, up to
 *                    N times (default 2), and keep the quietest attempt
 *   --no-host        skip the host-app section (below)
 *   --host-only      run only the host-app section
 *
 * After the reference app's cases, the host-app section (bench/host.ts): the packed plugin in a
 * fresh Payload app (test/host-app/template, `next build`, `next start`) on the PostgreSQL server
 * of DATABASE_URL or 127.0.0.1:5432, its delivery through the plugin's Next route handlers
 * against a bare route handler, Payload's catch-all route, GraphQL and stock REST; with --write
 * it goes between the bench:host markers. --smoke runs it with 1 s per case too.
 *
 * The dataset lives in $TMPDIR/legal-docs-bench-v<version>-<docs>x<sections> (embedded PostgreSQL) and is
 * reused by later runs; with DATABASE_URL set it is seeded into that database instead. The scale
 * dataset lives in $TMPDIR/legal-docs-bench-scale-v<version>-<docs>x<sections>x<versions>.
 * Every run leaves its figures in its dataset directory (results.json): the scale run compares
 * itself with the last small run found there.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { nodeArgs } from '../dev/server/nodeArgs'
import {
  type Baseline,
  comparisonLine,
  comparisonTable,
  loadBaseline,
  saveSummary,
} from './baseline'
import { startAndWait, stopServer } from './benchProcess'
import { benchSlug, DATASET_VERSION, LEGAL_DOCUMENT_QUERY } from './dataset'
import { benchHost } from './host'
import {
  byId,
  type Case,
  conditionalCase,
  freePort,
  graphqlCase,
  machineLine,
  measureCases,
  type Measured,
  type MeasureSettings,
  ok,
  ratio,
  reportHead,
  rssMB,
  stockRestCase,
  writeBetweenMarkers,
} from './measure'
import { measureMisses, type MissLatency, missUrls } from './missLatency'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const { values: opts } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    connections: { type: 'string', default: '64' },
    'decode-bodies': { type: 'boolean', default: false },
    docs: { type: 'string' },
    duration: { type: 'string', default: '10' },
    fresh: { type: 'boolean', default: false },
    'host-only': { type: 'boolean', default: false },
    'no-fast-path': { type: 'boolean', default: false },
    'no-host': { type: 'boolean', default: false },
    'no-publish': { type: 'boolean', default: false },
    retries: { type: 'string', default: '2' },
    scale: { type: 'boolean', default: false },
    sections: { type: 'string', default: '40' },
    smoke: { type: 'boolean', default: false },
    versions: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
  },
  strict: true,
})
const duration = opts.smoke ? 1 : Number(opts.duration)
const warmup = opts.smoke ? 0.5 : Number(opts.warmup)
const connections = Number(opts.connections)
const smallDocs = (smoke: boolean) => (smoke ? 5 : 200)
const docs = opts.smoke ? 5 : Number(opts.docs ?? (opts.scale ? 1000 : smallDocs(false)))
const sectionsPerDoc = Number(opts.sections)
const versions = opts.scale ? Number(opts.versions) : 1
/** Distinct cache misses timed one after the other (bench/missLatency.ts). */
const MISSES = opts.smoke ? 8 : 400
const retries = opts.smoke ? 0 : Number(opts.retries)
/** Idle time before the settled RSS reading: the idle collector waits 5 s, then checks every second. */
const SETTLE_MS = 8_000
/** Issue 7, point 7. */
const RSS_TARGET_MB = 400
const settings: MeasureSettings = {
  connections,
  decodeBodies: Boolean(opts['decode-bodies']),
  duration,
  warmup,
}

const log = (line: string) => console.log(`[bench] ${line}`)

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    )
  })
}

/** Runs a process to its end and returns its stdout (stderr is passed through). */
function capture(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out}`)),
    )
  })
}

type PublishCost = {
  publishes: number
  publishMaxMs: number
  publishMedianMs: number
  sections: number
  visibleMaxMs: number
  visibleMedianMs: number
}

// --- main ----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (opts['host-only'] && opts['no-host']) {
    throw new Error('--host-only and --no-host exclude each other')
  }
  if (!opts['host-only']) {
    await benchReferenceApp()
  }
  // The scale run is about the reference app's dataset: no host section there.
  if (!opts['no-host'] && !opts.scale) {
    await benchHostApp()
  }
}

/** The host-app section (bench/host.ts), after the reference app's server has stopped. */
async function benchHostApp(): Promise<void> {
  log(
    `host app: delivery through the plugin's Next route handlers in a fresh Payload app (${opts.smoke ? 'smoke: ' : ''}${warmup} s warm-up + ${duration} s per case)`,
  )
  const { failed, report } = await benchHost({
    ...settings,
    log,
    retries,
    sections: sectionsPerDoc,
  })
  console.log(`\n${report}`)
  if (opts.write) {
    writeBetweenMarkers(path.join(root, 'docs', 'BENCHMARKS.md'), 'host', report)
    log('host results written to docs/BENCHMARKS.md')
  }
  if (failed.length) {
    process.exitCode = 1
    log(`cases with wrong answers or errors: ${failed.join(', ')}`)
  }
}

/** The reference app (dev/, express + its node:http fast path): cases (a)–(e), misses, publish cost. */
async function benchReferenceApp(): Promise<void> {
  const started = new Date()
  const loadBefore = os.loadavg()
  if (opts.build || !existsSync(path.join(root, 'dev', '.next', 'BUILD_ID'))) {
    log('building the production app (npm run build)…')
    await run('npm', ['run', 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' })
  }

  const external = process.env.DATABASE_URL
  const dataDir = path.join(
    os.tmpdir(),
    opts.scale
      ? `legal-docs-bench-scale-v${DATASET_VERSION}-${docs}x${sectionsPerDoc}x${versions}`
      : `legal-docs-bench-v${DATASET_VERSION}-${docs}x${sectionsPerDoc}`,
  )
  if (opts.fresh) {
    await fs.rm(dataDir, { force: true, recursive: true })
  }
  await fs.mkdir(dataDir, { recursive: true })
  const secretFile = path.join(dataDir, 'bench-secret')
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  const env: NodeJS.ProcessEnv = {
    DATA_DIR: dataDir,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PATH: process.env.PATH,
    PAYLOAD_SECRET: readFileSync(secretFile, 'utf8').trim(),
    TMPDIR: process.env.TMPDIR,
    ...(external ? { DATABASE_URL: external } : { EMBEDDED_POSTGRES: 'true' }),
  }

  log(
    `dataset: the reference content + ${docs} documents × ${sectionsPerDoc} sections${opts.scale ? `, ${versions} archived versions each` : ''}, ${external ? 'in DATABASE_URL' : `in ${dataDir}`}`,
  )
  const seedStarted = Date.now()
  if (opts.scale) {
    await run(process.execPath, [...nodeArgs(env), 'bench/scaleDataset.ts'], {
      ...env,
      BENCH_SCALE_DOCS: String(docs),
      BENCH_SCALE_VERSIONS: String(versions),
      BENCH_SECTIONS: String(sectionsPerDoc),
    })
  } else {
    await run(process.execPath, [...nodeArgs(env), 'bench/seedDataset.ts'], {
      ...env,
      BENCH_DOCS: String(docs),
      BENCH_SECTIONS: String(sectionsPerDoc),
    })
  }
  log(`dataset ready in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`)

  let server: ChildProcess | undefined
  let ceiling: ChildProcess | undefined
  const cleanup = async () => {
    for (const child of [ceiling, server]) {
      if (child) {
        await stopServer(child)
      }
    }
  }
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)))
  try {
    const port = await freePort()
    // Exactly what `npm start` runs (cross-env NODE_ENV=production node --conditions=production --import tsx dev/server/main.ts),
    // started directly so the measured process is the server itself, not npm.
    const launched = await startAndWait(
      [...nodeArgs(env), 'dev/server/main.ts'],
      {
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        ...(opts['no-fast-path'] ? { DELIVERY_FAST_PATH: 'off' } : {}),
      },
      /Legal documents ready/,
      120_000,
    )
    server = launched.child
    const serverPid = server.pid!
    const base = `http://127.0.0.1:${port}`
    log(`production server on ${base} (pid ${serverPid})`)

    const slug = benchSlug(Math.ceil(docs / 2))
    const deliveryUrl = `${base}/api/legal/documents/${slug}`
    const first = await fetch(deliveryUrl)
    if (first.status !== 200) {
      throw new Error(`GET ${deliveryUrl} → ${first.status}: ${await first.text()}`)
    }
    const body = Buffer.from(await first.arrayBuffer())
    const etag = first.headers.get('etag')!
    const delivered = JSON.parse(body.toString('utf8')) as DeliveredDocument
    log(
      `document ${slug}: ${delivered.sections.length} sections, ${(body.length / 1024).toFixed(1)} KB JSON, ETag ${etag}`,
    )

    // (d): the same bytes and headers, from a bare node:http server in its own process.
    const headers: string[] = []
    first.headers.forEach((value, key) => {
      if (!['connection', 'date', 'keep-alive'].includes(key)) {
        headers.push(key, value)
      }
    })
    const bodyFile = path.join(dataDir, 'ceiling-body.json')
    writeFileSync(bodyFile, body)
    writeFileSync(path.join(dataDir, 'ceiling.json'), JSON.stringify({ bodyFile, headers }))
    const raw = await startAndWait(
      ['bench/rawServer.mjs', path.join(dataDir, 'ceiling.json')],
      env,
      /^(\d+)\s*$/m,
      120_000,
    )
    ceiling = raw.child
    const ceilingUrl = `http://127.0.0.1:${raw.match[1]}/`

    const restUrl = `${base}/api/legal-documents?where[slug][equals]=${slug}&depth=1`
    const graphqlBody = JSON.stringify({ query: LEGAL_DOCUMENT_QUERY, variables: { slug } })
    const jsonHeaders = { 'content-type': 'application/json' }

    // The cases must answer what they claim to before they are timed.
    const fromCeiling = Buffer.from(await (await fetch(ceilingUrl)).arrayBuffer())
    if (!fromCeiling.equals(body)) {
      throw new Error('the ceiling server does not send the delivery bytes')
    }
    const stock = (await (await fetch(restUrl)).json()) as {
      docs: { sections: unknown[]; slug: string }[]
    }
    if (
      stock.docs[0]?.slug !== slug ||
      stock.docs[0].sections.length !== sectionsPerDoc ||
      typeof stock.docs[0].sections[0] !== 'object'
    ) {
      throw new Error(`stock REST did not return ${slug} with its sections populated`)
    }
    const gql = (await (
      await fetch(`${base}/api/graphql`, {
        body: graphqlBody,
        headers: jsonHeaders,
        method: 'POST',
      })
    ).json()) as {
      data?: { legalDocument?: unknown }
    }
    // The same content, whatever the key order (GraphQL answers in the query's field order).
    if (
      canonicalJSON(gql.data?.legalDocument) !== canonicalJSON(JSON.parse(body.toString('utf8')))
    ) {
      throw new Error('GraphQL legalDocument differs from the REST delivery body')
    }
    const conditional = await fetch(deliveryUrl, { headers: { 'if-none-match': etag } })
    if (conditional.status !== 304) {
      throw new Error(`conditional GET answered ${conditional.status}`)
    }

    const delivery: Case = {
      id: 'a',
      expectStatus: 200,
      label: 'delivery GET /api/legal/documents/:slug',
      pid: serverPid,
      url: deliveryUrl,
    }
    const cases: Case[] = [
      {
        id: 'd',
        expectStatus: 200,
        label: 'raw node:http, same bytes from memory (ceiling)',
        pid: ceiling.pid!,
        url: ceilingUrl,
      },
      delivery,
      conditionalCase(delivery, 'e', etag),
      graphqlCase('c', serverPid, base, graphqlBody),
      stockRestCase('b', serverPid, restUrl),
    ]
    const results = await measureCases(cases, { ...settings, log, retries })
    // Right after the load, and once the server has been idle long enough for its idle
    // collector (dev/server/idleCollector.ts) to give the load's garbage back.
    const rssLoaded = rssMB(serverPid)
    await new Promise((r) => setTimeout(r, SETTLE_MS))
    const rss = { loaded: rssLoaded, settled: rssMB(serverPid) }
    log(
      `    server RSS ${rss.loaded} MB right after the load cases, ${rss.settled} MB after ${SETTLE_MS / 1000} s without requests`,
    )

    const variants = opts.scale
      ? Array.from({ length: versions }, (_, v) => (v + 1 === versions ? '' : `?version=${v + 1}`))
      : ['', '?format=md']
    const urls = missUrls(base, {
      count: MISSES + 10,
      docs,
      skipDoc: Math.ceil(docs / 2),
      variants,
    })
    // The miss path's code is still cold (the load cases only hit the cache): a few unmeasured first.
    const warmMisses = Math.min(10, Math.floor(urls.length / 3))
    log(
      `cache misses: ${urls.length - warmMisses} distinct delivery URLs never requested before, one at a time…`,
    )
    const miss = await measureMisses(urls, warmMisses)
    log(
      `    p50 ${miss.p50} ms, p99 ${miss.p99} ms, max ${miss.max} ms${miss.wrongStatus ? `, ${miss.wrongStatus} wrong status` : ''}`,
    )

    let explain: null | string = null
    if (opts.scale) {
      log(`EXPLAIN (ANALYZE, BUFFERS) of the delivery queries for ${slug} (bench/explain.ts)…`)
      const explainFile = path.join(dataDir, 'explain.md')
      await run(process.execPath, [...nodeArgs(env), 'bench/explain.ts'], {
        ...env,
        BENCH_EXPLAIN_OUT: explainFile,
        BENCH_EXPLAIN_SLUG: slug,
      })
      explain = readFileSync(explainFile, 'utf8')
    }

    let publish: null | PublishCost = null
    if (!opts['no-publish']) {
      log(
        `publish cost: ${opts.smoke ? 3 : 20} publishes of an approved 50-section document, seen by the server process…`,
      )
      const out = await capture(process.execPath, [...nodeArgs(env), 'bench/publishCost.ts'], {
        ...env,
        BENCH_PUBLISHES: opts.smoke ? '3' : '20',
        BENCH_SERVER_URL: base,
      })
      const line = /^RESULT (.*)$/m.exec(out)?.[1]
      if (!line) {
        throw new Error(`bench/publishCost.ts printed no result:\n${out}`)
      }
      publish = JSON.parse(line) as PublishCost
      log(
        `    publish median ${publish.publishMedianMs} ms (max ${publish.publishMaxMs}); served by the server after ${publish.visibleMedianMs} ms median (max ${publish.visibleMaxMs})`,
      )
    }

    const finished = new Date()
    const summary = {
      docs,
      measuredAt: started.toISOString().replace(/\.\d+Z$/, 'Z'),
      miss,
      results: results.map(({ id, label, p50, p99, rps }) => ({ id, label, p50, p99, rps })),
      sections: sectionsPerDoc,
      versions,
    }
    // A run without the fast path is no baseline for the scale run.
    if (!opts['no-fast-path']) {
      saveSummary(dataDir, summary)
    }
    const baseline = opts.scale
      ? loadBaseline(
          path.join(
            os.tmpdir(),
            `legal-docs-bench-v${DATASET_VERSION}-${smallDocs(opts.smoke)}x${sectionsPerDoc}`,
          ),
          path.join(root, 'docs', 'BENCHMARKS.md'),
        )
      : null
    let report = formatReport({
      slug,
      baseline,
      bodyBytes: body.length,
      external: Boolean(external),
      finished,
      loadAfter: os.loadavg(),
      loadBefore,
      miss,
      publish,
      results,
      rss,
      started,
    })
    if (explain) {
      report += `\n\n#### EXPLAIN of the delivery queries\n\n${explain.trim()}`
    }
    console.log(`\n${report}`)
    if (opts.scale) {
      log(comparisonLine(baseline, summary))
    }
    if (opts.write) {
      writeBetweenMarkers(
        path.join(root, 'docs', 'BENCHMARKS.md'),
        opts.scale ? 'scale' : 'results',
        report,
      )
      log('results written to docs/BENCHMARKS.md')
    }
    const failed = results.filter((r) => r.wrongStatus > 0 || r.errors > 0)
    if (failed.length || miss.wrongStatus) {
      process.exitCode = 1
      log(
        `cases with wrong answers or errors: ${[...failed.map((r) => r.id), ...(miss.wrongStatus ? ['cache misses'] : [])].join(', ')}`,
      )
    }
  } finally {
    await cleanup()
  }
}

function formatReport(r: {
  baseline: Baseline | null
  bodyBytes: number
  external: boolean
  finished: Date
  loadAfter: number[]
  loadBefore: number[]
  miss: MissLatency
  publish: null | PublishCost
  results: Measured[]
  rss: { loaded: null | number; settled: null | number }
  slug: string
  started: Date
}): string {
  const by = byId(r.results)
  const aOverD = ratio(by.a.rps, by.d.rps)
  const aOverB = ratio(by.a.rps, by.b.rps)
  const cOverA = ratio(by.c.rps, by.a.rps)
  const lines = [
    ...reportHead({
      machine: machineLine(r.started, r.loadBefore, r.loadAfter),
      noDb: ['d'],
      results: r.results,
      settings,
      setup:
        `document \`${r.slug}\` (${sectionsPerDoc} sections, ${(r.bodyBytes / 1024).toFixed(1)} KB JSON) ` +
        `among the reference content and ${docs} generated documents${opts.scale ? ` (${(docs * sectionsPerDoc).toLocaleString('en-US')} sections), each with ${versions} archived versions` : ''}; ${r.external ? 'DATABASE_URL' : 'embedded'} PostgreSQL` +
        `${opts['no-fast-path'] ? '; **fast path off** (DELIVERY_FAST_PATH=off)' : ''}.`,
    }),
    `| a/d | ${(aOverD * 100).toFixed(0)}% | ≥ 50%, with (a) p99 ≤ 20 ms (p99 ${by.a.p99} ms) | ${ok(aOverD >= 0.5 && by.a.p99 <= 20)} |`,
    `| a/b | ${aOverB.toFixed(1)}× | ≥ 10× | ${ok(aOverB >= 10)} |`,
    `| c/a | ${(cOverA * 100).toFixed(0)}% (a is ${(1 / cOverA).toFixed(2)}× c) | (c) within 3× of (a): ≥ 33% | ${ok(cOverA >= 1 / 3)} |`,
    ...(r.publish
      ? [
          `| publish of an approved ${r.publish.sections}-section document, median of ${r.publish.publishes} | ${r.publish.publishMedianMs} ms (max ${r.publish.publishMaxMs}) | ≤ 500 ms | ${ok(r.publish.publishMedianMs <= 500)} |`,
          `| another process (the server) serves the new version | ${r.publish.visibleMedianMs} ms median, max ${r.publish.visibleMaxMs} | ≤ 1 s | ${ok(r.publish.visibleMaxMs <= 1000)} |`,
        ]
      : []),
    `| server RSS after the benchmark (${SETTLE_MS / 1000} s without requests) | ${r.rss.settled ?? '?'} MB (${r.rss.loaded ?? '?'} MB right after the load) | ≤ ${RSS_TARGET_MB} MB | ${ok(r.rss.settled !== null && r.rss.settled <= RSS_TARGET_MB)} |`,
    '',
    `Delivery cache misses (bench/missLatency.ts): ${r.miss.requests} distinct URLs never requested before${opts.scale ? ` (documents and versions 1–${versions})` : ' (documents as JSON and Markdown)'}, ` +
      `one at a time: p50 ${r.miss.p50} ms, p99 ${r.miss.p99} ms, max ${r.miss.max} ms${r.miss.wrongStatus ? ` ⚠ ${r.miss.wrongStatus} wrong status` : ''}.`,
    ...(opts.scale
      ? [
          '',
          ...(r.baseline
            ? comparisonTable(r.baseline, { miss: r.miss, results: r.results })
            : ['No small-dataset figures to compare with: run `npm run bench` first.']),
        ]
      : []),
    '',
    `Server RSS: ${r.rss.loaded ?? '?'} MB right after the load cases, ${r.rss.settled ?? '?'} MB after ${SETTLE_MS / 1000} s without requests. CPU columns: share of one core over the measured seconds (200% = both cores); "rest of the machine" is everything else that ran meanwhile (kernel network work included) — when it is high, other processes were competing and the run is noisy.`,
  ]
  return lines.join('\n')
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

/**
 * `npm run soak [-- options]` (not in CI): the production server under mixed reads and a steady
 * stream of publishes for several minutes. It must answer every request without an error, and
 * its memory must stay flat (first minute against last minute). Issue 8, point 8; the last
 * result is in docs/SECURITY.md.
 *
 *   --minutes N        how long the load runs (default 10)
 *   --connections N    autocannon connections per read route (default 4; six routes)
 *   --publish-every S  seconds between two publishes (default 5)
 *   --rate N           hold the reads at N requests/s in all (split over the routes) instead of
 *                      as fast as the server answers: the steady rate of `npm run bench:soak`
 *   --max-growth P     memory counts as flat when the last minute's mean RSS is at most P %
 *                      above the first minute's (default 15)
 *   --max-rss MB       also fail when the server's RSS 30 s after the load is above MB
 *   --build            run `npm run build` first even when a build exists (it runs when none does)
 *   --keep             keep the temporary data directory
 *
 * What it does: builds if needed; seeds a fresh embedded PostgreSQL in a temporary DATA_DIR
 * (production settings, so the committed migrations, not a schema push) with the reference
 * content and two accounts, an editor and a reviewer; starts the production server the way
 * `npm start` and .ci/smoke-production.sh do (NODE_ENV=production, EMBEDDED_POSTGRES=true);
 * then, for the whole run:
 *   - reads with autocannon: delivery REST (current and archived version, cookie declaration),
 *     GraphQL (a delivery query and a stock collection query) and stock Payload REST;
 *   - publishes through the real workflow over REST, one new version every few seconds, rotating
 *     over the documents: the editor changes a section heading and the change summary, submits;
 *     the reviewer approves and publishes; the delivery API must show the new version at once;
 *   - samples the server process's RSS every 10 seconds.
 * Exit code 0 only with zero errors and flat memory (last minute at most --max-growth above the
 * first, and at most --max-rss once the load is over).
 *
 * `npm run bench:soak` (issue 7, point 7) is this at a steady rate for 5 minutes, with memory
 * flat within 10 % and the server under 400 MB; its last result is in docs/BENCHMARKS.md.
 */
import type { Options, Result } from 'autocannon'

import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { runCli } from '../dev/cli/runCli'
import { nodeArgs } from '../dev/server/nodeArgs'
import { jsonRequest } from '../test/helpers/rest'
import { loadAutocannon } from './loadAutocannon.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const { values: opts } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    connections: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
    'max-growth': { type: 'string', default: '15' },
    'max-rss': { type: 'string' },
    minutes: { type: 'string', default: '10' },
    'publish-every': { type: 'string', default: '5' },
    rate: { type: 'string' },
  },
  strict: true,
})
const minutes = Number(opts.minutes)
const connections = Number(opts.connections)
const publishEvery = Number(opts['publish-every'])
const rate = opts.rate === undefined ? null : Number(opts.rate)
const maxGrowth = Number(opts['max-growth']) / 100
const maxRss = opts['max-rss'] === undefined ? null : Number(opts['max-rss'])
if (
  !(minutes > 0) ||
  !(connections > 0) ||
  !(publishEvery > 0) ||
  (rate !== null && !(rate > 0)) ||
  !(maxGrowth >= 0) ||
  (maxRss !== null && !(maxRss > 0))
) {
  console.error(
    'usage: npm run soak [-- --minutes N] [--connections N] [--publish-every S] [--rate N] [--max-growth P] [--max-rss MB] [--build] [--keep]',
  )
  process.exit(2)
}
const durationS = Math.round(minutes * 60)
const SAMPLE_S = 10
const SETTLE_S = 30

// The soak checks statuses, not bodies: no decoding in the load generator (bench/loadAutocannon.mjs).
const autocannon = loadAutocannon({ decodeBodies: false })

const log = (line: string) => console.log(`[soak] ${line}`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function rssMB(pid: number): null | number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}

function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    )
  })
}

type Account = { email: string; password: string }

/** Production settings, a fresh embedded database: the migrations, two accounts, the reference content. */
async function seed(env: NodeJS.ProcessEnv): Promise<{ editor: Account; reviewer: Account }> {
  Object.assign(process.env, env)
  const { startCliPayload } = await import('../dev/server/bootstrap')
  const app = await startCliPayload('soak')
  try {
    // Only now: loading the database adapter before Payload's config can stall Node's module
    // loader (see src/backup/verify.ts).
    const { seedReferenceContent } = await import('../seed/seed')
    const editor = {
      email: 'soak-editor@example.invalid',
      password: randomBytes(12).toString('base64url'),
    }
    const reviewer = {
      email: 'soak-reviewer@example.invalid',
      password: randomBytes(12).toString('base64url'),
    }
    for (const [account, role] of [
      [editor, 'editor'],
      [reviewer, 'reviewer'],
    ] as const) {
      await app.payload.create({
        collection: 'users',
        data: { ...account, name: `Soak ${role}`, roles: [role] },
        overrideAccess: true,
      })
    }
    const summary = await seedReferenceContent(app.payload)
    log(
      `seeded ${summary.documents.length} documents and the cookie declaration in ${(summary.milliseconds / 1000).toFixed(1)} s`,
    )
    return { editor, reviewer }
  } finally {
    await app.close()
  }
}

function startServer(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    // Its own process group, stopped as a whole like a container stop.
    const child = spawn(process.execPath, [...nodeArgs(env), 'dev/server/main.ts'], {
      cwd: root,
      detached: true,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      180_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.length > 1_000_000) {
        output = output.slice(-500_000)
      }
      if (/Legal documents ready/.test(output)) {
        clearTimeout(timer)
        resolve({ child, output: () => output })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}):\n${output}`))
    })
  })
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  child.removeAllListeners('exit')
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGTERM')
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000)
  await exited
  clearTimeout(timer)
}

type Bucket = { bad: number; latencies: number[]; responses: number }
type Sample = {
  errors: number
  p99: number
  publishes: number
  reads: number
  readsPerS: number
  rssMB: null | number
  t: number
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) {
    return 0
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function main(): Promise<number> {
  if (opts.build || !existsSync(path.join(root, 'dev', '.next', 'BUILD_ID'))) {
    log('building (npm run build)')
    await runToEnd('npm', ['run', 'build'], process.env)
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-soak-'))
  await fs.chmod(dataDir, 0o755)
  const { findFreePort } = await import('../dev/server/embeddedPostgres')
  const port = await findFreePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES: 'true',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
  }
  delete env.DATABASE_URL

  let server: ChildProcess | undefined
  try {
    const accounts = await seed(env)
    const started = await startServer(env)
    server = started.child
    const pid = server.pid!
    const base = `http://127.0.0.1:${port}`
    log(`production server on ${base} (pid ${pid}, RSS ${rssMB(pid)} MB); ${minutes} min of load`)

    const api = async (method: string, url: string, token: null | string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, jsonRequest(method, token, body, 30_000))
      const text = await res.text()
      if (!res.ok) {
        throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`)
      }
      return JSON.parse(text) as Record<string, any>
    }
    const login = async (a: Account) =>
      (await api('POST', '/api/users/login', null, a)).token as string
    const editorToken = await login(accounts.editor)
    const reviewerToken = await login(accounts.reviewer)
    const documents = (await api('GET', '/api/legal-documents?limit=100&depth=0&sort=slug', null))
      .docs as { id: number; sections: number[]; slug: string }[]

    // --- reads ------------------------------------------------------------------------------
    const gql = (query: string): Partial<Options> => ({
      body: JSON.stringify({ query }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    })
    const reads: { label: string; options: { path: string } & Partial<Options> }[] = [
      { label: 'delivery REST current', options: { path: '/api/legal/documents/privacy-policy' } },
      {
        label: 'delivery REST archived',
        options: { path: '/api/legal/documents/terms-of-use?version=1' },
      },
      { label: 'delivery REST cookies', options: { path: '/api/legal/cookies?locale=uk' } },
      {
        label: 'GraphQL delivery',
        options: {
          path: '/api/graphql',
          ...gql('{ legalDocument(slug: "data-security") { title version lastModified html } }'),
        },
      },
      {
        label: 'GraphQL stock',
        options: {
          path: '/api/graphql',
          ...gql('{ LegalDocuments(limit: 5) { docs { title slug version } } }'),
        },
      },
      { label: 'stock REST', options: { path: '/api/legal-documents?limit=5&depth=0' } },
    ]
    const t0 = Date.now()
    const buckets = new Map<number, Bucket>()
    const bucketAt = (ms: number) => {
      const index = Math.floor((ms - t0) / (SAMPLE_S * 1000))
      let b = buckets.get(index)
      if (!b) {
        buckets.set(index, (b = { bad: 0, latencies: [], responses: 0 }))
      }
      return b
    }
    const runs = reads.map(({ label, options }) => {
      const { path: p, ...rest } = options
      // overallRate spreads the route's share of --rate over its connections: a steady load.
      const steady =
        rate === null ? {} : { overallRate: Math.max(1, Math.round(rate / reads.length)) }
      const run = autocannon({
        connections,
        duration: durationS,
        timeout: 30,
        url: `${base}${p}`,
        ...steady,
        ...rest,
      }) as {
        on: (event: string, fn: (...args: any[]) => void) => void
      } & Promise<Result>
      run.on(
        'response',
        (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
          const b = bucketAt(Date.now())
          b.responses++
          b.latencies.push(responseTime)
          if (statusCode < 200 || statusCode >= 300) {
            b.bad++
          }
        },
      )
      run.on('reqError', () => bucketAt(Date.now()).bad++)
      return run.then((result) => ({ label, result }))
    })

    // --- publishes ----------------------------------------------------------------------------
    const publishErrors: string[] = []
    const publishMs: number[] = []
    let publishes = 0
    let stopPublishing = false
    const publisher = (async () => {
      const headings = new Map<number, string>()
      for (let n = 1; !stopPublishing; n++) {
        const next = Date.now() + publishEvery * 1000
        const doc = documents[(n - 1) % documents.length]
        const begun = Date.now()
        try {
          const sectionId = doc.sections[0]
          if (!headings.has(sectionId)) {
            headings.set(
              sectionId,
              (await api('GET', `/api/legal-sections/${sectionId}?depth=0`, editorToken)).heading,
            )
          }
          await api('PATCH', `/api/legal-sections/${sectionId}?draft=true&depth=0`, editorToken, {
            heading: `${headings.get(sectionId)} (soak ${n})`,
          })
          await api('PATCH', `/api/legal-documents/${doc.id}?draft=true&depth=0`, editorToken, {
            changeSummary: `Soak revision ${n}.`,
          })
          await api('POST', `/api/legal-documents/${doc.id}/workflow`, editorToken, {
            action: 'submit',
          })
          await api('POST', `/api/legal-documents/${doc.id}/workflow`, reviewerToken, {
            action: 'approve',
          })
          const published = await api(
            'PATCH',
            `/api/legal-documents/${doc.id}?depth=0`,
            reviewerToken,
            { _status: 'published' },
          )
          const version = Number(published.doc?.version)
          // Readers see it on their next request: every cache was dropped by the publish.
          const delivered = await api('GET', `/api/legal/documents/${doc.slug}`, null)
          if (delivered.version !== version) {
            throw new Error(
              `${doc.slug}: published version ${version}, delivered ${delivered.version}`,
            )
          }
          publishes++
          publishMs.push(Date.now() - begun)
        } catch (err) {
          publishErrors.push(`publish ${n} (${doc.slug}): ${(err as Error).message}`)
        }
        await sleep(Math.max(0, next - Date.now()))
        if (Date.now() - t0 > durationS * 1000) {
          break
        }
      }
    })()

    // --- samples ------------------------------------------------------------------------------
    const samples: Sample[] = []
    const sample = (t: number) => {
      const b = buckets.get(t / SAMPLE_S - 1) ?? { bad: 0, latencies: [], responses: 0 }
      const sorted = b.latencies.sort((x, y) => x - y)
      const s: Sample = {
        errors: b.bad + publishErrors.length,
        p99: Math.round(percentile(sorted, 99)),
        publishes,
        reads: b.responses,
        readsPerS: Math.round(b.responses / SAMPLE_S),
        rssMB: rssMB(pid),
        t,
      }
      b.latencies = []
      samples.push(s)
      log(
        `t=${String(t).padStart(4)} s  RSS ${s.rssMB} MB  reads ${s.readsPerS}/s  p99 ${s.p99} ms  publishes ${publishes}  errors ${s.errors}`,
      )
    }
    samples.push({
      errors: 0,
      p99: 0,
      publishes: 0,
      reads: 0,
      readsPerS: 0,
      rssMB: rssMB(pid),
      t: 0,
    })
    for (let t = SAMPLE_S; t <= durationS; t += SAMPLE_S) {
      await sleep(t0 + t * 1000 + 200 - Date.now())
      sample(t)
    }
    const results = await Promise.all(runs)
    stopPublishing = true
    await publisher
    // What the server keeps once the load is over: V8 gives back the heap it grew under load
    // when the allocation rate drops (its memory reducer), so RSS at rest is read after a pause.
    await sleep(SETTLE_S * 1000)
    const settledRss = rssMB(pid) ?? 0
    log(`${SETTLE_S} s after the load: RSS ${settledRss} MB`)
    const serverAlive = server.exitCode === null && server.signalCode === null

    // --- report -------------------------------------------------------------------------------
    const readErrors = results.reduce(
      (n, { result }) => n + result.errors + result.timeouts + result.non2xx,
      0,
    )
    const totalReads = results.reduce((n, { result }) => n + result['2xx'] + result.non2xx, 0)
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
    const window = Math.min(60, durationS / 2)
    const firstRss = mean(samples.filter((s) => s.t > 0 && s.t <= window).map((s) => s.rssMB ?? 0))
    const lastRss = mean(samples.filter((s) => s.t > durationS - window).map((s) => s.rssMB ?? 0))
    const growth = firstRss ? (lastRss - firstRss) / firstRss : 0
    const flat = growth <= maxGrowth
    const peakRss = Math.max(...samples.map((s) => s.rssMB ?? 0))
    const underCap = maxRss === null || settledRss <= maxRss
    const errors = readErrors + publishErrors.length + (serverAlive ? 0 : 1)
    const sortedPublish = [...publishMs].sort((a, b) => a - b)

    const lines = [
      `Soak: ${minutes} min, ${reads.length} read routes × ${connections} connections (autocannon)${rate === null ? '' : `, held at ${rate} req/s in all`}, one publish every ${publishEvery} s; production build, embedded PostgreSQL, ${os.cpus().length} cores.`,
      '',
      '| reads | req/s | p99 (ms) | errors + timeouts + non-2xx |',
      '| --- | --- | --- | --- |',
      ...results.map(
        ({ label, result }) =>
          `| ${label} | ${Math.round(result.requests.average)} | ${Math.round(result.latency.p99)} | ${result.errors + result.timeouts + result.non2xx} |`,
      ),
      `| **all** | **${Math.round(totalReads / durationS)}** | | **${readErrors}** |`,
      '',
      `Publishes: ${publishes} new versions through the workflow over REST, ${publishErrors.length} failed; ` +
        `edit → published → delivered median ${percentile(sortedPublish, 50)} ms, max ${sortedPublish.at(-1) ?? 0} ms.`,
      `Reads per ${SAMPLE_S} s window (req/s): ${samples
        .slice(1)
        .map((s) => s.readsPerS)
        .join(', ')}; p99 (ms): ${samples
        .slice(1)
        .map((s) => s.p99)
        .join(', ')}.`,
      `Server RSS every ${SAMPLE_S} s (MB): ${samples.map((s) => s.rssMB).join(', ')}.`,
      `First ${window} s mean ${firstRss.toFixed(0)} MB, last ${window} s mean ${lastRss.toFixed(0)} MB: ` +
        `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % (${flat ? 'flat' : `NOT flat: more than +${(maxGrowth * 100).toFixed(0)} %`}); ` +
        `peak ${peakRss} MB under load; ${settledRss} MB ${SETTLE_S} s after the load${maxRss === null ? '' : underCap ? ` (≤ ${maxRss} MB)` : ` (**above ${maxRss} MB**)`}.`,
      `Command: \`npm run soak${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
      `Errors: ${errors}${serverAlive ? '' : ' (the server exited)'}. ${errors === 0 && flat && underCap ? 'PASS' : 'FAIL'}`,
    ]
    console.log(`\n${lines.join('\n')}\n`)
    for (const e of publishErrors.slice(0, 10)) {
      console.log(`  ${e}`)
    }
    return errors === 0 && flat && underCap ? 0 : 1
  } finally {
    if (server) {
      await stopServer(server)
    }
    if (!opts.keep) {
      await fs.rm(dataDir, { force: true, recursive: true })
    } else {
      log(`data kept in ${dataDir}`)
    }
  }
}

// A run that ends without its report (the event loop ran dry) must not look like a pass.
runCli(main, '[soak] stopped before it finished')

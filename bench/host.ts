import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
/**
 * The host section of `npm run bench` (issue point 8, "Delivery speed in a host app"): the
 * packed plugin in a fresh Payload app built from test/host-app/template (test/host-app/prepareHost.ts:
 * pack, install, migrate, `next build`), with the route file the README tells hosts to add
 * (`app/(payload)/api/legal/[...path]/route.ts` → `legalDeliveryRoutes`), run by `next start` in
 * production, against a PostgreSQL server (DATABASE_URL's, else 127.0.0.1:5432; a throw-away
 * database). Run by bench/run.ts after the reference app's cases (`--no-host` skips it,
 * `--host-only` runs only this). Importing this module runs nothing.
 *
 * Two bench-only files are added to the host (never to the template):
 *   - src/app/bench-bare/route.ts: a bare Next route handler that answers the delivery
 *     response's exact bytes and headers from memory (read once, on its first request, from a
 *     file this bench writes into the host) and 304 on a matching If-None-Match — the ceiling
 *     of any route handler in this app;
 *   - src/app/bench-stock/[...slug]/route.ts: Payload's own `REST_GET(config)`, the very
 *     handler of the template's catch-all `app/(payload)/api/[...slug]/route.ts`, mounted at
 *     another URL. With the plugin's route file in place `/api/legal/*` never reaches the
 *     catch-all, so this is how "the same delivery URL through Payload's catch-all route" is
 *     measured: `REST_GET` builds its `handleEndpoints` path from the route's `slug` segments
 *     (`/bench-stock/legal/documents/x` → `/api/legal/documents/x`), so the request goes
 *     through exactly the code a catch-all request does (Next's routing, `REST_GET`,
 *     `handleEndpoints`: Payload request, auth, i18n, endpoint matching, CORS) and the delivery
 *     endpoint answers from the same in-memory cache.
 *
 * The content is seeded over HTTP as staff would: a first admin, an editor and a reviewer; the
 * editor creates a document of 40 sections of the reference benchmark's generated text
 * (bench/generatedContent.ts, ~44 KB of delivered JSON) and submits it, the reviewer approves
 * and publishes it.
 */
import { canonicalJSON } from 'payload-plugin-legal-documents'

import { client, expectStatus, type Reply } from '../test/host-app/hostHttp'
import {
  check,
  type HostServer,
  type PreparedHost,
  prepareHost,
} from '../test/host-app/prepareHost'
import { LEGAL_DOCUMENT_QUERY } from './dataset'
import { generatedSections } from './generatedContent'
import * as measure from './measure'

type Json = Record<string, any>

export type HostBenchOptions = {
  log: (line: string) => void
  retries: number
  /** Sections of the seeded document (40 as the reference benchmark's dataset). */
  sections: number
} & measure.MeasureSettings

export type HostBenchResult = { failed: string[]; report: string; results: measure.Measured[] }

/** Env var naming the file that describes the bare route's answer (written by this bench). */
const SPEC_ENV = 'BENCH_BARE_SPEC'

const BARE_ROUTE = `import { readFileSync } from 'node:fs'

// Written by bench/host.ts (npm run bench): the ceiling of a route handler in this app. It
// answers the delivery endpoint's exact bytes and headers from memory, and 304 on a matching
// If-None-Match, doing nothing else per request.
export const dynamic = 'force-dynamic'

type Answer = { body: Uint8Array; etag: string; ok: [string, string][]; notModified: [string, string][] }
let answer: Answer | undefined

/** Read once, on the first request (the bench writes the file after seeding). */
function load(): Answer {
  if (answer) return answer
  const file = process.env.${SPEC_ENV}
  if (!file) throw new Error('${SPEC_ENV} is not set')
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { bodyFile: string; etag: string; ok: [string, string][]; notModified: [string, string][] }
  answer = { body: new Uint8Array(readFileSync(spec.bodyFile)), etag: spec.etag, ok: spec.ok, notModified: spec.notModified }
  return answer
}

export function GET(request: Request): Response {
  const a = load()
  if (request.headers.get('if-none-match') === a.etag) return new Response(null, { status: 304, headers: a.notModified })
  return new Response(a.body as unknown as BodyInit, { status: 200, headers: a.ok })
}
`

const STOCK_ROUTE = `// Written by bench/host.ts (npm run bench): Payload's catch-all REST handler, exactly as
// app/(payload)/api/[...slug]/route.ts exports it, mounted where the plugin's route file does
// not shadow /legal/*: /bench-stock/<path> is handled as /api/<path>.
import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'

export const GET = REST_GET(config)
`

export const HOST_EXTRA_FILES: Record<string, string> = {
  'src/app/bench-bare/route.ts': BARE_ROUTE,
  'src/app/bench-stock/[...slug]/route.ts': STOCK_ROUTE,
}

/** Headers a connection or a moment adds, not the response's own. */
const PER_CONNECTION = new Set(['connection', 'date', 'keep-alive', 'transfer-encoding'])
const ownHeaders = (reply: Reply): [string, string][] => {
  const out: [string, string][] = []
  reply.headers.forEach((value, key) => {
    if (!PER_CONNECTION.has(key)) {
      out.push([key, value])
    }
  })
  return out
}
const headerText = (reply: Reply) =>
  ownHeaders(reply)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')

/** Seeds the document through the review workflow over HTTP; returns its slug. */
export async function seedHostDocument(
  http: ReturnType<typeof client>,
  sections: number,
  log: (line: string) => void,
): Promise<string> {
  const password = `bench-${Math.random().toString(36).slice(2)}`
  const email = (role: string) => `${role}@host-bench.test`
  const tokens: Record<string, string> = {}
  const login = async (role: string) => {
    const reply = await http('POST', '/api/users/login', null, { email: email(role), password })
    expectStatus(reply, 200, `login as ${role}`)
    tokens[role] = reply.body.token as string
  }
  expectStatus(
    await http('POST', '/api/users/first-register', null, {
      email: email('admin'),
      password,
      roles: ['admin'],
    }),
    200,
    'first-register',
  )
  await login('admin')
  for (const role of ['editor', 'reviewer']) {
    expectStatus(
      await http('POST', '/api/users', tokens.admin, {
        email: email(role),
        password,
        roles: [role],
      }),
      201,
      `create the ${role}`,
    )
    await login(role)
  }
  // The company the {{company.name}} placeholders name, as the reference dataset has one.
  expectStatus(
    await http('POST', '/api/globals/legal-entity', tokens.admin, { name: 'Host Bench Ltd' }),
    200,
    'set the legal entity',
  )

  const slug = 'host-bench-terms'
  const t0 = Date.now()
  const doc = await http('POST', '/api/legal-documents', tokens.editor, {
    slug,
    kind: 'terms-of-use',
    title: 'Host benchmark terms',
  })
  expectStatus(doc, 201, 'create the document')
  const id = doc.body.doc.id as number | string
  const ids: (number | string)[] = []
  for (const section of generatedSections(100, sections)) {
    const created = await http('POST', '/api/legal-sections', tokens.editor, {
      body: section.body,
      document: id,
      heading: section.heading,
    })
    expectStatus(created, 201, `create section ${section.heading}`)
    ids.push(created.body.doc.id as number | string)
  }
  expectStatus(
    await http('PATCH', `/api/legal-documents/${id}`, tokens.editor, { sections: ids }),
    200,
    'link the sections',
  )
  const workflow = async (role: string, action: string) => {
    const reply = await http('POST', `/api/legal-documents/${id}/workflow`, tokens[role], {
      action,
    })
    expectStatus(reply, 200, action)
  }
  await workflow('editor', 'submit')
  await workflow('reviewer', 'approve')
  const published = await http('PATCH', `/api/legal-documents/${id}`, tokens.reviewer, {
    _status: 'published',
  })
  expectStatus(published, 200, 'publish')
  check(
    published.body.doc?._status === 'published',
    'the document is not published',
    published.body.doc,
  )
  log(
    `seeded ${slug} over HTTP: ${sections} sections, created, submitted, approved and published in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  )
  return slug
}

export async function benchHost(options: HostBenchOptions): Promise<HostBenchResult> {
  const { log } = options
  const started = new Date()
  const loadBefore = os.loadavg()
  let host: null | PreparedHost = null
  let server: HostServer | null = null
  try {
    log('host app: preparing (pack, install, type-check, migrate, next build)…')
    host = await prepareHost({ extraFiles: HOST_EXTRA_FILES, log: (line) => log(`host: ${line}`) })
    const specFile = path.join(host.dir, 'bench-bare.json')
    server = await host.start(undefined, { [SPEC_ENV]: specFile })
    const base = server.baseUrl
    const pid = server.pid
    log(`host app: next start on ${base} (pid ${pid}), database ${host.databaseName}`)
    const http = client(base)
    const slug = await seedHostDocument(http, options.sections, log)

    // The first read is a miss (Payload's endpoint renders); the second the plugin's hit.
    const deliveryPath = `/api/legal/documents/${slug}`
    const first = await http('GET', deliveryPath, null)
    expectStatus(first, 200, 'the first delivery GET')
    const body = first.bytes
    const etag = first.headers.get('etag')!
    check(
      etag && (first.body.sections as undefined | unknown[])?.length === options.sections,
      `the delivery lacks the ETag or its ${options.sections} sections`,
      first.text.slice(0, 500),
    )
    const hit = await http('GET', deliveryPath, null)
    check(
      hit.status === 200 && hit.bytes.equals(body) && headerText(hit) === headerText(first),
      'the cached delivery differs from the first answer',
      { first: headerText(first), hit: headerText(hit) },
    )
    const notModified = await http('GET', deliveryPath, null, undefined, { 'if-none-match': etag })
    expectStatus(notModified, 304, 'If-None-Match on the delivery')
    log(
      `document ${slug}: ${options.sections} sections, ${(body.length / 1024).toFixed(1)} KB JSON, ETag ${etag}`,
    )

    // The bare route's answer: the delivery's own headers, for 200 and 304.
    const bodyFile = path.join(host.dir, 'bench-bare-body.json')
    writeFileSync(bodyFile, body)
    writeFileSync(
      specFile,
      JSON.stringify({ bodyFile, etag, notModified: ownHeaders(notModified), ok: ownHeaders(hit) }),
    )

    const graphqlBody = JSON.stringify({ query: LEGAL_DOCUMENT_QUERY, variables: { slug } })
    const stockPath = `/bench-stock/legal/documents/${slug}`
    const restPath = `/api/legal-documents?where[slug][equals]=${slug}&depth=1`

    // Every case answers what it claims before it is timed.
    const bare = await http('GET', '/bench-bare', null)
    check(
      bare.status === 200 && bare.bytes.equals(body),
      'the bare route does not send the delivery bytes',
      { bytes: bare.bytes.length, status: bare.status },
    )
    for (const h of ['content-type', 'etag', 'cache-control', 'content-length']) {
      check(
        bare.headers.get(h) === hit.headers.get(h),
        `the bare route's ${h} differs: ${bare.headers.get(h)} vs ${hit.headers.get(h)}`,
      )
    }
    const bare304 = await http('GET', '/bench-bare', null, undefined, { 'if-none-match': etag })
    check(
      bare304.status === 304 && bare304.headers.get('etag') === etag,
      `the bare route's conditional GET answered ${bare304.status}`,
    )
    const stock = await http('GET', stockPath, null)
    check(
      stock.status === 200 && stock.bytes.equals(body),
      "Payload's catch-all handler does not send the delivery bytes",
      { status: stock.status, text: stock.text.slice(0, 300) },
    )
    for (const h of ['content-type', 'etag', 'cache-control']) {
      check(
        stock.headers.get(h) === hit.headers.get(h),
        `Payload's catch-all handler's ${h} differs: ${stock.headers.get(h)} vs ${hit.headers.get(h)}`,
      )
    }
    const gql = await http('POST', '/api/graphql', null, JSON.parse(graphqlBody))
    expectStatus(gql, 200, 'GraphQL legalDocument')
    check(
      // The same content, whatever the key order (GraphQL answers in the query's field order).
      canonicalJSON(gql.body.data?.legalDocument) ===
        canonicalJSON(JSON.parse(body.toString('utf8'))),
      'GraphQL legalDocument differs from the REST delivery body',
      gql.text.slice(0, 500),
    )
    const rest = await http('GET', restPath, null)
    const restDoc = rest.body.docs?.[0] as Json | undefined
    check(
      rest.status === 200 &&
        restDoc?.slug === slug &&
        restDoc.sections?.length === options.sections &&
        typeof restDoc.sections[0] === 'object',
      `stock REST did not return ${slug} with its sections populated`,
      rest.text.slice(0, 500),
    )

    const bareCase: measure.Case = {
      id: 'h-bare',
      expectStatus: 200,
      label: 'bare Next route handler, same bytes from memory (ceiling)',
      pid,
      url: `${base}/bench-bare`,
    }
    const deliveryCase: measure.Case = {
      id: 'h-a',
      expectStatus: 200,
      label: "delivery GET /api/legal/documents/:slug through the plugin's route handlers",
      pid,
      url: `${base}${deliveryPath}`,
    }
    const cases = [
      bareCase,
      deliveryCase,
      {
        ...deliveryCase,
        id: 'h-a0',
        label: "the same delivery through Payload's catch-all REST handler",
        url: `${base}${stockPath}`,
      },
      measure.conditionalCase(deliveryCase, 'h-e', etag),
      measure.conditionalCase(bareCase, 'h-bare-304', etag),
      measure.graphqlCase('h-c', pid, base, graphqlBody),
      measure.stockRestCase('h-b', pid, `${base}${restPath}`),
    ].map((c): measure.Case => ({ ...c, dbMatch: ` ${host!.databaseName} ` }))
    // The preparation (pack, install, next build) is this bench's own load: the figure that tells
    // whether others were using the machine is the one right before the cases.
    const loadBeforeCases = os.loadavg()
    const results = await measure.measureCases(cases, { ...options, log })
    const rss = measure.rssMB(pid)
    log(`    next start RSS ${rss} MB right after the load cases`)

    const report = formatHostReport({
      slug,
      bodyBytes: body.length,
      databaseHost: new URL(host.databaseUrl).host,
      loadAfter: os.loadavg(),
      loadBefore,
      loadBeforeCases,
      results,
      rss,
      settings: options,
      started,
    })
    const failed = results.filter((r) => r.wrongStatus > 0 || r.errors > 0).map((r) => r.id)
    return { failed, report, results }
  } catch (err) {
    const output = server?.output()
    if (output) {
      log(`host app: server output (tail):\n${output.slice(-4000)}`)
    }
    throw err
  } finally {
    await host?.cleanup()
  }
}

function formatHostReport(r: {
  bodyBytes: number
  databaseHost: string
  loadAfter: number[]
  loadBefore: number[]
  loadBeforeCases: number[]
  results: measure.Measured[]
  rss: null | number
  settings: HostBenchOptions
  slug: string
  started: Date
}): string {
  const by = measure.byId(r.results)
  const aOverBare = measure.ratio(by['h-a'].rps, by['h-bare'].rps)
  const aOverB = measure.ratio(by['h-a'].rps, by['h-b'].rps)
  const aOverA0 = measure.ratio(by['h-a'].rps, by['h-a0'].rps)
  const eOverBare304 = measure.ratio(by['h-e'].rps, by['h-bare-304'].rps)
  /** Server CPU per response, in µs: the figure least sensitive to the load generator. */
  const cpuPer = (m: measure.Measured) =>
    m.rps ? Math.round((m.cpu.server / 100 / m.rps) * 1e6) : NaN
  return [
    ...measure.reportHead({
      machine: measure
        .machineLine(r.started, r.loadBefore, r.loadAfter)
        .replace(
          / before, /,
          ` before the host app's preparation, ${r.loadBeforeCases.map((l) => l.toFixed(2)).join(' / ')} right after it (its own build), `,
        ),
      results: r.results,
      settings: r.settings,
      setup:
        `a fresh host app (test/host-app/template + the packed plugin, \`next build\` with Turbopack, \`next start\` with NODE_ENV=production), document \`${r.slug}\` ` +
        `(${r.settings.sections} sections, ${(r.bodyBytes / 1024).toFixed(1)} KB JSON) seeded over HTTP through the review workflow; PostgreSQL at ${r.databaseHost} ` +
        "(its CPU column: the backends of the host's database).",
    }),
    `| h-a / h-bare (plugin route vs bare route handler) | ${(aOverBare * 100).toFixed(0)}% | ≥ 80% | ${measure.ok(aOverBare >= 0.8)} |`,
    `| h-a / h-b (plugin route vs stock REST query) | ${aOverB.toFixed(1)}× | ≥ 10× | ${measure.ok(aOverB >= 10)} |`,
    `| h-e / h-bare-304 (plugin 304 vs bare 304) | ${(eOverBare304 * 100).toFixed(0)}% | – | |`,
    `| h-a / h-a0 (plugin route vs Payload's catch-all, same endpoint and cache) | ${aOverA0.toFixed(2)}× | – | |`,
    '',
    `Server CPU per response (server CPU ÷ req/s): ${r.results.map((m) => `(${m.id}) ${measure.fmt(cpuPer(m))} µs`).join(', ')}. ` +
      `\`next start\` RSS right after the load cases: ${r.rss ?? '?'} MB. CPU columns as above (share of one core; 200% = both cores).`,
  ].join('\n')
}

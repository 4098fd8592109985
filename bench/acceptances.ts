/**
 * `npm run bench:acceptances [-- options]`: issue 14, point 6 — the acceptance ledger's speed
 * and scale, in one run (docs/BENCHMARKS.md "Acceptance ledger").
 *
 *   --records N      acceptance records (default 10,000,000) over --subjects N (default 1,000,000)
 *   --status-connections N   autocannon connections for the status lookup (default 8)
 *   --record-connections N   autocannon connections for recording (default 64)
 *   --duration S     measured seconds of the status case (default 10); --record-duration S (30)
 *   --warmup S       unmeasured seconds before each load case (default 3)
 *   --no-export      skip the exports (each reads all records)
 *   --cases LIST     which of status,record,export to run (default all; for trying things out)
 *   --no-fast-path   the server with DELIVERY_FAST_PATH=off: the ledger's requests through express and Payload
 *   --write          put the results into docs/BENCHMARKS.md (between the bench:acceptances markers)
 *
 * 1. Dataset (bench/acceptancesDataset.ts): in DATABASE_URL, else the database
 *    `legal_bench_acceptances` on 127.0.0.1:5432 (created if missing, kept between runs):
 *    accounts with API keys, 3 documents in 10 published versions, and the records, generated
 *    with a valid hash chain and loaded with COPY — skipped when they are there.
 * 2. The real server (`node --import tsx dev/server/main.ts`, development mode: the dataset's
 *    schema is pushed, not migrated; no Next), started directly so its pid is the server's.
 * 3. Status lookup: autocannon (bench/acceptanceLoad.mjs, its own process) on
 *    `GET /api/legal/acceptances/status?subject=user-<random among the subjects>`.
 * 4. Recording: autocannon POSTs of acceptances of subjects never seen, --record-connections
 *    connections for --record-duration s; the rows counted afterwards must equal the 201s.
 * 5. Export: every record as CSV, then as JSON, through the endpoint (admin API key), reading
 *    the stream to its end; the server's VmRSS sampled every 100 ms during each.
 * 6. EXPLAIN (ANALYZE, BUFFERS) of the status query, the idempotency lookup and the chain-head
 *    read of a group commit.
 */
import { parseArgs } from 'node:util'
import pg from 'pg'

import { count, type LedgerBench, load, type Load, runLedgerBench } from './benchProcess'
import { benchCommand, fmt, ok, rssMB } from './measure'

const { values: opts } = parseArgs({
  options: {
    cases: { type: 'string', default: 'status,record,export' },
    duration: { type: 'string', default: '10' },
    'no-export': { type: 'boolean', default: false },
    'no-fast-path': { type: 'boolean', default: false },
    'record-connections': { type: 'string', default: '64' },
    'record-duration': { type: 'string', default: '30' },
    records: { type: 'string', default: '10000000' },
    'status-connections': { type: 'string', default: '8' },
    subjects: { type: 'string', default: '1000000' },
    warmup: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
  },
  strict: true,
})
const RECORDS = Number(opts.records)
const SUBJECTS = Number(opts.subjects)
const SECRET = 'legal-bench-acceptances-secret-0123456789abcdef0123456789abcdef'
const SERVICE_KEY = 'svc-bench-acceptances-0123456789abcdef01234567'
const ADMIN_KEY = 'adm-bench-acceptances-0123456789abcdef01234567'
const CASES = new Set(opts.cases.split(','))
const TARGETS = { recordRps: 1000, statusP99: 10, statusRps: 2000 }

async function exportCase(base: string, pid: number, format: 'csv' | 'json') {
  const before = rssMB(pid)
  let peak = before ?? 0
  let bytes = 0
  /** [bytes read so far, RSS MB], every 100 ms: flat memory shows as a plateau, a leak as a slope. */
  const samples: [number, number][] = []
  const sampler = setInterval(() => {
    const rss = rssMB(pid) ?? 0
    peak = Math.max(peak, rss)
    samples.push([bytes, rss])
  }, 100)
  const started = Date.now()
  const res = await fetch(`${base}/api/legal/acceptances/export?format=${format}`, {
    headers: { authorization: `users API-Key ${ADMIN_KEY}` },
  })
  if (res.status !== 200) {
    throw new Error(`export ${format} → ${res.status}: ${await res.text()}`)
  }
  let newlines = 0
  let firstByteMs = 0
  const reader = res.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    if (!bytes) {
      firstByteMs = Date.now() - started
    }
    bytes += value.length
    for (let i = 0; i < value.length; i++) {
      if (value[i] === 10) {
        newlines++
      }
    }
  }
  const seconds = (Date.now() - started) / 1000
  clearInterval(sampler)
  peak = Math.max(peak, rssMB(pid) ?? 0)
  // CSV: a header line, then one line a record. JSON: "[", one line a record, "]".
  const rows = format === 'csv' ? newlines - 1 : newlines - 2
  // The highest RSS once a tenth of the body was sent, against the highest over the last half.
  const maxWhere = (from: number, to: number) =>
    Math.max(0, ...samples.filter(([b]) => b >= from * bytes && b <= to * bytes).map(([, r]) => r))
  return {
    after: rssMB(pid) ?? 0,
    atTenth: maxWhere(0, 0.1),
    before: before ?? 0,
    bytes,
    firstByteMs,
    format,
    lastHalf: maxWhere(0.5, 1),
    peak,
    rows,
    seconds,
  }
}

async function explain(url: string, subject: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const liveKey = (
      await client.query(
        `select live_key from legal_acceptances where subject = $1 and live_key is not null limit 1`,
        [subject],
      )
    ).rows[0]?.live_key
    const queries: [string, string, unknown[]][] = [
      [
        `status lookup of subject ${subject} (src/acceptance/ledger.ts subjectStatus)`,
        `select distinct on (document_id) document_id as "documentId", version, locale, method,
  to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt"
  from legal_acceptances where subject = $1 and event = 'acceptance'
  order by document_id, version desc, id desc`,
        [subject],
      ],
      [
        `idempotency lookup of a group commit (live_key = any(…), here one key)`,
        `select live_key, id, hash from legal_acceptances where live_key = any($1::text[])`,
        [[liveKey]],
      ],
      [
        `chain head read by a group commit`,
        `select hash from legal_acceptances order by id desc limit 1`,
        [],
      ],
    ]
    const out: string[] = []
    for (const [title, text, params] of queries) {
      const plan = (await client.query(`explain (analyze, buffers) ${text}`, params)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n')
      out.push(
        `##### ${title}\n\n\`\`\`sql\n${text.replace('$1::text[]', `array['${liveKey}']`).replace('$1', `'${subject}'`)}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\``,
      )
    }
    const sizes = (
      await client.query(
        `select pg_size_pretty(pg_table_size('legal_acceptances')) as "table", pg_size_pretty(pg_indexes_size('legal_acceptances')) as "indexes"`,
      )
    ).rows[0]
    out.unshift(`Table \`legal_acceptances\`: ${sizes.table} of rows, ${sizes.indexes} of indexes.`)
    return out.join('\n\n')
  } finally {
    await client.end()
  }
}

type Dataset = { combos: { slug: string; version: number }[]; records: number }

async function measure({
  base,
  dataset,
  dbName,
  log,
  pid,
  started,
  url,
}: LedgerBench<Dataset>): Promise<string[]> {
  const inForce = new Map<string, number>()
  for (const c of dataset.combos) {
    inForce.set(c.slug, Math.max(inForce.get(c.slug) ?? 0, c.version))
  }
  const targets = [...inForce].map(([document, version]) => ({ document, version }))

  const probe = await fetch(`${base}/api/legal/acceptances/status?subject=user-42`, {
    headers: { authorization: `users API-Key ${SERVICE_KEY}` },
  })
  const probeBody = (await probe.json()) as {
    documents?: { lastAccepted: unknown; mustAccept: boolean }[]
  }
  if (
    probe.status !== 200 ||
    probeBody.documents?.length !== inForce.size ||
    probeBody.documents.some((d) => !d.lastAccepted || d.mustAccept)
  ) {
    throw new Error(
      `status of user-42 is not what the dataset holds: ${probe.status} ${JSON.stringify(probeBody)}`,
    )
  }

  const warmup = Number(opts.warmup)
  log(
    `status lookup: ${opts['status-connections']} connections, ${warmup} s warm-up + ${opts.duration} s…`,
  )
  const skipped = {
    cpuMicros: 0,
    dbCpu: 0,
    loadCpu: 0,
    result: {
      errors: 0,
      latency: { max: 0, p50: 0, p99: 0 },
      non2xx: 0,
      requests: { average: 0, total: 0 },
      statusCodeStats: {},
      timeouts: 0,
    },
    seconds: 0,
    sent: 0,
    serverCpu: 0,
    warm: null,
  } as Load
  /** The case `mode` of bench/acceptanceLoad.mjs, or an empty result when --cases leaves it out. */
  const loadCase = async (mode: string, params: Record<string, unknown>) =>
    CASES.has(mode)
      ? load(
          'bench/acceptanceLoad.mjs',
          { base, key: SERVICE_KEY, mode, warmup, ...params },
          pid,
          dbName,
        )
      : skipped
  const status = await loadCase('status', {
    connections: Number(opts['status-connections']),
    duration: Number(opts.duration),
    subjects: SUBJECTS,
  })
  log(
    `    ${fmt(status.result.requests.average)} req/s, p50 ${status.result.latency.p50} ms, p99 ${status.result.latency.p99} ms, non-2xx ${status.result.non2xx}, errors ${status.result.errors}`,
  )

  const prefix = `bench-${started.getTime().toString(36)}`
  const recordDuration = Number(opts['record-duration'])
  log(
    `recording: ${opts['record-connections']} connections, ${warmup} s warm-up + ${recordDuration} s, subjects ${prefix}-*…`,
  )
  const record = await loadCase('record', {
    connections: Number(opts['record-connections']),
    duration: recordDuration,
    prefix,
    targets,
  })
  const created =
    count(record.warm?.statusCodeStats, 201) + count(record.result.statusCodeStats, 201)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const stored = Number(
    (
      await client.query(`select count(*)::int as n from legal_acceptances where subject like $1`, [
        `${prefix}-%`,
      ])
    ).rows[0].n,
  )
  await client.end()
  const recordRps = count(record.result.statusCodeStats, 201) / recordDuration
  log(
    `    ${fmt(recordRps)} accepted/s (201), p50 ${record.result.latency.p50} ms, p99 ${record.result.latency.p99} ms, non-2xx ${record.result.non2xx}, errors ${record.result.errors}; ` +
      `${fmt(created)} answered 201, ${fmt(stored)} rows stored`,
  )

  const exports: Awaited<ReturnType<typeof exportCase>>[] = []
  if (!opts['no-export'] && CASES.has('export')) {
    for (const format of ['csv', 'json'] as const) {
      log(`export as ${format}…`)
      const e = await exportCase(base, pid, format)
      exports.push(e)
      log(
        `    ${fmt(e.rows)} records, ${(e.bytes / 1e6).toFixed(0)} MB in ${e.seconds.toFixed(0)} s (${(e.bytes / 1e6 / e.seconds).toFixed(1)} MB/s, ${fmt(e.rows / e.seconds)} records/s); RSS ${e.before} MB before, ${e.atTenth} MB by the first tenth, ${e.lastHalf} MB at most over the last half, peak ${e.peak} MB`,
      )
    }
  }

  log('EXPLAIN (ANALYZE, BUFFERS)…')
  const plans = await explain(url, `user-${Math.floor(SUBJECTS / 2) + 7}`)

  const total = dataset.records + stored
  return [
    `Command: \`${benchCommand('bench:acceptances')}\` — ${fmt(dataset.records)} acceptance records over ${fmt(SUBJECTS)} subjects ` +
      `(3 documents, 10 published versions; each subject accepted each version), PostgreSQL 127.0.0.1:5432 on the same machine, server \`dev/server/main.ts\` ` +
      `(development mode, no Next${opts['no-fast-path'] ? '; **fast path off**: DELIVERY_FAST_PATH=off' : ''}), autocannon in its own process beside it.`,
    '',
    '| case | figure | p50 ms | p99 ms | server CPU | PostgreSQL CPU | autocannon CPU | target | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    `| status lookup \`GET /api/legal/acceptances/status?subject=<random of ${fmt(SUBJECTS)}>\`, ${opts['status-connections']} connections | ${fmt(status.result.requests.average)} req/s | ${status.result.latency.p50} | ${status.result.latency.p99} | ${status.serverCpu}% | ${status.dbCpu}% | ${status.loadCpu}% | ≥ ${fmt(TARGETS.statusRps)} req/s, p99 ≤ ${TARGETS.statusP99} ms | ${ok(status.result.requests.average >= TARGETS.statusRps && status.result.latency.p99 <= TARGETS.statusP99)} |`,
    `| recording \`POST /api/legal/acceptances\` (new subjects), ${opts['record-connections']} connections, ${recordDuration} s | ${fmt(recordRps)} accepted/s | ${record.result.latency.p50} | ${record.result.latency.p99} | ${record.serverCpu}% | ${record.dbCpu}% | ${record.loadCpu}% | ≥ ${fmt(TARGETS.recordRps)}/s sustained | ${ok(recordRps >= TARGETS.recordRps)} |`,
    `| rows stored vs answers (warm-up included) | ${fmt(stored)} rows; ${fmt(created)} answered 201; ${fmt(record.sent)} sent | | | | | | 201s ≤ rows ≤ sent | ${ok(created <= stored && stored <= record.sent)} |`,
    ...exports.map(
      (e) =>
        `| export \`?format=${e.format}\`, all ${fmt(e.rows)} records | ${(e.bytes / 1e6 / e.seconds).toFixed(1)} MB/s, ${fmt(e.rows / e.seconds)} records/s (${(e.bytes / 1e9).toFixed(2)} GB in ${e.seconds.toFixed(0)} s, first byte ${e.firstByteMs} ms) | | | | | | constant memory: server RSS ${e.before} MB before, ${e.atTenth} MB by the first tenth of the body, ${e.lastHalf} MB at most over its last half (peak ${e.peak} MB) | ${ok(e.rows === total && e.lastHalf - e.atTenth <= 50)} |`,
    ),
    '',
    `Status answers: ${fmt(status.result.requests.total)} in ${opts.duration} s, non-2xx ${status.result.non2xx}, errors ${status.result.errors}. Recording answers: ${fmt(count(record.result.statusCodeStats, 201))} × 201 in the measured seconds, non-2xx ${record.result.non2xx}, errors ${record.result.errors}, timeouts ${record.result.timeouts}; ` +
      `the rows beyond the 201s are the requests still in flight when autocannon stopped counting (${opts['record-connections']} connections), committed but answered to nobody who listened.`,
    '',
    '#### EXPLAIN (ANALYZE, BUFFERS)',
    '',
    plans,
  ]
}

runLedgerBench(
  {
    name: 'acceptances',
    datasetEnv: {
      BENCH_ADMIN_KEY: ADMIN_KEY,
      BENCH_RECORDS: String(RECORDS),
      BENCH_SERVICE_KEY: SERVICE_KEY,
      BENCH_SUBJECTS: String(SUBJECTS),
    },
    datasetLabel: `${fmt(RECORDS)} acceptances over ${fmt(SUBJECTS)} subjects`,
    secret: SECRET,
    serverEnv: opts['no-fast-path'] ? { DELIVERY_FAST_PATH: 'off' } : {},
    write: opts.write,
  },
  measure,
).catch((err) => {
  console.error(err)
  process.exit(1)
})

/**
 * `npm run bench:consents [-- options]`: issue 15, point 5 — the consent log's speed and scale,
 * in one run (docs/BENCHMARKS.md "Consent log").
 *
 *   --records N          consent records in the dataset (default 20,000,000)
 *   --connections N      autocannon connections posting consents (default 64)
 *   --duration S         measured seconds of ingestion (default 30)
 *   --lookup-connections N   connections of the look-up by consent ID (default 4); --lookup-duration S (10)
 *   --retention-duration S   seconds of ingestion around the retention run (default 60); it starts 10 s in
 *   --warmup S           unmeasured seconds before each load case (default 3)
 *   --write              put the results into docs/BENCHMARKS.md (between the bench:consents markers)
 *
 * 1. Dataset (bench/consentsDataset.ts): in DATABASE_URL, else the database
 *    `legal_bench_consents` on 127.0.0.1:5432 (created if missing, kept between runs): an admin
 *    with an API key and the records over 26 months, loaded with COPY into their month tables.
 * 2. The real server (`dev/server/main.ts`, development mode, no Next) with the consent rate limit
 *    raised through the plugin option (LEGAL_CONSENT_RATE_LIMIT): autocannon posts from one
 *    address, and the default 30 a minute would refuse nearly all.
 * 3. Ingestion: autocannon POSTs of new visitors' consents; rows counted afterwards against the 201s.
 * 4. Look-up by consent ID: `GET /api/legal/consents/<id>` (admin key) of random dataset records,
 *    and the same query in SQL, timed 2,000 times.
 * 5. Retention under load: ingestion again, and 10 s in, one retention run in a process of its
 *    own (bench/consentRetention.ts); the per-second timeline shows the longest wait of any
 *    consent while it ran.
 */
import { parseArgs } from 'node:util'
import pg from 'pg'

import { nodeArgs } from '../dev/server/nodeArgs'
import { count, type LedgerBench, load, type Load, run, runLedgerBench } from './benchProcess'
import { benchConsentId } from './consentIds.mjs'
import { benchCommand, fmt, ok } from './measure'

const { values: opts } = parseArgs({
  options: {
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '30' },
    'lookup-connections': { type: 'string', default: '4' },
    'lookup-duration': { type: 'string', default: '10' },
    records: { type: 'string', default: '20000000' },
    'retention-duration': { type: 'string', default: '60' },
    warmup: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
  },
  strict: true,
})
const RECORDS = Number(opts.records)
const SECRET = 'legal-bench-consents-secret-0123456789abcdef0123456789abcdef0123'
const ADMIN_KEY = 'adm-bench-consents-0123456789abcdef0123456789'
const TARGETS = { ingestP99: 50, ingestRps: 2000, lookupP99: 10, stallMs: 1000 }

type Timeline = { count: number; max: number; t: number }[]
type ConsentLoad = { timeline: Timeline } & Load

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function sqlLookups(
  url: string,
  perMonthRecords: number,
): Promise<{ max: number; p50: number; p99: number; plan: string }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const text = `select id, consent_id, recorded_at from legal_consents where consent_id = $1 order by recorded_at`
    const times: number[] = []
    for (let i = 0; i < 2000; i++) {
      const id = benchConsentId(Math.floor(Math.random() * perMonthRecords))
      const t = process.hrtime.bigint()
      await client.query(text, [id])
      times.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    times.sort((a, b) => a - b)
    const plan = (
      await client.query(`explain (analyze, buffers) ${text}`, [benchConsentId(4242)])
    ).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n')
    return {
      max: times[times.length - 1],
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      plan,
    }
  } finally {
    await client.end()
  }
}

type Dataset = { months: string[]; perMonth: number; records: number }

async function measure({
  base,
  dataset,
  dbName,
  env,
  log,
  pid,
  url,
}: LedgerBench<Dataset>): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const benchRows = async () =>
    Number(
      (
        await client.query(
          `select count(*)::bigint as n from legal_consents where user_agent = 'bench' and recorded_at > now() - interval '1 day'`,
        )
      ).rows[0].n,
    )
  try {
    const config = (await (await fetch(`${base}/api/legal/cookies/consent-config`)).json()) as {
      categories: Record<string, unknown>
      revision: number
    }
    const banner = { categories: Object.keys(config.categories), revision: config.revision }
    // The oldest months were retained away by an earlier run's retention and loaded again: a record of the middle months must be found.
    const probe = await fetch(
      `${base}/api/legal/consents/${benchConsentId(dataset.perMonth * 13 + 5)}`,
      { headers: { authorization: `users API-Key ${ADMIN_KEY}` } },
    )
    if (probe.status !== 200) {
      throw new Error(`look-up of a dataset record → ${probe.status}: ${await probe.text()}`)
    }

    const warmup = Number(opts.warmup)
    const duration = Number(opts.duration)
    const connections = Number(opts.connections)
    log(`ingestion: ${connections} connections, ${warmup} s warm-up + ${duration} s…`)
    const rowsBefore = await benchRows()
    const ingest = (await load(
      'bench/consentLoad.mjs',
      { base, connections, duration, mode: 'record', warmup, ...banner },
      pid,
      dbName,
    )) as ConsentLoad
    const answered =
      count(ingest.warm?.statusCodeStats, 201) + count(ingest.result.statusCodeStats, 201)
    const stored = (await benchRows()) - rowsBefore
    const ingestRps = count(ingest.result.statusCodeStats, 201) / duration
    log(
      `    ${fmt(ingestRps)} consents/s (201), p50 ${ingest.result.latency.p50} ms, p99 ${ingest.result.latency.p99} ms, max ${ingest.result.latency.max} ms, non-2xx ${ingest.result.non2xx}, errors ${ingest.result.errors}; ${fmt(answered)} answered 201, ${fmt(stored)} rows stored`,
    )

    const lookupDuration = Number(opts['lookup-duration'])
    log(`look-up by consent ID: ${opts['lookup-connections']} connections, ${lookupDuration} s…`)
    const lookup = (await load(
      'bench/consentLoad.mjs',
      {
        base,
        connections: Number(opts['lookup-connections']),
        duration: lookupDuration,
        key: ADMIN_KEY,
        mode: 'lookup',
        records: dataset.perMonth * dataset.months.length,
        warmup,
      },
      pid,
      dbName,
    )) as ConsentLoad
    // Ids of the months retention may already have dropped (the two oldest) are 404s, counted apart.
    log(
      `    ${fmt(lookup.result.requests.average)} req/s, p50 ${lookup.result.latency.p50} ms, p99 ${lookup.result.latency.p99} ms`,
    )
    const sql = await sqlLookups(url, dataset.perMonth * dataset.months.length)
    log(
      `    SQL: p50 ${sql.p50.toFixed(2)} ms, p99 ${sql.p99.toFixed(2)} ms, max ${sql.max.toFixed(2)} ms`,
    )

    const retentionDuration = Number(opts['retention-duration'])
    log(
      `retention under load: ${connections} connections for ${retentionDuration} s, retention started 10 s in…`,
    )
    const underLoad = load(
      'bench/consentLoad.mjs',
      { base, connections, duration: retentionDuration, mode: 'record', warmup: 0, ...banner },
      pid,
      dbName,
    ) as Promise<ConsentLoad>
    await new Promise((r) => setTimeout(r, 10_000))
    const retentionOut = await run([...nodeArgs(env), 'bench/consentRetention.ts'], env)
    const retention = JSON.parse(/^RETENTION (.*)$/m.exec(retentionOut)![1]) as {
      cutoff: string
      deleted: number
      droppedMonths: string[]
      end: number
      start: number
    }
    const during = await underLoad
    const from = Math.floor(retention.start / 1000)
    const to = Math.floor(retention.end / 1000)
    const window = during.timeline.filter((s) => s.t >= from && s.t <= to)
    const stall = Math.max(0, ...window.map((s) => s.max))
    const slowestSecond = Math.min(...window.map((s) => s.count))
    const retentionSeconds = (retention.end - retention.start) / 1000
    log(
      `    retention deleted ${fmt(retention.deleted)} records (dropped ${retention.droppedMonths.join(', ') || 'no month'}) in ${retentionSeconds.toFixed(1)} s; longest consent wait meanwhile ${stall} ms, slowest second ${slowestSecond} answers`,
    )

    return [
      `Command: \`${benchCommand('bench:consents')}\` — ${fmt(dataset.records)} consent records in ${dataset.months.length} month tables ` +
        `(${fmt(dataset.perMonth)} each, ${dataset.months[0]} to ${dataset.months[dataset.months.length - 1]}), PostgreSQL 127.0.0.1:5432 on the same machine, server \`dev/server/main.ts\` ` +
        `(development mode, no Next; consent rate limit raised with LEGAL_CONSENT_RATE_LIMIT), autocannon in its own process beside it.`,
      '',
      '| case | figure | p50 ms | p99 ms | max ms | server CPU | PostgreSQL CPU | autocannon CPU | target | |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
      `| ingestion \`POST /api/legal/consents\`, ${connections} connections, ${duration} s | ${fmt(ingestRps)} records/s | ${ingest.result.latency.p50} | ${ingest.result.latency.p99} | ${ingest.result.latency.max} | ${ingest.serverCpu}% | ${ingest.dbCpu}% | ${ingest.loadCpu}% | ≥ ${fmt(TARGETS.ingestRps)}/s, p99 ≤ ${TARGETS.ingestP99} ms | ${ok(ingestRps >= TARGETS.ingestRps && ingest.result.latency.p99 <= TARGETS.ingestP99)} |`,
      `| rows stored vs answers (warm-up included) | ${fmt(stored)} rows; ${fmt(answered)} answered 201; ${fmt(ingest.sent)} sent | | | | | | | 201s ≤ rows ≤ sent | ${ok(answered <= stored && stored <= ingest.sent)} |`,
      `| look-up \`GET /api/legal/consents/<id>\` (admin key), ${opts['lookup-connections']} connections, ${lookupDuration} s | ${fmt(lookup.result.requests.average)} req/s | ${lookup.result.latency.p50} | ${lookup.result.latency.p99} | ${lookup.result.latency.max} | ${lookup.serverCpu}% | ${lookup.dbCpu}% | ${lookup.loadCpu}% | p99 ≤ ${TARGETS.lookupP99} ms | ${ok(lookup.result.latency.p99 <= TARGETS.lookupP99)} |`,
      `| the look-up's query in SQL (\`where consent_id = $1\` on \`legal_consents\` and its month tables), 2,000 random records | | ${sql.p50.toFixed(2)} | ${sql.p99.toFixed(2)} | ${sql.max.toFixed(2)} | | | | p99 ≤ ${TARGETS.lookupP99} ms | ${ok(sql.p99 <= TARGETS.lookupP99)} |`,
      `| retention run under ingestion (${connections} connections): deleted ${fmt(retention.deleted)} records before ${retention.cutoff} (dropped ${retention.droppedMonths.join(', ') || 'no month'}) in ${retentionSeconds.toFixed(1)} s | longest consent wait while it ran: ${stall} ms; slowest second: ${slowestSecond} answers | ${during.result.latency.p50} | ${during.result.latency.p99} | ${during.result.latency.max} | ${during.serverCpu}% | ${during.dbCpu}% | ${during.loadCpu}% | no wait > ${fmt(TARGETS.stallMs)} ms | ${ok(stall <= TARGETS.stallMs && window.length > 0)} |`,
      '',
      `Ingestion answers: ${fmt(count(ingest.result.statusCodeStats, 201))} × 201 in the measured seconds, non-2xx ${ingest.result.non2xx}, errors ${ingest.result.errors}, timeouts ${ingest.result.timeouts}; ` +
        `rows beyond the 201s are requests in flight when autocannon stopped counting, committed but answered to nobody who listened. ` +
        `Look-up answers: ${fmt(count(lookup.result.statusCodeStats, 200))} × 200, ${fmt(count(lookup.result.statusCodeStats, 404))} × 404 (records of months retention had already removed).`,
      '',
      `Per second while retention ran (answers, slowest ms): ${window.map((s) => `${s.count}/${s.max}`).join(', ')}.`,
      '',
      '#### EXPLAIN (ANALYZE, BUFFERS) of the look-up',
      '',
      '```',
      sql.plan,
      '```',
    ]
  } finally {
    await client.end()
  }
}

runLedgerBench(
  {
    name: 'consents',
    datasetEnv: { BENCH_ADMIN_KEY: ADMIN_KEY, BENCH_RECORDS: String(RECORDS) },
    datasetLabel: `${fmt(RECORDS)} consent records`,
    // The plugin option consent.rateLimit.limit (src/options.ts): one address sends everything here.
    env: { LEGAL_CONSENT_RATE_LIMIT: '1000000000' },
    secret: SECRET,
    // The server's own daily job would catch up on start and drop the oldest month unmeasured;
    // the retention measured below is the bench's own run of the same function.
    serverEnv: { LEGAL_CONSENT_RETENTION_MONTHS: '1200' },
    write: opts.write,
  },
  measure,
).catch((err) => {
  console.error(err)
  process.exit(1)
})

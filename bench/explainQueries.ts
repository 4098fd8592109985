import type { Payload } from 'payload'

import { listArchive, loadArchiveRecord } from 'payload-plugin-legal-documents'

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL the delivery cache-miss path issues (issue 7, point 6).
 *
 * The statements are not written here: the delivery code itself (`loadArchiveRecord`,
 * `listArchive`, what the endpoints call on a miss) runs with a query logger on Payload's
 * drizzle session, and each statement it sent is explained with the very parameters it was sent
 * with. So the report follows whatever db-postgres generates, including the count queries
 * Payload adds for pagination.
 */

type Logger = { logQuery: (query: string, params: unknown[]) => void }
type Session = { logger: Logger; options?: { logger?: Logger } }

export type Captured = { params: unknown[]; sql: string }

/** Runs `fn`, returning the statements it sent through Payload's database adapter. */
export async function captureQueries(
  payload: Payload,
  fn: () => Promise<unknown>,
): Promise<Captured[]> {
  // db-postgres has no runtime switch for drizzle's logger: prepared queries read it from the
  // session (`options` is what transactions copy it from), so it is swapped there and restored.
  const session = (payload.db.drizzle as unknown as { session: Session }).session
  const saved = { logger: session.logger, options: session.options?.logger }
  const queries: Captured[] = []
  const logger: Logger = { logQuery: (sql, params) => queries.push({ params: [...params], sql }) }
  session.logger = logger
  if (session.options) {
    session.options.logger = logger
  }
  try {
    await fn()
  } finally {
    session.logger = saved.logger
    if (session.options) {
      session.options.logger = saved.options
    }
  }
  return queries
}

export type Explained = {
  executionMs: null | number
  /** `index on table`, in plan order. */
  indexes: string[]
  plan: string
  sentMs: number
  seqScans: string[]
  step: string
} & Captured

export async function explain(payload: Payload, step: string, query: Captured): Promise<Explained> {
  const { rows } = await payload.db.pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
    query.params,
  )
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n')
  const indexes = [
    ...[...plan.matchAll(/Index (?:Only )?Scan (?:Backward )?using (\S+) on/g)].map((m) => m[1]),
    ...[...plan.matchAll(/Bitmap Index Scan on (\S+)/g)].map((m) => `${m[1]} (bitmap)`),
  ]
  const seqScans = [...plan.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1])
  const ms = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1]
  return {
    ...query,
    executionMs: ms ? Number(ms) : null,
    indexes,
    plan,
    sentMs: await timeAsSent(payload, query),
    seqScans,
    step,
  }
}

/**
 * EXPLAIN ANALYZE does not send the rows, so it never reads an archive record's `content`
 * (TOASTed jsonb) out of TOAST nor decompresses it; this is the statement as the server runs
 * it, rows received: the median of 5.
 */
async function timeAsSent(payload: Payload, query: Captured): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    await payload.db.pool.query(query.sql, query.params)
    times.push(performance.now() - t0)
  }
  return Math.round(times.sort((a, b) => a - b)[2] * 100) / 100
}

/** The three delivery reads of one document, each with the statements it sent. */
export async function explainDelivery(payload: Payload, slug: string): Promise<Explained[]> {
  const current = await loadArchiveRecord(payload, slug)
  const archived = current.version > 1 ? 1 : current.version
  const steps: [string, () => Promise<unknown>][] = [
    [`current version: GET /api/legal/documents/${slug}`, () => loadArchiveRecord(payload, slug)],
    [
      `archived version: GET /api/legal/documents/${slug}?version=${archived}`,
      () => loadArchiveRecord(payload, slug, archived),
    ],
    [`version list: GET /api/legal/documents/${slug}/versions`, () => listArchive(payload, slug)],
  ]
  const out: Explained[] = []
  for (const [step, run] of steps) {
    const queries = await captureQueries(payload, run)
    if (!queries.length) {
      throw new Error(
        `no statement was captured for "${step}": has drizzle's session (logger) changed?`,
      )
    }
    for (const query of queries) {
      // Only reads are explained: ANALYZE executes the statement.
      if (/^\s*(?:select|with)\b/i.test(query.sql)) {
        out.push(await explain(payload, step, query))
      }
    }
  }
  return out
}

const TABLES = [
  'legal_documents',
  'legal_documents_locales',
  'legal_documents_rels',
  'legal_sections',
  'legal_versions',
]

/** Exact row counts (the statistics' estimates can lag a bulk load) and on-disk sizes. */
export async function tableSizes(payload: Payload): Promise<string[]> {
  const lines = [
    '| table | rows | heap pages (planner) | size with indexes and TOAST |',
    '| --- | ---: | ---: | ---: |',
  ]
  for (const table of TABLES) {
    const { rows } = await payload.db.pool.query<{ n: string; pages: number; total: string }>(
      `select (select count(*) from "${table}")::text as n, relpages as pages, pg_size_pretty(pg_total_relation_size(oid)) as total
         from pg_class where oid = $1::regclass`,
      [table],
    )
    const r = rows[0]
    lines.push(
      `| \`${table}\` | ${Number(r.n).toLocaleString('en-US')} | ${r.pages} | ${r.total} |`,
    )
  }
  return lines
}

const fence = (lang: string, text: string) => ['```' + lang, text, '```']

/** The report: table sizes, a summary of the plans, then every statement with its plan. */
export async function explainReport(payload: Payload, slug: string): Promise<string> {
  const explained = await explainDelivery(payload, slug)
  const { rows } = await payload.db.pool.query<{ server_version: string }>('show server_version')
  const lines = [
    `EXPLAIN (ANALYZE, BUFFERS) of every statement the delivery cache-miss path sent for \`${slug}\`, on PostgreSQL ${rows[0]?.server_version ?? '?'}, captured with a query logger on Payload's drizzle session:`,
    '',
    ...(await tableSizes(payload)),
    '',
    '| # | request | statement on | index used | sequential scan | execution (EXPLAIN) | as sent, rows received |',
    '| --- | --- | --- | --- | --- | ---: | ---: |',
    ...explained.map((e, i) => {
      const table = /\bfrom "([^"]+)"/i.exec(e.sql)?.[1] ?? '?'
      const kind = /^\s*select count\(/i.test(e.sql) ? 'count' : 'rows'
      return `| ${i + 1} | ${e.step.replace(/: .*/, '')} | \`${table}\` (${kind}) | ${e.indexes.map((x) => `\`${x}\``).join(', ') || '–'} | ${e.seqScans.map((x) => `**\`${x}\`**`).join(', ') || 'none'} | ${e.executionMs ?? '?'} ms | ${e.sentMs} ms |`
    }),
    '',
  ]
  const seq = [...new Set(explained.flatMap((e) => e.seqScans))]
  lines.push(
    seq.length
      ? `**Sequential scans on ${seq.map((t) => `\`${t}\``).join(', ')}.** The planner's choice for a table of a few pages (heap pages above); on a larger table, a missing index.`
      : 'No statement scans a table sequentially: every lookup goes through an index.',
    '',
  )
  // A statement sent again with the same parameters has the same plan: shown once.
  const seen = new Set<string>()
  explained.forEach((e, i) => {
    const key = `${e.sql}\n${JSON.stringify(e.params)}`
    if (seen.has(key)) {
      return
    }
    seen.add(key)
    lines.push(
      `#### ${i + 1}. ${e.step}`,
      '',
      ...fence('sql', e.sql),
      '',
      `Parameters: \`${JSON.stringify(e.params)}\``,
      '',
      ...fence('', e.plan),
      '',
    )
  })
  return lines.join('\n')
}

import type pg from 'pg'

import {
  CONSENT_LOG_SCHEMA,
  ensureConsentMonths,
  monthStart,
  monthTable,
} from 'payload-plugin-legal-documents'

import { benchConsentId, DATASET_MONTHS } from './consentIds.mjs'
import { bulkLoad, ensureUser, datasetLog as log, runDataset } from './ledgerDataset'

/**
 * The consent log's benchmark dataset (issue 15, point 5), on DATABASE_URL: run by
 * bench/consents.ts with the server's environment (development: the schema is pushed; the steps
 * around it in ./ledgerDataset.ts).
 *
 * BENCH_RECORDS (20,000,000) consent records spread evenly over the DATASET_MONTHS (26) calendar
 * months up to the current one, so that with the default 24-month retention the oldest month is
 * wholly expired (retention drops it) and the next one partly. Each month's table
 * (src/consent/storage.ts) is made through the plugin, then filled with `COPY FROM STDIN` with
 * its secondary indexes dropped during the load and built again after it, then VACUUM ANALYZE.
 * A month that already holds its share is skipped, so a run after a retention run loads only
 * the month that retention dropped. Record n has the consent ID `benchConsentId(n)`, so the
 * look-up load can ask for records that exist.
 *
 * Prints one line `DATASET <json>` for the orchestrator.
 */

const RECORDS = Number(process.env.BENCH_RECORDS ?? 20_000_000)
const ADMIN_KEY = process.env.BENCH_ADMIN_KEY!

const CATEGORIES = [
  '["necessary","analytics","marketing"]',
  '["necessary"]',
  '["necessary","analytics"]',
]
const REJECTED = ['[]', '["analytics","marketing"]', '["marketing"]']
const TYPES = ['all', 'necessary', 'custom']

async function loadMonth(
  client: pg.Client,
  name: string,
  start: Date,
  first: number,
  count: number,
): Promise<void> {
  const table = `"${CONSENT_LOG_SCHEMA}"."${name}"`
  const started = Date.now()
  await client.query(`truncate ${table}`)
  const columns = [
    'consent_id',
    'accept_type',
    'accepted_categories',
    'rejected_categories',
    'revision',
    'language',
    'config_hash',
    'ip',
    'user_agent',
    'page_url',
    'recorded_at',
    'updated_at',
    'created_at',
  ]
  const span = monthStart(start.getTime(), 1).getTime() - start.getTime()
  const hash = 'c'.repeat(64)
  function* rows() {
    for (let i = 0; i < count; i++) {
      const n = first + i
      const at = new Date(start.getTime() + Math.floor((i / count) * span)).toISOString()
      const k = n % 3
      yield [
        benchConsentId(n),
        TYPES[k],
        CATEGORIES[k],
        REJECTED[k],
        1,
        'en',
        hash,
        '203.0.113.0',
        'Mozilla/5.0 (X11; Linux x86_64) bench',
        'https://www.site.example/',
        at,
        at,
        at,
      ].join('\t')
    }
  }
  await bulkLoad(client, { columns, schema: CONSENT_LOG_SCHEMA, table: name }, rows(), {
    memory: '512MB',
  })
  await client.query(`vacuum (analyze) ${table}`)
  log(
    `${name}: ${count.toLocaleString('en-US')} records in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  )
}

const now = Date.now()
const months = Array.from({ length: DATASET_MONTHS }, (_, i) =>
  monthStart(now, i - DATASET_MONTHS + 1),
)

runDataset(
  'bench-consents',
  async (payload) => {
    await ensureUser(payload, 'bench-consent-admin@bench.test', ['admin'], ADMIN_KEY)
    for (let i = 0; i < months.length; i += 3) {
      await ensureConsentMonths(payload, months[i].getTime())
    }
  },
  async (client) => {
    const perMonth = Math.floor(RECORDS / DATASET_MONTHS)
    const started = Date.now()
    for (const [m, start] of months.entries()) {
      const name = monthTable(start)
      // Ingestion adds records to the current month; retention empties or drops the oldest.
      const have = Number(
        (await client.query(`select count(*)::bigint as n from "${CONSENT_LOG_SCHEMA}"."${name}"`))
          .rows[0].n,
      )
      if (have >= perMonth) {
        continue
      }
      await loadMonth(client, name, start, m * perMonth, perMonth)
    }
    log(`dataset ready in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    const { rows } = await client.query(`select count(*)::bigint as records from legal_consents`)
    return { months: months.map(monthTable), perMonth, records: Number(rows[0].records) }
  },
)

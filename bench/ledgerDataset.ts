import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { getPayload, type Payload } from 'payload'
import { closePayload } from 'payload-plugin-legal-documents'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

import { buildAppConfig } from '../dev/appConfig'
import { runCli } from '../dev/cli/runCli'

/**
 * What the ledger benchmarks' dataset scripts (bench/acceptancesDataset.ts and
 * bench/consentsDataset.ts, run by runLedgerBench in bench/benchProcess.ts with the server's
 * environment) share: their accounts, the order of their work (Payload for what goes through the
 * plugin, then plain SQL for the bulk), the bulk load with COPY, and the `DATASET <json>` line
 * the orchestrator reads.
 */

type Json = Record<string, any>

export const datasetLog = (line: string) => console.log(`[dataset] ${line}`)

/** The account with this e-mail, created (with `apiKey`, if given) when missing: datasets are kept between runs. */
export async function ensureUser(
  payload: Payload,
  email: string,
  roles: string[],
  apiKey?: string,
): Promise<Json> {
  const found = await payload.find({
    collection: 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { email: { equals: email } },
  })
  if (found.docs[0]) {
    return found.docs[0]
  }
  return await payload.create({
    collection: 'users',
    data: {
      name: email,
      email,
      password: `pw-${randomBytes(8).toString('hex')}`,
      roles,
      ...(apiKey ? { apiKey, enableAPIKey: true } : {}),
    } as never,
    overrideAccess: true,
  })
}

/**
 * Runs a dataset script on DATABASE_URL: `prepare` with the app's Payload (`key`; development, so
 * the schema is pushed), closed before `load` gets a plain pg client for the bulk; what `load`
 * returns is printed as the line `DATASET <json>`.
 */
export function runDataset<P>(
  key: string,
  prepare: (payload: Payload) => Promise<P>,
  load: (client: pg.Client, prepared: P) => Promise<Json>,
): void {
  const url = process.env.DATABASE_URL!
  runCli(async () => {
    process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
    const payload = await getPayload({
      config: await buildAppConfig({ databaseUrl: url, secret: process.env.PAYLOAD_SECRET! }),
      key,
    })
    let prepared: P
    try {
      prepared = await prepare(payload)
    } finally {
      await closePayload(payload)
    }
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      console.log(`DATASET ${JSON.stringify(await load(client, prepared))}`)
    } finally {
      await client.end()
    }
  })
}

/**
 * Loads `rows` (tab-separated lines, in `columns` order) into `schema.table` with `COPY FROM
 * STDIN`, 5,000 lines a write, with the table's secondary indexes (all but the primary key)
 * dropped during the load and built again after it with `maintenance_work_mem` raised to
 * `memory`: one index build over the loaded rows is much faster than keeping them up to date
 * row by row. `progress` gets the rows written so far after each write; `log` the steps.
 * Resolves with the number of rows once the indexes are built.
 */
export async function bulkLoad(
  client: pg.Client,
  target: { columns: string[]; schema: string; table: string },
  rows: Iterable<string>,
  options: { log?: (line: string) => void; memory: string; progress?: (rows: number) => void },
): Promise<number> {
  const { log, progress } = options
  const { rows: indexes } = await client.query<{ indexdef: string; indexname: string }>(
    `select indexname, indexdef from pg_indexes where schemaname = $1 and tablename = $2 and indexname not like '%_pkey'`,
    [target.schema, target.table],
  )
  const schema = client.escapeIdentifier(target.schema)
  for (const ix of indexes) {
    await client.query(`drop index if exists ${schema}.${client.escapeIdentifier(ix.indexname)}`)
  }
  log?.(`${indexes.length} secondary indexes dropped for the load`)

  const started = Date.now()
  const table = `${schema}.${client.escapeIdentifier(target.table)}`
  const stream = client.query(copyFrom(`copy ${table} (${target.columns.join(', ')}) from stdin`))
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve)
    stream.on('error', reject)
  })
  let written = 0
  let chunk: string[] = []
  for (const row of rows) {
    chunk.push(row)
    if (chunk.length === 5000) {
      if (!stream.write(`${chunk.join('\n')}\n`)) {
        await once(stream, 'drain')
      }
      written += chunk.length
      chunk = []
      progress?.(written)
    }
  }
  if (chunk.length) {
    stream.write(`${chunk.join('\n')}\n`)
    written += chunk.length
  }
  stream.end()
  await done
  log?.(
    `COPY of ${written.toLocaleString('en-US')} rows done in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  )

  await client.query(`set maintenance_work_mem = '${options.memory}'`)
  for (const ix of indexes) {
    const t = Date.now()
    await client.query(ix.indexdef)
    log?.(`index ${ix.indexname} built in ${((Date.now() - t) / 1000).toFixed(0)} s`)
  }
  return written
}

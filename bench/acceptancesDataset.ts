import type pg from 'pg'

import { createHash, randomBytes } from 'node:crypto'
import { createLocalReq, type Payload } from 'payload'
import {
  type ChainedFields,
  GENESIS_HASH,
  performWorkflowAction,
  recordHash,
  SLUGS,
  subjectCommitment,
} from 'payload-plugin-legal-documents'

import { findDocumentBySlug } from '../seed/importDocument'
import { richText } from '../test/helpers/lexical'
import { bulkLoad, ensureUser, datasetLog as log, runDataset } from './ledgerDataset'

/**
 * The acceptance ledger's benchmark dataset (issue 14, point 6), on DATABASE_URL: run by
 * bench/acceptances.ts with the server's environment (development: the schema is pushed; the
 * steps around it in ./ledgerDataset.ts).
 *
 * 1. Accounts and documents, through the Local API: an admin, an editor, a reviewer, a
 *    `service` account and an admin with API keys (BENCH_SERVICE_KEY, BENCH_ADMIN_KEY), and
 *    three documents that require acceptance, published through the real workflow in
 *    4 + 3 + 3 = 10 versions.
 * 2. BENCH_RECORDS (10,000,000) acceptances over BENCH_SUBJECTS (1,000,000) subjects — each
 *    subject accepted each of the 10 versions — generated here with a valid hash chain (the
 *    functions of src/acceptance/chain.ts, so `verify` passes) and streamed with `COPY FROM
 *    STDIN`, with the secondary indexes dropped during the load and built again after it; then
 *    VACUUM ANALYZE. Skipped when the table already holds that many records.
 *
 * Prints one line `DATASET <json>` (the documents, versions and counts) for the orchestrator.
 */

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000_000)
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 1_000_000)
const SERVICE_KEY = process.env.BENCH_SERVICE_KEY!
const ADMIN_KEY = process.env.BENCH_ADMIN_KEY!
const DOCS = [
  { slug: 'bench-terms', kind: 'terms-of-use', versions: 4 },
  { slug: 'bench-privacy', kind: 'privacy-policy', versions: 3 },
  { slug: 'bench-data-processing', kind: 'other', versions: 3 },
]

type Json = Record<string, any>

async function prepare(payload: Payload): Promise<{
  combos: { contentHash: null | string; id: number; slug: string; version: number }[]
  serviceId: number
}> {
  const service = await ensureUser(payload, 'bench-service@bench.test', ['service'], SERVICE_KEY)
  await ensureUser(payload, 'bench-admin-key@bench.test', ['admin'], ADMIN_KEY)
  const editor = await ensureUser(payload, 'bench-editor@bench.test', ['editor'])
  const reviewer = await ensureUser(payload, 'bench-reviewer@bench.test', ['reviewer'])
  const userOf = (u: Json) => ({ ...u, collection: 'users' }) as never
  const as = (u: Json) => ({ overrideAccess: false as const, user: userOf(u) })
  await payload.updateGlobal({
    slug: SLUGS.entity,
    data: { name: 'Bench Ltd', email: 'legal@bench.test' },
    overrideAccess: true,
  })
  const act = async (u: Json, id: number, action: string) =>
    performWorkflowAction(await createLocalReq({ user: userOf(u) }, payload), {
      id,
      action,
      fourEyes: true,
    })
  const publish = async (id: number) => {
    await act(editor, id, 'submit')
    await act(reviewer, id, 'approve')
    await payload.update({
      id,
      collection: SLUGS.documents,
      data: { _status: 'published' } as never,
      ...as(reviewer),
    })
  }
  // The latest draft: after a publish it is the published document; after a run stopped between
  // two publishes it still carries the last published version and the same sections.
  const bySlug = async (slug: string) => (await findDocumentBySlug(payload, slug)) as Json | null
  for (const spec of DOCS) {
    let doc = await bySlug(spec.slug)
    let section: number
    if (!doc) {
      doc = await payload.create({
        collection: SLUGS.documents,
        data: {
          slug: spec.slug,
          changeSummary: 'First version.',
          kind: spec.kind,
          noticePeriodDays: 0,
          requiresAcceptance: 'yes',
          title: `Bench ${spec.slug}`,
        } as never,
        ...as(editor),
      })
      section = (
        (await payload.create({
          collection: SLUGS.sections,
          data: {
            body: richText(`These are the ${spec.slug}.`),
            document: doc.id,
            heading: 'Scope',
          } as never,
          ...as(editor),
        })) as Json
      ).id
      await payload.update({
        id: doc.id,
        collection: SLUGS.documents,
        data: { sections: [section] },
        ...as(editor),
      })
    } else {
      section = (
        typeof doc.sections?.[0] === 'object' ? doc.sections[0].id : doc.sections?.[0]
      ) as number
    }
    for (let v = Number(doc.version ?? 0) + 1; v <= spec.versions; v++) {
      if (v > 1) {
        await payload.update({
          id: section,
          collection: SLUGS.sections,
          data: { heading: `Scope (${v})` },
          ...as(editor),
        })
        await payload.update({
          id: doc.id,
          collection: SLUGS.documents,
          data: {
            changeSummary: `Version ${v}.`,
            effectiveDate: new Date().toISOString(),
            materialChange: true,
          },
          ...as(editor),
        })
      }
      await publish(doc.id)
      log(`${spec.slug}: version ${v} published`)
    }
  }
  const versions = await payload.find({
    collection: SLUGS.versions,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'publishedAt',
  })
  const slugById = new Map<number, string>()
  for (const spec of DOCS) {
    slugById.set(Number((await bySlug(spec.slug))!.id), spec.slug)
  }
  const combos = (versions.docs as Json[])
    .map((v) => ({
      id: Number(typeof v.document === 'object' ? v.document.id : v.document),
      contentHash: (v.contentHash as string) ?? null,
      version: Number(v.version),
    }))
    .filter((v) => slugById.has(v.id))
    .map((v) => ({ ...v, slug: slugById.get(v.id)! }))
  return { combos, serviceId: Number(service.id) }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

async function seed(
  client: pg.Client,
  serviceId: number,
  combos: { contentHash: null | string; id: number; slug: string; version: number }[],
): Promise<void> {
  const { rows: countRows } = await client.query(
    'select count(*)::bigint as n from legal_acceptances',
  )
  const existing = Number(countRows[0].n)
  if (existing >= RECORDS) {
    log(`legal_acceptances already holds ${existing.toLocaleString('en-US')} records: seed skipped`)
    return
  }
  if (RECORDS !== SUBJECTS * combos.length) {
    throw new Error(
      `BENCH_RECORDS (${RECORDS}) must be BENCH_SUBJECTS (${SUBJECTS}) × ${combos.length} versions`,
    )
  }
  const started = Date.now()
  log(`${existing} records found: emptying the table`)
  // A partial load from an interrupted run (TRUNCATE is refused: payload_locked_documents_rels references the table).
  if (existing > 0) {
    await client.query('delete from legal_acceptances')
  }

  const columns = [
    'id',
    'event',
    'subject',
    'document',
    'document_id',
    'version',
    'locale',
    'content_hash',
    'recorded_at',
    'method',
    'source',
    'ip',
    'ip_hash',
    'user_agent',
    'recorded_by',
    'erased_records',
    'subject_salt',
    'subject_commitment',
    'previous_hash',
    'hash',
    'live_key',
    'updated_at',
    'created_at',
  ]
  const base = Date.now() - RECORDS - 60_000
  const recordedBy = `users:${serviceId}`
  const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) bench'
  const N = '\\N'
  const saltPool = randomBytes(16 * 65536)
  function* rows() {
    let previous = GENESIS_HASH
    let id = 0
    for (const combo of combos) {
      for (let s = 0; s < SUBJECTS; s++) {
        id++
        const subject = `user-${s}`
        const salt =
          saltPool.toString('hex', (id % 65536) * 16, (id % 65536) * 16 + 16).slice(0, 16) +
          id.toString(16).padStart(16, '0')
        const recordedAt = new Date(base + id).toISOString()
        const fields: ChainedFields = {
          contentHash: combo.contentHash,
          document: combo.slug,
          documentId: combo.id,
          erasedRecords: null,
          event: 'acceptance',
          ip: '203.0.113.0',
          ipHash: null,
          locale: 'en',
          method: 'clickwrap',
          recordedAt,
          recordedBy,
          source: 'signup',
          subjectCommitment: subjectCommitment(salt, subject),
          userAgent,
          version: combo.version,
        }
        const hash = recordHash(fields, previous)
        const liveKey = sha256(JSON.stringify([subject, combo.id, combo.version]))
        const row = [
          id,
          'acceptance',
          subject,
          combo.slug,
          combo.id,
          combo.version,
          'en',
          combo.contentHash ?? N,
          recordedAt,
          'clickwrap',
          'signup',
          '203.0.113.0',
          N,
          userAgent,
          recordedBy,
          N,
          salt,
          fields.subjectCommitment,
          previous,
          hash,
          liveKey,
          recordedAt,
          recordedAt,
        ].join('\t')
        previous = hash
        yield row
      }
    }
  }
  const progress = (written: number) => {
    if (written % 500_000 === 0) {
      const secs = (Date.now() - started) / 1000
      log(
        `${written.toLocaleString('en-US')} rows streamed (${Math.round(written / secs).toLocaleString('en-US')} rows/s)`,
      )
    }
  }
  const target = { columns, schema: 'public', table: 'legal_acceptances' }
  const id = await bulkLoad(client, target, rows(), { log, memory: '1GB', progress })
  await client.query(`select setval(pg_get_serial_sequence('legal_acceptances', 'id'), ${id})`)
  const t = Date.now()
  await client.query('vacuum (analyze) legal_acceptances')
  log(
    `VACUUM ANALYZE in ${((Date.now() - t) / 1000).toFixed(0)} s; seed done in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  )
}

runDataset('bench-acceptances', prepare, async (client, prepared) => {
  await seed(client, prepared.serviceId, prepared.combos)
  const { rows } = await client.query(`select count(*)::bigint as records from legal_acceptances`)
  return { combos: prepared.combos, records: Number(rows[0].records), subjects: SUBJECTS }
})

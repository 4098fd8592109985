import type { Payload } from 'payload'

/**
 * Archive history for the scale dataset: versions 2..`versions` of every generated document
 * (slugs `bench-document-*`), written in two SQL statements.
 *
 * Why not the real path: an edit, review and publish cost ~1–2 s on this machine, so 19,000 of
 * them would take many hours; even one `payload.db.create` per record with a re-rendered clause
 * ran at 1–4 s per document (an hour or more for 1,000). What the scale run needs from versions
 * 2..20 is an archive table of realistic size and shape for the planner and the delivery reads:
 * each new record is the document's newest record (its full frozen content, ~150 KB of JSON)
 * with its own version number, dates a day apart, change summary and content, made distinct by
 * a `generatedRevision` key that delivery ignores, and its SHA-256. Version 1 of every document
 * is a real publish (bench/generatedDocuments.ts). Then the documents' `version` and
 * `lastModified` move to their newest record, as a publish would. The documents' Payload draft
 * history (`_legal_documents_v`) is not touched: the admin still shows version 1 there.
 *
 * Resumable and idempotent: documents already at `versions` get nothing.
 */

export type GrowthStats = { created: number; milliseconds: number }

export async function growArchive(
  payload: Payload,
  options: { log: (line: string) => void; versions: number },
): Promise<GrowthStats> {
  const versions = Math.trunc(options.versions)
  if (!(versions >= 1)) {
    throw new Error('versions must be a positive integer')
  }
  const started = Date.now()
  const run = async (raw: string) =>
    (await payload.db.execute({ drizzle: payload.db.drizzle, raw })) as unknown as {
      rowCount?: number
      rows?: unknown[]
    }
  const inserted = await run(`
    INSERT INTO legal_versions (document_id, version, title, slug, published_at, effective_date, last_modified,
      change_summary, material_change, approved_by_id, published_by_id, content, content_hash, updated_at, created_at)
    SELECT v.document_id, n, v.title, v.slug,
      v.published_at + (n - v.version) * interval '1 day', v.effective_date, v.last_modified + (n - v.version) * interval '1 day',
      'Version ' || n || ': generated revision.', n % 5 = 0, v.approved_by_id, v.published_by_id,
      v.content || jsonb_build_object('generatedRevision', n),
      encode(sha256(convert_to((v.content || jsonb_build_object('generatedRevision', n))::text, 'UTF8')), 'hex'),
      now(), now()
    FROM (
      SELECT DISTINCT ON (document_id) * FROM legal_versions
      WHERE slug LIKE 'bench-document-%' ORDER BY document_id, version DESC
    ) v
    CROSS JOIN LATERAL generate_series(v.version::int + 1, ${versions}) AS n`)
  await run(`
    UPDATE legal_documents d SET version = m.version, last_modified = m.last_modified
    FROM (SELECT DISTINCT ON (document_id) document_id, version, last_modified FROM legal_versions ORDER BY document_id, version DESC) m
    WHERE d.id = m.document_id AND d.slug LIKE 'bench-document-%' AND d.version IS DISTINCT FROM m.version`)
  const created = inserted.rowCount ?? 0
  const milliseconds = Date.now() - started
  options.log(`  archive: ${created} generated records in ${(milliseconds / 1000).toFixed(1)} s`)
  return { created, milliseconds }
}

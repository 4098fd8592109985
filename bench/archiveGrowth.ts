import type { Payload } from 'payload'

import type { ArchiveRecord } from '../src/delivery/documents'
import type { FrozenContent } from '../src/publish/freezeContent'
import { paragraph } from '../src/importer/lexicalNodes'
import { contentHash, lexicalToHTML, lexicalToMarkdown, lexicalToText } from '../src/render'
import { SLUGS } from '../src/slugs'
import { benchSlug } from './dataset'
import { words } from './generatedDocuments'

/**
 * Archive history for the scale dataset: versions 2..`versions` of each generated document.
 *
 * Why not the real path: an edit, review and publish cost ~2 s on this machine (a publish alone
 * freezes, renders, updates the sections and writes the archive record in one transaction), so
 * 19,000 of them would take ten hours or more. Version 1 of every document is a real publish
 * (bench/generatedDocuments.ts). What the scale run needs from versions 2..20 is an archive table
 * of realistic size and shape for the planner and the delivery reads, so they are written with
 * the database adapter (`payload.db.create`, no hooks, no access checks, no document write of its own): each
 * is the previous record's frozen content with one clause revised and re-rendered, its own
 * change summary and the SHA-256 of its content; then `payload.db.updateOne` moves the document's
 * `version`/`lastModified` to the newest one, as a publish would. The document's Payload draft
 * history (`_legal_documents_v`) is not touched: the admin still shows version 1 there.
 *
 * Resumable: each document continues from its newest archive record.
 */

type Stored = ArchiveRecord & { approvedBy?: unknown; publishedBy?: unknown; contentHash: string }

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: string | number }).id : (v as string | number | null | undefined) ?? null)

type Body = { root: { children: unknown[] } }

/** `content` with clause `(n - 2) mod sections` of every locale revised for version `n`. */
function revisedContent(content: FrozenContent, n: number, doc: number): FrozenContent {
  const next = structuredClone(content)
  for (const locale of Object.values(next.locales)) {
    if (!locale.sections.length) continue
    const section = locale.sections[(n - 2) % locale.sections.length]!
    const body = (section.body ?? { root: { children: [] } }) as unknown as Body
    body.root.children.push(paragraph(`Revision ${n}: ${words(doc * 100_000 + n, 12)}`))
    section.body = body as never
    section.html = lexicalToHTML(section.body, { entity: next.entity })
    section.text = lexicalToText(section.body, { entity: next.entity })
    section.markdown = lexicalToMarkdown(section.body, { entity: next.entity })
  }
  return next
}

/** The hash a publish stores: of the content without section ids (src/publish/freezeContent.ts). */
function hashOf(content: FrozenContent): string {
  const locales = Object.fromEntries(
    Object.entries(content.locales).map(([k, v]) => [k, { ...v, sections: v.sections.map(({ id: _id, ...rest }) => rest) }]),
  )
  return contentHash({ ...content, locales })
}

export type GrowthStats = { created: number; /** Wall time per document that needed records. */ msPerDocument: number[] }

export async function growArchive(
  payload: Payload,
  options: { docs: number; versions: number; log: (line: string) => void; progressEvery?: number },
): Promise<GrowthStats> {
  const { docs, versions, log } = options
  const every = options.progressEvery ?? 50
  const msPerDocument: number[] = []
  let created = 0
  for (let i = 1; i <= docs; i++) {
    const slug = benchSlug(i)
    const found = await payload.find({
      collection: SLUGS.documents,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { version: true },
    })
    const doc = found.docs[0] as { id: string | number; version?: number } | undefined
    if (!doc) throw new Error(`${slug} does not exist: seed the documents first`)
    const newest = await payload.find({
      collection: SLUGS.versions,
      where: { document: { equals: doc.id } },
      sort: '-version',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    let record = newest.docs[0] as unknown as Stored | undefined
    if (!record) throw new Error(`${slug} has no archive record: its first publish did not complete`)
    if (record.version >= versions && Number(doc.version) === record.version) continue

    const t0 = Date.now()
    const clauses = Object.values(record.content.locales)[0]?.sections.length || 1
    for (let n = record.version + 1; n <= versions; n++) {
      const content = revisedContent(record.content, n, i)
      const now = new Date().toISOString()
      const data = {
        document: doc.id,
        version: n,
        title: record.title,
        slug: record.slug,
        publishedAt: now,
        effectiveDate: record.effectiveDate ?? null,
        lastModified: now,
        changeSummary: `Version ${n}: clause ${((n - 2) % clauses) + 1} reworded.`,
        materialChange: n % 5 === 0,
        approvedBy: idOf(record.approvedBy),
        publishedBy: idOf(record.publishedBy),
        content,
        contentHash: hashOf(content),
        createdAt: now,
        updatedAt: now,
      }
      await payload.db.create({ collection: SLUGS.versions, data, returning: false })
      record = { ...record, ...data } as Stored
      created++
    }
    // Also repairs a run stopped between the last record and this write.
    await payload.db.updateOne({
      collection: SLUGS.documents,
      id: doc.id,
      data: { version: record.version, lastModified: record.lastModified },
      returning: false,
    })
    msPerDocument.push(Date.now() - t0)
    if (msPerDocument.length === 1 || i % every === 0 || i === docs) {
      const mean = msPerDocument.reduce((a, b) => a + b, 0) / msPerDocument.length
      log(`  ${slug}: archive at version ${record.version} (${msPerDocument.at(-1)} ms; ${i}/${docs}, mean ${Math.round(mean)} ms/document)`)
    }
  }
  return { created, msPerDocument }
}

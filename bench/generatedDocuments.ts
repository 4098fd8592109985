import type { Payload } from 'payload'

import { actorFor } from '../seed/actors'
import { findDocumentBySlug, importDocument } from '../seed/importDocument'
import { seedReferenceContent, takeThroughReview } from '../seed/seed'
import { benchSlug } from './dataset'
import { generatedSections } from './generatedContent'

/**
 * The benchmark's generated documents, shared by the normal dataset (bench/seedDataset.ts) and
 * the scale dataset (bench/scaleDataset.ts), so both hold byte-for-byte the same documents (their
 * text comes from bench/generatedContent.ts) and a change here is a change of DATASET_VERSION for
 * both. Kept out of bench/dataset.ts, which bench/run.ts imports: the runner must not load Payload.
 */

export type SeedStats = {
  created: number
  /** Wall time of each new document: import + review + publish. */ msPerDocument: number[]
}

/**
 * The reference content (seed/), then `docs` generated documents of `sections` sections each,
 * every one written by an editor and taken through submit → approve → publish, so each has its
 * archive record exactly as a real publish leaves it. What is published already is kept.
 */
export async function seedBenchDocuments(
  payload: Payload,
  options: { docs: number; log: (line: string) => void; progressEvery?: number; sections: number },
): Promise<SeedStats> {
  const { docs, log, sections } = options
  const every = options.progressEvery ?? 20
  const summary = await seedReferenceContent(payload, {})
  log(`reference content: ${summary.documents.map((d) => `${d.slug} v${d.version}`).join(', ')}`)
  const editor = (await actorFor(payload, 'editor')).actor
  const reviewer = (await actorFor(payload, 'reviewer', { except: editor.id })).actor
  const msPerDocument: number[] = []
  for (let i = 1; i <= docs; i++) {
    const slug = benchSlug(i)
    const existing = await findDocumentBySlug(payload, slug)
    if (existing && Number(existing.version ?? 0) >= 1) {
      continue
    }
    const t0 = Date.now()
    const imported = await importDocument(payload, {
      slug,
      editor,
      initial: { effectiveDate: '2026-01-01T00:00:00.000Z' },
      kind: 'other',
      sections: generatedSections(i, sections),
      title: `Benchmark document ${i}`,
    })
    await takeThroughReview(payload, imported.documentId, editor, reviewer, imported.workflowState)
    msPerDocument.push(Date.now() - t0)
    if (msPerDocument.length === 1 || i % every === 0 || i === docs) {
      const mean = msPerDocument.reduce((a, b) => a + b, 0) / msPerDocument.length
      const left = (docs - i) * mean
      const eta =
        left >= 60_000
          ? `, ~${Math.ceil(left / 60_000)} min left`
          : left > 0
            ? `, ~${Math.ceil(left / 1000)} s left`
            : ''
      log(
        `  ${slug}: ${sections} sections published (${msPerDocument.at(-1)} ms; ${i}/${docs}, mean ${Math.round(mean)} ms/document${eta})`,
      )
    }
  }
  return { created: msPerDocument.length, msPerDocument }
}

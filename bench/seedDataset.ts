import 'dotenv/config'

import { createLocalReq, type Payload } from 'payload'

import { actorFor, type Actor } from '../seed/actors'
import { findDocumentBySlug, importDocument, type ImportSection } from '../seed/importDocument'
import { seedReferenceContent } from '../seed/seed'
import { list, listItem, paragraph, root, text } from '../src/importer/lexicalNodes'
import { benchSlug } from './dataset'
import { startCliPayload } from '../src/server/bootstrap'
import { guardPoolErrors } from '../src/server/guardPoolErrors'
import { SLUGS } from '../src/slugs'
import { performWorkflowAction } from '../src/workflow/performWorkflowAction'

/**
 * The benchmark's dataset, on the database the server will use (same environment as the
 * server: NODE_ENV=production applies the migrations first). The reference content (seed/),
 * then BENCH_DOCS generated documents of BENCH_SECTIONS sections each, every one written by
 * an editor and taken through submit → approve → publish as real users, so each has its
 * archive record exactly as a real publish leaves it. Idempotent: what is published is kept,
 * so a second run on the same data directory only checks.
 *
 * Run by bench/run.ts; on its own: `node --import tsx bench/seedDataset.ts` with the
 * server's environment.
 */

const DOCS = Number(process.env.BENCH_DOCS ?? 200)
const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 40)



const WORDS = (
  'agreement personal data controller processor purpose lawful basis consent retention period ' +
  'service provider account user content licence warranty liability damages termination notice ' +
  'jurisdiction governing law dispute request access rectification erasure restriction portability ' +
  'objection complaint authority transfer safeguard security measure breach notification cookie ' +
  'analytics preference necessary marketing third party recipient category record subscription fee'
).split(' ')

/** Deterministic filler text (a small LCG), so every run produces the same documents. */
function words(seed: number, count: number): string {
  let x = seed * 2654435761
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out.push(WORDS[x % WORDS.length]!)
  }
  const sentence = out.join(' ')
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.'
}

function sections(doc: number): ImportSection[] {
  return Array.from({ length: SECTIONS }, (_, s) => {
    const seed = doc * 1000 + s
    return {
      heading: `${s + 1}. ${words(seed, 3).slice(0, -1)}`,
      body: root([
        paragraph(`${words(seed + 1, 9)} {{company.name}} ${words(seed + 2, 6)}`),
        ...(s % 4 === 0 ? [list('bullet', [listItem([text(words(seed + 3, 6))]), listItem([text(words(seed + 4, 5))])])] : []),
        paragraph(words(seed + 5, 8)),
      ]),
    }
  })
}

async function publishThroughReview(payload: Payload, id: string | number, editor: Actor, reviewer: Actor): Promise<void> {
  const act = async (user: Actor, action: 'submit' | 'approve') =>
    performWorkflowAction(await createLocalReq({ user: user as never }, payload), { id, action, fourEyes: true })
  await act(editor, 'submit')
  await act(reviewer, 'approve')
  await payload.update({
    collection: SLUGS.documents,
    id,
    data: { _status: 'published' } as never,
    depth: 0,
    user: reviewer as never,
    overrideAccess: false,
  })
}

async function main(): Promise<void> {
  const app = await startCliPayload('bench seed')
  const { payload } = app
  // Stopping the embedded PostgreSQL at the end drops the pool's connections: a warning, not a crash.
  guardPoolErrors(payload)
  try {
    const started = Date.now()
    const summary = await seedReferenceContent(payload, {})
    console.log(`reference content: ${summary.documents.map((d) => `${d.slug} v${d.version}`).join(', ')}`)
    const editor = (await actorFor(payload, 'editor')).actor
    const reviewer = (await actorFor(payload, 'reviewer', { except: editor.id })).actor
    let created = 0
    for (let i = 1; i <= DOCS; i++) {
      const slug = benchSlug(i)
      const existing = await findDocumentBySlug(payload, slug)
      if (existing && Number(existing.version ?? 0) >= 1) continue
      const t0 = Date.now()
      const imported = await importDocument(payload, {
        slug,
        title: `Benchmark document ${i}`,
        kind: 'other',
        sections: sections(i),
        editor,
        initial: { effectiveDate: '2026-01-01T00:00:00.000Z' },
      })
      await publishThroughReview(payload, imported.documentId, editor, reviewer)
      created++
      if (created === 1 || i % 20 === 0) console.log(`  ${slug}: ${SECTIONS} sections published (${Date.now() - t0} ms)`)
    }
    console.log(`dataset ready: ${DOCS} generated documents × ${SECTIONS} sections (${created} new) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    await app.close()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)

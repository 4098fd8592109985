import 'dotenv/config'
import { guardPoolErrors, SLUGS } from 'payload-plugin-legal-documents'
import { paragraph, root } from 'payload-plugin-legal-documents/importer'

import { runCli } from '../dev/cli/runCli'
import { startCliPayload } from '../dev/server/bootstrap'
import { actorFor } from '../seed/actors'
import {
  findDocumentBySlug,
  idOf,
  importDocument,
  type ImportSection,
} from '../seed/importDocument'
import { actAs, publishAs } from '../seed/seed'

/**
 * Issue 7, point 5: the cost of a publish, and how soon another process serves it.
 *
 * Runs in its own process on the benchmark server's database (it attaches to the server's
 * embedded PostgreSQL, or uses DATABASE_URL). A 50-section document is edited, submitted and
 * approved; then only the publish itself — the update that freezes and renders the content,
 * publishes the sections, writes the archive record and announces the publish, in one
 * transaction — is timed, PUBLISHES times. After each publish it polls the running server
 * (BENCH_SERVER_URL, a different process, whose delivery cache held the previous version) until
 * it serves the new version: that is the cross-process delay (LISTEN/NOTIFY).
 *
 * Prints one line `RESULT {json}` for bench/run.ts.
 */

const SLUG = 'bench-publish-cost'
const SECTIONS = 50
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20)
const serverUrl = process.env.BENCH_SERVER_URL

const body = (n: number, round: number) =>
  root([
    paragraph(
      `Clause ${n + 1}, revision ${round}: the provider processes personal data only as described in this policy.`,
    ),
  ])

async function served(slug: string): Promise<number> {
  const res = await fetch(`${serverUrl}/api/legal/documents/${slug}`)
  return res.status === 200 ? ((await res.json()) as { version: number }).version : 0
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function main(): Promise<void> {
  if (!serverUrl) {
    throw new Error('BENCH_SERVER_URL is not set')
  }
  const app = await startCliPayload('bench publish cost')
  const { payload } = app
  guardPoolErrors(payload)
  try {
    const editor = (await actorFor(payload, 'editor')).actor
    const reviewer = (await actorFor(payload, 'reviewer', { except: editor.id })).actor

    let doc = await findDocumentBySlug(payload, SLUG)
    if (!doc) {
      const sections: ImportSection[] = Array.from({ length: SECTIONS }, (_, n) => ({
        body: body(n, 0),
        heading: `Clause ${n + 1}`,
      }))
      const imported = await importDocument(payload, {
        slug: SLUG,
        editor,
        kind: 'other',
        sections,
        title: 'Publish cost',
      })
      doc = await findDocumentBySlug(payload, SLUG)
      if (!doc || doc.id !== imported.documentId) {
        throw new Error('the publish-cost document was not created')
      }
    }
    const id = doc.id
    const sectionIds = ((doc.sections as unknown[]) ?? []).map(idOf)

    const publishMs: number[] = []
    const visibleMs: number[] = []
    for (let round = 0; round < PUBLISHES; round++) {
      const before = (await findDocumentBySlug(payload, SLUG)) as { version?: number }
      const previous = Number(before.version ?? 0)
      if (previous > 0) {
        // Make sure the server's cache holds the current version, so the poll below measures
        // the invalidation and not a cold read.
        await served(SLUG)
        const n = round % SECTIONS
        await payload.update({
          id: sectionIds[n],
          collection: SLUGS.sections,
          data: { body: body(n, Date.now()) } as never,
          depth: 0,
          draft: true,
          overrideAccess: false,
          user: editor,
        })
        await payload.update({
          id,
          collection: SLUGS.documents,
          data: { changeSummary: `Revision ${previous + 1}.` },
          depth: 0,
          draft: true,
          overrideAccess: false,
          user: editor,
        })
      }
      await actAs(payload, editor, id, 'submit')
      await actAs(payload, reviewer, id, 'approve')
      const t0 = performance.now()
      await publishAs(payload, SLUGS.documents, id, reviewer)
      const t1 = performance.now()
      publishMs.push(t1 - t0)
      const deadline = t1 + 5000
      while ((await served(SLUG)) <= previous && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 2))
      }
      visibleMs.push(performance.now() - t1)
    }
    const round1 = (x: number) => Math.round(x * 10) / 10
    console.log(
      `RESULT ${JSON.stringify({
        publishes: PUBLISHES,
        publishMaxMs: round1(Math.max(...publishMs)),
        publishMedianMs: round1(median(publishMs)),
        sections: SECTIONS,
        visibleMaxMs: round1(Math.max(...visibleMs)),
        visibleMedianMs: round1(median(visibleMs)),
      })}`,
    )
  } finally {
    await app.close()
  }
}

runCli(main)

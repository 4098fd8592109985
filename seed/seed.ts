import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { type CollectionSlug, createLocalReq, type Payload, type Where } from 'payload'
import {
  asTrusted,
  inTransaction,
  performWorkflowAction,
  SLUGS,
} from 'payload-plugin-legal-documents'
import { parseLegalText } from 'payload-plugin-legal-documents/importer'

import { projectRoot } from '../dev/server/bootstrap'
import { type Actor, actorFor } from './actors'
import { COOKIE_ASSUMPTIONS, SEED_COOKIES, type SeedCookie } from './cookies'
import { findDocumentBySlug, importDocument, sectionsFromParsed } from './importDocument'
import {
  cutSourceDocuments,
  defaultSourcePath,
  DOCUMENTS,
  type Finding,
  SOURCE_ENTITY,
  type SourceDocument,
} from './sourceDocuments'

export type SeedOptions = {
  /** ISO date the documents take effect; default: today (UTC). Only used for new documents. */
  effectiveDate?: string
  log?: (line: string) => void
  /** Delete the seed's documents (archive included), cookie entries and company details first. */
  reset?: boolean
  /** Default: ../shared/seeds/legal-pages.txt beside the repository. */
  sourcePath?: string
}

export type DocumentOutcome = {
  /** created: new and published; completed: an unpublished draft taken through review; kept: already published. */
  action: 'completed' | 'created' | 'kept'
  sections: number
  slug: string
  title: string
  version: number
  workflowState: string
}

export type SeedSummary = {
  actors: { created: string[]; editor: string; reviewer: string }
  cookies: { completed: number; created: number; kept: number }
  documents: DocumentOutcome[]
  entity: { filled: string[]; missing: string[] }
  /** Every change the seed made to the source text and every gap it left, in source order. */
  findings: Finding[]
  milliseconds: number
  reset: boolean
  source: string
  /** Importer warnings, with their line in the source file. */
  warnings: Array<{ document: string; line: null | number; message: string }>
}

const ENTITY_FIELDS = ['name', 'address', 'phone', 'email', 'website'] as const

export const SEED_SLUGS = DOCUMENTS.map((d) => d.slug)

type Doc = { id: number | string } & Record<string, unknown>

export function todayUTC(): string {
  return `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`
}

/** Reads and cuts the source; the error names the file when it is missing. */
export async function loadSource(
  sourcePath = defaultSourcePath(),
): Promise<{ documents: SourceDocument[]; findings: Finding[]; path: string }> {
  if (!existsSync(sourcePath)) {
    throw new Error(
      `the seed's source ${path.relative(projectRoot, sourcePath) || sourcePath} was not found (it lives in shared/ beside the repository)`,
    )
  }
  const cut = cutSourceDocuments(await fs.readFile(sourcePath, 'utf8'))
  return { path: sourcePath, ...cut }
}

/**
 * Publishes the reference content: the five documents (version 1), the cookie declaration and
 * the company details. Idempotent: what is already published is left as it is (people may have
 * edited it since), what an earlier interrupted run left unpublished is completed, and nothing
 * is ever created twice. Everything goes through the review workflow as real users.
 */
export async function seedReferenceContent(
  payload: Payload,
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const started = Date.now()
  const log = options.log ?? (() => {})
  const source = await loadSource(options.sourcePath)

  if (options.reset) {
    await resetSeedContent(payload)
  }

  const editor = await actorFor(payload, 'editor')
  const reviewer = await actorFor(payload, 'reviewer', { except: editor.actor.id })
  const entity = await fillEntity(payload)

  const warnings: SeedSummary['warnings'] = []
  const documents: DocumentOutcome[] = []
  const effectiveDate = options.effectiveDate ?? todayUTC()
  for (const doc of source.documents) {
    const outcome = await seedDocument(payload, doc, {
      editor: editor.actor,
      effectiveDate,
      reviewer: reviewer.actor,
      warnings,
    })
    documents.push(outcome)
    log(
      `  ${doc.slug.padEnd(20)} ${outcome.action.padEnd(9)} version ${outcome.version}, ${outcome.sections} section${outcome.sections === 1 ? '' : 's'}`,
    )
  }

  const cookies = await seedCookies(payload, editor.actor, reviewer.actor)
  log(
    `  cookie declaration   ${cookies.created} created, ${cookies.completed} completed, ${cookies.kept} kept`,
  )

  const findings = [
    ...source.findings,
    ...entity.missing.map((field): Finding => ({
      document: 'Company details',
      kind: 'blank',
      line: null,
      note: `The source has no company ${field === 'email' ? 'e-mail address' : field}; sentences using {{company.${field}}} show nothing until an admin fills it in (Legal → Company details).`,
      section: null,
      sentence: `{{company.${field}}}`,
    })),
    ...COOKIE_ASSUMPTIONS.map((assumption): Finding => ({
      document: 'Cookie declaration',
      kind: 'blank',
      line: null,
      note: assumption.fill,
      section: assumption.cookie,
      sentence: SEED_COOKIES.find((c) => c.name === assumption.cookie)?.source ?? assumption.cookie,
    })),
  ]

  return {
    actors: {
      created: [editor, reviewer].filter((a) => a.created).map((a) => a.actor.email),
      editor: editor.actor.email,
      reviewer: reviewer.actor.email,
    },
    cookies,
    documents,
    entity,
    findings,
    milliseconds: Date.now() - started,
    reset: Boolean(options.reset),
    source: path.relative(projectRoot, source.path) || source.path,
    warnings,
  }
}

/**
 * The dev server's start-up seed: only on a database without any legal document or cookie
 * entry, so a developer's own content is never touched. Returns null when it did nothing.
 */
export async function seedIfEmpty(
  payload: Payload,
  options: { log: (line: string) => void; sourcePath?: string },
): Promise<null | SeedSummary> {
  const [documents, cookies] = await Promise.all([
    payload.count({ collection: SLUGS.documents, overrideAccess: true }),
    payload.count({ collection: SLUGS.cookies, overrideAccess: true }),
  ])
  if (documents.totalDocs > 0 || cookies.totalDocs > 0) {
    return null
  }
  const sourcePath = options.sourcePath ?? defaultSourcePath()
  if (!existsSync(sourcePath)) {
    options.log(
      `Reference content not seeded: ${path.relative(projectRoot, sourcePath)} not found.`,
    )
    return null
  }
  const summary = await seedReferenceContent(payload, { sourcePath })
  options.log(shortSummary(summary))
  return summary
}

export function blanksOf(summary: Pick<SeedSummary, 'findings'>): Finding[] {
  return summary.findings.filter((f) => f.kind === 'blank' || f.kind === 'suspected')
}

export function shortSummary(summary: SeedSummary): string {
  const published = summary.documents.filter((d) => d.workflowState === 'published').length
  const cookies = summary.cookies.created + summary.cookies.completed + summary.cookies.kept
  return (
    `Reference content seeded in ${(summary.milliseconds / 1000).toFixed(1)} s: ${published} documents published ` +
    `(${summary.documents.map((d) => `${d.slug} v${d.version}`).join(', ')}), ${cookies} cookie entries, company details. ` +
    `${blanksOf(summary).length} blanks to fill in: \`npm run seed\` lists them (docs/SEED.md).`
  )
}

/** The full report `npm run seed` prints. */
export function formatSummary(summary: SeedSummary): string[] {
  const out: string[] = []
  const where = (f: Finding) =>
    [f.document, f.section].filter(Boolean).join(' › ') + (f.line ? ` (source line ${f.line})` : '')
  const changes = summary.findings.filter((f) => f.kind !== 'blank' && f.kind !== 'suspected')
  out.push('', `Changes to the source text (${changes.length}):`)
  for (const f of changes) {
    out.push(`  - ${where(f)}: ${f.note}`, `      "${f.sentence}"`)
  }
  const blanks = blanksOf(summary)
  out.push('', `Blanks the editor must fill in (${blanks.length}; see docs/SEED.md):`)
  blanks.forEach((f, i) => {
    out.push(
      `  ${String(i + 1).padStart(2)}. ${where(f)}${f.kind === 'suspected' ? ' [not reviewed yet]' : ''}`,
    )
    out.push(`      "${f.sentence}"`, `      → ${f.note}`)
  })
  if (summary.warnings.length) {
    out.push('', `Importer warnings (${summary.warnings.length}):`)
    for (const w of summary.warnings) {
      out.push(`  - ${w.document}${w.line ? `, source line ${w.line}` : ''}: ${w.message}`)
    }
  }
  out.push(
    '',
    `Acting as editor ${summary.actors.editor} and reviewer ${summary.actors.reviewer}` +
      (summary.actors.created.length ? ` (created: ${summary.actors.created.join(', ')})` : ''),
    `Company details: ${summary.entity.filled.length ? `filled ${summary.entity.filled.join(', ')}` : 'already filled in, left as they are'}` +
      (summary.entity.missing.length ? `; still empty: ${summary.entity.missing.join(', ')}` : ''),
    shortSummary(summary),
  )
  return out
}

async function fillEntity(payload: Payload): Promise<SeedSummary['entity']> {
  const current = (await payload.findGlobal({
    slug: SLUGS.entity,
    depth: 0,
    overrideAccess: true,
  })) as unknown as Record<string, unknown>
  const data: Record<string, string> = {}
  // Only empty fields: what an admin typed in wins over the source.
  for (const [field, value] of Object.entries(SOURCE_ENTITY)) {
    if (typeof current[field] !== 'string' || current[field] === '') {
      data[field] = value
    }
  }
  if (Object.keys(data).length) {
    await payload.updateGlobal({ slug: SLUGS.entity, data, depth: 0, overrideAccess: true })
  }
  const after = { ...current, ...data }
  return {
    filled: Object.keys(data),
    missing: ENTITY_FIELDS.filter(
      (field) => typeof after[field] !== 'string' || after[field] === '',
    ),
  }
}

async function draftOf(
  payload: Payload,
  id: number | string,
  collection: CollectionSlug = SLUGS.documents,
): Promise<Doc> {
  return (await payload.findByID({
    id,
    collection,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })) as unknown as Doc
}

async function seedDocument(
  payload: Payload,
  doc: SourceDocument,
  context: {
    editor: Actor
    effectiveDate: string
    reviewer: Actor
    warnings: SeedSummary['warnings']
  },
): Promise<DocumentOutcome> {
  const parsed = parseLegalText(doc.text)
  for (const warning of parsed.warnings) {
    context.warnings.push({
      document: doc.title,
      line: doc.sourceLines[warning.line - 1] ?? null,
      message: warning.message,
    })
  }
  const sections = sectionsFromParsed(parsed, doc.introHeading ?? '')
  // The importer and the cut must agree on the sections, or the round trip would compare
  // different things; a disagreement means the source or a heading rule changed.
  const expected = doc.sections.map((s) => s.heading)
  const got = sections.map((s) => s.heading)
  if (expected.join('\n') !== got.join('\n')) {
    throw new Error(
      `${doc.title}: the importer found sections ${JSON.stringify(got)}, the seed expects ${JSON.stringify(expected)}`,
    )
  }

  const existing = await findDocumentBySlug(payload, doc.slug)
  if (existing && Number(existing.version ?? 0) >= 1) {
    return {
      slug: doc.slug,
      action: 'kept',
      sections: ((existing.sections as unknown[]) ?? []).length,
      title: doc.title,
      version: Number(existing.version),
      workflowState: String(existing.workflowState),
    }
  }

  const imported = await importDocument(payload, {
    slug: doc.slug,
    editor: context.editor,
    initial: {
      effectiveDate: context.effectiveDate,
      governingLaw: doc.governingLaw,
      jurisdiction: doc.jurisdiction,
    },
    kind: doc.kind,
    sections,
    title: doc.title,
  })
  await takeThroughReview(payload, imported.documentId, context.editor, context.reviewer)
  const published = await draftOf(payload, imported.documentId)
  return {
    slug: doc.slug,
    action: existing ? 'completed' : 'created',
    sections: sections.length,
    title: doc.title,
    version: Number(published.version ?? 0),
    workflowState: String(published.workflowState),
  }
}

/** A review step on a document (or cookie entry), taken by `user` as in the admin. */
export async function actAs(
  payload: Payload,
  user: Actor,
  id: number | string,
  action: 'approve' | 'submit',
  collection: CollectionSlug = SLUGS.documents,
): Promise<void> {
  await performWorkflowAction(await createLocalReq({ user: user as never }, payload), {
    id,
    action,
    collection,
    fourEyes: true,
  })
}

/** Publishes the approved draft of a document or cookie entry as `reviewer`, with access control on. */
export async function publishAs(
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  reviewer: Actor,
): Promise<void> {
  await payload.update({
    id,
    collection,
    data: { _status: 'published' } as never,
    depth: 0,
    overrideAccess: false,
    user: reviewer,
  })
}

/**
 * Submit (editor), approve and publish (reviewer) as real users, from wherever an earlier run
 * stopped, so a run interrupted between two steps resumes instead of failing on a step already
 * taken. `state`: the review state, when the caller has it. Documents and cookie entries alike.
 */
export async function takeThroughReview(
  payload: Payload,
  id: number | string,
  editor: Actor,
  reviewer: Actor,
  state?: string,
  collection: CollectionSlug = SLUGS.documents,
): Promise<void> {
  const stored = state ?? (await draftOf(payload, id, collection)).workflowState
  let current = typeof stored === 'string' ? stored : 'draft'
  if (current === 'draft' || current === 'changes-requested') {
    await actAs(payload, editor, id, 'submit', collection)
    current = 'in-review'
  }
  if (current === 'in-review') {
    await actAs(payload, reviewer, id, 'approve', collection)
    current = 'approved'
  }
  if (current === 'approved') {
    await publishAs(payload, collection, id, reviewer)
  }
}

const cookieWhere = (cookie: Pick<SeedCookie, 'name' | 'service'>): Where => ({
  and: [{ name: { equals: cookie.name } }, { service: { equals: cookie.service } }],
})

function cookieData(cookie: SeedCookie): Record<string, unknown> {
  const { source: _source, ...data } = cookie
  return { ...data, path: '/' }
}

async function seedCookies(
  payload: Payload,
  editor: Actor,
  reviewer: Actor,
): Promise<SeedSummary['cookies']> {
  const counts = { completed: 0, created: 0, kept: 0 }
  for (const cookie of SEED_COOKIES) {
    const { docs } = await payload.find({
      collection: SLUGS.cookies,
      depth: 0,
      draft: true,
      limit: 1,
      overrideAccess: true,
      where: cookieWhere(cookie),
    })
    const found = docs[0] as unknown as Doc | undefined
    // The main row says "published" once any version was published, whatever drafts follow.
    const live = found
      ? ((await payload.findByID({
          id: found.id,
          collection: SLUGS.cookies,
          depth: 0,
          overrideAccess: true,
        })) as unknown as Doc)
      : undefined
    if (live?._status === 'published') {
      counts.kept++
      continue
    }
    // A new entry, or one an earlier run left unpublished, written as the editor's draft.
    const write = {
      collection: SLUGS.cookies,
      data: cookieData(cookie),
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: editor,
    } as const
    let id = found?.id
    if (id === undefined) {
      id = ((await payload.create(write)) as unknown as Doc).id
      counts.created++
    } else {
      await payload.update({ id, ...write })
      counts.completed++
    }
    await takeThroughReview(payload, id, editor, reviewer, undefined, SLUGS.cookies)
  }
  return counts
}

/**
 * `--reset`: removes what the seed owns (its five documents with their sections, archive
 * records and review history; its cookie entries; the company details) so the next run starts
 * from scratch. The archive is immutable for everyone, so this runs as the plugin's own
 * trusted operations do, in one transaction; it refuses to run in production, where the
 * archive is evidence.
 */
export async function resetSeedContent(payload: Payload): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      '--reset deletes published documents and their archive; it does not run in production',
    )
  }
  const req = await createLocalReq({}, payload)
  await inTransaction(req, () =>
    asTrusted(req, async () => {
      const common = { depth: 0, overrideAccess: true, req } as const
      // One by one: a bulk delete runs its rows in parallel on the transaction's single client.
      const remove = async (collection: CollectionSlug, where: Where) => {
        const { docs } = await payload.find({
          collection,
          draft: true,
          limit: 0,
          pagination: false,
          where,
          ...common,
        })
        for (const doc of docs) {
          await payload.delete({ id: doc.id, collection, ...common })
        }
        return docs.map((doc) => doc.id)
      }
      const { docs } = await payload.find({
        collection: SLUGS.documents,
        limit: 0,
        pagination: false,
        where: { slug: { in: SEED_SLUGS } },
        ...common,
      })
      const ids = docs.map((d) => d.id)
      if (ids.length) {
        const byDocument: Where = { document: { in: ids } }
        await remove(SLUGS.reviewEvents, byDocument)
        await remove(SLUGS.versions, byDocument)
        await remove(SLUGS.sections, byDocument)
        await remove(SLUGS.documents, { id: { in: ids } })
      }
      const cookies = await payload.find({
        collection: SLUGS.cookies,
        draft: true,
        limit: 0,
        pagination: false,
        where: { or: SEED_COOKIES.map(cookieWhere) },
        ...common,
      })
      const cookieIds = cookies.docs.map((c) => c.id)
      if (cookieIds.length) {
        await remove(SLUGS.reviewEvents, { cookieEntry: { in: cookieIds } })
        await remove(SLUGS.cookies, { id: { in: cookieIds } })
      }
      await payload.updateGlobal({
        slug: SLUGS.entity,
        data: Object.fromEntries(ENTITY_FIELDS.map((field) => [field, null])),
        ...common,
      })
    }),
  )
}

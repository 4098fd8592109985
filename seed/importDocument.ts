import type { Payload } from 'payload'
import type { LexicalState, ParsedLegalText } from 'payload-plugin-legal-documents/importer'

import {
  canonicalJSON,
  DOCUMENT_KINDS,
  findUnknownPlaceholders,
  KNOWN_PLACEHOLDERS,
  SLUGS,
} from 'payload-plugin-legal-documents'

import type { Actor } from './actors'

/**
 * Writes a parsed legal text into Payload as a draft, the way an editor would in the admin:
 * as that editor, with access control on, so the workflow hooks apply exactly as they do
 * to people. Importing the same text again changes nothing; importing a changed text updates
 * the existing draft's sections instead of adding new ones.
 */

export type ImportSection = {
  body: LexicalState
  heading: string
  /** 1-based source line of the heading. */ line?: number
}

export type DocumentKindValue = (typeof DOCUMENT_KINDS)[number]['value']
export const DOCUMENT_KIND_VALUES = DOCUMENT_KINDS.map<DocumentKindValue>((k) => k.value)

export type ImportDocumentInput = {
  editor: Actor
  /** Only used when the document is created. */
  initial?: { effectiveDate?: string; governingLaw?: string; jurisdiction?: string }
  /** Required to create a document; on an existing one, changes its kind when different. */
  kind?: DocumentKindValue
  /** Defaults to the config's default locale. */
  locale?: string
  onSection?: (progress: SectionProgress) => void
  sections: ImportSection[]
  slug: string
  title: string
}

export type SectionAction = 'created' | 'unchanged' | 'updated'
export type SectionProgress = {
  action: SectionAction
  heading: string
  index: number
  line?: number
  total: number
}

export type ImportDocumentResult = {
  documentCreated: boolean
  documentId: number | string
  /** Title, kind or the list of sections changed on an existing document. */
  documentUpdated: boolean
  /** Sections the new text no longer has: taken out of the document, deleted unless published before. */
  removed: Array<{ deleted: boolean; heading: string; id: number | string }>
  sections: Array<{ action: SectionAction; heading: string; id: number | string }>
  workflowState: string
}

/** Input the importer refuses before writing anything (exit code 1 in the CLI). */
export class ImportRefused extends Error {
  readonly line?: number
  constructor(message: string, line?: number) {
    super(message)
    this.name = 'ImportRefused'
    this.line = line
  }
}

/** The parsed text as sections: the intro (text before the first heading) becomes the first one. */
export function sectionsFromParsed(parsed: ParsedLegalText, introHeading: string): ImportSection[] {
  const sections: ImportSection[] = parsed.sections.map((s) => ({
    body: s.body,
    heading: s.heading,
    line: s.line,
  }))
  if (parsed.intro) {
    sections.unshift({ body: parsed.intro, heading: introHeading, line: 1 })
  }
  return sections
}

type Doc = { id: number | string } & Record<string, unknown>

/** The id of a relationship value, populated or not. */
export const idOf = (value: unknown): number | string =>
  value && typeof value === 'object'
    ? (value as { id: number | string }).id
    : (value as number | string)
/** The app's default locale; undefined when it is not localised (then Payload is given no locale). */
export const defaultLocaleOf = (payload: Payload): string | undefined =>
  payload.config.localization ? payload.config.localization.defaultLocale : undefined
const sameHeading = (a: unknown, b: string) =>
  typeof a === 'string' &&
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase()

export async function findDocumentBySlug(
  payload: Payload,
  slug: string,
  locale?: string,
): Promise<Doc | null> {
  const { docs } = await payload.find({
    collection: SLUGS.documents,
    depth: 0,
    draft: true,
    fallbackLocale: false,
    limit: 1,
    locale: locale as never,
    overrideAccess: true,
    where: { slug: { equals: slug } },
  })
  return (docs[0] as unknown as Doc) ?? null
}

export async function importDocument(
  payload: Payload,
  input: ImportDocumentInput,
): Promise<ImportDocumentResult> {
  const defaultLocale = defaultLocaleOf(payload)
  const locale = input.locale ?? defaultLocale
  const translating = locale !== undefined && locale !== defaultLocale
  const as = {
    depth: 0,
    draft: true,
    locale: locale as never,
    overrideAccess: false as const,
    user: input.editor as never,
  }

  if (!input.sections.length) {
    throw new ImportRefused('the text has no sections to import')
  }
  for (const section of input.sections) {
    // Checked here, with the line, rather than left to the save hook, which cannot name one.
    const unknown = findUnknownPlaceholders(section.body)
    if (unknown.length) {
      throw new ImportRefused(
        `section "${section.heading}" uses ${unknown.map((u) => `{{${u}}}`).join(', ')}; known placeholders are ${KNOWN_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`,
        section.line,
      )
    }
  }
  if (input.kind !== undefined && !DOCUMENT_KIND_VALUES.includes(input.kind)) {
    throw new ImportRefused(
      `unknown kind "${input.kind}"; use one of ${DOCUMENT_KIND_VALUES.join(', ')}`,
    )
  }

  let doc = await findDocumentBySlug(payload, input.slug, locale)
  const documentCreated = !doc
  if (!doc) {
    if (!input.kind) {
      throw new ImportRefused(
        `there is no document "${input.slug}" yet: give its kind to create it`,
      )
    }
    doc = (await payload.create({
      collection: SLUGS.documents,
      data: { slug: input.slug, kind: input.kind, title: input.title, ...input.initial },
      ...as,
    })) as unknown as Doc
  }
  const documentId = doc.id

  const existingIds = ((doc.sections as unknown[]) ?? []).map(idOf)
  const existing = await Promise.all(
    existingIds.map(
      async (id) =>
        (await payload.findByID({
          id,
          collection: SLUGS.sections,
          depth: 0,
          draft: true,
          fallbackLocale: false,
          locale: locale as never,
          overrideAccess: true,
        })) as unknown as Doc,
    ),
  )

  // Which existing section each new one replaces. The default language matches by heading, so
  // a section moved or added in the middle keeps its identity (and its anchor, which links
  // use); a translation has other headings, so it matches by position and must line up.
  const matches: Array<Doc | undefined> = []
  if (translating && existing.length) {
    if (existing.length !== input.sections.length) {
      throw new ImportRefused(
        `"${input.slug}" has ${existing.length} sections and this ${locale} text has ${input.sections.length}; ` +
          'a translation must have the same sections in the same order',
      )
    }
    matches.push(...existing)
  } else {
    const free = [...existing]
    for (const section of input.sections) {
      const at = free.findIndex((candidate) => sameHeading(candidate.heading, section.heading))
      matches.push(at >= 0 ? free.splice(at, 1)[0] : undefined)
    }
  }

  const results: ImportDocumentResult['sections'] = []
  for (const [index, section] of input.sections.entries()) {
    const match = matches[index]
    let action: SectionAction
    let id: number | string
    if (!match) {
      const created = (await payload.create({
        collection: SLUGS.sections,
        data: { body: section.body, document: documentId, heading: section.heading } as never,
        ...as,
      })) as unknown as Doc
      id = created.id
      action = 'created'
    } else {
      id = match.id
      // jsonb stores keys in its own order, so compare canonically.
      const same =
        match.heading === section.heading &&
        canonicalJSON(match.body ?? null) === canonicalJSON(section.body)
      if (same) {
        action = 'unchanged'
      } else {
        await payload.update({
          id,
          collection: SLUGS.sections,
          data: { body: section.body, heading: section.heading } as never,
          ...as,
        })
        action = 'updated'
      }
    }
    results.push({ id, action, heading: section.heading })
    input.onSection?.({
      action,
      heading: section.heading,
      index,
      line: section.line,
      total: input.sections.length,
    })
  }

  const wantedIds = results.map((r) => r.id)
  const removedSections = existing.filter(
    (s) => !wantedIds.some((id) => String(id) === String(s.id)),
  )
  const data: Record<string, unknown> = {}
  if (!documentCreated && doc.title !== input.title) {
    data.title = input.title
  }
  if (!documentCreated && input.kind && doc.kind !== input.kind) {
    data.kind = input.kind
  }
  if (wantedIds.map(String).join() !== existingIds.map(String).join()) {
    data.sections = wantedIds
  }
  const documentUpdated = !documentCreated && Object.keys(data).length > 0
  if (Object.keys(data).length) {
    await payload.update({ id: documentId, collection: SLUGS.documents, data, ...as })
  }

  const removed: ImportDocumentResult['removed'] = []
  for (const section of removedSections) {
    // A section that was ever published is part of the record; it only leaves the document.
    const live = (await payload.findByID({
      id: section.id,
      collection: SLUGS.sections,
      depth: 0,
      overrideAccess: true,
    })) as unknown as Doc
    const deleted = live._status !== 'published'
    if (deleted) {
      await payload.delete({
        id: section.id,
        collection: SLUGS.sections,
        overrideAccess: false,
        user: input.editor,
      })
    }
    removed.push({
      id: section.id,
      deleted,
      heading: typeof section.heading === 'string' ? section.heading : '',
    })
  }

  const final = (await payload.findByID({
    id: documentId,
    collection: SLUGS.documents,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })) as unknown as Doc
  return {
    documentCreated,
    documentId,
    documentUpdated,
    removed,
    sections: results,
    workflowState: typeof final.workflowState === 'string' ? final.workflowState : 'draft',
  }
}

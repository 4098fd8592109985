import type { Payload } from 'payload'

import type { FrozenContent, FrozenLocale } from '../publish/freezeContent.js'
import { escapeHTML, escapeMarkdown } from '../render/index.js'
import { SLUGS } from '../slugs.js'
import { DeliveryError } from './errors.js'

export type ArchiveRecord = {
  id: string | number
  document: string | number
  version: number
  title: string
  slug: string
  publishedAt: string
  effectiveDate: string | null
  lastModified: string
  changeSummary: string | null
  materialChange: boolean
  content: FrozenContent
}

/** What a website needs to show one legal page, in one object. */
export type DeliveredDocument = {
  slug: string
  title: string
  kind: string
  locale: string
  version: number
  lastModified: string
  effectiveDate: string | null
  publishedAt: string
  summary: string
  toc: { anchor: string; heading: string }[]
  sections: { anchor: string; heading: string; html: string }[]
  html: string
  text: string
}

/** The published document with this slug, as an anonymous reader may see it. */
async function publishedDocument(payload: Payload, slug: string) {
  const found = await payload.find({
    collection: SLUGS.documents,
    where: { slug: { equals: slug } },
    limit: 1,
    // One row by a unique key: no count(*) query for a page total nobody reads.
    pagination: false,
    depth: 0,
    draft: false,
    overrideAccess: false,
    user: null,
    select: { version: true, slug: true },
  })
  const doc = found.docs[0] as { id: string | number; version?: number } | undefined
  if (!doc || !doc.version) throw new DeliveryError('Document not found.', 404)
  return doc as { id: string | number; version: number }
}

/**
 * Delivery serves what the archive froze at publish time: the exact text that was reviewed,
 * with the company details it was approved with. A change of those details reaches readers
 * through a publish, like any other change of the text.
 */
export async function loadArchiveRecord(payload: Payload, slug: string, version?: number): Promise<ArchiveRecord> {
  const doc = await publishedDocument(payload, slug)
  const wanted = version ?? doc.version
  if (wanted > doc.version) throw new DeliveryError(`Version ${wanted} of this document does not exist.`, 404)
  const found = await payload.find({
    collection: SLUGS.versions,
    where: { and: [{ document: { equals: doc.id } }, { version: { equals: wanted } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: null,
  })
  const record = found.docs[0] as unknown as ArchiveRecord | undefined
  if (!record) throw new DeliveryError(`Version ${wanted} of this document does not exist.`, 404)
  return record
}

export async function listArchive(payload: Payload, slug: string) {
  const doc = await publishedDocument(payload, slug)
  const found = await payload.find({
    collection: SLUGS.versions,
    where: { document: { equals: doc.id } },
    sort: '-version',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: null,
    select: { version: true, publishedAt: true, effectiveDate: true, lastModified: true, changeSummary: true, materialChange: true },
  })
  return {
    slug,
    currentVersion: doc.version,
    versions: found.docs.map((r) => {
      const v = r as unknown as ArchiveRecord
      return {
        version: v.version,
        publishedAt: v.publishedAt,
        effectiveDate: v.effectiveDate ?? null,
        lastModified: v.lastModified,
        changeSummary: v.changeSummary ?? null,
        materialChange: Boolean(v.materialChange),
      }
    }),
  }
}

export function localeContent(record: ArchiveRecord, locale: string, fallback: string): FrozenLocale {
  const locales = record.content?.locales ?? {}
  const content = locales[locale] ?? locales[fallback] ?? Object.values(locales)[0]
  if (!content) throw new DeliveryError('This version has no content.', 404)
  return content
}

export function deliveredDocument(record: ArchiveRecord, locale: string, fallback: string): DeliveredDocument {
  const content = localeContent(record, locale, fallback)
  const sections = content.sections.map((s) => ({ anchor: s.anchor, heading: s.heading, html: s.html }))
  return {
    slug: record.slug,
    title: content.title,
    kind: record.content.kind,
    locale,
    version: record.version,
    lastModified: record.lastModified,
    effectiveDate: record.effectiveDate ?? null,
    publishedAt: record.publishedAt,
    summary: content.summary ?? '',
    toc: content.sections.map((s) => ({ anchor: s.anchor, heading: s.heading })),
    sections,
    html: sections
      .map((s) => `<section id="${escapeHTML(s.anchor)}"><h2>${escapeHTML(s.heading)}</h2>${s.html}</section>`)
      .join(''),
    text: content.sections.map((s) => [s.heading, s.text].filter(Boolean).join('\n\n')).join('\n\n'),
  }
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')

export function documentMarkdown(record: ArchiveRecord, locale: string, fallback: string): string {
  const content = localeContent(record, locale, fallback)
  const head = [`# ${escapeMarkdown(content.title)}`, `Last updated: ${day(record.lastModified)} · Version ${record.version}`]
  const body = content.sections.map((s) => [`## ${escapeMarkdown(s.heading)}`, s.markdown].filter(Boolean).join('\n\n'))
  return [...head, ...body].join('\n\n') + '\n'
}

/** A fragment a website can drop into its page: landmarks, headings and a linked contents list. */
export function documentHTMLFragment(record: ArchiveRecord, locale: string, fallback: string): string {
  const doc = deliveredDocument(record, locale, fallback)
  const toc = doc.toc.map((t) => `<li><a href="#${escapeHTML(t.anchor)}">${escapeHTML(t.heading)}</a></li>`).join('')
  return (
    `<article class="legal-document" lang="${escapeHTML(locale)}">` +
    `<header><h1>${escapeHTML(doc.title)}</h1>` +
    `<p class="legal-document-meta">Last updated <time datetime="${escapeHTML(doc.lastModified)}">${day(doc.lastModified)}</time> · Version ${doc.version}</p></header>` +
    `<nav aria-label="Contents"><ol>${toc}</ol></nav>` +
    doc.html +
    `</article>`
  )
}

import type { Payload } from 'payload'

import type { FrozenContent, FrozenLocale } from '../publish/freezeContent.js'
import { type Redline, redline } from '../diff/redline.js'
import { escapeHTML, escapeMarkdown } from '../render/index.js'
import { idOf } from '../utilities/ids.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { localApi } from '../localApi.js'
import { SLUGS } from '../slugs.js'
import { nowOf } from '../utilities/pluginOptions.js'
import { effectiveAt, resolveTimeline, type Timeline, versionStatus, type VersionStatus } from '../versions/timeline.js'
import { deliveryCacheFor } from './cache.js'
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

/** An archive record without its content: what the timeline and the archive list read. */
export type VersionEntry = Omit<ArchiveRecord, 'content' | 'document' | 'id' | 'slug' | 'title'>

/**
 * A version published ahead of its effective date, as readers are told about it: what changes,
 * when, and where to see the changes against the version in force.
 */
export type UpcomingVersion = {
  version: number
  /** When it takes effect (its effective date, never before it was published). */
  effectiveDate: string
  publishedAt: string
  changeSummary: string | null
  materialChange: boolean
  /** The redline against the version in force (`GET …/diff?from=&to=`); null when none is in force. */
  diff: { from: number; to: number; url: string } | null
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
  /**
   * Of the current document only (no `?version=`): `in-force`, or `upcoming` when no version is
   * in force yet (a first publish ahead of its effective date). Absent on an archived version.
   */
  status?: 'in-force' | 'upcoming'
  /** Of the current document only: the next version that takes effect, or null. */
  upcoming?: UpcomingVersion | null
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
  if (!doc && (await wasWithdrawn(payload, slug))) throw new DeliveryError(WITHDRAWN, 410)
  if (!doc || !doc.version) throw new DeliveryError('Document not found.', 404)
  return doc as { id: string | number; version: number }
}

export const WITHDRAWN =
  'This document has been withdrawn and is no longer in force. Its published versions are kept in the archive (/api/legal-versions).'

/**
 * Published once (it has a version) and no longer published: a reviewer withdrew it through the
 * workflow. Readers are told so (410 Gone), not that it never existed; nothing of it is served.
 */
async function wasWithdrawn(payload: Payload, slug: string): Promise<boolean> {
  const found = await payload.find({
    collection: SLUGS.documents,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    draft: false,
    overrideAccess: true,
    select: { version: true, _status: true },
  })
  const row = found.docs[0] as { version?: number; _status?: string } | undefined
  return Boolean(row && Number(row.version ?? 0) > 0 && row._status !== 'published')
}

async function findRecord(payload: Payload, documentId: string | number, version: number): Promise<ArchiveRecord> {
  const found = await localApi(payload).find({
    collection: SLUGS.versions,
    where: { and: [{ document: { equals: documentId } }, { version: { equals: version } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: null,
  })
  const doc = found.docs[0]
  if (!doc) throw new DeliveryError(`Version ${version} of this document does not exist.`, 404)
  return {
    ...doc,
    document: idOf(doc.document),
    effectiveDate: doc.effectiveDate ?? null,
    changeSummary: doc.changeSummary ?? null,
    materialChange: Boolean(doc.materialChange),
  }
}

/**
 * Every version of a document with its timing, and which is in force now by the plugin's clock.
 * An answer that depends on it stays cached only until the next version takes effect: the
 * boundary is noted on the delivery cache before the answer is stored.
 */
export async function loadTimeline(
  payload: Payload,
  slug: string,
): Promise<{ documentId: string | number; latest: number; entries: VersionEntry[]; timeline: Timeline<VersionEntry>; now: number }> {
  const doc = await publishedDocument(payload, slug)
  const found = await localApi(payload).find({
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
  const entries = found.docs.map(
    (v): VersionEntry => ({
      version: v.version,
      publishedAt: v.publishedAt,
      effectiveDate: v.effectiveDate ?? null,
      lastModified: v.lastModified,
      changeSummary: v.changeSummary ?? null,
      materialChange: Boolean(v.materialChange),
    }),
  )
  const now = nowOf(payload)
  const timeline = resolveTimeline(entries, now)
  deliveryCacheFor(payload).noteBoundary(timeline.nextBoundary)
  return { documentId: doc.id, latest: doc.version, entries, timeline, now }
}

/**
 * Delivery serves what the archive froze at publish time: the exact text that was reviewed,
 * with the company details it was approved with. A change of those details reaches readers
 * through a publish, like any other change of the text. Without a version number: the version
 * in force (src/versions/timeline.ts).
 */
export async function loadArchiveRecord(payload: Payload, slug: string, version?: number): Promise<ArchiveRecord> {
  if (version !== undefined) {
    const doc = await publishedDocument(payload, slug)
    if (version > doc.version) throw new DeliveryError(`Version ${version} of this document does not exist.`, 404)
    return findRecord(payload, doc.id, version)
  }
  return (await loadCurrent(payload, slug)).record
}

/** The version in force (else the first upcoming one) and the next version that takes effect. */
export async function loadCurrent(
  payload: Payload,
  slug: string,
): Promise<{ record: ArchiveRecord; status: 'in-force' | 'upcoming'; upcoming: UpcomingVersion | null }> {
  const { documentId, timeline } = await loadTimeline(payload, slug)
  const served = timeline.inForce ?? timeline.upcoming[0]
  if (!served) throw new DeliveryError('Document not found.', 404)
  const record = await findRecord(payload, documentId, served.version)
  const next = timeline.upcoming.find((u) => u.version !== served.version) ?? null
  return {
    record,
    status: timeline.inForce ? 'in-force' : 'upcoming',
    upcoming: next ? upcomingVersion(payload, slug, next, timeline.inForce?.version ?? null) : null,
  }
}

function upcomingVersion(payload: Payload, slug: string, v: VersionEntry, inForce: number | null): UpcomingVersion {
  return {
    version: v.version,
    effectiveDate: new Date(effectiveAt(v)).toISOString(),
    publishedAt: v.publishedAt,
    changeSummary: v.changeSummary ?? null,
    materialChange: Boolean(v.materialChange),
    diff:
      inForce === null
        ? null
        : { from: inForce, to: v.version, url: `${payload.config.routes.api}/legal/documents/${slug}/diff?from=${inForce}&to=${v.version}` },
  }
}

export type ArchiveListEntry = VersionEntry & { status: VersionStatus; effectiveAt: string }

/** A document's archive as delivered (REST `…/versions`, GraphQL `legalDocumentVersions`). */
export type DocumentVersions = {
  slug: string
  currentVersion: number
  inForceVersion: number | null
  upcoming: UpcomingVersion[]
  versions: ArchiveListEntry[]
}

/** The archive of a document, newest first, with each version's status now. */
export async function listArchive(payload: Payload, slug: string): Promise<DocumentVersions> {
  const { entries, timeline } = await loadTimeline(payload, slug)
  const inForce = timeline.inForce?.version ?? null
  return {
    slug,
    // The version readers are bound by (the first upcoming one before any is in force).
    currentVersion: inForce ?? timeline.upcoming[0]?.version ?? entries[0]?.version ?? 0,
    inForceVersion: inForce,
    upcoming: timeline.upcoming.map((u) => upcomingVersion(payload, slug, u, inForce)),
    versions: entries.map((v) => ({ ...v, status: versionStatus(v, timeline, entries), effectiveAt: new Date(effectiveAt(v)).toISOString() })),
  }
}

export function localeContent(record: ArchiveRecord, locale: string, fallback: string): FrozenLocale {
  const locales = record.content?.locales ?? {}
  const content = locales[locale] ?? locales[fallback] ?? Object.values(locales)[0]
  if (!content) throw new DeliveryError('This version has no content.', 404)
  return content
}

export function deliveredDocument(
  record: ArchiveRecord,
  locale: string,
  fallback: string,
  current?: Current,
): DeliveredDocument {
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
    ...(current ? { status: current.status, upcoming: current.upcoming } : {}),
  }
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')

type Current = { status: 'in-force' | 'upcoming'; upcoming: UpcomingVersion | null }

/** The plain notice of a change ahead, in the fragment's and the Markdown's language (English). */
function upcomingNotice(current: Current | undefined): string | null {
  const next = current?.upcoming
  if (!next) return null
  return `This document changes on ${day(next.effectiveDate)} (version ${next.version}).`
}

export function documentMarkdown(record: ArchiveRecord, locale: string, fallback: string, current?: Current): string {
  const content = localeContent(record, locale, fallback)
  const head = [`# ${escapeMarkdown(content.title)}`, `Last updated: ${day(record.lastModified)} · Version ${record.version}`]
  const notice = upcomingNotice(current)
  if (notice) head.push(`> ${escapeMarkdown(notice)}${current?.upcoming?.changeSummary ? ` ${escapeMarkdown(current.upcoming.changeSummary)}` : ''}`)
  const body = content.sections.map((s) => [`## ${escapeMarkdown(s.heading)}`, s.markdown].filter(Boolean).join('\n\n'))
  return [...head, ...body].join('\n\n') + '\n'
}

/** A fragment a website can drop into its page: landmarks, headings and a linked contents list. */
export function documentHTMLFragment(record: ArchiveRecord, locale: string, fallback: string, current?: Current): string {
  const doc = deliveredDocument(record, locale, fallback)
  const toc = doc.toc.map((t) => `<li><a href="#${escapeHTML(t.anchor)}">${escapeHTML(t.heading)}</a></li>`).join('')
  const notice = upcomingNotice(current)
  const summary = current?.upcoming?.changeSummary
  return (
    `<article class="legal-document" lang="${escapeHTML(locale)}">` +
    `<header><h1>${escapeHTML(doc.title)}</h1>` +
    `<p class="legal-document-meta">Last updated <time datetime="${escapeHTML(doc.lastModified)}">${day(doc.lastModified)}</time> · Version ${doc.version}</p>` +
    (notice
      ? `<p class="legal-document-upcoming" role="note">${escapeHTML(notice)}${summary ? ` ${escapeHTML(summary)}` : ''}</p>`
      : '') +
    `</header>` +
    `<nav aria-label="Contents"><ol>${toc}</ol></nav>` +
    doc.html +
    `</article>`
  )
}

/** The redline between two versions as delivered (REST `…/diff`, GraphQL `legalDocumentDiff`). */
export type DocumentDiff = Redline & {
  slug: string
  locale: string
  from: { version: number; lastModified: string; publishedAt: string }
  to: { version: number; lastModified: string; publishedAt: string; changeSummary: string | null }
}

/** The redline between two versions (REST `…/diff` and GraphQL `legalDocumentDiff`). */
export async function diffResponse(payload: Payload, args: { slug: string; locale: string; from: number; to: number }): Promise<DocumentDiff> {
  if (args.from > args.to) throw new DeliveryError('"from" must not be greater than "to".')
  const [a, b] = await Promise.all([
    loadArchiveRecord(payload, args.slug, args.from),
    loadArchiveRecord(payload, args.slug, args.to),
  ])
  const fallback = defaultLocaleOf(payload)
  return {
    slug: args.slug,
    locale: args.locale,
    from: { version: a.version, lastModified: a.lastModified, publishedAt: a.publishedAt },
    to: { version: b.version, lastModified: b.lastModified, publishedAt: b.publishedAt, changeSummary: b.changeSummary ?? null },
    ...redline(localeContent(a, args.locale, fallback), localeContent(b, args.locale, fallback)),
  }
}

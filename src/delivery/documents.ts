import type { Payload } from 'payload'

import type { FrozenContent, FrozenLocale } from '../publish/freezeContent.js'

import { type Redline, redline } from '../diff/redline.js'
import { localApi } from '../localApi.js'
import { escapeHTML, escapeMarkdown } from '../render/index.js'
import { SLUGS } from '../slugs.js'
import { idOf } from '../utilities/ids.js'
import { defaultLocaleOf } from '../utilities/locales.js'
import { nowOf } from '../utilities/pluginOptions.js'
import {
  effectiveAt,
  resolveTimeline,
  type Timeline,
  versionStatus,
  type VersionStatus,
} from '../versions/timeline.js'
import { deliveryCacheFor } from './cache.js'
import { DeliveryError } from './errors.js'

export type ArchiveRecord = {
  changeSummary: null | string
  content: FrozenContent
  document: number | string
  effectiveDate: null | string
  id: number | string
  lastModified: string
  materialChange: boolean
  publishedAt: string
  slug: string
  title: string
  version: number
}

/** An archive record without its content: what the timeline and the archive list read. */
export type VersionEntry = Omit<ArchiveRecord, 'content' | 'document' | 'id' | 'slug' | 'title'>

/**
 * A version published ahead of its effective date, as readers are told about it: what changes,
 * when, and where to see the changes against the version in force.
 */
export type UpcomingVersion = {
  changeSummary: null | string
  /** The redline against the version in force (`GET …/diff?from=&to=`); null when none is in force. */
  diff: { from: number; to: number; url: string } | null
  /** When it takes effect (its effective date, never before it was published). */
  effectiveDate: string
  materialChange: boolean
  publishedAt: string
  version: number
}

/** What a website needs to show one legal page, in one object. */
export type DeliveredDocument = {
  effectiveDate: null | string
  html: string
  kind: string
  lastModified: string
  locale: string
  publishedAt: string
  sections: { anchor: string; heading: string; html: string }[]
  slug: string
  /**
   * Of the current document only (no `?version=`): `in-force`, or `upcoming` when no version is
   * in force yet (a first publish ahead of its effective date). Absent on an archived version.
   */
  status?: 'in-force' | 'upcoming'
  summary: string
  text: string
  title: string
  toc: { anchor: string; heading: string }[]
  /** Of the current document only: the next version that takes effect, or null. */
  upcoming?: null | UpcomingVersion
  version: number
}

/** The published document with this slug, as an anonymous reader may see it. */
async function publishedDocument(payload: Payload, slug: string) {
  const found = await payload.find({
    collection: SLUGS.documents,
    limit: 1,
    where: { slug: { equals: slug } },
    // One row by a unique key: no count(*) query for a page total nobody reads.
    depth: 0,
    draft: false,
    overrideAccess: false,
    pagination: false,
    select: { slug: true, version: true },
    user: null,
  })
  const doc = found.docs[0] as { id: number | string; version?: number } | undefined
  if (!doc && (await wasWithdrawn(payload, slug))) {
    throw new DeliveryError(WITHDRAWN, 410)
  }
  if (!doc || !doc.version) {
    throw new DeliveryError('Document not found.', 404)
  }
  return doc as { id: number | string; version: number }
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
    depth: 0,
    draft: false,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    select: { _status: true, version: true },
    where: { slug: { equals: slug } },
  })
  const row = found.docs[0] as { _status?: string; version?: number } | undefined
  return Boolean(row && Number(row.version ?? 0) > 0 && row._status !== 'published')
}

async function findRecord(
  payload: Payload,
  documentId: number | string,
  version: number,
): Promise<ArchiveRecord> {
  const found = await localApi(payload).find({
    collection: SLUGS.versions,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    user: null,
    where: { and: [{ document: { equals: documentId } }, { version: { equals: version } }] },
  })
  const doc = found.docs[0]
  if (!doc) {
    throw new DeliveryError(`Version ${version} of this document does not exist.`, 404)
  }
  return {
    ...doc,
    changeSummary: doc.changeSummary ?? null,
    document: idOf(doc.document),
    effectiveDate: doc.effectiveDate ?? null,
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
): Promise<{
  documentId: number | string
  entries: VersionEntry[]
  latest: number
  now: number
  timeline: Timeline<VersionEntry>
}> {
  const doc = await publishedDocument(payload, slug)
  const found = await localApi(payload).find({
    collection: SLUGS.versions,
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    select: {
      changeSummary: true,
      effectiveDate: true,
      lastModified: true,
      materialChange: true,
      publishedAt: true,
      version: true,
    },
    sort: '-version',
    user: null,
    where: { document: { equals: doc.id } },
  })
  const entries = found.docs.map((v): VersionEntry => ({
    changeSummary: v.changeSummary ?? null,
    effectiveDate: v.effectiveDate ?? null,
    lastModified: v.lastModified,
    materialChange: Boolean(v.materialChange),
    publishedAt: v.publishedAt,
    version: v.version,
  }))
  const now = nowOf(payload)
  const timeline = resolveTimeline(entries, now)
  deliveryCacheFor(payload).noteBoundary(timeline.nextBoundary)
  return { documentId: doc.id, entries, latest: doc.version, now, timeline }
}

/**
 * Delivery serves what the archive froze at publish time: the exact text that was reviewed,
 * with the company details it was approved with. A change of those details reaches readers
 * through a publish, like any other change of the text. Without a version number: the version
 * in force (src/versions/timeline.ts).
 */
export async function loadArchiveRecord(
  payload: Payload,
  slug: string,
  version?: number,
): Promise<ArchiveRecord> {
  if (version !== undefined) {
    const doc = await publishedDocument(payload, slug)
    if (version > doc.version) {
      throw new DeliveryError(`Version ${version} of this document does not exist.`, 404)
    }
    return findRecord(payload, doc.id, version)
  }
  return (await loadCurrent(payload, slug)).record
}

/** The version in force (else the first upcoming one) and the next version that takes effect. */
export async function loadCurrent(
  payload: Payload,
  slug: string,
): Promise<{
  record: ArchiveRecord
  status: 'in-force' | 'upcoming'
  upcoming: null | UpcomingVersion
}> {
  const { documentId, timeline } = await loadTimeline(payload, slug)
  const served = timeline.inForce ?? timeline.upcoming[0]
  if (!served) {
    throw new DeliveryError('Document not found.', 404)
  }
  const record = await findRecord(payload, documentId, served.version)
  const next = timeline.upcoming.find((u) => u.version !== served.version) ?? null
  return {
    record,
    status: timeline.inForce ? 'in-force' : 'upcoming',
    upcoming: next ? upcomingVersion(payload, slug, next, timeline.inForce?.version ?? null) : null,
  }
}

function upcomingVersion(
  payload: Payload,
  slug: string,
  v: VersionEntry,
  inForce: null | number,
): UpcomingVersion {
  return {
    changeSummary: v.changeSummary ?? null,
    diff:
      inForce === null
        ? null
        : {
            from: inForce,
            to: v.version,
            url: `${payload.config.routes.api}/legal/documents/${slug}/diff?from=${inForce}&to=${v.version}`,
          },
    effectiveDate: new Date(effectiveAt(v)).toISOString(),
    materialChange: Boolean(v.materialChange),
    publishedAt: v.publishedAt,
    version: v.version,
  }
}

export type ArchiveListEntry = { effectiveAt: string; status: VersionStatus } & VersionEntry

/** A document's archive as delivered (REST `…/versions`, GraphQL `legalDocumentVersions`). */
export type DocumentVersions = {
  currentVersion: number
  inForceVersion: null | number
  slug: string
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
    versions: entries.map((v) => ({
      ...v,
      effectiveAt: new Date(effectiveAt(v)).toISOString(),
      status: versionStatus(v, timeline, entries),
    })),
  }
}

export function localeContent(
  record: ArchiveRecord,
  locale: string,
  fallback: string,
): FrozenLocale {
  const locales = record.content?.locales ?? {}
  const content = locales[locale] ?? locales[fallback] ?? Object.values(locales)[0]
  if (!content) {
    throw new DeliveryError('This version has no content.', 404)
  }
  return content
}

export function deliveredDocument(
  record: ArchiveRecord,
  locale: string,
  fallback: string,
  current?: Current,
): DeliveredDocument {
  const content = localeContent(record, locale, fallback)
  const sections = content.sections.map((s) => ({
    anchor: s.anchor,
    heading: s.heading,
    html: s.html,
  }))
  return {
    slug: record.slug,
    effectiveDate: record.effectiveDate ?? null,
    html: sections
      .map(
        (s) =>
          `<section id="${escapeHTML(s.anchor)}"><h2>${escapeHTML(s.heading)}</h2>${s.html}</section>`,
      )
      .join(''),
    kind: record.content.kind,
    lastModified: record.lastModified,
    locale,
    publishedAt: record.publishedAt,
    sections,
    summary: content.summary ?? '',
    text: content.sections
      .map((s) => [s.heading, s.text].filter(Boolean).join('\n\n'))
      .join('\n\n'),
    title: content.title,
    toc: content.sections.map((s) => ({ anchor: s.anchor, heading: s.heading })),
    version: record.version,
    ...(current ? { status: current.status, upcoming: current.upcoming } : {}),
  }
}

const day = (iso: null | string) => (iso ? iso.slice(0, 10) : '')

type Current = { status: 'in-force' | 'upcoming'; upcoming: null | UpcomingVersion }

/** The plain notice of a change ahead, in the fragment's and the Markdown's language (English). */
function upcomingNotice(current: Current | undefined): null | string {
  const next = current?.upcoming
  if (!next) {
    return null
  }
  return `This document changes on ${day(next.effectiveDate)} (version ${next.version}).`
}

export function documentMarkdown(
  record: ArchiveRecord,
  locale: string,
  fallback: string,
  current?: Current,
): string {
  const content = localeContent(record, locale, fallback)
  const head = [
    `# ${escapeMarkdown(content.title)}`,
    `Last updated: ${day(record.lastModified)} · Version ${record.version}`,
  ]
  const notice = upcomingNotice(current)
  if (notice) {
    head.push(
      `> ${escapeMarkdown(notice)}${current?.upcoming?.changeSummary ? ` ${escapeMarkdown(current.upcoming.changeSummary)}` : ''}`,
    )
  }
  const body = content.sections.map((s) =>
    [`## ${escapeMarkdown(s.heading)}`, s.markdown].filter(Boolean).join('\n\n'),
  )
  return [...head, ...body].join('\n\n') + '\n'
}

/** A fragment a website can drop into its page: landmarks, headings and a linked contents list. */
export function documentHTMLFragment(
  record: ArchiveRecord,
  locale: string,
  fallback: string,
  current?: Current,
): string {
  const doc = deliveredDocument(record, locale, fallback)
  const toc = doc.toc
    .map((t) => `<li><a href="#${escapeHTML(t.anchor)}">${escapeHTML(t.heading)}</a></li>`)
    .join('')
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
export type DocumentDiff = {
  from: { lastModified: string; publishedAt: string; version: number }
  locale: string
  slug: string
  to: { changeSummary: null | string; lastModified: string; publishedAt: string; version: number }
} & Redline

/** The redline between two versions (REST `…/diff` and GraphQL `legalDocumentDiff`). */
export async function diffResponse(
  payload: Payload,
  args: { from: number; locale: string; slug: string; to: number },
): Promise<DocumentDiff> {
  if (args.from > args.to) {
    throw new DeliveryError('"from" must not be greater than "to".')
  }
  const [a, b] = await Promise.all([
    loadArchiveRecord(payload, args.slug, args.from),
    loadArchiveRecord(payload, args.slug, args.to),
  ])
  const fallback = defaultLocaleOf(payload)
  return {
    slug: args.slug,
    from: { lastModified: a.lastModified, publishedAt: a.publishedAt, version: a.version },
    locale: args.locale,
    to: {
      changeSummary: b.changeSummary ?? null,
      lastModified: b.lastModified,
      publishedAt: b.publishedAt,
      version: b.version,
    },
    ...redline(localeContent(a, args.locale, fallback), localeContent(b, args.locale, fallback)),
  }
}

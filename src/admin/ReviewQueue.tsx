import type { CollectionSlug, Payload, ServerProps, TypedUser, Where } from 'payload'

import { hasRole } from '../roles.js'
import { SLUGS } from '../slugs.js'
import { type LegalT, legalT } from '../translations/index.js'

type Row = { collection: CollectionSlug; id: string | number; title: string; updatedAt: string }

/** The collections under review, with the field that names an item (src/workflow/subjects.ts). */
const REVIEWED: { collection: CollectionSlug; title: 'title' | 'name' }[] = [
  { collection: SLUGS.documents, title: 'title' },
  { collection: SLUGS.cookies, title: 'name' },
]

/** Documents and cookie entries whose latest draft matches `where`, most recently changed first. */
async function rows(payload: Payload, where: Where): Promise<Row[]> {
  const found = await Promise.all(
    REVIEWED.map(async ({ collection, title }) => {
      const result = await payload.find({
        collection,
        where,
        draft: true,
        depth: 0,
        limit: 20,
        sort: '-updatedAt',
        overrideAccess: true,
        select: { [title]: true, updatedAt: true },
      })
      return result.docs.map((d) => {
        // The selected fields differ per collection: read them as plain entries.
        const doc: Record<string, unknown> = Object.fromEntries(Object.entries(d))
        const name = doc[title]
        return { collection, id: doc.id as string | number, title: typeof name === 'string' ? name : '', updatedAt: String(doc.updatedAt) }
      })
    }),
  )
  return found.flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 20)
}

type ListProps = { title: string; rows: Row[]; empty: string; adminRoute: string; testId: string; t: LegalT }

function List({ title, rows, empty, adminRoute, testId, t }: ListProps) {
  return (
    <section className="legal-queue__list" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length ? (
        <ul>
          {rows.map((row) => (
            <li key={`${row.collection}:${row.id}`} data-collection={row.collection}>
              {row.collection === SLUGS.cookies ? <span className="legal-queue__kind">{t('legal-documents:queue-kind-cookie')}</span> : null}
              <a href={`${adminRoute}/collections/${row.collection}/${row.id}`}>{row.title ||
                // Not Payload's "[Untitled]": what it is, and which one (a new draft nobody has named yet).
                t(row.collection === SLUGS.cookies ? 'legal-documents:queue-untitled-cookie' : 'legal-documents:queue-untitled', { id: row.id })}</a>{' '}
              <span className="legal-queue__date">{t('legal-documents:queue-changed', { date: new Date(row.updatedAt).toLocaleDateString() })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{empty}</p>
      )}
    </section>
  )
}

/**
 * The dashboard's first panel: what is waiting for the signed-in person, documents and cookie
 * entries alike. Reviewers see what waits for their review and what is approved and ready to
 * publish; editors what a reviewer sent back to them and their drafts not yet submitted.
 * Payload passes `beforeDashboard` server components its `i18n`, in the admin's language.
 */
export async function ReviewQueue({ i18n, payload, user }: { i18n: ServerProps['i18n']; payload: Payload; user?: TypedUser | null }) {
  if (!user) return null
  const t = legalT(i18n)
  const adminRoute = payload.config.routes.admin
  const mine: Where = { workflowContributors: { in: [user.id] } }
  const panels: { key: string; where: Where; show: boolean }[] = [
    { key: 'review', where: { workflowState: { equals: 'in-review' } }, show: hasRole(user, 'reviewer', 'admin') },
    { key: 'approved', where: { workflowState: { equals: 'approved' } }, show: hasRole(user, 'reviewer', 'admin') },
    { key: 'changes', where: { and: [{ workflowState: { equals: 'changes-requested' } }, mine] }, show: hasRole(user, 'editor', 'admin') },
    { key: 'drafts', where: { and: [{ workflowState: { equals: 'draft' } }, mine] }, show: hasRole(user, 'editor', 'admin') },
  ]
  const shown = panels.filter((p) => p.show)
  if (!shown.length) return null
  const lists = await Promise.all(shown.map((p) => rows(payload, p.where)))
  const TEXTS = {
    review: ['legal-documents:queue-review-title', 'legal-documents:queue-review-empty'],
    approved: ['legal-documents:queue-approved-title', 'legal-documents:queue-approved-empty'],
    changes: ['legal-documents:queue-changes-title', 'legal-documents:queue-changes-empty'],
    drafts: ['legal-documents:queue-drafts-title', 'legal-documents:queue-drafts-empty'],
  } as const
  return (
    <div className="legal-queue">
      {shown.map((panel, i) => (
        <List
          key={panel.key}
          title={t(TEXTS[panel.key as keyof typeof TEXTS][0])}
          rows={lists[i] ?? []}
          empty={t(TEXTS[panel.key as keyof typeof TEXTS][1])}
          adminRoute={adminRoute}
          testId={`queue-${panel.key}`}
          t={t}
        />
      ))}
    </div>
  )
}

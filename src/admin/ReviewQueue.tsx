import type { CollectionSlug, Payload, Where } from 'payload'

import type { AdminServerProps } from './serverProps.js'

import { hasRole } from '../roles.js'
import { SLUGS } from '../slugs.js'
import { type LegalT, legalT } from '../translations/index.js'

type Row = { collection: CollectionSlug; id: number | string; title: string; updatedAt: string }

/** The collections under review, with the field that names an item (src/workflow/subjects.ts). */
const REVIEWED: { collection: CollectionSlug; title: 'name' | 'title' }[] = [
  { collection: SLUGS.documents, title: 'title' },
  { collection: SLUGS.cookies, title: 'name' },
]

/** Documents and cookie entries whose latest draft matches `where`, most recently changed first. */
async function rows(payload: Payload, where: Where): Promise<Row[]> {
  const found = await Promise.all(
    REVIEWED.map(async ({ collection, title }) => {
      const result = await payload.find({
        collection,
        depth: 0,
        draft: true,
        limit: 20,
        overrideAccess: true,
        select: { [title]: true, updatedAt: true },
        sort: '-updatedAt',
        where,
      })
      return result.docs.map((d) => {
        // The selected fields differ per collection: read them as plain entries.
        const doc: Record<string, unknown> = Object.fromEntries(Object.entries(d))
        const name = doc[title]
        return {
          id: doc.id as number | string,
          collection,
          title: typeof name === 'string' ? name : '',
          updatedAt: String(doc.updatedAt),
        }
      })
    }),
  )
  return found
    .flat()
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 20)
}

type ListProps = {
  adminRoute: string
  empty: string
  rows: Row[]
  t: LegalT
  testId: string
  title: string
}

function List({ adminRoute, empty, rows, t, testId, title }: ListProps) {
  return (
    <section className="legal-queue__list" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length ? (
        <ul>
          {rows.map((row) => (
            <li data-collection={row.collection} key={`${row.collection}:${row.id}`}>
              {row.collection === SLUGS.cookies ? (
                <span className="legal-queue__kind">{t('legal-documents:queue-kind-cookie')}</span>
              ) : null}
              <a href={`${adminRoute}/collections/${row.collection}/${row.id}`}>
                {row.title ||
                  // Not Payload's "[Untitled]": what it is, and which one (a new draft nobody has named yet).
                  t(
                    row.collection === SLUGS.cookies
                      ? 'legal-documents:queue-untitled-cookie'
                      : 'legal-documents:queue-untitled',
                    { id: row.id },
                  )}
              </a>{' '}
              <span className="legal-queue__date">
                {t('legal-documents:queue-changed', {
                  date: new Date(row.updatedAt).toLocaleDateString(),
                })}
              </span>
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
export async function ReviewQueue({ i18n, payload, user }: AdminServerProps) {
  if (!user) {
    return null
  }
  const t = legalT(i18n)
  const adminRoute = payload.config.routes.admin
  const mine: Where = { workflowContributors: { in: [user.id] } }
  const panels: { key: string; show: boolean; where: Where }[] = [
    {
      key: 'review',
      show: hasRole(user, 'reviewer', 'admin'),
      where: { workflowState: { equals: 'in-review' } },
    },
    {
      key: 'approved',
      show: hasRole(user, 'reviewer', 'admin'),
      where: { workflowState: { equals: 'approved' } },
    },
    {
      key: 'changes',
      show: hasRole(user, 'editor', 'admin'),
      where: { and: [{ workflowState: { equals: 'changes-requested' } }, mine] },
    },
    {
      key: 'drafts',
      show: hasRole(user, 'editor', 'admin'),
      where: { and: [{ workflowState: { equals: 'draft' } }, mine] },
    },
  ]
  const shown = panels.filter((p) => p.show)
  if (!shown.length) {
    return null
  }
  const lists = await Promise.all(shown.map((p) => rows(payload, p.where)))
  const TEXTS = {
    approved: ['legal-documents:queue-approved-title', 'legal-documents:queue-approved-empty'],
    changes: ['legal-documents:queue-changes-title', 'legal-documents:queue-changes-empty'],
    drafts: ['legal-documents:queue-drafts-title', 'legal-documents:queue-drafts-empty'],
    review: ['legal-documents:queue-review-title', 'legal-documents:queue-review-empty'],
  } as const
  return (
    <div className="legal-queue">
      {shown.map((panel, i) => (
        <List
          adminRoute={adminRoute}
          empty={t(TEXTS[panel.key as keyof typeof TEXTS][1])}
          key={panel.key}
          rows={lists[i] ?? []}
          t={t}
          testId={`queue-${panel.key}`}
          title={t(TEXTS[panel.key as keyof typeof TEXTS][0])}
        />
      ))}
    </div>
  )
}

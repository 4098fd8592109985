import type { Payload, ServerProps, TypedUser } from 'payload'
import React from 'react'

import { hasRole } from '../roles.js'
import { SLUGS } from '../slugs.js'
import type { LegalT } from '../translations/index.js'

type Row = { id: string | number; title: string; updatedAt: string }

async function documents(payload: Payload, where: object): Promise<Row[]> {
  const found = await payload.find({
    collection: SLUGS.documents,
    where: where as never,
    draft: true,
    depth: 0,
    limit: 20,
    sort: '-updatedAt',
    overrideAccess: true,
    select: { title: true, updatedAt: true },
  })
  return (found.docs as unknown as Array<{ id: string | number; title?: string; updatedAt?: string }>).map((d) => ({ id: d.id, title: String(d.title ?? ''), updatedAt: String(d.updatedAt) }))
}

type ListProps = { title: string; rows: Row[]; empty: string; adminRoute: string; testId: string; t: LegalT }

function List({ title, rows, empty, adminRoute, testId, t }: ListProps) {
  return (
    <section className="legal-queue__list" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length ? (
        <ul>
          {rows.map((row) => (
            <li key={String(row.id)}>
              <a href={`${adminRoute}/collections/${SLUGS.documents}/${row.id}`}>{row.title || t('legal-documents:queue-untitled')}</a>{' '}
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
 * The dashboard's first panel: what is waiting for the signed-in person. Reviewers see the
 * documents waiting for review; editors the ones a reviewer sent back to them. Payload passes
 * `beforeDashboard` server components its `i18n`, in the admin's language.
 */
export async function ReviewQueue({ i18n, payload, user }: { i18n: ServerProps['i18n']; payload: Payload; user?: TypedUser | null }) {
  if (!user) return null
  // Payload types `t` with its own keys; the plugin's are merged into the same translations.
  const t = i18n.t as unknown as LegalT
  const adminRoute = payload.config.routes.admin
  const panels: React.ReactElement[] = []
  if (hasRole(user as never, 'reviewer', 'admin')) {
    const rows = await documents(payload, { workflowState: { equals: 'in-review' } })
    panels.push(
      <List
        key="review"
        title={t('legal-documents:queue-review-title')}
        rows={rows}
        empty={t('legal-documents:queue-review-empty')}
        adminRoute={adminRoute}
        testId="queue-review"
        t={t}
      />,
    )
  }
  if (hasRole(user as never, 'editor', 'admin')) {
    const rows = await documents(payload, { and: [{ workflowState: { equals: 'changes-requested' } }, { workflowContributors: { in: [user.id] } }] })
    panels.push(
      <List
        key="changes"
        title={t('legal-documents:queue-changes-title')}
        rows={rows}
        empty={t('legal-documents:queue-changes-empty')}
        adminRoute={adminRoute}
        testId="queue-changes"
        t={t}
      />,
    )
  }
  if (!panels.length) return null
  return <div className="legal-queue">{panels}</div>
}

import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { hasRole } from '../roles.js'
import { SLUGS } from '../slugs.js'

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

function List({ title, rows, empty, adminRoute, testId }: { title: string; rows: Row[]; empty: string; adminRoute: string; testId: string }) {
  return (
    <section className="legal-queue__list" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length ? (
        <ul>
          {rows.map((row) => (
            <li key={String(row.id)}>
              <a href={`${adminRoute}/collections/${SLUGS.documents}/${row.id}`}>{row.title || 'Untitled'}</a>{' '}
              <span className="legal-queue__date">changed {new Date(row.updatedAt).toLocaleDateString()}</span>
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
 * documents waiting for review; editors the ones a reviewer sent back to them.
 */
export async function ReviewQueue({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!user) return null
  const adminRoute = payload.config.routes.admin
  const panels: React.ReactElement[] = []
  if (hasRole(user as never, 'reviewer', 'admin')) {
    const rows = await documents(payload, { workflowState: { equals: 'in-review' } })
    panels.push(<List key="review" title="Waiting for my review" rows={rows} empty="Nothing is waiting for review." adminRoute={adminRoute} testId="queue-review" />)
  }
  if (hasRole(user as never, 'editor', 'admin')) {
    const rows = await documents(payload, { and: [{ workflowState: { equals: 'changes-requested' } }, { workflowContributors: { in: [user.id] } }] })
    panels.push(<List key="changes" title="Changes requested on my drafts" rows={rows} empty="No changes requested." adminRoute={adminRoute} testId="queue-changes" />)
  }
  if (!panels.length) return null
  return <div className="legal-queue">{panels}</div>
}

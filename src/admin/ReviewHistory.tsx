'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { useApiBase } from './useWorkflowStatus.js'

type Step = { id: string | number; action: string; at: string; comment?: string | null; version?: number | null; by?: { name?: string | null; email?: string } | number | null }

const STEP_LABELS: Record<string, string> = {
  submitted: 'Submitted for review',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  'approval-voided': 'Approval withdrawn by a change',
  published: 'Published',
  scheduled: 'Publish scheduled',
}

const who = (by: Step['by']) => (by && typeof by === 'object' ? by.name || by.email || 'Unknown' : by ? `User ${by}` : 'System')

/** Who did what and when, newest first: the document's review history, read-only. */
export function ReviewHistory(): React.ReactElement | null {
  const { id, lastUpdateTime } = useDocumentInfo()
  const api = useApiBase()
  const [steps, setSteps] = useState<Step[] | null>(null)

  useEffect(() => {
    if (id === undefined || id === null) return
    const query = `where[document][equals]=${encodeURIComponent(String(id))}&sort=-at&depth=1&limit=200`
    fetch(`${api}/legal-review-events?${query}`, { credentials: 'include', cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((body: { docs: Step[] }) => setSteps(body.docs))
      .catch(() => setSteps([]))
  }, [api, id, lastUpdateTime])

  if (id === undefined || id === null) return null
  return (
    <section className="legal-history" data-testid="review-history" aria-labelledby="legal-history-title">
      <h3 id="legal-history-title">Review history</h3>
      {!steps ? (
        <p className="legal-preview__note">Loading…</p>
      ) : steps.length === 0 ? (
        <p className="legal-preview__note">No review steps yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Step</th>
              <th scope="col">By</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={String(step.id)} data-action={step.action}>
                <td>{new Date(step.at).toLocaleString()}</td>
                <td>
                  {STEP_LABELS[step.action] ?? step.action}
                  {step.version ? ` (version ${step.version})` : ''}
                </td>
                <td>{who(step.by)}</td>
                <td>{step.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

'use client'
import { Button, Pill, toast, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { WorkflowAction } from '../workflow/rules.js'
import { useApiBase, useWorkflowStatus } from './useWorkflowStatus.js'

const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  'request-changes': 'Request changes',
}

const HINTS: Record<string, string> = {
  draft: 'Being written. Submit it for review when it is ready.',
  'in-review': 'Waiting for a reviewer.',
  'changes-requested': 'A reviewer asked for changes: see the review history below.',
  approved: 'Approved. A reviewer can publish it now or schedule it.',
  published: 'Live. Any change starts a new draft.',
}

/**
 * The review status of a legal document and the steps the signed-in user may take, above the
 * document's buttons. Only the steps the server would accept are shown.
 */
export function WorkflowBar(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const api = useApiBase()
  const { status, error } = useWorkflowStatus()
  const [asking, setAsking] = useState(false)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)

  if (id === undefined || id === null) return null
  if (error) return <div className="legal-workflow-bar" role="status">{error}</div>
  if (!status) return <div className="legal-workflow-bar" aria-busy="true" />

  const run = async (action: WorkflowAction, withComment?: string) => {
    setBusy(true)
    try {
      const res = await fetch(`${api}/legal-documents/${id}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, comment: withComment }),
      })
      const body = await res.json()
      if (!res.ok) {
        toast.error(body?.errors?.[0]?.message ?? 'That did not work.')
        return
      }
      toast.success(`${ACTION_LABELS[action]}: done.`)
      // The whole form shows the new state (status, history, read-only fields) after a reload.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  const stateClass = status.label === 'Scheduled' ? 'scheduled' : status.workflowState
  return (
    <div className="legal-workflow-bar" data-testid="workflow-bar">
      <Pill className={`legal-status legal-status--${stateClass}`} size="small">
        <span data-testid="workflow-status">{status.label}</span>
      </Pill>
      <span className="legal-workflow-bar__hint">
        {status.scheduledFor
          ? `Will be published on ${new Date(status.scheduledFor).toLocaleString()}.`
          : HINTS[status.workflowState]}
        {status.version > 0 ? ` Version ${status.version}.` : ''}
      </span>
      {status.actions.map((action) =>
        action === 'request-changes' ? (
          <Button key={action} buttonStyle="secondary" size="small" disabled={busy} onClick={() => setAsking(true)} id="legal-request-changes">
            {ACTION_LABELS[action]}
          </Button>
        ) : (
          <Button key={action} buttonStyle="primary" size="small" disabled={busy} onClick={() => run(action)} id={`legal-${action}`}>
            {ACTION_LABELS[action]}
          </Button>
        ),
      )}
      {asking ? (
        // Not a <form>: the bar sits inside the document's form, and forms cannot nest.
        <div className="legal-workflow-bar__comment" role="group" aria-labelledby="legal-change-comment-label">
          <label htmlFor="legal-change-comment" id="legal-change-comment-label">
            What should change?
          </label>
          <textarea id="legal-change-comment" required value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
          <Button
            buttonStyle="primary"
            size="small"
            disabled={busy || !comment.trim()}
            onClick={() => void run('request-changes', comment.trim())}
            id="legal-send-request"
          >
            Send request
          </Button>
          <Button buttonStyle="secondary" size="small" onClick={() => setAsking(false)}>
            Cancel
          </Button>
        </div>
      ) : null}
    </div>
  )
}

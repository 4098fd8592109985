'use client'
import type React from 'react'

import { Button, Pill, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'
import type { ReviewState, WorkflowAction } from '../workflow/rules.js'

import { STATE_KEYS } from '../translations/keys.js'
import { localeName, problemText } from '../workflow/submissionText.js'
import { useApiBase, useWorkflowStatus } from './useWorkflowStatus.js'

const ACTION_LABELS: Record<WorkflowAction, LegalTranslationKey> = {
  approve: 'legal-documents:action-approve',
  'request-changes': 'legal-documents:action-request-changes',
  submit: 'legal-documents:action-submit',
  withdraw: 'legal-documents:action-withdraw',
}

/** The steps that ask for a comment first (a reason is part of the record). */
type AskedAction = 'approve' | 'request-changes' | 'withdraw'

const QUESTIONS: Record<
  AskedAction,
  { id: string; question: LegalTranslationKey; send: LegalTranslationKey }
> = {
  approve: {
    id: 'legal-send-notice-override',
    question: 'legal-documents:notice-override-question',
    send: 'legal-documents:send-notice-override',
  },
  'request-changes': {
    id: 'legal-send-request',
    question: 'legal-documents:request-changes-question',
    send: 'legal-documents:send-request',
  },
  withdraw: {
    id: 'legal-send-withdraw',
    question: 'legal-documents:withdraw-question',
    send: 'legal-documents:send-withdraw',
  },
}

const HINTS: Record<ReviewState, LegalTranslationKey> = {
  approved: 'legal-documents:hint-approved',
  'changes-requested': 'legal-documents:hint-changes-requested',
  draft: 'legal-documents:hint-draft',
  'in-review': 'legal-documents:hint-in-review',
  published: 'legal-documents:hint-published',
}

const keyOf = <K extends string>(
  keys: Record<K, LegalTranslationKey>,
  value: string,
): LegalTranslationKey | undefined =>
  Object.prototype.hasOwnProperty.call(keys, value) ? keys[value as K] : undefined

/**
 * The review status of a legal document and the steps the signed-in user may take, above the
 * document's buttons. Only the steps the server would accept are shown.
 */
export function WorkflowBar(): null | React.ReactElement {
  // Legal documents and cookie entries share the workflow, at /api/<collection>/:id/workflow.
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n, t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const { config } = useConfig()
  const api = useApiBase()
  const { error, status } = useWorkflowStatus()
  const [asking, setAsking] = useState<AskedAction | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)

  if (id === undefined || id === null) {
    return null
  }
  if (error) {
    return (
      <div className="legal-workflow-bar" role="status">
        {error}
      </div>
    )
  }
  if (!status) {
    return <div aria-busy="true" className="legal-workflow-bar" />
  }

  const run = async (action: WorkflowAction, withComment?: string, noticeOverride?: string) => {
    setBusy(true)
    try {
      const res = await fetch(`${api}/${collectionSlug}/${id}/workflow`, {
        body: JSON.stringify({ action, comment: withComment, noticeOverride }),
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      })
      const body = await res.json()
      if (!res.ok) {
        toast.error(body?.errors?.[0]?.message ?? t('legal-documents:workflow-failed'))
        return
      }
      toast.success(t('legal-documents:workflow-done', { action: t(ACTION_LABELS[action]) }))
      // The whole form shows the new state (status, history, read-only fields) after a reload.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  const stateClass = status.label === 'Scheduled' ? 'scheduled' : status.workflowState
  // The server's label is English; the same state in the admin's language (the server's label
  // for a state this version does not know).
  const stateKey = status.scheduledFor
    ? 'legal-documents:state-scheduled'
    : keyOf(STATE_KEYS, status.workflowState)
  const hintKey =
    status.withdrawn && status.workflowState === 'draft'
      ? 'legal-documents:hint-withdrawn'
      : keyOf(HINTS, status.workflowState)
  const problems = (status.submitProblems ?? []).map((p) =>
    problemText(p, t, (code) => localeName(config.localization, code, i18n.language)),
  )
  return (
    <div className="legal-workflow-bar" data-testid="workflow-bar">
      <Pill className={`legal-status legal-status--${stateClass}`} size="small">
        <span data-testid="workflow-status">{stateKey ? t(stateKey) : status.label}</span>
      </Pill>
      <span className="legal-workflow-bar__hint">
        {status.scheduledFor
          ? t('legal-documents:workflow-scheduled-for', {
              date: new Date(status.scheduledFor).toLocaleString(),
            })
          : hintKey
            ? t(hintKey)
            : ''}
        {status.version > 0
          ? ` ${t('legal-documents:workflow-version', { version: status.version })}`
          : ''}
      </span>
      {status.changeRequest ? (
        // The latest request, up where the editor and the reviewer look first (the history has them all).
        <div className="legal-workflow-bar__request" data-testid="change-request" role="note">
          <span>
            {t(
              status.workflowState === 'in-review'
                ? 'legal-documents:change-request-rereview'
                : 'legal-documents:change-request-by',
              {
                date: new Date(status.changeRequest.at).toLocaleString(i18n.language),
                who: status.changeRequest.by ?? t('legal-documents:who-unknown'),
              },
            )}
          </span>
          {status.changeRequest.comment ? (
            <blockquote data-testid="change-request-comment">
              {status.changeRequest.comment}
            </blockquote>
          ) : null}
        </div>
      ) : null}
      {status.noticeProblem && status.actions.includes('approve') ? (
        <p className="legal-workflow-bar__notice" data-testid="notice-problem" role="note">
          {status.noticeProblem}
        </p>
      ) : null}
      {status.actions.map((action) =>
        action === 'request-changes' ||
        action === 'withdraw' ||
        (action === 'approve' && status.noticeProblem) ? (
          <Button
            buttonStyle="secondary"
            disabled={busy}
            id={`legal-${action}`}
            key={action}
            onClick={() => {
              setComment('')
              setAsking(action)
            }}
            size="small"
          >
            {t(ACTION_LABELS[action])}
          </Button>
        ) : (
          <Button
            buttonStyle="primary"
            disabled={busy}
            id={`legal-${action}`}
            key={action}
            onClick={() => run(action)}
            size="small"
          >
            {t(ACTION_LABELS[action])}
          </Button>
        ),
      )}
      {problems.length ? (
        // A disabled button that says why: the server refuses this submit for the same reasons.
        <div className="legal-workflow-bar__blocked" data-testid="submit-blocked">
          <span title={problems.join('\n')}>
            <Button
              aria-describedby="legal-submit-problems"
              buttonStyle="primary"
              disabled
              id="legal-submit"
              size="small"
              tooltip={problems.join(' ')}
            >
              {t(ACTION_LABELS.submit)}
            </Button>
          </span>
          <div className="legal-workflow-bar__problems" id="legal-submit-problems">
            <span>{t('legal-documents:submit-blocked')}</span>
            <ul>
              {problems.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {asking ? (
        // Not a <form>: the bar sits inside the document's form, and forms cannot nest.
        <div
          aria-labelledby="legal-change-comment-label"
          className="legal-workflow-bar__comment"
          role="group"
        >
          <label htmlFor="legal-change-comment" id="legal-change-comment-label">
            {t(QUESTIONS[asking].question)}
          </label>
          <textarea
            aria-labelledby="legal-change-comment-label"
            id="legal-change-comment"
            onChange={(e) => setComment(e.target.value)}
            required
            rows={3}
            value={comment}
          />
          <Button
            buttonStyle="primary"
            disabled={busy || !comment.trim()}
            id={QUESTIONS[asking].id}
            // Approving with an override: the reason goes to the review history, not as a comment.
            onClick={() =>
              void (asking === 'approve'
                ? run('approve', undefined, comment.trim())
                : run(asking, comment.trim()))
            }
            size="small"
          >
            {t(QUESTIONS[asking].send)}
          </Button>
          <Button buttonStyle="secondary" onClick={() => setAsking(null)} size="small">
            {t('legal-documents:cancel')}
          </Button>
        </div>
      ) : null}
    </div>
  )
}

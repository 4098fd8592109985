'use client'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'
import type { WorkflowAction } from '../workflow/rules.js'
import type { SubmissionProblem } from '../workflow/submission.js'

import { useOnSectionSaved } from './sectionEvents.js'

export type WorkflowStatus = {
  actions: WorkflowAction[]
  canPublish: boolean
  /**
   * The reviewer's open change request, while the editor works on it and while it is re-reviewed
   * (src/workflow/lastReviewed.ts). `canCompare`: the preview can compare with what was reviewed.
   */
  changeRequest?: {
    at: string
    by: null | string
    canCompare: boolean
    comment: null | string
  } | null
  id: number | string
  label: string
  lastModified: null | string
  /** Whether readers see a published version now. */
  live?: boolean
  /** Why this significant change would take effect too soon (Approve then asks for an override reason). */
  noticeProblem?: null | string
  publishBlockedReason: null | string
  scheduledFor: null | string
  /** Why Submit is disabled (what the draft still lacks); empty when it is not. */
  submitProblems: SubmissionProblem[]
  version: number
  /** Published once and withdrawn since: readers no longer see it. */
  withdrawn?: boolean
  workflowState: string
}

/** The plugin's REST base, e.g. "/api" (or the configured server URL + api route). */
export function useApiBase(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.api}`
}

/**
 * The signed-in user's view of the open document's workflow, from the server (the same rules
 * the write paths enforce). Fetched again after every save of the document or of a section.
 */
export function useWorkflowStatus(): {
  error: null | string
  reload: () => void
  status: null | WorkflowStatus
} {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const api = useApiBase()
  const [status, setStatus] = useState<null | WorkflowStatus>(null)
  const [error, setError] = useState<null | string>(null)
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((t) => t + 1), [])
  // A section saved in its drawer changes this document's state without saving its form.
  useOnSectionSaved(reload)

  useEffect(() => {
    if (id === undefined || id === null) {
      return
    }
    let cancelled = false
    // Legal documents and cookie entries share the workflow (src/workflow/subjects.ts).
    fetch(`${api}/${collectionSlug}/${id}/workflow`, { cache: 'no-store', credentials: 'include' })
      .then(async (res) => {
        const body = await res.json()
        if (cancelled) {
          return
        }
        if (!res.ok) {
          setError(body?.errors?.[0]?.message ?? t('legal-documents:workflow-status-failed'))
        } else {
          setStatus(body as WorkflowStatus)
          setError(null)
        }
      })
      .catch(() => !cancelled && setError(t('legal-documents:workflow-status-failed')))
    return () => {
      cancelled = true
    }
    // `t` changes only with the admin's language.
  }, [api, collectionSlug, id, lastUpdateTime, tick, t])

  return { error, reload, status }
}

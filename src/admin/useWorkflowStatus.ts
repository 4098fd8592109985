'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { WorkflowAction } from '../workflow/rules.js'

export type WorkflowStatus = {
  id: string | number
  workflowState: string
  label: string
  scheduledFor: string | null
  version: number
  lastModified: string | null
  actions: WorkflowAction[]
  canPublish: boolean
  publishBlockedReason: string | null
}

/** The plugin's REST base, e.g. "/api" (or the configured server URL + api route). */
export function useApiBase(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.api}`
}

/**
 * The signed-in user's view of the open document's workflow, from the server (the same rules
 * the write paths enforce). Fetched again after every save of the document.
 */
export function useWorkflowStatus(): { status: WorkflowStatus | null; error: string | null; reload: () => void } {
  const { id, lastUpdateTime } = useDocumentInfo()
  const api = useApiBase()
  const [status, setStatus] = useState<WorkflowStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((t) => t + 1), [])

  useEffect(() => {
    if (id === undefined || id === null) return
    let cancelled = false
    fetch(`${api}/legal-documents/${id}/workflow`, { credentials: 'include', cache: 'no-store' })
      .then(async (res) => {
        const body = await res.json()
        if (cancelled) return
        if (!res.ok) setError(body?.errors?.[0]?.message ?? 'The review status could not be loaded.')
        else {
          setStatus(body as WorkflowStatus)
          setError(null)
        }
      })
      .catch(() => !cancelled && setError('The review status could not be loaded.'))
    return () => {
      cancelled = true
    }
  }, [api, id, lastUpdateTime, tick])

  return { status, error, reload }
}

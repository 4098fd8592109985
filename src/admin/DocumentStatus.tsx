'use client'
import type React from 'react'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'

import { announceSectionSaved } from './sectionEvents.js'
import { useWorkflowStatus } from './useWorkflowStatus.js'

/**
 * Replaces Payload's "Status: Published / Changed — Revert to published" on a legal document.
 * That line reads Payload's own version counters (which every autosave changes, and which a
 * section saved in a drawer does not), and its "Revert to published" is a publish the workflow
 * refuses. This one says what readers see, from the server, and refreshes after a section save.
 */
export function LegalDocumentStatus(): null | React.ReactElement {
  const { id } = useDocumentInfo()
  const { status } = useWorkflowStatus()
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  if (id === undefined || id === null || !status) {
    return null
  }
  const text = status.live
    ? status.workflowState === 'published'
      ? t('legal-documents:status-live', { version: status.version })
      : t('legal-documents:status-live-draft', { version: status.version })
    : status.withdrawn
      ? t('legal-documents:status-withdrawn')
      : t('legal-documents:status-not-published')
  return (
    <div className="status legal-reader-status" data-testid="reader-status" title={text}>
      <span className="status__value">{text}</span>
    </div>
  )
}

/**
 * On a section (its page or the drawer over its document): what an editor can do here. Its
 * text is saved automatically as a draft and goes live with its document, after review; there
 * is no Save button because nothing needs saving by hand. Each save is announced to the
 * document underneath, whose workflow bar and preview then refresh.
 */
export function LegalSectionStatus(): React.ReactElement {
  const { lastUpdateTime } = useDocumentInfo()
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const seen = useRef(lastUpdateTime)
  useEffect(() => {
    if (lastUpdateTime && lastUpdateTime !== seen.current) {
      announceSectionSaved()
    }
    seen.current = lastUpdateTime
  }, [lastUpdateTime])
  return (
    <div className="legal-section-note" data-testid="section-note">
      {t('legal-documents:section-drawer-note')}
    </div>
  )
}

/**
 * Payload's "Unpublish" would only save a draft while the page stays live (and the server now
 * refuses it). A legal document is withdrawn through the workflow instead: the bar's
 * "Withdraw", for reviewers and admins, with a reason on the record.
 */
export function NoUnpublishButton(): null {
  return null
}

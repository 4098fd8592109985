'use client'
import type { PublishButtonClientProps } from 'payload'
import type React from 'react'

import { Button, PublishButton, useDocumentInfo, useTranslation } from '@payloadcms/ui'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'

import { useWorkflowStatus } from './useWorkflowStatus.js'

const useLegalTranslation = () => useTranslation<LegalTranslations, LegalTranslationKey>().t

function Blocked({ reason }: { reason: string }): React.ReactElement {
  const t = useLegalTranslation()
  return (
    // The reason is the wrapper's title: a disabled button gets no hover, so the wrapper takes it (styles.css).
    // It takes keyboard focus too, so keyboard and screen-reader users reach the reason.
    <span
      aria-label={reason}
      className="legal-publish-blocked"
      data-testid="publish-blocked"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      title={reason}
    >
      <Button buttonStyle="primary" disabled size="medium" tooltip={reason}>
        {t('legal-documents:publish')}
      </Button>
    </span>
  )
}

/**
 * Payload's Publish button (with its Schedule option) only when the workflow allows the
 * signed-in user to publish this document now; otherwise a disabled button that says why.
 */
export function LegalDocumentPublishButton(props: PublishButtonClientProps): React.ReactElement {
  const { id } = useDocumentInfo()
  const { status } = useWorkflowStatus()
  const t = useLegalTranslation()
  if (id === undefined || id === null) {
    return <Blocked reason={t('legal-documents:blocked-unsaved')} />
  }
  if (!status) {
    return <Blocked reason={t('legal-documents:blocked-checking')} />
  }
  // The reason comes from the server's workflow rules, as the API refuses a publish.
  if (!status.canPublish) {
    return (
      <Blocked reason={status.publishBlockedReason ?? t('legal-documents:blocked-not-available')} />
    )
  }
  // Marks the page, so "Publish in <language>" is hidden (styles.css): the document is published whole.
  return (
    <span data-legal-publish="" style={{ display: 'contents' }}>
      <PublishButton {...props} />
    </span>
  )
}

/** Sections go live with their document, after its review: never on their own. */
export function LegalSectionPublishButton(): React.ReactElement {
  const t = useLegalTranslation()
  return <Blocked reason={t('legal-documents:blocked-section')} />
}

/**
 * Cookie entries go through the same review as documents: Publish only for a reviewer or admin
 * on an approved entry, otherwise disabled with the server's reason.
 */
export const CookieEntryPublishButton = LegalDocumentPublishButton

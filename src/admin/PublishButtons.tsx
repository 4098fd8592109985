'use client'
import { Button, PublishButton, useAuth, useDocumentInfo } from '@payloadcms/ui'
import type { PublishButtonClientProps } from 'payload'
import React from 'react'

import { hasRole } from '../roles.js'
import { useWorkflowStatus } from './useWorkflowStatus.js'

function Blocked({ reason }: { reason: string }): React.ReactElement {
  return (
    <span title={reason} data-testid="publish-blocked">
      <Button buttonStyle="primary" size="medium" disabled tooltip={reason}>
        Publish
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
  if (id === undefined || id === null) return <Blocked reason="Save the document and have it reviewed first." />
  if (!status) return <Blocked reason="Checking the review status…" />
  if (!status.canPublish) return <Blocked reason={status.publishBlockedReason ?? 'Not available.'} />
  return <PublishButton {...props} />
}

/** Sections go live with their document, after its review: never on their own. */
export function LegalSectionPublishButton(): React.ReactElement {
  return <Blocked reason="Sections are published with their document, after it has been approved." />
}

/** Cookie entries are published by reviewers and admins. */
export function CookieEntryPublishButton(props: PublishButtonClientProps): React.ReactElement {
  const { user } = useAuth()
  if (!hasRole(user as never, 'admin', 'reviewer')) return <Blocked reason="A reviewer publishes cookie entries after checking them." />
  return <PublishButton {...props} />
}

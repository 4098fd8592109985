'use client'
import type { RelationshipFieldClientProps } from 'payload'
import type React from 'react'

import { RelationshipField, useTranslation } from '@payloadcms/ui'
import { useCallback, useRef } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'

import { useWorkflowStatus } from './useWorkflowStatus.js'

const CHIP = '.rs__multi-value'
const REMOVE = '.multi-value-remove'
const NAME = '.relationship--multi-value-label__text'
const OPEN = '.relationship--multi-value-label__drawer-toggler'

/**
 * The document's sections, as Payload's relationship field (drag to reorder, "Add new", the
 * drawer), with two changes for people who are not used to it:
 * - clicking a section's name opens it in the drawer, like its pencil does;
 * - the × asks first, and says what removing the section does to the review: the removal is
 *   saved at once (autosave), and it takes a document in review or approved back to Draft.
 */
export function LegalSectionsField(props: RelationshipFieldClientProps): React.ReactElement {
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const { status } = useWorkflowStatus()
  const confirmed = useRef(false)
  const pressedAt = useRef<{ x: number; y: number } | null>(null)

  const headingOf = (chip: Element | null) =>
    chip?.querySelector(NAME)?.textContent?.trim() || t('legal-documents:section-untitled')

  const onClickCapture = useCallback(
    (event: React.MouseEvent<HTMLDivElement>) => {
      const target = event.target as Element
      const remove = target.closest(REMOVE)
      if (remove) {
        if (confirmed.current) {
          confirmed.current = false
          return
        }
        event.preventDefault()
        event.stopPropagation()
        const heading = headingOf(remove.closest(CHIP))
        const inReview =
          status?.workflowState === 'in-review' || status?.workflowState === 'approved'
        const question = t(
          inReview
            ? 'legal-documents:section-remove-confirm-review'
            : 'legal-documents:section-remove-confirm',
          { heading },
        )
        if (window.confirm(question)) {
          confirmed.current = true
          ;(remove as HTMLElement).click()
        }
        return
      }
      const name = target.closest(NAME)
      const from = pressedAt.current
      const dragged =
        from !== null && Math.hypot(event.clientX - from.x, event.clientY - from.y) > 4
      if (name && !dragged) {
        const open = name.closest(CHIP)?.querySelector<HTMLElement>(OPEN)
        if (open) {
          event.preventDefault()
          event.stopPropagation()
          open.click()
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [status?.workflowState, t],
  )

  // Where the mouse went down: a drag to reorder ends in a click on the name, which must not open it.
  const onMouseDownCapture = useCallback((event: React.MouseEvent<HTMLDivElement>) => {
    pressedAt.current = { x: event.clientX, y: event.clientY }
  }, [])

  return (
    <div
      className="legal-sections-field"
      data-testid="sections-field"
      onClickCapture={onClickCapture}
      onMouseDownCapture={onMouseDownCapture}
    >
      <RelationshipField {...props} />
    </div>
  )
}

'use client'
import type React from 'react'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { LegalT, LegalTranslationKey, LegalTranslations } from '../translations/index.js'

import { SLUGS } from '../slugs.js'
import { REVIEW_ACTION_KEYS } from '../translations/keys.js'
import { useApiBase } from './useWorkflowStatus.js'

type Step = {
  action: string
  at: string
  by?: { email?: string; name?: null | string } | null | number
  comment?: null | string
  id: number | string
  version?: null | number
}

const who = (by: Step['by'], t: LegalT) =>
  by && typeof by === 'object'
    ? by.name || by.email || t('legal-documents:who-unknown')
    : by
      ? t('legal-documents:who-user', { id: by })
      : t('legal-documents:who-system')

const stepLabel = (action: string, t: LegalT) =>
  Object.prototype.hasOwnProperty.call(REVIEW_ACTION_KEYS, action)
    ? t(REVIEW_ACTION_KEYS[action])
    : action

/** Who did what and when, newest first: the document's review history, read-only. */
export function ReviewHistory(): null | React.ReactElement {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const api = useApiBase()
  const [steps, setSteps] = useState<null | Step[]>(null)

  useEffect(() => {
    if (id === undefined || id === null) {
      return
    }
    // A cookie entry's steps point at it through `cookieEntry`, a document's through `document`.
    const on = collectionSlug === SLUGS.cookies ? 'cookieEntry' : 'document'
    const query = `where[${on}][equals]=${encodeURIComponent(String(id))}&sort=-at&depth=1&limit=200&select[reviewedContent]=false`
    // Without the content a change request keeps for the re-review (src/workflow/lastReviewed.ts): a whole document each.
    fetch(`${api}/legal-review-events?${query}`, { cache: 'no-store', credentials: 'include' })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((body: { docs: Step[] }) => setSteps(body.docs))
      .catch(() => setSteps([]))
  }, [api, collectionSlug, id, lastUpdateTime])

  if (id === undefined || id === null) {
    return null
  }
  return (
    <section
      aria-labelledby="legal-history-title"
      className="legal-history"
      data-testid="review-history"
    >
      <h3 id="legal-history-title">{t('legal-documents:field-review-history')}</h3>
      {!steps ? (
        <p className="legal-preview__note">{t('legal-documents:loading')}</p>
      ) : steps.length === 0 ? (
        <p className="legal-preview__note">{t('legal-documents:history-empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('legal-documents:history-when')}</th>
              <th scope="col">{t('legal-documents:history-step')}</th>
              <th scope="col">{t('legal-documents:history-by')}</th>
              <th scope="col">{t('legal-documents:history-comment')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr data-action={step.action} key={String(step.id)}>
                <td>{new Date(step.at).toLocaleString()}</td>
                <td>
                  {stepLabel(step.action, t)}
                  {step.version
                    ? ` ${t('legal-documents:history-version', { version: step.version })}`
                    : ''}
                </td>
                <td>{who(step.by, t)}</td>
                <td>{step.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

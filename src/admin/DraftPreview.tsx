'use client'
import type React from 'react'

import { Button, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'

import { useOnSectionSaved } from './sectionEvents.js'
import { useApiBase, useWorkflowStatus } from './useWorkflowStatus.js'

type SectionChange = { anchor: string; heading: string; html: string; status: string }

type Preview = {
  against: Against
  comparedWith: null | number
  html: string
  redline: {
    html: string
    summary: { added: number; changed: number; moved: number; removed: number }
  }
  request: { at: string; by: null | string } | null
  review: { changed: SectionChange[]; unchanged: SectionChange[] }
  title: string
}

/** What the redline compares the draft with (the endpoint's `against`). */
type Against = 'last-request' | 'published'
type Mode = 'page' | Against

/** One section of the redline; its HTML is the server's (escaped text with ins/del only). */
function RedlineSection({ section }: { section: SectionChange }): React.ReactElement {
  return (
    <section
      className={`redline-${section.status}`}
      dangerouslySetInnerHTML={{ __html: section.html }}
      id={`redline-${section.anchor}`}
    />
  )
}

/**
 * The page as readers will see it once this draft is published, or the changes marked up
 * (inserted words underlined, deleted ones struck through): since the last published version,
 * or, while a change request is open, since the draft the reviewer reviewed when making it.
 * Changed sections come first; unchanged ones are folded away. The HTML comes from the
 * server's renderer, which escapes it.
 */
export function DraftPreview(): React.ReactElement {
  const { id, lastUpdateTime } = useDocumentInfo()
  const locale = useLocale()
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const api = useApiBase()
  const [preview, setPreview] = useState<null | Preview>(null)
  const { status } = useWorkflowStatus()
  const [mode, setMode] = useState<Mode>('published')
  const [error, setError] = useState<null | string>(null)
  const [loadedAt, setLoadedAt] = useState(0)
  // A section saved in its drawer changes the page: an open preview shows the new text.
  useOnSectionSaved(() => {
    if (preview) {
      void load(mode)
    }
  })

  if (id === undefined || id === null) {
    return <p className="legal-preview__note">{t('legal-documents:preview-unsaved')}</p>
  }

  const load = async (next: Mode) => {
    setMode(next)
    setError(null)
    const against = next === 'last-request' ? 'last-request' : 'published'
    const query = `locale=${encodeURIComponent(locale?.code ?? 'en')}&against=${against}`
    const res = await fetch(`${api}/legal-documents/${id}/preview?${query}`, {
      cache: 'no-store',
      credentials: 'include',
    })
    const body = await res.json()
    if (!res.ok) {
      return setError(body?.errors?.[0]?.message ?? t('legal-documents:preview-failed'))
    }
    setPreview(body as Preview)
    setLoadedAt(lastUpdateTime)
  }

  const stale = preview && loadedAt !== lastUpdateTime
  /** Shows the preview in `next` mode; the button of the mode on show is the primary one. */
  const modeButton = (next: Mode, id: string, label: string) => (
    <Button
      buttonStyle={mode === next && preview ? 'primary' : 'secondary'}
      id={id}
      onClick={() => load(next)}
      size="small"
    >
      {label}
    </Button>
  )
  return (
    <div className="legal-preview" data-testid="draft-preview">
      <h3>{t('legal-documents:field-preview')}</h3>
      <div className="legal-preview__controls">
        {modeButton(
          'published',
          'legal-preview-changes',
          t('legal-documents:preview-show-changes'),
        )}
        {status?.changeRequest?.canCompare
          ? modeButton(
              'last-request',
              'legal-preview-since-request',
              t('legal-documents:preview-show-since-request'),
            )
          : null}
        {modeButton('page', 'legal-preview-page', t('legal-documents:preview-show-page'))}
        {stale ? (
          <span className="legal-preview__note">{t('legal-documents:preview-stale')}</span>
        ) : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {preview ? (
        <>
          <p className="legal-preview__note" data-testid="preview-note">
            {mode === 'last-request' && preview.request
              ? t('legal-documents:preview-since-request', {
                  added: preview.redline.summary.added,
                  changed: preview.redline.summary.changed,
                  date: new Date(preview.request.at).toLocaleString(),
                  moved: preview.redline.summary.moved,
                  removed: preview.redline.summary.removed,
                  who: preview.request.by ?? t('legal-documents:who-unknown'),
                })
              : mode !== 'page'
                ? preview.comparedWith
                  ? t('legal-documents:preview-compared', {
                      added: preview.redline.summary.added,
                      changed: preview.redline.summary.changed,
                      moved: preview.redline.summary.moved,
                      removed: preview.redline.summary.removed,
                      version: preview.comparedWith,
                    })
                  : t('legal-documents:preview-all-new')
                : t('legal-documents:preview-page-note')}
          </p>
          {mode === 'page' ? (
            <article
              className="legal-preview__page legal-preview__page--page"
              // Rendered and sanitised by the server (sanitize-html); never raw input.
              dangerouslySetInnerHTML={{
                __html: `<h1>${escape(preview.title)}</h1>${preview.html}`,
              }}
              data-testid="preview-page"
            />
          ) : (
            <article
              className="legal-preview__page legal-preview__page--changes"
              data-against={preview.against}
              data-testid="preview-redline"
            >
              <h4>
                {t('legal-documents:preview-changed-sections', {
                  count: preview.review.changed.length,
                })}
              </h4>
              {preview.review.changed.length ? null : (
                <p className="legal-preview__note">
                  {t('legal-documents:preview-no-changed-sections')}
                </p>
              )}
              <div data-testid="preview-changed">
                {preview.review.changed.map((section, i) => (
                  <RedlineSection key={`${i}-${section.anchor}`} section={section} />
                ))}
              </div>
              {preview.review.unchanged.length ? (
                // A native <details>: opened and closed with the keyboard like any button.
                <details className="legal-preview__unchanged" data-testid="preview-unchanged">
                  <summary>
                    {t('legal-documents:preview-unchanged-sections', {
                      count: preview.review.unchanged.length,
                    })}
                  </summary>
                  {preview.review.unchanged.map((section, i) => (
                    <RedlineSection key={`${i}-${section.anchor}`} section={section} />
                  ))}
                </details>
              ) : null}
            </article>
          )}
        </>
      ) : null}
    </div>
  )
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

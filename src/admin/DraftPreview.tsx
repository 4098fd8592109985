'use client'
import { Button, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'
import { useOnSectionSaved } from './sectionEvents.js'
import { useApiBase, useWorkflowStatus } from './useWorkflowStatus.js'

type SectionChange = { anchor: string; heading: string; status: string; html: string }

type Preview = {
  title: string
  html: string
  against: Against
  comparedWith: number | null
  request: { by: string | null; at: string } | null
  redline: { html: string; summary: { added: number; removed: number; moved: number; changed: number } }
  review: { changed: SectionChange[]; unchanged: SectionChange[] }
}

/** What the redline compares the draft with (the endpoint's `against`). */
type Against = 'published' | 'last-request'
type Mode = Against | 'page'

/** One section of the redline; its HTML is the server's (escaped text with ins/del only). */
function RedlineSection({ section }: { section: SectionChange }): React.ReactElement {
  return <section className={`redline-${section.status}`} id={`redline-${section.anchor}`} dangerouslySetInnerHTML={{ __html: section.html }} />
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
  const [preview, setPreview] = useState<Preview | null>(null)
  const { status } = useWorkflowStatus()
  const [mode, setMode] = useState<Mode>('published')
  const [error, setError] = useState<string | null>(null)
  const [loadedAt, setLoadedAt] = useState(0)
  // A section saved in its drawer changes the page: an open preview shows the new text.
  useOnSectionSaved(() => {
    if (preview) void load(mode)
  })

  if (id === undefined || id === null) return <p className="legal-preview__note">{t('legal-documents:preview-unsaved')}</p>

  const load = async (next: Mode) => {
    setMode(next)
    setError(null)
    const against = next === 'last-request' ? 'last-request' : 'published'
    const query = `locale=${encodeURIComponent(locale?.code ?? 'en')}&against=${against}`
    const res = await fetch(`${api}/legal-documents/${id}/preview?${query}`, { credentials: 'include', cache: 'no-store' })
    const body = await res.json()
    if (!res.ok) return setError(body?.errors?.[0]?.message ?? t('legal-documents:preview-failed'))
    setPreview(body as Preview)
    setLoadedAt(lastUpdateTime)
  }

  const stale = preview && loadedAt !== lastUpdateTime
  return (
    <div className="legal-preview" data-testid="draft-preview">
      <h3>{t('legal-documents:field-preview')}</h3>
      <div className="legal-preview__controls">
        <Button buttonStyle={mode === 'published' && preview ? 'primary' : 'secondary'} size="small" onClick={() => load('published')} id="legal-preview-changes">
          {t('legal-documents:preview-show-changes')}
        </Button>
        {status?.changeRequest?.canCompare ? (
          <Button
            buttonStyle={mode === 'last-request' && preview ? 'primary' : 'secondary'}
            size="small"
            onClick={() => load('last-request')}
            id="legal-preview-since-request"
          >
            {t('legal-documents:preview-show-since-request')}
          </Button>
        ) : null}
        <Button buttonStyle={mode === 'page' && preview ? 'primary' : 'secondary'} size="small" onClick={() => load('page')} id="legal-preview-page">
          {t('legal-documents:preview-show-page')}
        </Button>
        {stale ? <span className="legal-preview__note">{t('legal-documents:preview-stale')}</span> : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {preview ? (
        <>
          <p className="legal-preview__note" data-testid="preview-note">
            {mode === 'last-request' && preview.request
              ? t('legal-documents:preview-since-request', {
                  who: preview.request.by ?? t('legal-documents:who-unknown'),
                  date: new Date(preview.request.at).toLocaleString(),
                  changed: preview.redline.summary.changed,
                  added: preview.redline.summary.added,
                  removed: preview.redline.summary.removed,
                  moved: preview.redline.summary.moved,
                })
              : mode !== 'page'
              ? preview.comparedWith
                ? t('legal-documents:preview-compared', {
                    version: preview.comparedWith,
                    changed: preview.redline.summary.changed,
                    added: preview.redline.summary.added,
                    removed: preview.redline.summary.removed,
                    moved: preview.redline.summary.moved,
                  })
                : t('legal-documents:preview-all-new')
              : t('legal-documents:preview-page-note')}
          </p>
          {mode === 'page' ? (
            <article
              className="legal-preview__page legal-preview__page--page"
              data-testid="preview-page"
              // Rendered and sanitised by the server (sanitize-html); never raw input.
              dangerouslySetInnerHTML={{ __html: `<h1>${escape(preview.title)}</h1>${preview.html}` }}
            />
          ) : (
            <article className="legal-preview__page legal-preview__page--changes" data-testid="preview-redline" data-against={preview.against}>
              <h4>{t('legal-documents:preview-changed-sections', { count: preview.review.changed.length })}</h4>
              {preview.review.changed.length ? null : <p className="legal-preview__note">{t('legal-documents:preview-no-changed-sections')}</p>}
              <div data-testid="preview-changed">
                {preview.review.changed.map((section, i) => (
                  <RedlineSection key={`${i}-${section.anchor}`} section={section} />
                ))}
              </div>
              {preview.review.unchanged.length ? (
                // A native <details>: opened and closed with the keyboard like any button.
                <details className="legal-preview__unchanged" data-testid="preview-unchanged">
                  <summary>{t('legal-documents:preview-unchanged-sections', { count: preview.review.unchanged.length })}</summary>
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

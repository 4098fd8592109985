'use client'
import { Button, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'
import { useOnSectionSaved } from './sectionEvents.js'
import { useApiBase } from './useWorkflowStatus.js'

type Preview = {
  title: string
  html: string
  comparedWith: number | null
  redline: { html: string; summary: { added: number; removed: number; moved: number; changed: number } }
}

/**
 * The page as readers will see it once this draft is published, or the changes since the last
 * published version marked up (inserted words underlined, deleted ones struck through).
 * The HTML comes from the server's renderer, which sanitises it.
 */
export function DraftPreview(): React.ReactElement {
  const { id, lastUpdateTime } = useDocumentInfo()
  const locale = useLocale()
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const api = useApiBase()
  const [preview, setPreview] = useState<Preview | null>(null)
  const [mode, setMode] = useState<'changes' | 'page'>('changes')
  const [error, setError] = useState<string | null>(null)
  const [loadedAt, setLoadedAt] = useState(0)
  // A section saved in its drawer changes the page: an open preview shows the new text.
  useOnSectionSaved(() => {
    if (preview) void load(mode)
  })

  if (id === undefined || id === null) return <p className="legal-preview__note">{t('legal-documents:preview-unsaved')}</p>

  const load = async (next: 'changes' | 'page') => {
    setMode(next)
    setError(null)
    const res = await fetch(`${api}/legal-documents/${id}/preview?locale=${encodeURIComponent(locale?.code ?? 'en')}`, { credentials: 'include', cache: 'no-store' })
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
        <Button buttonStyle={mode === 'changes' && preview ? 'primary' : 'secondary'} size="small" onClick={() => load('changes')} id="legal-preview-changes">
          {t('legal-documents:preview-show-changes')}
        </Button>
        <Button buttonStyle={mode === 'page' && preview ? 'primary' : 'secondary'} size="small" onClick={() => load('page')} id="legal-preview-page">
          {t('legal-documents:preview-show-page')}
        </Button>
        {stale ? <span className="legal-preview__note">{t('legal-documents:preview-stale')}</span> : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {preview ? (
        <>
          <p className="legal-preview__note">
            {mode === 'changes'
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
          <article
            className={`legal-preview__page legal-preview__page--${mode}`}
            data-testid={mode === 'changes' ? 'preview-redline' : 'preview-page'}
            // Rendered and sanitised by the server (sanitize-html); never raw input.
            dangerouslySetInnerHTML={{ __html: mode === 'changes' ? preview.redline.html : `<h1>${escape(preview.title)}</h1>${preview.html}` }}
          />
        </>
      ) : null}
    </div>
  )
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

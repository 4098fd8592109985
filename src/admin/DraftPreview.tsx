'use client'
import { Button, useDocumentInfo, useLocale } from '@payloadcms/ui'
import React, { useState } from 'react'

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
  const api = useApiBase()
  const [preview, setPreview] = useState<Preview | null>(null)
  const [mode, setMode] = useState<'changes' | 'page'>('changes')
  const [error, setError] = useState<string | null>(null)
  const [loadedAt, setLoadedAt] = useState(0)

  if (id === undefined || id === null) return <p className="legal-preview__note">Save the document to see a preview.</p>

  const load = async (next: 'changes' | 'page') => {
    setMode(next)
    setError(null)
    const res = await fetch(`${api}/legal-documents/${id}/preview?locale=${encodeURIComponent(locale?.code ?? 'en')}`, { credentials: 'include', cache: 'no-store' })
    const body = await res.json()
    if (!res.ok) return setError(body?.errors?.[0]?.message ?? 'The preview could not be made.')
    setPreview(body as Preview)
    setLoadedAt(lastUpdateTime)
  }

  const stale = preview && loadedAt !== lastUpdateTime
  return (
    <div className="legal-preview" data-testid="draft-preview">
      <h3>Preview</h3>
      <div className="legal-preview__controls">
        <Button buttonStyle={mode === 'changes' && preview ? 'primary' : 'secondary'} size="small" onClick={() => load('changes')} id="legal-preview-changes">
          Show changes since the last published version
        </Button>
        <Button buttonStyle={mode === 'page' && preview ? 'primary' : 'secondary'} size="small" onClick={() => load('page')} id="legal-preview-page">
          Preview the page
        </Button>
        {stale ? <span className="legal-preview__note">The draft changed since: click again to refresh.</span> : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {preview ? (
        <>
          <p className="legal-preview__note">
            {mode === 'changes'
              ? preview.comparedWith
                ? `Compared with published version ${preview.comparedWith}: ${preview.redline.summary.changed} changed, ${preview.redline.summary.added} added, ${preview.redline.summary.removed} removed, ${preview.redline.summary.moved} moved.`
                : 'Not published yet: everything is new.'
              : 'The page as readers will see it (current draft).'}
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

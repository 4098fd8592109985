'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'
import { useApiBase } from './useWorkflowStatus.js'

type Entry = { version: number; status: string; effectiveAt: string; materialChange: boolean }
type Archive = { inForceVersion: number | null; versions: Entry[] }

/**
 * Which published version readers are bound by now and which one comes next, as the public
 * archive answers it (the same timeline the delivery API serves), so editors see what readers see.
 */
export function VersionTimeline(): React.ReactElement | null {
  const { id, lastUpdateTime, savedDocumentData } = useDocumentInfo()
  const { t, i18n } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const api = useApiBase()
  const slug = (savedDocumentData as { slug?: string } | undefined)?.slug
  const [archive, setArchive] = useState<Archive | null | 'none' | 'withdrawn'>(null)

  useEffect(() => {
    if (!slug) return
    let cancelled = false
    fetch(`${api}/legal/documents/${encodeURIComponent(slug)}/versions`, { cache: 'no-store' })
      .then(async (res) => (res.ok ? ((await res.json()) as Archive) : res.status === 410 ? 'withdrawn' : 'none'))
      .then((answer) => !cancelled && setArchive(answer))
      .catch(() => !cancelled && setArchive('none'))
    return () => {
      cancelled = true
    }
  }, [api, slug, lastUpdateTime])

  if (id === undefined || id === null) return null
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' })
  const list = archive && typeof archive === 'object' ? archive : null
  const inForce = list?.versions.find((v) => v.status === 'in-force')
  const upcoming = list ? list.versions.filter((v) => v.status === 'upcoming').reverse() : []
  return (
    <div className="legal-timeline" data-testid="version-timeline">
      <h4>{t('legal-documents:timeline-title')}</h4>
      {archive === null ? null : archive === 'withdrawn' ? (
        <p>{t('legal-documents:timeline-withdrawn')}</p>
      ) : !inForce && !upcoming.length ? (
        <p>{t('legal-documents:timeline-none')}</p>
      ) : (
        <ul>
          {inForce ? (
            <li data-testid="timeline-in-force">
              <strong>{t('legal-documents:timeline-in-force')}</strong>{' '}
              {t('legal-documents:timeline-version-since', { version: inForce.version, date: day(inForce.effectiveAt) })}
            </li>
          ) : null}
          {upcoming.map((u) => (
            <li key={u.version} data-testid="timeline-upcoming">
              <strong>{t('legal-documents:timeline-upcoming')}</strong>{' '}
              {t('legal-documents:timeline-version-from', { version: u.version, date: day(u.effectiveAt) })}
              {u.materialChange ? ` · ${t('legal-documents:timeline-significant')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

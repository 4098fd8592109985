'use client'
import type React from 'react'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'

import { useApiBase } from './useWorkflowStatus.js'

type Entry = { effectiveAt: string; materialChange: boolean; status: string; version: number }
type Archive = { inForceVersion: null | number; versions: Entry[] }

/**
 * Which published version readers are bound by now and which one comes next, as the public
 * archive answers it (the same timeline the delivery API serves), so editors see what readers see.
 */
export function VersionTimeline(): null | React.ReactElement {
  const { id, lastUpdateTime, savedDocumentData } = useDocumentInfo()
  const { i18n, t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  const api = useApiBase()
  const slug = (savedDocumentData as { slug?: string } | undefined)?.slug
  const [archive, setArchive] = useState<'none' | 'withdrawn' | Archive | null>(null)

  useEffect(() => {
    if (!slug) {
      return
    }
    let cancelled = false
    fetch(`${api}/legal/documents/${encodeURIComponent(slug)}/versions`, { cache: 'no-store' })
      .then(async (res) =>
        res.ok ? ((await res.json()) as Archive) : res.status === 410 ? 'withdrawn' : 'none',
      )
      .then((answer) => !cancelled && setArchive(answer))
      .catch(() => !cancelled && setArchive('none'))
    return () => {
      cancelled = true
    }
  }, [api, slug, lastUpdateTime])

  if (id === undefined || id === null) {
    return null
  }
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString(i18n.language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
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
              {t('legal-documents:timeline-version-since', {
                date: day(inForce.effectiveAt),
                version: inForce.version,
              })}
            </li>
          ) : null}
          {upcoming.map((u) => (
            <li data-testid="timeline-upcoming" key={u.version}>
              <strong>{t('legal-documents:timeline-upcoming')}</strong>{' '}
              {t('legal-documents:timeline-version-from', {
                date: day(u.effectiveAt),
                version: u.version,
              })}
              {u.materialChange ? ` · ${t('legal-documents:timeline-significant')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

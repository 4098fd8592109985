'use client'
import type { DefaultCellComponentProps } from 'payload'
import type React from 'react'

import { useTranslation } from '@payloadcms/ui'

import type { LegalTranslationKey, LegalTranslations } from '../translations/index.js'

/** A checkbox in a list, as words ("Yes"/"No"), not Payload's raw `true`/`false`. */
export function YesNoCell({ cellData }: DefaultCellComponentProps): React.ReactElement {
  const { t } = useTranslation<LegalTranslations, LegalTranslationKey>()
  return <span>{t(cellData ? 'legal-documents:cell-yes' : 'legal-documents:cell-no')}</span>
}

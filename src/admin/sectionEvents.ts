'use client'
import { useEffect, useRef } from 'react'

/**
 * A section is edited in a drawer over its document: its saves (autosaves included) change the
 * document's review state and preview, but not the document form, so Payload does not refresh
 * them. The section's edit view announces each save; the document's bar, status and preview
 * listen and read the server again.
 */
const SECTION_SAVED = 'legal-documents.section-saved'

export function announceSectionSaved(): void {
  if (typeof window !== 'undefined') {
    window.dispatchEvent(new CustomEvent(SECTION_SAVED))
  }
}

export function useOnSectionSaved(callback: () => void): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const listener = () => latest.current()
    window.addEventListener(SECTION_SAVED, listener)
    return () => window.removeEventListener(SECTION_SAVED, listener)
  }, [])
}

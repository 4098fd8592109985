import type { Payload } from 'payload'

import { SLUG_PATTERN } from '../slugs.js'
import { localesOf } from '../utilities/locales.js'
import { DeliveryError } from './errors.js'

export type DeliveryFormat = 'html' | 'json' | 'md'

export function parseLocale(payload: Payload, raw: unknown): string {
  const { defaultLocale: fallback, locales: codes } = localesOf(payload)
  if (raw === undefined || raw === null || raw === '') {
    return fallback
  }
  if (typeof raw !== 'string' || !codes.includes(raw)) {
    throw new DeliveryError(`Unknown locale. Use one of: ${codes.join(', ')}.`)
  }
  return raw
}

/** A version number: a positive integer written in digits only. */
export function parseVersion(raw: unknown, name = 'version'): number | undefined {
  if (raw === undefined || raw === null || raw === '') {
    return undefined
  }
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) {
    throw new DeliveryError(`"${name}" must be a positive whole number.`)
  }
  return Number(raw)
}

export function parseFormat(raw: unknown): DeliveryFormat {
  if (raw === undefined || raw === null || raw === '' || raw === 'json') {
    return 'json'
  }
  if (raw === 'md' || raw === 'html') {
    return raw
  }
  throw new DeliveryError('"format" must be json, md or html.')
}

/** Slugs are validated at save time; anything else cannot name a document. */
export function parseSlug(raw: unknown): string {
  if (typeof raw !== 'string' || !SLUG_PATTERN.test(raw) || raw.length > 100) {
    throw new DeliveryError('Document not found.', 404)
  }
  return raw
}

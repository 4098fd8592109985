import { createHash, createHmac, randomBytes } from 'node:crypto'

import { canonicalJSON } from '../render/index.js'
import { textOf } from '../utilities/text.js'

/**
 * The acceptance ledger's hash chain (pure). Each record's `hash` is SHA-256 over the canonical
 * JSON of its chained fields and the previous record's hash, so changing, removing or
 * reordering any record breaks the link at that record or the next one.
 *
 * The subject (the host site's user id) is NOT among the chained fields: erasure replaces it
 * with a pseudonym, and the chain must still verify afterwards. What is chained instead is a
 * commitment, SHA-256 of a random per-record salt and the subject. While the salt is kept, the
 * commitment proves which subject a record is about (an edited subject no longer matches it);
 * erasure deletes the salt, after which the commitment is an unlinkable random value.
 */

/** The `previousHash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64)
/** Bumped if the chained fields ever change; part of every hash. */
export const CHAIN_FORMAT = 1

export type LedgerEvent = 'acceptance' | 'erasure'

/** Exactly what the hash covers, besides `previousHash`. */
export type ChainedFields = {
  contentHash: null | string
  document: null | string
  documentId: null | number
  erasedRecords: null | number
  event: LedgerEvent
  ip: null | string
  ipHash: null | string
  locale: null | string
  method: null | string
  /** ISO 8601 with milliseconds (as stored). */
  recordedAt: string
  recordedBy: null | string
  source: null | string
  subjectCommitment: string
  userAgent: null | string
  version: null | number
}

/**
 * What a record states about the acceptance (or erasure) itself: chained, and exported as
 * stored (src/acceptance/endpoints.ts puts them between the subject and the chain's links).
 */
export const RECORD_FACT_NAMES = [
  'document',
  'documentId',
  'version',
  'locale',
  'contentHash',
  'recordedAt',
  'method',
  'source',
  'ip',
  'ipHash',
  'userAgent',
  'recordedBy',
  'erasedRecords',
] as const satisfies readonly (keyof ChainedFields)[]

export const CHAINED_FIELD_NAMES = [
  'event',
  'subjectCommitment',
  ...RECORD_FACT_NAMES,
] as const satisfies readonly (keyof ChainedFields)[]

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** A fresh random salt (hex) for one record's subject commitment. */
export const newSalt = (): string => randomBytes(16).toString('hex')

/** SHA-256 of `salt:subject`. */
export function subjectCommitment(salt: string, subject: string): string {
  return sha256(`${salt}:${subject}`)
}

/** The pseudonym that replaces an erased subject: HMAC-SHA256 under the host's key. */
export function pseudonymOf(key: string, subject: string): string {
  return `pseudonym:${createHmac('sha256', key).update(subject, 'utf8').digest('hex')}`
}

/** A stored date (Date, ISO string or PostgreSQL text) as ISO 8601 with milliseconds. */
export function isoInstant(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value))
  return date.toISOString()
}

/** The chained fields of a row, normalised (missing → null, dates → ISO, numbers → numbers). */
export function chainedFieldsOf(row: Record<string, unknown>): ChainedFields {
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v))
  const str = (v: unknown) => (v === null || v === undefined ? null : textOf(v))
  return {
    contentHash: str(row.contentHash),
    document: str(row.document),
    documentId: num(row.documentId),
    erasedRecords: num(row.erasedRecords),
    event: String(row.event) as LedgerEvent,
    ip: str(row.ip),
    ipHash: str(row.ipHash),
    locale: str(row.locale),
    method: str(row.method),
    recordedAt: isoInstant(row.recordedAt),
    recordedBy: str(row.recordedBy),
    source: str(row.source),
    subjectCommitment: textOf(row.subjectCommitment),
    userAgent: str(row.userAgent),
    version: num(row.version),
  }
}

/** SHA-256 (hex) of the canonical JSON of the chained fields and the previous hash. */
export function recordHash(fields: ChainedFields, previousHash: string): string {
  const picked: Record<string, unknown> = { format: CHAIN_FORMAT, previousHash }
  for (const name of CHAINED_FIELD_NAMES) {
    picked[name] = fields[name]
  }
  return sha256(canonicalJSON(picked))
}

/** A stored ledger row as the verifier reads it. */
export type StoredRow = {
  hash: string
  id: number | string
  previousHash: string
  subject: string
  subjectCommitment: string
  subjectSalt: null | string
} & Record<string, unknown>

export type BrokenLink = {
  id: number | string
  message: string
  reason: 'hash' | 'previous-hash' | 'subject'
}

/**
 * Walks the chain one row at a time (in id order), so a ledger of any size is checked in
 * batches with flat memory. `push` answers the first broken link and keeps answering it.
 */
export class ChainVerifier {
  private broken: BrokenLink | null = null
  private previous = GENESIS_HASH
  count = 0

  push(row: StoredRow): BrokenLink | null {
    if (this.broken) {
      return this.broken
    }
    this.count++
    if (row.previousHash !== this.previous) {
      this.broken = {
        id: row.id,
        message: `record ${row.id} does not follow the record before it (a record before it was changed, removed or inserted)`,
        reason: 'previous-hash',
      }
      return this.broken
    }
    if (recordHash(chainedFieldsOf(row), row.previousHash) !== row.hash) {
      this.broken = {
        id: row.id,
        message: `record ${row.id} was changed after it was written (its hash does not match its fields)`,
        reason: 'hash',
      }
      return this.broken
    }
    if (
      row.subjectSalt &&
      subjectCommitment(row.subjectSalt, row.subject) !== row.subjectCommitment
    ) {
      this.broken = {
        id: row.id,
        message: `record ${row.id}'s subject was changed after it was written`,
        reason: 'subject',
      }
      return this.broken
    }
    this.previous = row.hash
    return null
  }

  get firstBroken(): BrokenLink | null {
    return this.broken
  }

  get head(): string {
    return this.previous
  }
}

/**
 * The acceptance ledger's pure parts (issue 14, points 3–5): the hash chain and its verifier,
 * the must-accept rule on the version timeline, and the body / filter validation.
 */
import { describe, expect, test } from '@jest/globals'

import * as hashChain from '../../../src/acceptance/chain'
import {
  acceptableVersion,
  acceptanceStatus,
  type ArchiveVersion,
} from '../../../src/acceptance/status'
import { parseExportFilter, validateAcceptance } from '../../../src/acceptance/validate'

const DAY = 86_400_000
const T0 = Date.parse('2027-01-01T00:00:00.000Z')

function chain(n: number): hashChain.StoredRow[] {
  const rows: hashChain.StoredRow[] = []
  let previous = hashChain.GENESIS_HASH
  for (let i = 1; i <= n; i++) {
    const salt = hashChain.newSalt()
    const subject = `user-${i}`
    const fields: hashChain.ChainedFields = {
      contentHash: 'a'.repeat(64),
      document: 'terms',
      documentId: 1,
      erasedRecords: null,
      event: 'acceptance',
      ip: null,
      ipHash: null,
      locale: 'en',
      method: 'clickwrap',
      recordedAt: new Date(T0 + i).toISOString(),
      recordedBy: 'users:1',
      source: 'web',
      subjectCommitment: hashChain.subjectCommitment(salt, subject),
      userAgent: null,
      version: i,
    }
    const hash = hashChain.recordHash(fields, previous)
    rows.push({ ...fields, id: i, hash, previousHash: previous, subject, subjectSalt: salt })
    previous = hash
  }
  return rows
}

const verify = (rows: hashChain.StoredRow[]) => {
  const v = new hashChain.ChainVerifier()
  for (const row of rows) {
    if (v.push(row)) {
      break
    }
  }
  return v
}

describe('the hash chain', () => {
  test('an untouched chain verifies, and the head is the last hash', () => {
    const rows = chain(5)
    const v = verify(rows)
    expect(v.firstBroken).toBeNull()
    expect(v.count).toBe(5)
    expect(v.head).toBe(rows[4].hash)
  })

  test('an edited field breaks the link at that record', () => {
    const rows = chain(5)
    rows[2] = { ...rows[2], version: 99 }
    expect(verify(rows).firstBroken).toMatchObject({ id: 3, reason: 'hash' })
  })

  test('an edited record whose hash was recomputed breaks the next link', () => {
    const rows = chain(5)
    const edited = { ...rows[2], source: 'forged' }
    const {
      id: _id,
      hash: _hash,
      previousHash,
      subject: _subject,
      subjectSalt: _salt,
      ...fields
    } = edited
    rows[2] = {
      ...edited,
      hash: hashChain.recordHash(fields as unknown as hashChain.ChainedFields, previousHash),
    }
    expect(verify(rows).firstBroken).toMatchObject({ id: 4, reason: 'previous-hash' })
  })

  test('a removed record breaks the link at the one after it', () => {
    const rows = chain(5)
    rows.splice(1, 1)
    expect(verify(rows).firstBroken).toMatchObject({ id: 3, reason: 'previous-hash' })
  })

  test('a changed subject no longer matches its commitment while the salt is kept', () => {
    const rows = chain(3)
    rows[1] = { ...rows[1], subject: 'someone-else' }
    expect(verify(rows).firstBroken).toMatchObject({ id: 2, reason: 'subject' })
  })

  test('pseudonymisation (subject replaced, salt dropped) keeps the chain verifiable', () => {
    const rows = chain(3)
    rows[1] = {
      ...rows[1],
      subject: hashChain.pseudonymOf('key', rows[1].subject),
      subjectSalt: null,
    }
    expect(verify(rows).firstBroken).toBeNull()
  })

  test('the pseudonym is keyed and stable', () => {
    expect(hashChain.pseudonymOf('k', '42')).toBe(hashChain.pseudonymOf('k', '42'))
    expect(hashChain.pseudonymOf('k', '42')).not.toBe(hashChain.pseudonymOf('other', '42'))
    expect(hashChain.pseudonymOf('k', '42')).toMatch(/^pseudonym:[0-9a-f]{64}$/)
  })
})

const v = (
  version: number,
  effectiveDays: number,
  extra: Partial<ArchiveVersion> = {},
): ArchiveVersion => ({
  changeSummary: `v${version}`,
  contentHash: String(version).repeat(64).slice(0, 64),
  effectiveDate: new Date(T0 + effectiveDays * DAY).toISOString(),
  materialChange: false,
  publishedAt: new Date(T0 + (version - 1) * DAY).toISOString(),
  version,
  ...extra,
})

describe('the must-accept rule', () => {
  const versions = [v(1, 0), v(2, 30, { materialChange: true }), v(3, 40)]
  const accepted1 = { recordedAt: new Date(T0).toISOString(), version: 1 }

  test('never accepted: must accept the version in force, no change list', () => {
    const s = acceptanceStatus(versions, null, T0 + DAY, true)
    expect(s).toMatchObject({
      acceptVersion: 1,
      changes: [],
      mustAccept: true,
      reason: 'never-accepted',
    })
    expect(s.upcoming).toMatchObject({ version: 2 })
  })

  test('a material version upcoming: not yet a must, but reported with its date and summary', () => {
    const s = acceptanceStatus(versions, accepted1, T0 + 10 * DAY, true)
    expect(s).toMatchObject({
      mustAccept: false,
      reason: null,
      upcoming: { effectiveAt: new Date(T0 + 30 * DAY).toISOString(), version: 2 },
    })
    expect(s.changes.map((c) => [c.version, c.upcoming])).toEqual([
      [2, true],
      [3, true],
    ])
  })

  test('once the material version is in force (or was, before a minor one): must accept the one in force', () => {
    expect(acceptanceStatus(versions, accepted1, T0 + 31 * DAY, true)).toMatchObject({
      acceptVersion: 2,
      mustAccept: true,
      reason: 'material-change',
    })
    const s = acceptanceStatus(versions, accepted1, T0 + 41 * DAY, true)
    expect(s).toMatchObject({ acceptVersion: 3, mustAccept: true })
    expect(s.changes.map((c) => [c.version, c.changeSummary, c.upcoming])).toEqual([
      [2, 'v2', false],
      [3, 'v3', false],
    ])
  })

  test('minor changes only: nothing to accept', () => {
    const minor = [v(1, 0), v(2, 5)]
    expect(acceptanceStatus(minor, accepted1, T0 + 10 * DAY, true)).toMatchObject({
      mustAccept: false,
      reason: null,
    })
  })

  test('a subject who accepted the upcoming version ahead has nothing to do', () => {
    const s = acceptanceStatus(
      versions,
      { recordedAt: new Date(T0).toISOString(), version: 2 },
      T0 + 31 * DAY,
      true,
    )
    expect(s).toMatchObject({ mustAccept: false, upcoming: null })
  })

  test('documents that do not require acceptance never must be accepted', () => {
    expect(acceptanceStatus(versions, null, T0 + DAY, false)).toMatchObject({
      mustAccept: false,
      upcoming: null,
    })
  })

  test('acceptable versions: in force or upcoming only', () => {
    const now = T0 + 10 * DAY
    expect(acceptableVersion(versions, 1, now)?.version).toBe(1)
    expect(acceptableVersion(versions, 2, now)?.version).toBe(2)
    expect(acceptableVersion(versions, 3, now)?.version).toBe(3)
    expect(acceptableVersion(versions, 1, T0 + 31 * DAY)).toBeNull()
    expect(acceptableVersion(versions, 7, now)).toBeNull()
  })
})

describe('validation', () => {
  const ok = { document: 'terms', subject: 'u-1', version: 1 }
  test('a minimal body is accepted with defaults', () => {
    expect(validateAcceptance(ok)).toMatchObject({
      ok: true,
      value: { locale: null, method: 'api', subject: 'u-1' },
    })
    expect(validateAcceptance({ ...ok, subject: 42 })).toMatchObject({
      ok: true,
      value: { subject: '42' },
    })
  })
  test.each([
    ['not an object', []],
    ['unknown field', { ...ok, admin: true }],
    ['empty subject', { ...ok, subject: ' ' }],
    ['long subject', { ...ok, subject: 'x'.repeat(201) }],
    ['bad document', { ...ok, document: 'Terms Of Use' }],
    ['version 0', { ...ok, version: 0 }],
    ['version text', { ...ok, version: '1' }],
    ['bad method', { ...ok, method: 'telepathy' }],
    ['bad hash', { ...ok, contentHash: 'abc' }],
    ['control characters', { ...ok, source: 'a\u0000b' }],
  ])('%s → 400', (_, body) => {
    expect(validateAcceptance(body)).toMatchObject({ ok: false, status: 400 })
  })
  test('export filters', () => {
    const p = (q: string) => parseExportFilter(new URLSearchParams(q))
    expect(p('subject=a&document=terms&version=2&from=2027-01-01&to=2027-02-01T00:00:00Z')).toEqual(
      {
        ok: true,
        value: {
          document: 'terms',
          from: '2027-01-01T00:00:00.000Z',
          subject: 'a',
          to: '2027-02-01T00:00:00.000Z',
          version: 2,
        },
      },
    )
    expect(p('document=12')).toEqual({ ok: true, value: { documentId: 12 } })
    expect(p('version=x')).toMatchObject({ ok: false, status: 400 })
    expect(p('from=yesterday')).toMatchObject({ ok: false, status: 400 })
  })
})

import { describe, expect, test } from '@jest/globals'

import { monthOfTable, monthStart, monthTable } from '../../../src/consent/storage'

describe('consent log month tables (src/consent/storage.ts)', () => {
  test('a month is the UTC calendar month, counted across year ends', () => {
    expect(monthStart(Date.parse('2026-12-31T23:59:59.999Z')).toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    )
    expect(monthStart(Date.parse('2026-12-15T00:00:00.000Z'), 1).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    )
    expect(monthStart(Date.parse('2026-01-15T00:00:00.000Z'), -25).toISOString()).toBe(
      '2023-12-01T00:00:00.000Z',
    )
  })

  test('table names and back', () => {
    expect(monthTable(new Date('2027-03-01T00:00:00.000Z'))).toBe('m2027_03')
    expect(monthOfTable('m2027_03')?.toISOString()).toBe('2027-03-01T00:00:00.000Z')
    expect(monthOfTable('m2027_3')).toBeNull()
    expect(monthOfTable('legal_consents')).toBeNull()
  })
})

import { describe, expect, test } from '@jest/globals'

import { CACHE_CONTROL, cacheControlAt, DeliveryCache, makeBody } from '../../../src/delivery/cache'
import { resolveOptions } from '../../../src/options'
import {
  earliestEffectiveDay,
  noticePeriodDaysOf,
  noticeProblem,
  requiresAcceptanceOf,
} from '../../../src/versions/noticePolicy'
import {
  effectiveAt,
  resolveTimeline,
  versionStatus,
  type VersionTiming,
} from '../../../src/versions/timeline'

const T = (iso: string) => Date.parse(iso)
const v = (
  version: number,
  publishedAt: string,
  effectiveDate: null | string = null,
): VersionTiming => ({ effectiveDate, publishedAt, version })

describe('resolveTimeline', () => {
  const versions = [
    v(1, '2026-01-01T00:00:00Z'),
    v(2, '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'),
    v(3, '2026-02-10T00:00:00Z', '2026-04-01T00:00:00Z'),
  ]

  test('before, at and after each effective instant', () => {
    const at = (iso: string) => resolveTimeline(versions, T(iso))
    expect(at('2025-12-31T23:59:59Z')).toMatchObject({
      inForce: null,
      nextBoundary: T('2026-01-01T00:00:00Z'),
    })
    expect(at('2026-02-15T00:00:00Z').inForce?.version).toBe(1)
    expect(at('2026-02-15T00:00:00Z').upcoming.map((u) => u.version)).toEqual([2, 3])
    expect(at('2026-02-15T00:00:00Z').nextBoundary).toBe(T('2026-03-01T00:00:00Z'))
    expect(at('2026-02-28T23:59:59.999Z').inForce?.version).toBe(1)
    expect(at('2026-03-01T00:00:00Z').inForce?.version).toBe(2)
    expect(at('2026-03-01T00:00:00Z').upcoming.map((u) => u.version)).toEqual([3])
    expect(at('2026-04-01T00:00:00Z')).toMatchObject({
      inForce: { version: 3 },
      nextBoundary: null,
      upcoming: [],
    })
  })

  test('an effective date before publication does not make a version retroactively in force', () => {
    const late = [
      v(1, '2026-01-01T00:00:00Z'),
      v(2, '2026-05-01T00:00:00Z', '2026-01-15T00:00:00Z'),
    ]
    expect(effectiveAt(late[1])).toBe(T('2026-05-01T00:00:00Z'))
    expect(resolveTimeline(late, T('2026-03-01T00:00:00Z')).inForce?.version).toBe(1)
  })

  test('a later version that takes effect first overtakes an upcoming one, which then never takes effect', () => {
    const overtaken = [
      v(1, '2026-01-01T00:00:00Z'),
      v(2, '2026-02-01T00:00:00Z', '2026-06-01T00:00:00Z'),
      v(3, '2026-02-02T00:00:00Z', '2026-05-01T00:00:00Z'),
    ]
    const before = resolveTimeline(overtaken, T('2026-03-01T00:00:00Z'))
    expect(before.upcoming.map((u) => u.version)).toEqual([3])
    const after = resolveTimeline(overtaken, T('2026-07-01T00:00:00Z'))
    expect(after.inForce?.version).toBe(3)
    expect(overtaken.map((x) => versionStatus(x, after, overtaken))).toEqual([
      'superseded',
      'never-in-force',
      'in-force',
    ])
    expect(overtaken.map((x) => versionStatus(x, before, overtaken))).toEqual([
      'in-force',
      'never-in-force',
      'upcoming',
    ])
  })
})

describe('notice policy', () => {
  const options = resolveOptions({
    notice: { periodDays: { 'cookie-policy': 7 }, requiresAcceptance: { 'privacy-policy': true } },
  })
  const now = T('2027-01-10T15:00:00Z')
  const check = { materialChange: true, now, periodDays: 30, previouslyPublished: true }

  test('per kind defaults, options and the document override them', () => {
    expect(noticePeriodDaysOf({ kind: 'terms-of-use' }, options)).toBe(30)
    expect(noticePeriodDaysOf({ kind: 'cookie-policy' }, options)).toBe(7)
    expect(noticePeriodDaysOf({ kind: 'terms-of-use', noticePeriodDays: 0 }, options)).toBe(0)
    expect(noticePeriodDaysOf({ kind: 'data-security' }, options)).toBe(0)
    expect(requiresAcceptanceOf({ kind: 'terms-of-use' }, options)).toBe(true)
    expect(requiresAcceptanceOf({ kind: 'privacy-policy' }, options)).toBe(true)
    expect(requiresAcceptanceOf({ kind: 'terms-of-use', requiresAcceptance: 'no' }, options)).toBe(
      false,
    )
    expect(requiresAcceptanceOf({ kind: 'other', requiresAcceptance: 'yes' }, options)).toBe(true)
  })

  test('counts whole days: the first allowed day is today + period', () => {
    expect(new Date(earliestEffectiveDay(now, 30)).toISOString()).toBe('2027-02-09T00:00:00.000Z')
    expect(noticeProblem({ ...check, effectiveDate: '2027-02-09T12:00:00.000Z' })).toBeNull()
    expect(noticeProblem({ ...check, effectiveDate: '2027-02-09T00:00:00.000Z' })).toBeNull()
    expect(noticeProblem({ ...check, effectiveDate: '2027-02-08T23:59:59.000Z' })).toContain(
      '2027-02-09 or later',
    )
    expect(noticeProblem({ ...check, effectiveDate: null })).toContain("30 days' notice")
  })

  test('no notice for a change that is not significant, a first publish, or a zero period', () => {
    expect(noticeProblem({ ...check, effectiveDate: null, materialChange: false })).toBeNull()
    expect(noticeProblem({ ...check, effectiveDate: null, previouslyPublished: false })).toBeNull()
    expect(noticeProblem({ ...check, effectiveDate: null, periodDays: 0 })).toBeNull()
  })
})

describe('delivery cache at a boundary', () => {
  test('Cache-Control of a current answer never reaches past the next boundary', () => {
    const current = CACHE_CONTROL.current
    expect(cacheControlAt(current, { boundary: null, now: 0 })).toBe(current)
    expect(cacheControlAt(current, { boundary: 2 * 86_400_000, now: 0 })).toBe(current)
    expect(cacheControlAt(current, { boundary: 3_600_000, now: 0 })).toBe(
      'public, max-age=60, stale-while-revalidate=3540',
    )
    expect(cacheControlAt(current, { boundary: 30_500, now: 0 })).toBe(
      'public, max-age=30, stale-while-revalidate=0',
    )
    expect(cacheControlAt(CACHE_CONTROL.archived, { boundary: 1000, now: 0 })).toBe(
      CACHE_CONTROL.archived,
    )
  })

  test('entries are dropped when the boundary passes, and a body rendered before it is not stored after it', () => {
    let now = 1000
    const cache = new DeliveryCache(() => now)
    const body = makeBody('{}', 'application/json', CACHE_CONTROL.current)
    const generation = cache.currentGeneration
    cache.noteBoundary(5000)
    cache.set('a', body, generation)
    expect(cache.get('a')).toBe(body)
    const renderingSince = cache.currentGeneration
    now = 5000
    cache.set('b', body, renderingSince)
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('b')).toBeUndefined()
    expect(cache.nextBoundary).toBeNull()
  })
})

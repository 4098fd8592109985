import { describe, expect, test } from '@jest/globals'

import { planComparison, type VersionList } from '../../../dev/site/api'
import { cookieTables } from '../../../dev/site/cookies'
import {
  apiBaseUrl,
  demoteHeadings,
  effectiveFrom,
  formatDate,
  formatDateTime,
  isoDateTime,
  parseLocaleParam,
  parseVersionParam,
  safeExternalUrl,
  siteHref,
} from '../../../dev/site/format'
import { messagesFor } from '../../../dev/site/messages'

describe('query parameters', () => {
  test.each([
    [undefined, 'en'],
    ['uk', 'uk'],
    ['UK', 'uk'],
    [['uk', 'en'], 'uk'],
    ['de', 'en'],
    ['', 'en'],
  ])('locale %j → %s', (value, expected) => {
    expect(parseLocaleParam(value)).toBe(expected)
  })

  test.each([
    [undefined, null],
    ['', null],
    ['1', 1],
    ['12', 12],
    [['3', '4'], 3],
    ['0', 'invalid'],
    ['-1', 'invalid'],
    ['1.5', 'invalid'],
    ['01', 'invalid'],
    ['abc', 'invalid'],
    ['1e3', 'invalid'],
    ['9999999999', 'invalid'],
  ])('version %j → %j', (value, expected) => {
    expect(parseVersionParam(value)).toBe(expected)
  })
})

describe('dates', () => {
  test('in words, per locale, in UTC (a midnight-UTC effective date stays on its day)', () => {
    expect(formatDate('2026-11-25T00:00:00.000Z', 'en')).toBe('25 November 2026')
    expect(formatDate('2026-11-25T23:59:00.000Z', 'en')).toBe('25 November 2026')
    expect(formatDate('2026-11-25T00:00:00.000Z', 'uk')).toMatch(/^25 листопада 2026/)
    expect(formatDate(null, 'en')).toBe('')
    expect(formatDate('not a date', 'en')).toBe('')
  })

  test('with the time in UTC, so two versions of one day differ (issue 16, point 10)', () => {
    const morning = formatDateTime('2026-11-25T09:05:00.000Z', 'en')
    const evening = formatDateTime('2026-11-25T17:30:00.000Z', 'en')
    expect(morning).toBe('25 November 2026 at 09:05 UTC')
    expect(evening).toBe('25 November 2026 at 17:30 UTC')
    expect(formatDateTime('2026-11-25T17:30:00.000Z', 'uk')).toMatch(
      /^25 листопада 2026.*17:30.*UTC$/,
    )
    expect(formatDateTime(undefined, 'en')).toBe('')
  })

  test('effective from: the effective date, or the publication when there is none or it came later — never "not set"', () => {
    const publishedAt = '2026-11-25T09:05:00.000Z'
    expect(effectiveFrom({ effectiveDate: null, publishedAt })).toBe(publishedAt)
    expect(effectiveFrom({ effectiveDate: '2027-01-01T00:00:00.000Z', publishedAt })).toBe(
      '2027-01-01T00:00:00.000Z',
    )
    expect(effectiveFrom({ effectiveDate: '2026-01-01T00:00:00.000Z', publishedAt })).toBe(
      publishedAt,
    )
    expect(effectiveFrom({ effectiveDate: '2026-01-01T00:00:00.000Z', publishedAt: null })).toBe(
      '2026-01-01T00:00:00.000Z',
    )
  })

  test('<time datetime> gets a normalised ISO value, or nothing', () => {
    expect(isoDateTime('2026-11-25T17:02:58.659Z')).toBe('2026-11-25T17:02:58.659Z')
    expect(isoDateTime('garbage')).toBeUndefined()
    expect(isoDateTime(null)).toBeUndefined()
  })
})

describe('links', () => {
  test('the default locale and empty values stay out of the address', () => {
    expect(siteHref('/legal', { locale: 'en' })).toBe('/legal')
    expect(siteHref('/legal/terms-of-use', { locale: 'uk', version: 2 })).toBe(
      '/legal/terms-of-use?locale=uk&version=2',
    )
    expect(siteHref('/legal/x/versions', { from: 1, locale: 'en', to: null }, 'changes')).toBe(
      '/legal/x/versions?from=1#changes',
    )
  })

  test('only http(s) addresses from content become links', () => {
    expect(safeExternalUrl('https://policies.google.com/privacy')).toBe(
      'https://policies.google.com/privacy',
    )
    expect(safeExternalUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeExternalUrl('data:text/html,x')).toBeUndefined()
    expect(safeExternalUrl('/relative')).toBeUndefined()
    expect(safeExternalUrl(null)).toBeUndefined()
  })

  test('diff headings move one level down, nothing else changes', () => {
    expect(demoteHeadings('<h2>A <ins>b</ins></h2><p>h2 text</p><h2 class="x">C</h2><h20>')).toBe(
      '<h3>A <ins>b</ins></h3><p>h2 text</p><h3 class="x">C</h3><h20>',
    )
  })
})

describe('API base URL', () => {
  test('LEGAL_API_URL is used as it is (trailing slashes dropped, a path prefix kept)', () => {
    expect(apiBaseUrl('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000')
    expect(apiBaseUrl(' https://legal.example.com ')).toBe('https://legal.example.com')
    expect(apiBaseUrl('https://www.example.com/cms//')).toBe('https://www.example.com/cms')
    expect(apiBaseUrl('http://[::1]:3000')).toBe('http://[::1]:3000')
  })
  test.each([[undefined], [''], ['  ']])(
    'unset (%j): no URL, the pages ask Payload in-process',
    (value) => {
      expect(apiBaseUrl(value)).toBeNull()
    },
  )
  test.each([
    ['127.0.0.1:3000'],
    ['ftp://example.com'],
    ['file:///etc/passwd'],
    ['http://user:pw@example.com'],
    ['http://example.com/?a=1'],
    ['http://example.com/#x'],
    ['not a url'],
  ])('LEGAL_API_URL %j is refused', (value) => {
    expect(apiBaseUrl(value)).toBeNull()
  })
})

describe('version comparison', () => {
  const list = (...versions: number[]): VersionList => ({
    slug: 's',
    currentVersion: Math.max(...versions),
    versions: versions.map((version) => ({
      changeSummary: null,
      effectiveDate: null,
      lastModified: '',
      materialChange: false,
      publishedAt: '',
      version,
    })),
  })
  test('puts the pair in order and checks both exist', () => {
    expect(planComparison(list(3, 2, 1), 3, 1)).toEqual({ from: 1, state: 'compare', to: 3 })
    expect(planComparison(list(3, 2, 1), 2, 2)).toEqual({ from: 2, state: 'same', to: 2 })
    expect(planComparison(list(3, 2, 1), 2, 4)).toEqual({ state: 'invalid' })
    expect(planComparison(list(3, 2, 1), 'invalid', 2)).toEqual({ state: 'invalid' })
    expect(planComparison(list(3, 2, 1), null, null)).toEqual({ state: 'none' })
    expect(planComparison(list(1), 1, 1)).toEqual({ state: 'only-one' })
  })
})

describe('cookie tables', () => {
  test('translated labels, provider falling back to the service, unsafe policy links dropped', () => {
    const declaration = {
      categories: [
        {
          cookies: [
            {
              name: '_ga_*',
              domain: null,
              duration: '2 роки',
              party: 'third',
              path: '/',
              privacyPolicyUrl: 'javascript:alert(1)',
              provider: null,
              purpose: 'Рахує відвідування.',
              service: 'Google Analytics',
              storageType: 'cookie',
            },
          ],
          key: 'analytics',
          label: 'Performance / analytics',
        },
        { cookies: [], key: 'custom', label: 'Custom category' },
      ],
      locale: 'uk',
      revision: 1,
    }
    const [analytics, custom] = cookieTables(declaration, messagesFor('uk'))
    expect(analytics).toEqual({
      key: 'analytics',
      label: 'Продуктивність / аналітика',
      rows: [
        {
          name: '_ga_*',
          type: 'HTTP cookie',
          duration: '2 роки',
          party: 'Інша компанія (третя сторона)',
          provider: 'Google Analytics',
          providerUrl: undefined,
          purpose: 'Рахує відвідування.',
        },
      ],
    })
    expect(custom.label).toBe('Custom category')
  })

  test('both locales have every message', () => {
    expect(Object.keys(messagesFor('uk')).sort()).toEqual(Object.keys(messagesFor('en')).sort())
  })
})

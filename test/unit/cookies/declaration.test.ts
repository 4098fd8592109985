import { describe, expect, test } from '@jest/globals'

import { consentConfig, type CookieEntry, groupCookies } from '../../../src/cookies/declaration'

const entries: CookieEntry[] = [
  {
    name: 'session-id',
    category: 'necessary',
    party: 'first',
    service: 'Website session',
    storageType: 'cookie',
  },
  {
    name: '_ga',
    category: 'analytics',
    domain: '.example.com',
    party: 'third',
    path: '/',
    service: 'Google Analytics',
    storageType: 'cookie',
  },
  {
    name: '_ga_*',
    category: 'analytics',
    party: 'third',
    service: 'Google Analytics',
    storageType: 'cookie',
  },
  {
    name: 'prefs',
    category: 'functional',
    party: 'first',
    service: 'Preferences',
    storageType: 'local-storage',
  },
  { name: 'unclassified', category: null, service: 'Nobody' },
]

describe('cookie declaration', () => {
  test('groups by category in the taxonomy order and leaves unclassified entries out', () => {
    const declaration = groupCookies(entries, 'en', 3)
    expect(declaration.categories.map((c) => [c.key, c.cookies.map((k) => k.name)])).toEqual([
      ['necessary', ['session-id']],
      ['functional', ['prefs']],
      ['analytics', ['_ga', '_ga_*']],
    ])
  })

  test('consent config: necessary is read-only; others clear their browser cookies, patterns as regex', () => {
    const config = consentConfig(
      [groupCookies(entries, 'en', 3), groupCookies(entries, 'uk', 3)],
      'en',
    ) as any
    expect(config.categories.necessary).toMatchObject({ enabled: true, readOnly: true })
    expect(config.categories.necessary.autoClear).toBeUndefined()
    expect(config.categories.analytics.autoClear.cookies).toEqual([
      { name: '_ga', domain: '.example.com', path: '/' },
      { name: '^_ga_.*$', regex: true },
    ])
    expect(config.categories.analytics.services['google-analytics']).toEqual({
      cookies: [{ name: '_ga' }, { name: '^_ga_.*$', regex: true }],
      label: 'Google Analytics',
    })
    expect(Object.keys(config.language.translations)).toEqual(['en', 'uk'])
  })

  test('local storage is declared but never listed as a cookie the banner clears', () => {
    const config = consentConfig([groupCookies(entries, 'en', 1)], 'en') as any
    expect(config.categories.functional.services.preferences).toEqual({
      cookies: [],
      label: 'Preferences',
    })
    expect(config.categories.functional.autoClear.cookies).toEqual([])
  })
})

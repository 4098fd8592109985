import { describe, expect, test } from '@jest/globals'

import { consentConfig, groupCookies, type CookieEntry } from '../../../src/cookies/declaration'

const entries: CookieEntry[] = [
  { name: 'session-id', service: 'Website session', category: 'necessary', storageType: 'cookie', party: 'first' },
  { name: '_ga', service: 'Google Analytics', category: 'analytics', storageType: 'cookie', party: 'third', domain: '.example.com', path: '/' },
  { name: '_ga_*', service: 'Google Analytics', category: 'analytics', storageType: 'cookie', party: 'third' },
  { name: 'prefs', service: 'Preferences', category: 'functional', storageType: 'local-storage', party: 'first' },
  { name: 'unclassified', service: 'Nobody', category: null },
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
    const config = consentConfig([groupCookies(entries, 'en', 3), groupCookies(entries, 'uk', 3)], 'en') as any
    expect(config.categories.necessary).toMatchObject({ enabled: true, readOnly: true })
    expect(config.categories.necessary.autoClear).toBeUndefined()
    expect(config.categories.analytics.autoClear.cookies).toEqual([
      { name: '_ga', path: '/', domain: '.example.com' },
      { name: '^_ga_.*$', regex: true },
    ])
    expect(config.categories.analytics.services['google-analytics']).toEqual({
      label: 'Google Analytics',
      cookies: [{ name: '_ga' }, { name: '^_ga_.*$', regex: true }],
    })
    expect(Object.keys(config.language.translations)).toEqual(['en', 'uk'])
  })

  test('local storage is declared but never listed as a cookie the banner clears', () => {
    const config = consentConfig([groupCookies(entries, 'en', 1)], 'en') as any
    expect(config.categories.functional.services.preferences).toEqual({ label: 'Preferences', cookies: [] })
    expect(config.categories.functional.autoClear.cookies).toEqual([])
  })
})

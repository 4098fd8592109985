/**
 * The consent configuration's texts (issue 15, point 1): the consent modal and the preferences
 * modal are complete in every locale, from the editors' texts or the plugin's defaults, and
 * every text is escaped, since cookieconsent inserts them as HTML.
 */
import { describe, expect, test } from '@jest/globals'

import {
  BANNER_TEXT_FIELDS,
  bannerTextsFor,
  defaultBannerTexts,
  writtenBannerTexts,
} from '../../../src/cookies/bannerTexts'
import { consentConfig, type CookieEntry, groupCookies } from '../../../src/cookies/declaration'

const entries: CookieEntry[] = [
  { name: 'session-id', category: 'necessary', party: 'first', service: 'Website' },
  {
    name: '_ga',
    category: 'analytics',
    party: 'third',
    provider: 'Google',
    service: 'Google Analytics',
  },
]
const declarations = (locales: string[]) => locales.map((l) => groupCookies(entries, l, 2))

describe('banner texts', () => {
  test('defaults exist in English and Ukrainian for every field; other locales read English', () => {
    for (const locale of ['en', 'uk']) {
      const texts = defaultBannerTexts(locale)
      expect(Object.keys(texts)).toEqual([...BANNER_TEXT_FIELDS])
      for (const v of Object.values(texts)) {
        expect(v.trim().length).toBeGreaterThan(0)
      }
    }
    expect(defaultBannerTexts('uk').acceptAll).toBe('Прийняти всі')
    expect(defaultBannerTexts('uk-UA').acceptAll).toBe('Прийняти всі')
    expect(defaultBannerTexts('de')).toEqual(defaultBannerTexts('en'))
  })

  test('written texts are trimmed, empty ones left out, and fall back per field', () => {
    const written = writtenBannerTexts({
      acceptAll: '',
      close: null,
      consentTitle: '  Cookies here ',
      unknown: 'x',
    })
    expect(written).toEqual({ consentTitle: 'Cookies here' })
    expect(bannerTextsFor('en', written)).toEqual({
      ...defaultBannerTexts('en'),
      consentTitle: 'Cookies here',
    })
  })

  test('without a cookie policy: complete modals in every locale with default texts, no link', () => {
    const config = consentConfig(declarations(['en', 'uk']), 'en') as any
    const en = config.language.translations.en
    expect(en.consentModal).toEqual({
      acceptAllBtn: 'Accept all',
      acceptNecessaryBtn: 'Necessary only',
      description: expect.any(String),
      showPreferencesBtn: 'Manage preferences',
      title: 'We use cookies',
    })
    expect(en.preferencesModal).toMatchObject({
      acceptAllBtn: 'Accept all',
      acceptNecessaryBtn: 'Necessary only',
      closeIconLabel: 'Close',
      savePreferencesBtn: 'Save preferences',
      title: 'Cookie preferences',
    })
    expect(en.preferencesModal.sections.map((s: any) => s.linkedCategory)).toEqual([
      'necessary',
      'analytics',
    ])
    const uk = config.language.translations.uk
    expect(uk.consentModal.acceptAllBtn).toBe('Прийняти всі')
    expect(uk.preferencesModal.sections[1].cookieTable.headers.name).toBe('Файл cookie')
    expect(uk.preferencesModal.sections[0].cookieTable.body[0].domain).toBe('Цей вебсайт')
    expect(en.preferencesModal.sections[1].cookieTable.body[0]).toEqual({
      name: '_ga',
      desc: '',
      domain: 'Google',
      duration: '',
    })
  })

  test("editors' texts per locale, escaped; the policy link in the footer and a last section", () => {
    const config = consentConfig(declarations(['en', 'uk']), 'en', {
      policyUrl: (locale) => `/${locale}/legal/cookie-policy?a=1&b=2`,
      texts: {
        en: { consentTitle: 'Biscuits <b>&</b> you', policyLink: 'Our policy' },
        uk: { acceptAll: 'Так' },
      },
    }) as any
    const en = config.language.translations.en
    expect(en.consentModal.title).toBe('Biscuits &lt;b&gt;&amp;&lt;/b&gt; you')
    expect(en.consentModal.acceptAllBtn).toBe('Accept all')
    expect(en.consentModal.footer).toBe(
      '<a href="/en/legal/cookie-policy?a=1&amp;b=2">Our policy</a>',
    )
    expect(en.preferencesModal.sections.at(-1)).toEqual({
      description: en.consentModal.footer,
      title: 'More information',
    })
    const uk = config.language.translations.uk
    expect(uk.consentModal.acceptAllBtn).toBe('Так')
    expect(uk.preferencesModal.acceptAllBtn).toBe('Так')
    expect(uk.consentModal.title).toBe('Ми використовуємо файли cookie')
    expect(uk.consentModal.footer).toBe(
      '<a href="/uk/legal/cookie-policy?a=1&amp;b=2">Політика щодо файлів cookie</a>',
    )
  })
})

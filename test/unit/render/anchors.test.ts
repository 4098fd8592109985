import { describe, expect, test } from '@jest/globals'

import { isDerivedAnchor, slugifyAnchor, uniqueAnchor } from '../../../src/render'

describe('slugifyAnchor', () => {
  test('lowercase words joined by single hyphens', () => {
    expect(slugifyAnchor('  1. Personal Data -- What We Collect?  ')).toBe(
      '1-personal-data-what-we-collect',
    )
    expect(slugifyAnchor("Company's rights & duties")).toBe('companys-rights-duties')
  })

  test('strips accents and spells out special Latin letters', () => {
    expect(slugifyAnchor('Données à caractère personnel')).toBe('donnees-a-caractere-personnel')
    expect(slugifyAnchor('Datenschutzerklärung für Straße')).toBe(
      'datenschutzerklarung-fur-strasse',
    )
    expect(slugifyAnchor('Łódź Øresund')).toBe('lodz-oresund')
  })

  test('transliterates Ukrainian headings', () => {
    expect(slugifyAnchor('Загальні положення')).toBe('zahalni-polozhennia')
    expect(slugifyAnchor('Обробка персональних даних')).toBe('obrobka-personalnykh-danykh')
    expect(slugifyAnchor('Юридична адреса, її зміна')).toBe('yurydychna-adresa-yii-zmina')
    expect(slugifyAnchor("Знам'янка")).toBe('znamianka')
  })

  test('composed and decomposed input give the same anchor', () => {
    expect(slugifyAnchor('Її'.normalize('NFD'))).toBe(slugifyAnchor('Її'))
  })

  test('punctuation-only, emoji-only and empty headings fall back to "section"', () => {
    expect(slugifyAnchor('?!… — ***')).toBe('section')
    expect(slugifyAnchor('🍪')).toBe('section')
    expect(slugifyAnchor('')).toBe('section')
  })

  test('long headings are cut at a word boundary', () => {
    const anchor = slugifyAnchor('word '.repeat(40))
    expect(anchor.length).toBeLessThanOrEqual(80)
    expect(anchor).toMatch(/^(word-)*word$/)
  })

  test('the result is always URL-safe', () => {
    for (const heading of ['<script>alert(1)</script>', '"onmouseover="x', 'a/b?c#d', 'Ж Щ Ґ']) {
      expect(slugifyAnchor(heading)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
  })
})

describe('uniqueAnchor', () => {
  test('returns the base when free, then base-2, base-3...', () => {
    expect(uniqueAnchor('cookies', [])).toBe('cookies')
    expect(uniqueAnchor('cookies', ['cookies'])).toBe('cookies-2')
    expect(uniqueAnchor('cookies', new Set(['cookies', 'cookies-2']))).toBe('cookies-3')
  })
})

describe('isDerivedAnchor', () => {
  test('an anchor made from the heading, plain or numbered, is derived', () => {
    expect(isDerivedAnchor('who-we-are', 'Who we are')).toBe(true)
    expect(isDerivedAnchor('who-we-are-2', 'Who we are')).toBe(true)
    expect(isDerivedAnchor('section', '')).toBe(true)
  })
  test('one an editor typed, or one made from another heading, is not', () => {
    expect(isDerivedAnchor('contact', 'Who we are')).toBe(false)
    expect(isDerivedAnchor('who-we-are-x', 'Who we are')).toBe(false)
    expect(isDerivedAnchor('who-we-are-', 'Who we are')).toBe(false)
    expect(isDerivedAnchor('section', 'Contact us')).toBe(false)
  })
})

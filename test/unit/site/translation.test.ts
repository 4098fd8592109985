import { describe, expect, test } from '@jest/globals'

import { translationOf } from '../../../dev/site/translation'

const section = (anchor: string, heading: string, html: string) => ({ anchor, heading, html })
const english = {
  title: 'Terms of use',
  sections: [section('intro', 'Introduction', '<p>Hello.</p>'), section('scope', 'Scope', '<p>All of it.</p>')],
}

describe('is the text in the page language? (issue 16, point 10)', () => {
  test('nothing translated: the whole document is the fallback language', () => {
    expect(translationOf(english, english)).toEqual({ state: 'none', fallbackLocale: 'en', titleUntranslated: true, untranslatedSections: ['intro', 'scope'] })
  })

  test('some sections translated: the others are named', () => {
    const shown = { title: 'Умови використання', sections: [section('intro', 'Вступ', '<p>Вітаємо.</p>'), english.sections[1]!] }
    expect(translationOf(shown, english)).toEqual({ state: 'partial', fallbackLocale: 'en', titleUntranslated: false, untranslatedSections: ['scope'] })
  })

  test('only the title left in English is partial too', () => {
    const shown = { title: 'Terms of use', sections: [section('intro', 'Вступ', '<p>Вітаємо.</p>'), section('scope', 'Обсяг', '<p>Усе.</p>')] }
    expect(translationOf(shown, english)).toMatchObject({ state: 'partial', titleUntranslated: true, untranslatedSections: [] })
  })

  test('everything translated: no notice', () => {
    const shown = { title: 'Умови використання', sections: [section('intro', 'Вступ', '<p>Вітаємо.</p>'), section('scope', 'Обсяг', '<p>Усе.</p>')] }
    expect(translationOf(shown, english)).toEqual({ state: 'translated', fallbackLocale: 'en', titleUntranslated: false, untranslatedSections: [] })
  })
})

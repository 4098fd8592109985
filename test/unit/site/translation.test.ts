import { describe, expect, test } from '@jest/globals'

import { translationOf } from '../../../dev/site/translation'

const section = (anchor: string, heading: string, html: string) => ({ anchor, heading, html })
const english = {
  sections: [
    section('intro', 'Introduction', '<p>Hello.</p>'),
    section('scope', 'Scope', '<p>All of it.</p>'),
  ],
  title: 'Terms of use',
}
const ukrainian = {
  sections: [
    section('intro', 'Вступ', '<p>Вітаємо.</p>'),
    section('scope', 'Обсяг', '<p>Усе.</p>'),
  ],
  title: 'Умови використання',
}

describe('is the text in the page language? (issue 16, point 10)', () => {
  test('nothing translated: the whole document is the fallback language', () => {
    expect(translationOf(english, english)).toEqual({
      fallbackLocale: 'en',
      state: 'none',
      titleUntranslated: true,
      untranslatedSections: ['intro', 'scope'],
    })
  })

  test('some sections translated: the others are named', () => {
    const shown = { ...ukrainian, sections: [ukrainian.sections[0], english.sections[1]] }
    expect(translationOf(shown, english)).toEqual({
      fallbackLocale: 'en',
      state: 'partial',
      titleUntranslated: false,
      untranslatedSections: ['scope'],
    })
  })

  test('only the title left in English is partial too', () => {
    const shown = { ...ukrainian, title: english.title }
    expect(translationOf(shown, english)).toMatchObject({
      state: 'partial',
      titleUntranslated: true,
      untranslatedSections: [],
    })
  })

  test('everything translated: no notice', () => {
    expect(translationOf(ukrainian, english)).toEqual({
      fallbackLocale: 'en',
      state: 'translated',
      titleUntranslated: false,
      untranslatedSections: [],
    })
  })
})

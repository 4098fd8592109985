import { describe, expect, test } from '@jest/globals'

import { diffPartKey, diffTranslationOf } from '../../../dev/site/translation'

type Part = { anchor: string; html: string; status: 'added' | 'changed' | 'removed' | 'unchanged' }
const part = (anchor: string, status: Part['status'], html: string): Part => ({
  anchor,
  html,
  status,
})
const english = {
  sections: [
    part('intro', 'changed', '<h2>Introduction</h2><p>Hello <ins>there</ins>.</p>'),
    part('scope', 'unchanged', '<h2>Scope</h2><p>All of it.</p>'),
    part('old', 'removed', '<h2>Old</h2><p><del>Gone.</del></p>'),
  ],
}

describe('is a redline in the page language? (issue 16, point 10)', () => {
  test('nothing translated: every section is in the fallback language', () => {
    expect(diffTranslationOf(english, english)).toEqual({
      fallbackLocale: 'en',
      state: 'none',
      titleUntranslated: false,
      untranslatedSections: ['intro-changed', 'scope-unchanged', 'old-removed'],
    })
  })

  test('some sections translated: the others are named by anchor and status', () => {
    const shown = {
      sections: [
        part('intro', 'changed', '<h2>Вступ</h2><p>Вітаємо <ins>тут</ins>.</p>'),
        english.sections[1],
        english.sections[2],
      ],
    }
    expect(diffTranslationOf(shown, english)).toMatchObject({
      state: 'partial',
      untranslatedSections: ['scope-unchanged', 'old-removed'],
    })
  })

  test('a section removed in one place and added in another is told apart by its status', () => {
    const moved = {
      sections: [part('intro', 'removed', '<p>a</p>'), part('intro', 'added', '<p>b</p>')],
    }
    const shown = {
      sections: [part('intro', 'removed', '<p>a</p>'), part('intro', 'added', '<p>б</p>')],
    }
    expect(diffTranslationOf(shown, moved).untranslatedSections).toEqual([
      diffPartKey({ anchor: 'intro', status: 'removed' }),
    ])
  })

  test('everything translated, or an empty redline: no notice', () => {
    const shown = {
      sections: english.sections.map((s) => ({ ...s, html: s.html.replace('<h2>', '<h2>uk ') })),
    }
    expect(diffTranslationOf(shown, english).state).toBe('translated')
    expect(diffTranslationOf({ sections: [] }, { sections: [] })).toMatchObject({
      state: 'translated',
      untranslatedSections: [],
    })
  })
})

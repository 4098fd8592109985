import { describe, expect, test } from '@jest/globals'

import {
  cookieSubmissionProblems,
  isEmptyBody,
  type SubmissionDraft,
  submissionProblems,
  submissionRefusal,
} from '../../../src/workflow/submission'
import { richText } from '../../helpers/lexical'

/** What a draft needs before it can go to a reviewer: pure, no server. */
const EN = { defaultLocale: 'en', locales: ['en'] }
const EN_UK = { defaultLocale: 'en', locales: ['en', 'uk'] }

const complete = (): SubmissionDraft => ({
  slug: 'terms',
  sections: [{ body: richText('These terms apply.'), heading: 'Scope' }],
  title: 'Terms of use',
})

const emptyParagraph = { root: { type: 'root', children: [{ type: 'paragraph', children: [] }] } }
const codes = (draft: SubmissionDraft, locales = EN) =>
  submissionProblems(draft, locales).map((p) => p.code)

describe('isEmptyBody', () => {
  test.each([
    ['missing', null],
    ['no root', {}],
    ['a root with no blocks', { root: { type: 'root', children: [] } }],
    ['one empty paragraph (a cleared editor)', emptyParagraph],
    ['only whitespace', richText('   ', '\n\t')],
    [
      'a list with empty items',
      {
        root: {
          type: 'root',
          children: [{ type: 'list', children: [{ type: 'listitem', children: [] }] }],
        },
      },
    ],
    ['hostile JSON', { root: 'nope' }],
  ])('%s is empty', (_name, body) => {
    expect(isEmptyBody(body as never)).toBe(true)
  })

  test.each([
    ['a paragraph', richText('Text.')],
    ['text after empty paragraphs', richText('', '  ', 'x')],
    [
      'text deep in a list item link',
      {
        root: {
          type: 'root',
          children: [
            {
              type: 'list',
              children: [
                {
                  type: 'listitem',
                  children: [{ type: 'link', children: [{ type: 'text', text: 'here' }] }],
                },
              ],
            },
          ],
        },
      },
    ],
    ['a placeholder', richText('{{company.name}}')],
  ])('%s is text', (_name, body) => {
    expect(isEmptyBody(body as never)).toBe(false)
  })
})

describe('submissionProblems', () => {
  test('a complete draft has none', () => {
    expect(submissionProblems(complete(), EN)).toEqual([])
    expect(submissionProblems(complete(), EN_UK)).toEqual([])
  })

  test('an empty, untitled document has every reason, in reading order', () => {
    const problems = submissionProblems({ slug: undefined, sections: [], title: null }, EN_UK)
    expect(problems).toEqual([
      { code: 'no-title', message: 'The document has no title.' },
      { code: 'no-slug', message: 'The document has no web address.' },
      { code: 'no-sections', message: 'The document has no sections.' },
    ])
    expect(submissionRefusal(problems)).toBe(
      'This document cannot be submitted for review yet. The document has no title. The document has no web address. The document has no sections.',
    )
  })

  test('a title or web address of only whitespace is missing', () => {
    expect(codes({ ...complete(), slug: ' ', title: '  \n' })).toEqual(['no-title', 'no-slug'])
    expect(codes({ ...complete(), title: { en: '', uk: 'Умови' } }, EN_UK)).toEqual(['no-title'])
  })

  test('each section without text is named by its heading, or by its position without one', () => {
    const problems = submissionProblems(
      {
        ...complete(),
        sections: [
          { body: richText('These terms apply.'), heading: 'Scope' },
          { body: emptyParagraph, heading: 'Payment' },
          { body: null, heading: '  ' },
          { body: { en: richText(' ') }, heading: { en: 'Contact' } },
          null,
        ],
      },
      EN,
    )
    expect(problems).toEqual([
      {
        code: 'empty-section',
        heading: 'Payment',
        message: 'Section 2 “Payment” has no text.',
        position: 2,
      },
      { code: 'empty-section', heading: '', message: 'Section 3 has no text.', position: 3 },
      {
        code: 'empty-section',
        heading: 'Contact',
        message: 'Section 4 “Contact” has no text.',
        position: 4,
      },
      { code: 'empty-section', heading: '', message: 'Section 5 has no text.', position: 5 },
    ])
  })

  describe('languages: the default language must be complete; another falls back to it unless it has its own, empty, text', () => {
    test('a missing translation falls back to the default language, as a publish does', () => {
      const draft: SubmissionDraft = {
        slug: 'terms',
        sections: [{ body: { en: richText('These terms apply.') }, heading: { en: 'Scope' } }],
        title: { en: 'Terms', uk: null },
      }
      expect(submissionProblems(draft, EN_UK)).toEqual([])
    })

    test('the default language missing is one problem, not one per language', () => {
      const draft: SubmissionDraft = {
        slug: 'terms',
        sections: [
          {
            body: { en: emptyParagraph, uk: richText('Ці умови діють.') },
            heading: { en: 'Scope', uk: 'Сфера' },
          },
        ],
        title: { en: null, uk: 'Умови' },
      }
      expect(submissionProblems(draft, EN_UK)).toEqual([
        { code: 'no-title', message: 'The document has no title.' },
        {
          code: 'empty-section',
          heading: 'Scope',
          message: 'Section 1 “Scope” has no text.',
          position: 1,
        },
      ])
    })

    test('a translation that exists but is empty would be published empty: reported with its language', () => {
      const draft: SubmissionDraft = {
        slug: 'terms',
        sections: [
          {
            body: { en: richText('These terms apply.'), uk: emptyParagraph },
            heading: { en: 'Scope', uk: 'Сфера' },
          },
        ],
        title: { en: 'Terms', uk: '' },
      }
      expect(submissionProblems(draft, EN_UK)).toEqual([
        { code: 'no-title', locale: 'uk', message: 'The document has no title (language "uk").' },
        {
          code: 'empty-section',
          heading: 'Scope',
          locale: 'uk',
          message: 'Section 1 “Scope” has no text (language "uk").',
          position: 1,
        },
      ])
    })

    test('without localization, values are plain', () => {
      expect(
        codes({ slug: 's', sections: [{ body: emptyParagraph, heading: 'H' }], title: 'T' }),
      ).toEqual(['empty-section'])
    })
  })
})

describe('cookieSubmissionProblems: what a cookie entry needs before review', () => {
  test('a name and a category; blanks count as missing', () => {
    expect(cookieSubmissionProblems({ name: '_ga', category: 'analytics' })).toEqual([])
    expect(cookieSubmissionProblems({ name: '  ', category: null }).map((p) => p.code)).toEqual([
      'no-cookie-name',
      'no-category',
    ])
    expect(cookieSubmissionProblems({ name: '_ga' })).toEqual([
      { code: 'no-category', message: 'The cookie entry has no category.' },
    ])
  })
})

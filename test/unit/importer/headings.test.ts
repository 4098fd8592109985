import { describe, expect, test } from '@jest/globals'

import { isAllCaps, isLikelyHeading } from '../../../src/importer/headings'

describe('isLikelyHeading on lines from the real legal pages', () => {
  test.each([
    'Who we are',
    'General provisions',
    'OUR RIGHT TO MODIFY General Conditions, Privacy Policy, Data Security, Cookie Policy, and Terms of Use',
    'Questions',
    'Privacy & terms of use',
    'Your rights to access stored data, to modify it and to retract the consent to the use of your personal data',
    'Links to third-party websites',
    'Exhaustive nature of the agreement and applicable law',
    'What data do we collect?',
  ])('%s is a heading', (line) => {
    expect(isLikelyHeading(line)).toBe(true)
  })

  test.each([
    ['ends with a colon', 'Our contact information:'],
    ['label: value', 'Name: Digitroom Holding Limited'],
    [
      'label: value with commas',
      'Address: Rm 7B, One Capital Place, 18 Luard Road, Wan Chai, Hong Kong',
    ],
    ['label: value', 'Phone: +380671505900'],
    ['ends with a full stop', 'We are the owners of this website.'],
    ['a bullet', '  • Who we are'],
    ['a numbered item', '  1. Access to your data stored by us.'],
    ['indented continuation text', '    They allow us to:'],
    ['a lower-case start', 'or transfer the materials to another party'],
    ['no letters', '+380671505900'],
    ['an e-mail address', 'privacy@example.com'],
    ['a URL', 'See https://example.com/privacy'],
    ['blank', '   '],
  ])('not a heading: %s (%s)', (_why, line) => {
    expect(isLikelyHeading(line)).toBe(false)
  })

  test('a long paragraph is not a heading even without a full stop', () => {
    const line =
      'Under no circumstances we are responsible for any damages (including damages due to data loss or loss of profit) that arise from use'
    expect(line.length).toBeGreaterThan(120)
    expect(isLikelyHeading(line)).toBe(false)
    expect(isLikelyHeading(line, {}, { maxLength: 200 })).toBe(true)
  })

  test('needs a blank line before and after, and content after it', () => {
    expect(isLikelyHeading('Who we are', { nextLine: '', previousLine: '' })).toBe(true)
    expect(isLikelyHeading('Who we are', { nextLine: '', previousLine: 'Some text' })).toBe(false)
    expect(
      isLikelyHeading('Who we are', { nextLine: 'We are the company.', previousLine: '' }),
    ).toBe(false)
    expect(
      isLikelyHeading('Who we are', { followedByContent: false, nextLine: '', previousLine: '' }),
    ).toBe(false)
  })

  test('ALL CAPS lines are headings without a blank line after them, and may end with a colon', () => {
    expect(
      isLikelyHeading('LIMITATION OF LIABILITY', {
        nextLine: 'We are not liable.',
        previousLine: '',
      }),
    ).toBe(true)
    expect(isLikelyHeading('DEFINITIONS:', {})).toBe(true)
    // ...but an ALL CAPS sentence is a paragraph.
    expect(isLikelyHeading('THE WEBSITE IS PROVIDED AS IS.', {})).toBe(false)
  })

  test('a line opening with capital words may run to 200 characters, but still stands alone', () => {
    const long = `OUR RIGHT TO MODIFY ${'General Conditions, Privacy Policy, '.repeat(3)}and Terms of Use`
    expect(long.length).toBeGreaterThan(120)
    expect(isLikelyHeading(long, { nextLine: '', previousLine: '' })).toBe(true)
    expect(
      isLikelyHeading('THE COMPANY shall', {
        nextLine: 'not be liable for anything.',
        previousLine: '',
      }),
    ).toBe(false)
  })

  test('isAllCaps: every letter a capital', () => {
    expect(isAllCaps('OUR RIGHT TO MODIFY General Conditions')).toBe(false)
    expect(isAllCaps('SECTION 5 COOKIES')).toBe(true)
    expect(isAllCaps('SSL certificates protect you')).toBe(false)
    expect(isAllCaps('Who we are')).toBe(false)
    expect(isAllCaps('EU')).toBe(false)
  })
})

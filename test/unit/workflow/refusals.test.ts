import { describe, expect, test } from '@jest/globals'

import { en } from '../../../src/translations/en'
import { legalT } from '../../../src/translations/index'
import { REFUSAL_KEYS } from '../../../src/translations/keys'
import { uk } from '../../../src/translations/uk'
import { englishT, type Refusal, refusalText } from '../../../src/workflow/refusals'

/** A `t` over one language's table, as Payload's i18n would fill `{{name}}` placeholders. */
const tableT = (table: Record<string, string>) =>
  legalT({
    t: (key: string, vars: Record<string, unknown> = {}) =>
      table[key.replace('legal-documents:', '')].replace(/\{\{(\w+)\}\}/g, (_, n: string) =>
        typeof vars[n] === 'number' || typeof vars[n] === 'string' ? String(vars[n]) : '',
      ),
  } as Parameters<typeof legalT>[0])
const ukT = tableT(uk['legal-documents'])

/** Every refusal with every value it may need. */
const every: Refusal[] = Object.keys(REFUSAL_KEYS).map((code) => ({
  action: 'publish-now',
  code: code as Refusal['code'],
  date: '2027-01-05',
  days: 30,
  problems: [{ code: 'no-title', message: 'The document has no title.' }],
  state: 'in-review',
}))

describe('the workflow refusals in words (issue 16)', () => {
  test.each(every)('$code: English and Ukrainian, every value filled', (refusal) => {
    const english = refusalText(refusal, englishT)
    const ukrainian = refusalText(refusal, ukT)
    expect(english).not.toMatch(/\{\{|undefined/)
    expect(ukrainian).not.toMatch(/\{\{|undefined/)
    expect(ukrainian).not.toBe(english)
  })

  test('the state and the missing things are in the language of the text', () => {
    expect(refusalText({ code: 'approve-state', state: 'in-review' }, englishT)).toBe(
      'Only a document in review can be approved; this one is "In review".',
    )
    expect(refusalText({ code: 'approve-state', state: 'in-review' }, ukT)).toContain(
      '«На перевірці»',
    )
    expect(
      refusalText(
        { code: 'submit-problems', problems: [{ code: 'no-sections', message: 'x' }] },
        ukT,
      ),
    ).toBe(
      `${uk['legal-documents']['refusal-submit-problems'].replace('{{problems}}', '')}Додайте хоча б один розділ.`,
    )
  })

  test('the notice refusal names the period and the first allowed day', () => {
    expect(refusalText({ code: 'notice', date: '2027-01-05', days: 30 }, englishT)).toBe(
      en['legal-documents']['refusal-notice']
        .replace('{{days}}', '30')
        .replace('{{date}}', '2027-01-05'),
    )
    expect(refusalText({ code: 'notice', date: '2027-01-05', days: 30 }, ukT)).toMatch(
      /30.*2027-01-05/,
    )
  })
})

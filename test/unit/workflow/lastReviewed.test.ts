import { describe, expect, test } from '@jest/globals'

import {
  comparisonOf,
  openChangeRequest,
  showsChangeRequest,
} from '../../../src/workflow/lastReviewed'

const step = (action: string, minute: number, comment: null | string = null) => ({
  action,
  at: new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString(),
  comment,
})

describe('openChangeRequest', () => {
  test('the newest change request is open while nothing settled it; submits and withdrawals do not', () => {
    const request = step('changes-requested', 10, 'Clarify clause 3.')
    const steps = [
      step('submitted', 0),
      step('changes-requested', 5, 'First round.'),
      request,
      step('submitted', 20),
      step('withdrawn', 25),
    ]
    expect(openChangeRequest(steps)).toBe(request)
  })

  test('an approval or a publish after the request closes it', () => {
    expect(
      openChangeRequest([
        step('changes-requested', 10, 'x'),
        step('submitted', 20),
        step('approved', 30),
      ]),
    ).toBeNull()
    expect(
      openChangeRequest([
        step('changes-requested', 10, 'x'),
        step('approved', 20),
        step('published', 30),
      ]),
    ).toBeNull()
  })

  test('a request made after an approval (changes requested on an approved draft) is open', () => {
    const later = step('changes-requested', 40, 'One more thing.')
    expect(openChangeRequest([step('approved', 30), later])).toBe(later)
  })

  test('order of the list does not matter: the newest by time wins', () => {
    const newest = step('changes-requested', 50, 'Newest.')
    expect(
      openChangeRequest([newest, step('approved', 30), step('changes-requested', 10, 'Old.')]),
    ).toBe(newest)
    expect(openChangeRequest([step('published', 60), newest])).toBeNull()
  })

  test('no history, or none that requested changes: nothing is open', () => {
    expect(openChangeRequest([])).toBeNull()
    expect(openChangeRequest([step('submitted', 1), step('approval-voided', 2)])).toBeNull()
  })
})

describe('showsChangeRequest', () => {
  test('while the editor works on it and while it is re-reviewed, never otherwise', () => {
    expect(
      ['draft', 'in-review', 'changes-requested', 'approved', 'published'].filter(
        showsChangeRequest,
      ),
    ).toEqual(['in-review', 'changes-requested'])
  })
})

describe('comparisonOf', () => {
  test('absent means the published version; the two known values pass; anything else is refused', () => {
    expect([undefined, null, ''].map(comparisonOf)).toEqual(['published', 'published', 'published'])
    expect(comparisonOf('published')).toBe('published')
    expect(comparisonOf('last-request')).toBe('last-request')
    expect([['last-request'], 'LAST-REQUEST', 'draft', 1].map(comparisonOf)).toEqual([
      null,
      null,
      null,
      null,
    ])
  })
})

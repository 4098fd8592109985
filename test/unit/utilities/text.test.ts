import { describe, expect, test } from '@jest/globals'

import { textOf } from '../../../src/utilities/text'

describe('textOf', () => {
  test('strings stay as they are, numbers and booleans are written out', () => {
    expect(textOf('terms-of-use')).toBe('terms-of-use')
    expect(textOf('')).toBe('')
    expect(textOf(12)).toBe('12')
    expect(textOf(false)).toBe('false')
    expect(textOf(12n)).toBe('12')
  })

  test('a missing value or an object is the fallback, never "[object Object]"', () => {
    for (const value of [undefined, null, { action: 'submit' }, ['approve'], new Date(0)]) {
      expect(textOf(value)).toBe('')
      expect(textOf(value, 'draft')).toBe('draft')
    }
  })
})

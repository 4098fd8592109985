import { describe, expect, test } from '@jest/globals'

import { canonicalJSON, contentHash } from '../../../src/render'
import { p, state, text } from './lexical'

describe('contentHash', () => {
  test('is a hex SHA-256', () => {
    expect(contentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/)
    // sha256 of the string {"a":1}
    expect(contentHash({ a: 1 })).toBe(
      '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
    )
  })

  test('does not depend on key order, at any depth', () => {
    const a = {
      body: { root: { type: 'root', children: [{ type: 'text', text: 'x' }] } },
      n: [1, 2],
      title: 'Terms',
    }
    const b = {
      body: { root: { type: 'root', children: [{ type: 'text', text: 'x' }] } },
      n: [1, 2],
      title: 'Terms',
    }
    expect(contentHash(a)).toBe(contentHash(b))
  })

  test('changes with any content change, array order included', () => {
    const base = state(p(text('Hello')))
    expect(contentHash(base)).not.toBe(contentHash(state(p(text('Hello!')))))
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]))
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: '1' }))
  })

  test('serialises like JSON.stringify apart from key order', () => {
    expect(canonicalJSON({ a: [undefined, NaN, new Date(0)], b: undefined, c: null })).toBe(
      '{"a":[null,null,"1970-01-01T00:00:00.000Z"],"c":null}',
    )
    expect(canonicalJSON({ y: { '9': 2, '10': 1 }, z: 'é"\n' })).toBe(
      '{"y":{"10":1,"9":2},"z":"é\\"\\n"}',
    )
    expect(canonicalJSON(undefined)).toBe('null')
  })
})

import { describe, expect, test } from '@jest/globals'

import { CACHE_LIMITS, DeliveryCache, makeBody } from '../../../src/delivery/cache'

const body = (bytes: number) => makeBody('x'.repeat(bytes), 'application/json', 'public')
const response = (bytes: number) => ({
  body: Buffer.alloc(bytes),
  headers: [] as [string, string][],
  status: 200,
})

describe('the delivery cache stays within its budget', () => {
  test('bodies beyond the byte budget push the oldest entries out, never the newest', () => {
    const cache = new DeliveryCache()
    const size = 1024 * 1024
    const fits = Math.floor(CACHE_LIMITS.entryBytes / size)
    for (let i = 0; i < fits + 5; i++) {
      cache.set(`doc-${i}`, body(size), cache.currentGeneration)
    }
    expect(cache.byteSize).toBeLessThanOrEqual(CACHE_LIMITS.entryBytes)
    expect(cache.size).toBe(fits)
    expect(cache.get('doc-0')).toBeUndefined()
    expect(cache.get('doc-4')).toBeUndefined()
    expect(cache.get('doc-5')).toBeDefined()
    expect(cache.get(`doc-${fits + 4}`)?.body.length).toBe(size)
  })

  test('small bodies are bounded by count', () => {
    const cache = new DeliveryCache()
    for (let i = 0; i < CACHE_LIMITS.entries + 10; i++) {
      cache.set(`doc-${i}`, body(10), cache.currentGeneration)
    }
    expect(cache.size).toBe(CACHE_LIMITS.entries)
    expect(cache.get('doc-9')).toBeUndefined()
    expect(cache.get('doc-10')).toBeDefined()
  })

  test('replacing a key does not count its old body twice', () => {
    const cache = new DeliveryCache()
    cache.set('doc', body(1000), cache.currentGeneration)
    cache.set('doc', body(3000), cache.currentGeneration)
    expect({ bytes: cache.byteSize, size: cache.size }).toEqual({ bytes: 3000, size: 1 })
  })

  test('a body larger than the whole budget is not kept; GraphQL responses have their own budget', () => {
    const cache = new DeliveryCache()
    cache.set('huge', body(CACHE_LIMITS.entryBytes + 1), cache.currentGeneration)
    expect(cache.get('huge')).toBeUndefined()
    cache.set('doc', body(100), cache.currentGeneration)
    const size = 1024 * 1024
    for (let i = 0; i < CACHE_LIMITS.responseBytes / size + 3; i++) {
      cache.setResponse(`q-${i}`, response(size), cache.currentGeneration)
    }
    expect(cache.byteSize).toBe(100 + CACHE_LIMITS.responseBytes)
    expect(cache.get('doc')).toBeDefined()
    expect(cache.getResponse('q-0')).toBeUndefined()
  })

  test('clear() empties both stores and their byte counts; a body rendered before the clear is dropped', () => {
    const cache = new DeliveryCache()
    const generation = cache.currentGeneration
    cache.set('doc', body(100), generation)
    cache.setResponse('q', response(100), generation)
    cache.clear()
    expect({ bytes: cache.byteSize, size: cache.size }).toEqual({ bytes: 0, size: 0 })
    cache.set('late', body(100), generation)
    expect(cache.get('late')).toBeUndefined()
  })
})

import { describe, expect, jest, test } from '@jest/globals'

import { consentPayload, type CookieConsentApi, logConsent } from '../../../src/consent/client'
import { hashIp, truncateIp } from '../../../src/consent/ip'
import { createRateLimiter } from '../../../src/consent/rateLimit'
import { acceptTypeOf, validateConsent } from '../../../src/consent/validate'

describe('truncateIp', () => {
  test.each([
    ['203.0.113.77', '203.0.113.0'],
    ['::ffff:203.0.113.77', '203.0.113.0'],
    ['2001:db8:85a3:1234:5678::1', '2001:db8:85a3::'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8:0::'],
    ['::1', '0:0:0::'],
    ['fe80::1%eth0', 'fe80:0:0::'],
    ['not an ip', null],
    ['', null],
  ])('%s → %s', (ip, expected) => {
    expect(truncateIp(ip)).toBe(expected)
  })
  test('hashIp is keyed and needs a key', () => {
    expect(hashIp('203.0.113.77', null)).toBeNull()
    expect(hashIp('203.0.113.77', 'a')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashIp('203.0.113.77', 'a')).not.toBe(hashIp('203.0.113.77', 'b'))
    expect(hashIp('203.0.113.77', 'a')).toBe(hashIp('::ffff:203.0.113.77', 'a'))
  })
})

describe('createRateLimiter', () => {
  test('allows `limit` at once, then refills over the window', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 })
    const t = 1_000_000
    expect([1, 2, 3].map(() => limiter.take('a', t).ok)).toEqual([true, true, true])
    const refused = limiter.take('a', t)
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 20 })
    expect(limiter.take('b', t).ok).toBe(true)
    expect(limiter.take('a', t + 20_000).ok).toBe(true)
    expect(limiter.take('a', t + 20_000).ok).toBe(false)
  })
})

describe('validateConsent', () => {
  const config = {
    categories: {
      analytics: { services: { ga: {} } },
      marketing: { services: {} },
      necessary: { readOnly: true, services: {} },
    },
    language: { default: 'en', translations: { en: {} } },
    revision: 3,
  }
  const base = { consentId: '3f0c8a5e-8b1d-4c2e-9a7f-1b2c3d4e5f60', revision: 3 }
  test('acceptType follows cookieconsent 3', () => {
    expect(acceptTypeOf(3, 3, 1)).toBe('all')
    expect(acceptTypeOf(1, 3, 1)).toBe('necessary')
    expect(acceptTypeOf(2, 3, 1)).toBe('custom')
  })
  test('a custom choice passes; services default to none', () => {
    const r = validateConsent(
      {
        ...base,
        acceptedCategories: ['necessary', 'analytics'],
        acceptType: 'custom',
        rejectedCategories: ['marketing'],
      },
      config,
    )
    expect(r).toMatchObject({
      ok: true,
      record: { acceptedServices: {}, acceptType: 'custom', language: null, pageUrl: null },
    })
  })
  test('the revision is checked before the categories: 409', () => {
    expect(
      validateConsent(
        { ...base, acceptedCategories: [], acceptType: 'all', rejectedCategories: [], revision: 2 },
        config,
      ),
    ).toMatchObject({ ok: false, status: 409 })
  })
})

describe('logConsent', () => {
  const cc: CookieConsentApi = {
    getCookie: () => ({ consentId: 'id-1', languageCode: 'uk', revision: 2 }),
    getUserPreferences: () => ({
      acceptedCategories: ['necessary'],
      acceptedServices: {},
      acceptType: 'all',
      rejectedCategories: [],
      rejectedServices: {},
    }),
  }
  test('reads cookieconsent and sends with sendBeacon when the browser queues it', async () => {
    const beacon = jest.fn((_url: string, _data: string) => true)
    const fetchFn = jest.fn()
    const log = logConsent({
      cookieConsent: cc,
      endpoint: 'https://legal.example/api/legal/consents',
      fetch: fetchFn as never,
      sendBeacon: beacon,
      sendPageUrl: false,
    })
    expect(await log.send()).toBe(true)
    expect(beacon).toHaveBeenCalledTimes(1)
    expect(JSON.parse(beacon.mock.calls[0][1])).toEqual({ ...consentPayload(cc), language: 'uk' })
    expect(fetchFn).not.toHaveBeenCalled()
  })
  test('falls back to fetch with keepalive and retries network failures with backoff, not a 4xx', async () => {
    const calls: RequestInit[] = []
    let n = 0
    const fetchFn = jest.fn((_url: string, init: RequestInit) => {
      calls.push(init)
      if (++n < 3) {
        return Promise.reject(new TypeError('network down'))
      }
      return Promise.resolve(new Response('{}', { status: 201 }))
    })
    const log = logConsent({
      cookieConsent: cc,
      endpoint: 'https://legal.example/x',
      fetch: fetchFn as never,
      retryDelayMs: 1,
      sendBeacon: () => false,
    })
    expect(await log.send()).toBe(true)
    expect(calls).toHaveLength(3)
    expect(calls[0]).toMatchObject({ credentials: 'omit', keepalive: true, method: 'POST' })

    const onError = jest.fn()
    const refusing = jest.fn(() => Promise.resolve(new Response('{}', { status: 422 })))
    const failed = logConsent({
      cookieConsent: cc,
      endpoint: 'https://legal.example/x',
      fetch: refusing,
      onError,
      retryDelayMs: 1,
      sendBeacon: () => false,
    })
    expect(await failed.send()).toBe(false)
    expect(refusing).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledTimes(1)
  })
})

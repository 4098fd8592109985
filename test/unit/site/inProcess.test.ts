import { describe, expect, test } from '@jest/globals'

import { graphqlRequest, loadDocumentIndex } from '../../../dev/site/api'
import { IN_PROCESS_BASE_URL, inProcessGraphQLFetch } from '../../../dev/site/inProcess'

/** A stand-in for Payload's GraphQL handler that records what it was handed. */
function recorder(
  answer: () => Promise<Response> = () => Promise.resolve(Response.json({ data: { ok: true } })),
) {
  const seen: Request[] = []
  const handler = async (request: Request) => {
    seen.push(request)
    return answer()
  }
  return { handler, seen }
}

describe('the in-process GraphQL fetch', () => {
  test('hands over only the JSON body: no cookies, no Authorization, no caller URL', async () => {
    const { handler, seen } = recorder()
    const doFetch = inProcessGraphQLFetch(handler)
    const res = await doFetch('http://evil.example:8080/api/graphql', {
      body: '{"query":"{ a }"}',
      credentials: 'include',
      headers: {
        authorization: 'JWT abc',
        'content-type': 'application/json',
        cookie: 'payload-token=abc',
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
      },
      method: 'POST',
    })
    expect(await res.json()).toEqual({ data: { ok: true } })
    expect(seen).toHaveLength(1)
    const request = seen[0]
    expect(request.url).toBe(`${IN_PROCESS_BASE_URL}/api/graphql`)
    expect(request.method).toBe('POST')
    expect([...request.headers.keys()].sort()).toEqual(['accept', 'content-type'])
    expect(await request.text()).toBe('{"query":"{ a }"}')
  })

  test('the site API uses it like a network fetch', async () => {
    const { handler, seen } = recorder(() =>
      Promise.resolve(Response.json({ data: { LegalDocuments: { docs: [] } } })),
    )
    const result = await loadDocumentIndex(
      { baseUrl: IN_PROCESS_BASE_URL, fetch: inProcessGraphQLFetch(handler) },
      'en',
    )
    expect(result).toEqual({ data: [], ok: true })
    expect(seen).toHaveLength(1)
  })

  test('a handler that is too slow or fails makes the page "unavailable"', async () => {
    let timer: NodeJS.Timeout | undefined
    const slow = inProcessGraphQLFetch(
      () =>
        new Promise<Response>(
          (resolve) => (timer = setTimeout(() => resolve(Response.json({ data: {} })), 2000)),
        ),
    )
    const started = Date.now()
    expect(
      await graphqlRequest({ baseUrl: IN_PROCESS_BASE_URL, fetch: slow, timeoutMs: 100 }, '{ a }'),
    ).toMatchObject({ ok: false, reason: 'unavailable' })
    expect(Date.now() - started).toBeLessThan(1500)
    clearTimeout(timer)

    const failing = inProcessGraphQLFetch(() => {
      return Promise.reject(new Error('database down'))
    })
    expect(
      await graphqlRequest({ baseUrl: IN_PROCESS_BASE_URL, fetch: failing }, '{ a }'),
    ).toMatchObject({
      message: expect.stringContaining('database down'),
      ok: false,
      reason: 'unavailable',
    })
  })

  test('only a POST with a string body is accepted', async () => {
    const { handler, seen } = recorder()
    const doFetch = inProcessGraphQLFetch(handler)
    await expect(doFetch('x', { method: 'GET' })).rejects.toThrow(TypeError)
    await expect(doFetch('x', { body: new Uint8Array([1]), method: 'POST' })).rejects.toThrow(
      TypeError,
    )
    expect(seen).toHaveLength(0)
  })
})

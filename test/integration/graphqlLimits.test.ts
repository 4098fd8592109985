import { describe, expect, test } from '@jest/globals'

import { serveTestApp } from '../helpers/servedApp'

const served = serveTestApp()

async function post(body: string) {
  const res = await fetch(`${served.server.baseUrl}/api/graphql`, {
    body,
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  return { body: (await res.json()) as { errors?: { message: string }[] }, status: res.status }
}

/** LegalSections → document → sections → document … `levels` deep. */
function deepQuery(levels: number): string {
  let inner = 'id'
  for (let i = 0; i < levels; i++) {
    inner = `document { id sections { ${inner} } }`
  }
  return JSON.stringify({ query: `{ LegalSections { docs { ${inner} } } }` })
}

describe('GraphQL input limits', () => {
  test.each([
    ['malformed query', JSON.stringify({ query: '{ legalDocument(slug: ' })],
    ['not JSON', '{"query": '],
    ['query is not a string', JSON.stringify({ query: 42 })],
    ['unknown field', JSON.stringify({ query: '{ noSuchField }' })],
    ['wrong argument type', JSON.stringify({ query: '{ legalDocument(slug: 5) { title } }' })],
    ['over-deep relationship nesting', deepQuery(30)],
  ])('%s → 4xx JSON error, never 5xx', async (_name, body) => {
    const res = await post(body)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors?.[0]?.message).toEqual(expect.any(String))
  })

  test('the depth limit is what stops a deep query', async () => {
    const res = await post(deepQuery(8))
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth/)
  })

  test('an oversized body is refused with 413 before it is parsed', async () => {
    const res = await post(
      JSON.stringify({ query: `{ LegalSections { docs { id } } }${' '.repeat(200 * 1024)}` }),
    )
    expect(res.status).toBe(413)
  })

  test('a reasonable query still works', async () => {
    const res = await post(
      JSON.stringify({ query: '{ LegalSections { docs { id document { id } } } }' }),
    )
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
  })
})

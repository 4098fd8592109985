import { describe, expect, test } from '@jest/globals'
import { gql, GraphQLClient } from 'graphql-request'
import pg from 'pg'

import { serveTestApp } from '../helpers/servedApp'

const served = serveTestApp()

describe('express server over real HTTP', () => {
  test('/healthz answers while the process is alive', async () => {
    const res = await fetch(`${served.server.baseUrl}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  test('/readyz is 200 when the database answers', async () => {
    const res = await fetch(`${served.server.baseUrl}/readyz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ready' })
  })

  test('REST GET returns the legal documents collection as JSON', async () => {
    const res = await fetch(`${served.server.baseUrl}/api/legal-documents?limit=5&depth=0`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await res.json()) as { docs: unknown[]; totalDocs: number }
    expect(Array.isArray(body.docs)).toBe(true)
    expect(typeof body.totalDocs).toBe('number')
  })

  test('GraphQL answers a query through a real GraphQL client', async () => {
    const client = new GraphQLClient(`${served.server.baseUrl}/api/graphql`)
    const data = await client.request<{ LegalDocuments: { totalDocs: number } }>(gql`
      {
        LegalDocuments(limit: 1) {
          totalDocs
        }
      }
    `)
    expect(data.LegalDocuments.totalDocs).toBe(0)
  })

  test('unknown API routes answer a 404 JSON error', async () => {
    const res = await fetch(`${served.server.baseUrl}/api/no-such-collection`)
    expect(res.status).toBe(404)
    const body = (await res.json()) as { errors?: { message: string }[]; message?: string }
    expect(body.errors?.[0]?.message).toBe('There is no API route at /api/no-such-collection.')
  })

  test('unknown non-API paths answer 404 JSON when Next is not mounted', async () => {
    const res = await fetch(`${served.server.baseUrl}/nowhere`)
    expect(res.status).toBe(404)
  })

  // Last: it locks the test database against new connections.
  test('/readyz is 503 with a JSON error when the database refuses connections', async () => {
    const dbName = new URL(served.app.databaseUrl).pathname.slice(1)
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL })
    await admin.connect()
    try {
      await admin.query(
        `alter database ${admin.escapeIdentifier(dbName)} with allow_connections false`,
      )
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [dbName],
      )
      const res = await fetch(`${served.server.baseUrl}/readyz`)
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({
        error: 'Database is not reachable.',
        status: 'unavailable',
      })

      const health = await fetch(`${served.server.baseUrl}/healthz`)
      expect(health.status).toBe(200)
    } finally {
      await admin.query(
        `alter database ${admin.escapeIdentifier(dbName)} with allow_connections true`,
      )
      await admin.end()
    }
    const again = await fetch(`${served.server.baseUrl}/readyz`)
    expect(again.status).toBe(200)
  })
})

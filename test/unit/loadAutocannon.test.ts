import { expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { nodeArgs } from '../../dev/server/nodeArgs'

const root = path.resolve(import.meta.dirname, '../..')

test("the benchmark turns off autocannon's body decoding in the instance it runs (under node + tsx, as npm run bench does)", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...nodeArgs({ NODE_ENV: 'production' }), 'test/helpers/autocannonProbe.ts'],
    { cwd: root },
  )
  const result = JSON.parse(stdout) as Record<string, { mismatches: number; responses: number }>
  // With decoding off autocannon never sees a body, so an expectBody check fails every time.
  expect(result.notDecoding.responses).toBeGreaterThan(0)
  expect(result.notDecoding.mismatches).toBeGreaterThan(0)
  expect(result.decoding).toEqual({ mismatches: 0, responses: expect.any(Number) })
  expect(result.decoding.responses).toBeGreaterThan(0)
})

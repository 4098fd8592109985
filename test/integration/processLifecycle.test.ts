import type { ChildProcess } from 'node:child_process'

import { afterAll, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { nodeArgs } from '../../dev/server/nodeArgs'
import { type Run, spawnNode } from '../helpers/nodeChild'

const started: ChildProcess[] = []
// A failed assertion must not leave a server running.
afterAll(() => {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
    }
  }
})

/** The same command as `npm run dev` / `npm start`, without npm in between. */
function startServer(env: Record<string, string | undefined>) {
  const { child, exited, stderr, stdout } = spawnNode([...nodeArgs(env), 'dev/server/main.ts'], {
    NO_NEXT: 'true',
    ...env,
  })
  started.push(child)
  const output = stdout
  /** Waits for `text` in the output; fails at once, with the output, if the server exited. */
  const ready = async (text: string, timeoutMs = 150_000) => {
    const start = Date.now()
    while (!stdout().includes(text)) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `server exited (${child.exitCode ?? child.signalCode}) before "${text}":\n${stdout().slice(-2000)}\n${stderr().slice(-2000)}`,
        )
      }
      if (Date.now() - start > timeoutMs) {
        throw new Error(
          `no "${text}" after ${timeoutMs} ms:\n${stdout().slice(-2000)}\n${stderr().slice(-2000)}`,
        )
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return { child, exited, output, ready }
}

/** Exit code 0; otherwise the failure shows what the server printed, not just a number. */
function expectCleanExit(run: Run): void {
  if (run.code !== 0) {
    throw new Error(
      `server exited with ${run.code}:\n${run.stderr.slice(-3000)}\n--- stdout:\n${run.stdout.slice(-1500)}`,
    )
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('production start-up checks', () => {
  test.each([
    [
      { DATABASE_URL: 'postgres://x@127.0.0.1:1/x', NODE_ENV: 'production' },
      'PAYLOAD_SECRET is not set',
    ],
    [
      {
        DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'changeme',
      },
      'known default',
    ],
    [{ NODE_ENV: 'production', PAYLOAD_SECRET: 'f'.repeat(64) }, 'DATABASE_URL is not set'],
  ])('refuses to start with %j in one line', async (env, reason) => {
    const { exited } = startServer(env)
    const run = await exited
    expect(run.code).toBe(1)
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.includes('nodedir'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Refusing to start: /)
    expect(lines[0]).toContain(reason)
  })
})

describe('development start with the embedded PostgreSQL', () => {
  test('starts, creates demo users once, reuses data and port, and leaves no postgres behind on SIGTERM', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-docs-dev-'))
    await fs.chmod(dataDir, 0o755)
    try {
      const env = { DATA_DIR: dataDir, NODE_ENV: 'development', PORT: '0' }

      const first = startServer(env)
      await first.ready('Legal documents ready')
      expect(first.output()).toMatch(/Embedded PostgreSQL running on 127\.0\.0\.1:\d+/)
      expect(first.output()).toContain('Demo users created')
      for (const email of ['admin@example.com', 'editor@example.com', 'reviewer@example.com']) {
        expect(first.output()).toContain(email)
      }
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid')
      const postgresPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
      expect(alive(postgresPid)).toBe(true)
      const firstPort = first.output().match(/127\.0\.0\.1:(\d+)/)![1]

      first.child.kill('SIGTERM')
      // The output goes into the failure message: an exit code alone does not say what broke.
      expectCleanExit(await first.exited)
      expect(alive(postgresPid)).toBe(false)
      expect(existsSync(pidFile)).toBe(false)

      const second = startServer(env)
      await second.ready('Legal documents ready')
      expect(second.output()).not.toContain('Demo users created')
      expect(second.output().match(/127\.0\.0\.1:(\d+)/)![1]).toBe(firstPort)
      second.child.kill('SIGINT')
      expectCleanExit(await second.exited)
      expect(existsSync(pidFile)).toBe(false)
    } finally {
      await fs.rm(dataDir, { force: true, recursive: true })
    }
  }, 180_000)

  test('a postgres orphaned by a SIGKILLed server is shut down and replaced on the next start', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-docs-dev-'))
    await fs.chmod(dataDir, 0o755)
    try {
      const env = { DATA_DIR: dataDir, NO_DEMO_USERS: 'true', NODE_ENV: 'development', PORT: '0' }
      const first = startServer(env)
      await first.ready('Legal documents ready')
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid')
      const orphan = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
      // Kill the server the hard way; its postgres child is left behind as an orphan.
      first.child.kill('SIGKILL')
      await first.exited
      expect(alive(orphan)).toBe(true)

      const second = startServer(env)
      await second.ready('Legal documents ready')
      expect(alive(orphan)).toBe(false)
      second.child.kill('SIGTERM')
      expect((await second.exited).code).toBe(0)
      expect(existsSync(pidFile)).toBe(false)
    } finally {
      await fs.rm(dataDir, { force: true, recursive: true })
    }
  }, 180_000)
})

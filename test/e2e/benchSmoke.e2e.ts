import { describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/**
 * The benchmark and soak scripts, run for a second or two against the production build so
 * they cannot rot (issue 7, point 8). Their figures belong in docs/BENCHMARKS.md and
 * docs/SECURITY.md: nothing here asserts a timing, only that every case ran and answered
 * what it claims to.
 */
const root = path.resolve(import.meta.dirname, '../..')

type Run = { code: number; output: string }

function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      { cwd: root, env, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0
        resolve({ code, output: `${stdout}\n${stderr}` })
      },
    )
  })
}

describe('benchmark scripts (smoke runs)', () => {
  test('npm run bench -- --smoke measures all five cases, the ratios and the publish cost, then the host-app section', async () => {
    // Its own dataset directory, so a developer's cached benchmark data is neither used nor touched.
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-bench-smoke-'))
    // The embedded PostgreSQL runs as its own user (we are root here), which must reach the data directory.
    await fs.chmod(tmp, 0o755)
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp }
      delete env.DATABASE_URL
      const { code, output } = await npmRun('bench', ['--smoke'], env)
      expect({ code, tail: code ? output.slice(-3000) : '' }).toEqual({ code: 0, tail: '' })
      for (const id of ['a', 'b', 'c', 'd', 'e']) {
        expect(output).toMatch(
          new RegExp(`^\\| \\(${id}\\) .+ \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\|`, 'm'),
        )
      }
      expect(output).toMatch(/^\| a\/d \| \d+% \|/m)
      expect(output).toMatch(/^\| a\/b \| [\d.]+× \|/m)
      expect(output).toMatch(/^\| c\/a \| \d+% /m)
      expect(output).toMatch(
        /^\| publish of an approved 50-section document, median of 3 \| [\d.]+ ms/m,
      )
      expect(output).toMatch(
        /^\| server RSS after the benchmark \(8 s without requests\) \| \d+ MB \(\d+ MB right after the load\) \| ≤ 400 MB \|/m,
      )
      // The host-app section (bench/host.ts): a packed, installed and built host app, seven cases.
      for (const id of ['h-bare', 'h-a', 'h-a0', 'h-e', 'h-bare-304', 'h-c', 'h-b']) {
        expect(output).toMatch(
          new RegExp(`^\\| \\(${id}\\) .+ \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\|`, 'm'),
        )
      }
      expect(output).toMatch(/^\| h-a \/ h-bare .+ \| \d+% \| ≥ 80% \|/m)
      expect(output).toMatch(/^\| h-a \/ h-b .+ \| [\d.]+× \| ≥ 10× \|/m)
      expect(output).not.toMatch(/wrong status|cases with wrong answers/)
    } finally {
      await fs.rm(tmp, { force: true, recursive: true })
    }
    // The reference app's bench (~3 min) plus the host app's preparation (pack, install, next build: ~4 min).
  }, 1_200_000)

  test('npm run soak runs reads and publishes through the workflow and reports memory', async () => {
    // Memory over 20 s says nothing (one GC cycle): the smoke checks the run, not flatness.
    const { code, output } = await npmRun(
      'soak',
      ['--minutes', '0.35', '--publish-every', '3', '--rate', '300', '--max-growth', '1000'],
      { ...process.env },
    )
    expect({ code, tail: code ? output.slice(-3000) : '' }).toEqual({ code: 0, tail: '' })
    expect(output).toMatch(/^\| \*\*all\*\* \| \*\*\d+\*\* \| \| \*\*0\*\* \|/m)
    expect(output).toMatch(
      /Publishes: [1-9]\d* new versions through the workflow over REST, 0 failed/,
    )
    expect(output).toMatch(/Server RSS every 10 s \(MB\): \d+/)
    expect(output).toMatch(/\d+ MB 30 s after the load/)
    expect(output).toMatch(/Errors: 0\. PASS/)
  }, 600_000)
})

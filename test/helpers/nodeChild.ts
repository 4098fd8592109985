import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/** How a child process ended, and everything it wrote. */
export type Run = { code: null | number; stderr: string; stdout: string }

export type NodeChild = {
  child: ChildProcess
  exited: Promise<Run>
  stderr: () => string
  stdout: () => string
}

/**
 * `node <args>` in the repository root, as its npm scripts run it but without npm in between (so
 * signals reach the process itself). Of this process's environment only HOME and PATH are passed,
 * so nothing such as DATABASE_URL leaks in unasked; `env` adds the rest.
 */
export function spawnNode(args: string[], env: Record<string, string | undefined>): NodeChild {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { HOME: process.env.HOME, PATH: process.env.PATH, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<Run>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr, stdout })),
  )
  return { child, exited, stderr: () => stderr, stdout: () => stdout }
}

import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export type Account = { email: string; password: string }
export type ProductionApp = {
  baseUrl: string
  accounts: Record<'admin' | 'editor' | 'reviewer', Account>
  stop: () => Promise<void>
}

function run(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function json(url: string, init: RequestInit & { token?: string } = {}): Promise<any> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
  })
  const body = await res.json()
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${JSON.stringify(body)}`)
  return body
}

/**
 * The production build (`npm start`'s command) on a throw-away embedded PostgreSQL, with an
 * admin, an editor and a reviewer made over the API (production creates no demo users), and
 * the reference content published by `npm run seed`.
 */
export async function startProductionApp(): Promise<ProductionApp> {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.')
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-e2e-'))
  await fs.chmod(dataDir, 0o755)
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    EMBEDDED_POSTGRES: 'true',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    NEXT_TELEMETRY_DISABLED: '1',
  } as NodeJS.ProcessEnv
  const server = run(['src/server/main.ts'], env)
  const started = Date.now()
  while (!/admin at (http:\/\/[^/]+)\/admin/.test(server.output())) {
    if (server.child.exitCode !== null || Date.now() - started > 120_000) throw new Error(`server did not start:\n${server.output()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  const baseUrl = server.output().match(/admin at (http:\/\/[^/]+)\/admin/)![1].replace('localhost', '127.0.0.1')
  const stop = async () => {
    if (server.child.exitCode === null) {
      process.kill(-server.child.pid!, 'SIGTERM')
      await server.exited
    }
    await fs.rm(dataDir, { recursive: true, force: true })
  }

  try {
    const accounts = {
      admin: { email: 'admin@e2e.example', password: `admin-${randomBytes(8).toString('hex')}` },
      editor: { email: 'editor@e2e.example', password: `editor-${randomBytes(8).toString('hex')}` },
      reviewer: { email: 'reviewer@e2e.example', password: `reviewer-${randomBytes(8).toString('hex')}` },
    }
    const api = `${baseUrl}/api`
    const { token } = await json(`${api}/users/first-register`, { method: 'POST', body: JSON.stringify({ ...accounts.admin, name: 'Ada Admin', roles: ['admin'] }) })
    for (const [role, name] of [['editor', 'Eve Editor'], ['reviewer', 'Rita Reviewer']] as const) {
      await json(`${api}/users`, { method: 'POST', token, body: JSON.stringify({ ...accounts[role], name, roles: [role] }) })
    }
    const seed = run(['seed/index.ts'], env)
    if ((await seed.exited) !== 0) throw new Error(`npm run seed failed:\n${seed.output()}`)
    return { baseUrl, accounts, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { nodeArgs } from '../../dev/server/nodeArgs'

const root = path.resolve(import.meta.dirname, '../..')

export type Account = { email: string; password: string }
export type ProductionApp = {
  accounts: Record<'admin' | 'editor' | 'reviewer', Account>
  baseUrl: string
  stop: () => Promise<void>
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; exited: Promise<null | number>; output: () => string } {
  const child = spawn(process.execPath, [...nodeArgs(env), ...args], {
    cwd: root,
    detached: true,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const exited = new Promise<null | number>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

async function json(url: string, init: { token?: string } & RequestInit = {}): Promise<any> {
  const res = await fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
    },
  })
  const body = await res.json()
  if (!res.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${JSON.stringify(body)}`)
  }
  return body
}

/**
 * The production build (`npm start`'s command) on a throw-away embedded PostgreSQL, with an
 * admin, an editor and a reviewer made over the API (production creates no demo users), and
 * the reference content published by `npm run seed`.
 */
export async function startProductionApp(): Promise<ProductionApp> {
  if (!existsSync(path.join(root, 'dev', '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first.')
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-e2e-'))
  await fs.chmod(dataDir, 0o755)
  const env = {
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES: 'true',
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PATH: process.env.PATH,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    PORT: '0',
  } as NodeJS.ProcessEnv
  const server = run(['dev/server/main.ts'], env)
  const started = Date.now()
  while (!/admin at http:\/\/[^/]+\/admin/.test(server.output())) {
    if (server.child.exitCode !== null || Date.now() - started > 120_000) {
      throw new Error(`server did not start:\n${server.output()}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const baseUrl = server
    .output()
    .match(/admin at (http:\/\/[^/]+)\/admin/)![1]
    .replace('localhost', '127.0.0.1')
  const stop = async () => {
    if (server.child.exitCode === null) {
      process.kill(-server.child.pid!, 'SIGTERM')
      await server.exited
    }
    await fs.rm(dataDir, { force: true, recursive: true })
  }

  try {
    const accounts = {
      admin: { email: 'admin@e2e.example', password: `admin-${randomBytes(8).toString('hex')}` },
      editor: { email: 'editor@e2e.example', password: `editor-${randomBytes(8).toString('hex')}` },
      reviewer: {
        email: 'reviewer@e2e.example',
        password: `reviewer-${randomBytes(8).toString('hex')}`,
      },
    }
    const api = `${baseUrl}/api`
    const { token } = await json(`${api}/users/first-register`, {
      body: JSON.stringify({ ...accounts.admin, name: 'Ada Admin', roles: ['admin'] }),
      method: 'POST',
    })
    for (const [role, name] of [
      ['editor', 'Eve Editor'],
      ['reviewer', 'Rita Reviewer'],
    ] as const) {
      await json(`${api}/users`, {
        body: JSON.stringify({ ...accounts[role], name, roles: [role] }),
        method: 'POST',
        token,
      })
    }
    // The seed exits 1 when its start-up stalled (see seed/index.ts); that is worth a retry,
    // and the content must really be there afterwards.
    for (let attempt = 1; ; attempt++) {
      const seed = run(['seed/index.ts'], env)
      const code = await seed.exited
      const published = await json(
        `${api}/legal-documents?where[slug][equals]=general-conditions&depth=0`,
      ).catch(() => ({ totalDocs: 0 }))
      if (code === 0 && published.totalDocs === 1) {
        break
      }
      if (attempt === 3) {
        throw new Error(`npm run seed failed (exit ${code}):\n${seed.output()}`)
      }
    }
    return { accounts, baseUrl, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** A REST or GraphQL call to the app, as an account (logged in over the API) or anonymously. */
export async function apiCall(
  app: ProductionApp,
  pathname: string,
  account?: Account,
  init: RequestInit = {},
): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (account) {
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      body: JSON.stringify(account),
      headers,
      method: 'POST',
    })
    headers.authorization = `JWT ${((await login.json()) as { token: string }).token}`
  }
  const res = await fetch(`${app.baseUrl}${pathname}`, { ...init, headers })
  return res.json()
}

export async function until<T>(
  what: string,
  probe: () => Promise<false | T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (value) {
      return value
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** A fresh browser context signed in to the admin as `account` (closed by the caller). */
export async function signIn(
  browser: Browser,
  app: ProductionApp,
  account: Account,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { height: 1000, width: 1400 } })
  const page = await context.newPage()
  await page.goto(`${app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return { context, page }
}

/** The workflow bar's status text ("Draft", "In review", …). */
export const workflowStatus = (page: Page) => page.textContent('[data-testid="workflow-status"]')

/** Clicks a workflow button and waits until the bar shows the state it leads to. */
export async function workflowAct(page: Page, button: string, expected: string): Promise<void> {
  await page.click(button)
  await until(
    `status "${expected}"`,
    async () => (await workflowStatus(page).catch(() => null)) === expected,
    30_000,
  )
}

/** Appends a sentence to a section's text in the rich-text editor and waits for autosave. */
export async function appendToSection(
  app: ProductionApp,
  page: Page,
  sectionId: number,
  sentence: string,
): Promise<void> {
  await page.goto(`${app.baseUrl}/admin/collections/legal-sections/${sectionId}`)
  const editor = page.locator('[data-lexical-editor="true"]').first()
  await editor.waitFor({ timeout: 60_000 })
  // At the end of the last paragraph, so the sentence becomes a paragraph of its own.
  await editor.locator('p').last().click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(sentence)
  await until('the section draft to be saved', async () => {
    const draft = await apiCall(
      app,
      `/api/legal-sections/${sectionId}?draft=true&depth=0`,
      app.accounts.editor,
    )
    return JSON.stringify(draft.body).includes(sentence)
  })
}

import { afterAll, beforeAll, expect } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core'

import { nodeArgs } from '../../dev/server/nodeArgs'
import { artifacts } from './axe'

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

/** `apiCall` with a JSON body, as `account`: a POST unless `method` says otherwise. */
export const apiSend = (
  app: ProductionApp,
  pathname: string,
  account: Account,
  body: unknown,
  method = 'POST',
): Promise<any> => apiCall(app, pathname, account, { body: JSON.stringify(body), method })

/** The id of the legal document published at `slug`. */
export async function documentIdOf(app: ProductionApp, slug: string): Promise<number> {
  return (await apiCall(app, `/api/legal-documents?where[slug][equals]=${slug}&depth=0`)).docs[0].id
}

/** The id of the section with `anchor` in the document `documentId`. */
export async function sectionIdOf(
  app: ProductionApp,
  documentId: number,
  anchor: string,
): Promise<number> {
  return (
    await apiCall(
      app,
      `/api/legal-sections?where[document][equals]=${documentId}&where[anchor][equals]=${anchor}&depth=0`,
    )
  ).docs[0].id
}

/**
 * A document's draft through review over the API: the editor submits it, the reviewer approves
 * and publishes it. The three answers, for the caller to check.
 */
export async function submitApprovePublish(
  app: ProductionApp,
  id: number,
): Promise<{ approved: any; published: any; submitted: any }> {
  const { editor, reviewer } = app.accounts
  const submitted = await apiSend(app, `/api/legal-documents/${id}/workflow`, editor, {
    action: 'submit',
  })
  const approved = await apiSend(app, `/api/legal-documents/${id}/workflow`, reviewer, {
    action: 'approve',
  })
  const published = await apiSend(
    app,
    `/api/legal-documents/${id}`,
    reviewer,
    { _status: 'published' },
    'PATCH',
  )
  return { approved, published, submitted }
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

/**
 * A fresh browser context signed in to the admin as `account` (closed by the caller); with
 * `language`, the admin's language as Payload keeps it (its `payload-lng` cookie).
 */
export async function signIn(
  browser: Browser,
  app: ProductionApp,
  account: Account,
  language?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { height: 1000, width: 1400 } })
  if (language) {
    await context.addCookies([{ name: 'payload-lng', url: app.baseUrl, value: language }])
  }
  const page = await context.newPage()
  await page.goto(`${app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return { context, page }
}

export type BrowserSuite = {
  /** `apiCall` on this file's app. */
  api: (pathname: string, account?: Account, init?: RequestInit) => Promise<any>
  readonly app: ProductionApp
  readonly browser: Browser
  /** A fresh browser context, closed after the file's tests. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>
  /** A page signed in to the admin as `account`, its context closed after the file's tests. */
  signIn: (account: Account, language?: string) => Promise<Page>
}

/**
 * What every browser-test file starts with and ends with. Before its tests: the artifacts folder
 * for screenshots, the production app, a browser, then `prepare` (the file's own content).
 * After them: the contexts opened through the suite, the browser and the app. `app` and
 * `browser` are there from the file's `beforeAll` on.
 */
export function browserSuite(
  prepare?: (app: ProductionApp) => Promise<void>,
  timeoutMs?: number,
): BrowserSuite {
  let app: ProductionApp | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    await fs.mkdir(artifacts, { recursive: true })
    app = await startProductionApp()
    browser = await chromium.launch({ args: CHROMIUM_ARGS, executablePath: chromiumPath() })
    await prepare?.(app)
  }, timeoutMs)
  afterAll(async () => {
    for (const context of contexts) {
      await context.close().catch(() => {})
    }
    await browser?.close()
    await app?.stop()
  })
  const suite: BrowserSuite = {
    api: (pathname, account, init) => apiCall(suite.app, pathname, account, init),
    get app() {
      return app!
    },
    get browser() {
      return browser!
    },
    async newContext(options) {
      const context = await suite.browser.newContext(options)
      contexts.push(context)
      return context
    },
    async signIn(account, language) {
      const { context, page } = await signIn(suite.browser, suite.app, account, language)
      contexts.push(context)
      return page
    },
  }
  return suite
}

export type SectionSuite = {
  /** Appends a sentence to the section in the editor and waits for autosave. */
  appendToSection: (page: Page, sentence: string) => Promise<void>
  readonly documentId: number
  /** The document's edit page, once its workflow bar has loaded. */
  openDocument: (page: Page) => Promise<void>
  readonly sectionId: number
} & BrowserSuite

/** A browser suite on the seeded document at `slug` and its section at `anchor`. */
export function sectionSuite(slug: string, anchor: string): SectionSuite {
  let documentId: number | undefined
  let sectionId: number | undefined
  const suite = browserSuite(async (app) => {
    documentId = await documentIdOf(app, slug)
    sectionId = await sectionIdOf(app, documentId, anchor)
  })
  return {
    api: suite.api,
    get app() {
      return suite.app
    },
    appendToSection: (page, sentence) => appendToSection(suite.app, page, sectionId!, sentence),
    get browser() {
      return suite.browser
    },
    get documentId() {
      return documentId!
    },
    newContext: suite.newContext,
    openDocument: (page) => openDocument(suite.app, page, documentId!),
    get sectionId() {
      return sectionId!
    },
    signIn: suite.signIn,
  }
}

/** A legal document's edit page, once its workflow bar has loaded. */
export async function openDocument(
  app: ProductionApp,
  page: Page,
  documentId: number,
): Promise<void> {
  await page.goto(`${app.baseUrl}/admin/collections/legal-documents/${documentId}`)
  await page.waitForSelector('[data-testid="workflow-status"]', { timeout: 60_000 })
}

/**
 * At each width (900 px high): `atWidth` (screenshots and whatever else the test does there),
 * then the proof that nothing on the page is wider than the window. Back at 1,400 × 1,000 after.
 */
export async function expectFits(
  page: Page,
  name: string,
  widths: number[],
  atWidth: (width: number) => Promise<unknown>,
  settleMs = 0,
): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ height: 900, width })
    await page.waitForTimeout(settleMs)
    await atWidth(width)
    const fit = await page.evaluate(() => ({
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
    }))
    expect({ name, width, ...fit }).toEqual({
      name,
      clientWidth: fit.clientWidth,
      scrollWidth: Math.min(fit.scrollWidth, fit.clientWidth),
      width,
    })
  }
  await page.setViewportSize({ height: 1000, width: 1400 })
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

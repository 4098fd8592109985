/**
 * The consent configuration in the real cookie banner (issue 15, point 2): vanilla-cookieconsent
 * 3 from node_modules, in Debian's chromium (playwright-core), against the real server over
 * HTTP with cookie entries and a cookie policy published through the review workflow. The page
 * fetches GET /api/legal/cookies/consent-config and hands it to `CookieConsent.run()` as it is
 * (only `hideFromBots: false`, since the test browser is a bot by cookieconsent's test).
 *
 * Needs no Next build; it runs with the other browser tests (`npm run test:e2e`), so `npm test`
 * needs no browser.
 * Set CHROMIUM_PATH for another browser binary.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

import { SLUGS } from '../../src/slugs'
import {
  ANALYTICS_COOKIE,
  type ServedApp,
  SESSION_COOKIE,
  startServedApp,
} from '../helpers/consentSetup'
import {
  draftCookiePolicy,
  publishCookie,
  reviewAndPublish,
  reviewCookie,
} from '../helpers/cookiePolicy'
import { CHROMIUM_ARGS, chromiumPath } from './productionApp'

type Json = Record<string, any>
const CHROMIUM = chromiumPath()
const dist = path.resolve(process.cwd(), 'node_modules/vanilla-cookieconsent/dist')

let site: ServedApp
let browser: Browser
let analyticsCookie: Json
const published = ['session_id', '_ga', '_ga_*', '_fbp']

/** A website page: the real library and stylesheet, the served configuration as it is. */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Site</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/site/cookieconsent.css"><script src="/site/cookieconsent.umd.js"></script></head>
<body><main><h1>A website</h1></main>
<script>
  (async () => {
    const config = await (await fetch('/api/legal/cookies/consent-config')).json()
    window.servedConfig = config
    await CookieConsent.run({ ...config, hideFromBots: false })
    window.bannerReady = true
  })().catch((err) => console.error('banner failed: ' + (err && err.stack || err)))
</script></body></html>`

const problems: string[] = []

async function openSite(): Promise<Page> {
  const context = browser.contexts()[0] ?? (await browser.newContext())
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`console.${m.type()}: ${m.text()}`)
    }
  })
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  await page.route(`${site.server.baseUrl}/site/**`, (route) => {
    const url = new URL(route.request().url())
    if (url.pathname === '/site/') {
      return route.fulfill({ body: PAGE, contentType: 'text/html; charset=utf-8', status: 200 })
    }
    if (url.pathname === '/site/cookieconsent.umd.js') {
      return route.fulfill({
        body: readFileSync(path.join(dist, 'cookieconsent.umd.js')),
        contentType: 'text/javascript',
        status: 200,
      })
    }
    if (url.pathname === '/site/cookieconsent.css') {
      return route.fulfill({
        body: readFileSync(path.join(dist, 'cookieconsent.css')),
        contentType: 'text/css',
        status: 200,
      })
    }
    return route.fulfill({ body: '', status: 404 })
  })
  await page.goto(`${site.server.baseUrl}/site/`)
  await page.waitForFunction(
    () => (window as unknown as { bannerReady?: boolean }).bannerReady === true,
    undefined,
    { timeout: 15_000 },
  )
  return page
}

const consentCookie = async (page: Page): Promise<Json | null> => {
  const c = (await page.context().cookies()).find((k) => k.name === 'cc_cookie')
  return c ? (JSON.parse(decodeURIComponent(c.value)) as Json) : null
}
const shows = (page: Page, what: 'consent' | 'preferences') =>
  page.evaluate((w) => document.documentElement.classList.contains(`show--${w}`), what)

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`)
  }
  site = await startServedApp('browser')
  const { app, editor, reviewer } = site
  await publishCookie(app.payload, editor, reviewer, SESSION_COOKIE)
  analyticsCookie = await publishCookie(app.payload, editor, reviewer, {
    ...ANALYTICS_COOKIE,
    name: '_ga',
  })
  await publishCookie(app.payload, editor, reviewer, {
    ...ANALYTICS_COOKIE,
    purpose: 'Keeps the session state.',
  })
  await publishCookie(app.payload, editor, reviewer, {
    name: '_fbp',
    category: 'marketing',
    duration: '3 months',
    party: 'third',
    provider: 'Meta',
    purpose: 'Advertising.',
    service: 'Meta Pixel',
  })
  const policy = await draftCookiePolicy(app.payload, editor, {
    slug: 'cookie-policy',
    banner: {
      en: { consentTitle: 'Cookies at Acme', showPreferences: 'Choose cookies' },
      uk: { consentTitle: 'Cookie в Acme' },
    },
  })
  await reviewAndPublish(app.payload, editor, reviewer, policy.id)
  browser = await chromium.launch({ args: CHROMIUM_ARGS, executablePath: CHROMIUM })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await site?.server.close()
  await site?.app.close()
})

describe('the served configuration in vanilla-cookieconsent 3', () => {
  test('runs without errors; the banner shows the published texts; preferences list every published cookie', async () => {
    const page = await openSite()
    expect(await shows(page, 'consent')).toBe(true)
    await expect(page.locator('#cc-main .cm__title').textContent()).resolves.toBe('Cookies at Acme')
    await expect(page.locator('#cc-main .cm__footer a').getAttribute('href')).resolves.toBe(
      '/legal/cookie-policy',
    )
    await page.locator('#cc-main .cm__btn[data-role="show"]').click()
    await page.waitForFunction(() =>
      document.documentElement.classList.contains('show--preferences'),
    )
    // cookieconsent names a cell by its column's header: the "Cookie" column lists the names.
    const listed = await page
      .locator('#cc-main .pm table tbody td[data-column="Cookie"]')
      .allTextContents()
    expect(listed.map((t) => t.trim()).sort()).toEqual([...published].sort())
    await expect(page.locator('#cc-main .pm__title').textContent()).resolves.toBe(
      'Cookie preferences',
    )
    expect(problems).toEqual([])
    await page.close()
  })

  test('accepting only analytics stores that choice in the consent cookie', async () => {
    const page = await openSite()
    const revision = (await page.evaluate(
      () => (window as unknown as { servedConfig: Json }).servedConfig.revision,
    )) as number
    await page.locator('#cc-main .cm__btn[data-role="show"]').click()
    await page.waitForFunction(() =>
      document.documentElement.classList.contains('show--preferences'),
    )
    const toggle = page.locator('#cc-main .pm input.section__toggle[value="analytics"]')
    await page.waitForTimeout(500) // the modal's opening transition
    await toggle.evaluate((input: HTMLInputElement) => input.click())
    expect(await toggle.isChecked()).toBe(true)
    expect(
      await page.locator('#cc-main .pm input.section__toggle[value="marketing"]').isChecked(),
    ).toBe(false)
    await page.locator('#cc-main .pm__btn[data-role="save"]').click()
    await page.waitForFunction(
      () => !document.documentElement.classList.contains('show--preferences'),
    )
    const cookie = await consentCookie(page)
    expect(cookie?.categories).toEqual(['necessary', 'analytics'])
    expect(cookie?.revision).toBe(revision)
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { CookieConsent: { acceptedCategory: (c: string) => boolean } }
        ).CookieConsent.acceptedCategory('marketing'),
      ),
    ).toBe(false)
    // Asked once: a reload keeps the choice and shows no banner.
    await page.reload()
    await page.waitForFunction(
      () => (window as unknown as { bannerReady?: boolean }).bannerReady === true,
    )
    expect(await shows(page, 'consent')).toBe(false)
    expect(problems).toEqual([])
    await page.close()
  })

  test('a published material change to the cookie declaration raises the revision: the banner asks again', async () => {
    const before = (
      (await (
        await fetch(`${site.server.baseUrl}/api/legal/cookies/consent-config`)
      ).json()) as Json
    ).revision as number
    const { app, editor, reviewer } = site
    await app.payload.update({
      id: analyticsCookie.id,
      collection: SLUGS.cookies,
      data: { materialChange: true, purpose: 'Counts visits and measures campaigns.' },
      overrideAccess: false,
      user: editor,
    })
    await reviewCookie(app.payload, editor, reviewer, analyticsCookie.id)

    const page = await openSite()
    const served = await page.evaluate<Json>(
      () => (window as unknown as { servedConfig: Json }).servedConfig,
    )
    expect(served.revision).toBe(before + 1)
    expect((await consentCookie(page))?.revision).toBe(before)
    expect(await shows(page, 'consent')).toBe(true)
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { CookieConsent: { validConsent: () => boolean } }
        ).CookieConsent.validConsent(),
      ),
    ).toBe(false)
    await page.locator('#cc-main .cm__btn[data-role="necessary"]').click()
    await page.waitForFunction(() => !document.documentElement.classList.contains('show--consent'))
    expect(await consentCookie(page)).toMatchObject({
      categories: ['necessary'],
      revision: before + 1,
    })
    expect(problems).toEqual([])
    await page.close()
  })
})

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs/promises'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'

import { axeFindings } from './axe'
import {
  apiCall,
  CHROMIUM_ARGS,
  chromiumPath,
  type ProductionApp,
  signIn,
  startProductionApp,
} from './productionApp'

/**
 * A significant change published ahead of its effective date (issue 14, point 1), as readers
 * and editors see it on the production build: the page keeps the version in force and says
 * when it changes, with a link to the changes; the admin says which version is in force and
 * which is upcoming.
 */
const artifacts = path.resolve(import.meta.dirname, '../artifacts')
const DAY = 86_400_000
let app: ProductionApp
let browser: Browser

const post = (
  pathname: string,
  account: ProductionApp['accounts']['editor'],
  body: unknown,
  method = 'POST',
) => apiCall(app, pathname, account, { body: JSON.stringify(body), method })

beforeAll(async () => {
  await fs.mkdir(artifacts, { recursive: true })
  app = await startProductionApp()
  browser = await chromium.launch({ args: CHROMIUM_ARGS, executablePath: chromiumPath() })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('a significant change published with notice', () => {
  const effective = new Date(Math.floor(Date.now() / DAY) * DAY + 45 * DAY + 12 * 3600_000)
  let id: number

  test('the editor dates it 45 days ahead; a reviewer approves and publishes it', async () => {
    const { editor, reviewer } = app.accounts
    const doc = (
      await apiCall(app, '/api/legal-documents?where[slug][equals]=privacy-policy&depth=0')
    ).docs[0]
    id = doc.id
    const draft = await apiCall(app, `/api/legal-documents/${id}?draft=true&depth=1`, editor)
    const section = draft.sections[0]
    await post(
      `/api/legal-sections/${section.id}?draft=true`,
      editor,
      { heading: `${section.heading} (updated)` },
      'PATCH',
    )
    await post(
      `/api/legal-documents/${id}?draft=true`,
      editor,
      {
        changeSummary: 'We now keep support e-mails for two years.',
        effectiveDate: effective.toISOString(),
        materialChange: true,
      },
      'PATCH',
    )
    expect(
      (await post(`/api/legal-documents/${id}/workflow`, editor, { action: 'submit' }))
        .workflowState,
    ).toBe('in-review')
    expect(
      (await post(`/api/legal-documents/${id}/workflow`, reviewer, { action: 'approve' }))
        .workflowState,
    ).toBe('approved')
    const published = await post(
      `/api/legal-documents/${id}`,
      reviewer,
      { _status: 'published' },
      'PATCH',
    )
    expect(published.doc.version).toBe(2)
  })

  test('the public page keeps the version in force and announces the change, at 1,366 and 390 px', async () => {
    const day = effective.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
      year: 'numeric',
    })
    for (const width of [1366, 390]) {
      const context = await browser.newContext({ viewport: { height: 900, width } })
      const page = await context.newPage()
      await page.goto(`${app.baseUrl}/legal/privacy-policy`)
      expect(await page.textContent('[data-testid="document-version"]')).toBe('1')
      const notice = page.locator('[data-testid="upcoming-notice"]')
      expect(await notice.textContent()).toContain(`This policy changes on ${day}`)
      expect(await notice.textContent()).toContain('We now keep support e-mails for two years.')
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true)
      await page.screenshot({
        fullPage: false,
        path: path.join(artifacts, `upcoming-notice-${width}.png`),
      })
      if (width === 1366) {
        await notice.locator('a').click()
        await page.waitForURL(/\/legal\/privacy-policy\/versions\?.*from=1.*to=2/)
        expect(await page.content()).toContain('(updated)')
      }
      await context.close()
    }
  })

  test('the admin says which version is in force and which is upcoming', async () => {
    const { context, page } = await signIn(browser, app, app.accounts.editor)
    await page.goto(`${app.baseUrl}/admin/collections/legal-documents/${id}`)
    const inForce = page.locator('[data-testid="timeline-in-force"]')
    await inForce.waitFor()
    expect(await inForce.textContent()).toContain('version 1')
    expect(await page.locator('[data-testid="timeline-upcoming"]').textContent()).toContain(
      'version 2',
    )
    await page
      .locator('[data-testid="version-timeline"]')
      .screenshot({ path: path.join(artifacts, 'version-timeline.png') })
    expect(await axeFindings(page, 'admin-version-timeline')).toEqual([])
    await context.close()
  })
})

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
 * Issue 16, point 3: a legal document's edit page fits the screen at 1,024 px and up and at
 * 390 px, for an editor and for a reviewer (whose bar has more buttons): no sideways scrolling,
 * the workflow bar stays inside the window and never covers the form below it. Screenshots go to test/artifacts/.
 */
const artifacts = path.resolve(import.meta.dirname, '../artifacts')
let app: ProductionApp
let browser: Browser
let documentId: number

beforeAll(async () => {
  await fs.mkdir(artifacts, { recursive: true })
  app = await startProductionApp()
  browser = await chromium.launch({ args: CHROMIUM_ARGS, executablePath: chromiumPath() })
  documentId = (await apiCall(app, '/api/legal-documents?where[slug][equals]=terms-of-use&depth=0'))
    .docs[0].id
  // In review: the reviewer's bar shows Approve, Request changes and Withdraw.
  const { editor } = app.accounts
  await apiCall(app, `/api/legal-documents/${documentId}?draft=true`, editor, {
    body: JSON.stringify({ changeSummary: 'Layout check.' }),
    method: 'PATCH',
  })
  await apiCall(app, `/api/legal-documents/${documentId}/workflow`, editor, {
    body: JSON.stringify({ action: 'submit' }),
    method: 'POST',
  })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the document edit page fits the screen', () => {
  for (const role of ['editor', 'reviewer'] as const) {
    test(`as ${role}, at 1,366, 1,024 and 390 px`, async () => {
      const { context, page } = await signIn(browser, app, app.accounts[role])
      for (const width of [1366, 1024, 390]) {
        await page.setViewportSize({ height: 900, width })
        await page.goto(`${app.baseUrl}/admin/collections/legal-documents/${documentId}`)
        await page.waitForSelector('[data-testid="workflow-bar"] [data-testid="workflow-status"]')
        await page.waitForTimeout(500)
        const fit = await page.evaluate(() => {
          const root = document.documentElement
          const bar = document
            .querySelector('[data-testid="workflow-bar"]')!
            .getBoundingClientRect()
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
            .slice(0, 5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')}:${Math.round(el.getBoundingClientRect().right)}`,
            )
          // The bar must push the form down, never cover it.
          const title = document
            .querySelector('#field-title')!
            .closest('.field-type')!
            .getBoundingClientRect()
          return {
            barCoversTitle: bar.bottom > title.top,
            barRight: Math.round(bar.right),
            clientWidth: root.clientWidth,
            scrollWidth: root.scrollWidth,
            wide,
          }
        })
        await page.screenshot({ path: path.join(artifacts, `admin-document-${role}-${width}.png`) })
        if (width === 1366) {
          expect(await axeFindings(page, `admin-document-${role}`)).toEqual([])
        }
        // What sticks out is listed only when the page scrolls sideways (Payload's closed
        // navigation drawer always sits past the edge, hidden, without widening the page).
        const seen = { width, ...fit, wide: fit.scrollWidth > fit.clientWidth ? fit.wide : [] }
        expect(seen).toEqual({
          ...seen,
          barCoversTitle: false,
          barRight: Math.min(fit.barRight, fit.clientWidth),
          scrollWidth: Math.min(fit.scrollWidth, fit.clientWidth),
          wide: [],
        })
      }
      await context.close()
    })
  }
})

import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import { apiSend, browserSuite, documentIdOf, signIn } from './productionApp'

/**
 * Issue 16, point 3: a legal document's edit page fits the screen at 1,024 px and up and at
 * 390 px, for an editor and for a reviewer (whose bar has more buttons): no sideways scrolling,
 * the workflow bar stays inside the window and never covers the form below it. Screenshots go to test/artifacts/.
 */
let documentId: number

const e2e = browserSuite(async (app) => {
  documentId = await documentIdOf(app, 'terms-of-use')
  // In review: the reviewer's bar shows Approve, Request changes and Withdraw.
  const { editor } = app.accounts
  await apiSend(
    app,
    `/api/legal-documents/${documentId}?draft=true`,
    editor,
    { changeSummary: 'Layout check.' },
    'PATCH',
  )
  await apiSend(app, `/api/legal-documents/${documentId}/workflow`, editor, { action: 'submit' })
})

describe('the document edit page fits the screen', () => {
  for (const role of ['editor', 'reviewer'] as const) {
    test(`as ${role}, at 1,366, 1,024 and 390 px`, async () => {
      const { app } = e2e
      const { context, page } = await signIn(e2e.browser, app, app.accounts[role])
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

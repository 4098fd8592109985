import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import { apiSend, browserSuite, documentIdOf, signIn, submitApprovePublish } from './productionApp'

/**
 * A significant change published ahead of its effective date (issue 14, point 1), as readers
 * and editors see it on the production build: the page keeps the version in force and says
 * when it changes, with a link to the changes; the admin says which version is in force and
 * which is upcoming.
 */
const DAY = 86_400_000
const e2e = browserSuite()

describe('a significant change published with notice', () => {
  const effective = new Date(Math.floor(Date.now() / DAY) * DAY + 45 * DAY + 12 * 3600_000)
  let id: number

  test('the editor dates it 45 days ahead; a reviewer approves and publishes it', async () => {
    const { app } = e2e
    const { editor } = app.accounts
    id = await documentIdOf(app, 'privacy-policy')
    const draft = await e2e.api(`/api/legal-documents/${id}?draft=true&depth=1`, editor)
    const section = draft.sections[0]
    await apiSend(
      app,
      `/api/legal-sections/${section.id}?draft=true`,
      editor,
      { heading: `${section.heading} (updated)` },
      'PATCH',
    )
    await apiSend(
      app,
      `/api/legal-documents/${id}?draft=true`,
      editor,
      {
        changeSummary: 'We now keep support e-mails for two years.',
        effectiveDate: effective.toISOString(),
        materialChange: true,
      },
      'PATCH',
    )
    const { approved, published, submitted } = await submitApprovePublish(app, id)
    expect(submitted.workflowState).toBe('in-review')
    expect(approved.workflowState).toBe('approved')
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
      const context = await e2e.browser.newContext({ viewport: { height: 900, width } })
      const page = await context.newPage()
      await page.goto(`${e2e.app.baseUrl}/legal/privacy-policy`)
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
    const { context, page } = await signIn(e2e.browser, e2e.app, e2e.app.accounts.editor)
    await page.goto(`${e2e.app.baseUrl}/admin/collections/legal-documents/${id}`)
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

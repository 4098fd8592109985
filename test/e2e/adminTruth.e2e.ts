import type { Page } from 'playwright-core'

import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import {
  browserSuite,
  documentIdOf,
  openDocument,
  workflowStatus as status,
  until,
} from './productionApp'

/**
 * Issue 16 (points 1, 4, 5, 6, 9): the admin tells editors and reviewers the truth. No
 * Unpublish that leaves the page live; a reviewer withdraws through the workflow. A section
 * opens by its name, says what can be done in it, and its save refreshes the bar without a
 * reload. Removing a section asks first and says what it does to the review. A disabled
 * Publish says why; no "Revert to published"; Payload's autosaves are not called "Versions".
 */
const SLUG = 'general-conditions'
let documentId: number
const e2e = browserSuite(async (app) => {
  documentId = await documentIdOf(app, SLUG)
})

const chips = (page: Page) => page.locator('#field-sections .rs__multi-value')

async function open(page: Page): Promise<void> {
  await openDocument(e2e.app, page, documentId)
  await page.waitForSelector('[data-testid="reader-status"]', { timeout: 30_000 })
}

/** Payload's document menu (the three dots) holds its Unpublish: it must not be there. */
async function expectNoUnpublish(page: Page): Promise<void> {
  const dots = page.locator('.doc-controls__dots')
  if (await dots.count()) {
    await dots.first().click()
    await page.waitForTimeout(300)
  }
  expect(await page.locator('#action-unpublish, #action-unpublish-locale').count()).toBe(0)
  await page.keyboard.press('Escape')
}

describe('the admin says what is true', () => {
  test('editor: open a section by its name, its save refreshes the bar, removing one asks first', async () => {
    const page = await e2e.signIn(e2e.app.accounts.editor)
    await open(page)
    expect(await status(page)).toBe('Published')
    // What readers see, instead of Payload's "Status: Published" with "Revert to published".
    expect(await page.textContent('[data-testid="reader-status"]')).toContain(
      'Live: readers see version 1.',
    )
    expect(await page.locator('#action-revert-to-published').count()).toBe(0)
    // A disabled Publish says why, on hover too.
    const blocked = page.locator('[data-testid="publish-blocked"]')
    await page.waitForSelector(
      '[data-testid="publish-blocked"][title="Only reviewers and admins can publish."]',
      { timeout: 30_000 },
    )
    await blocked.hover()
    expect(await blocked.getAttribute('aria-label')).toBe('Only reviewers and admins can publish.')
    // Payload's autosaves are the "Save history", apart from the legal version number.
    const tabs = await page.locator('.doc-tabs').textContent()
    expect(tabs).toContain('Save history')
    expect(tabs).not.toMatch(/Versions/)
    await expectNoUnpublish(page)

    // Clicking a section's name opens it in the drawer, which says what can be done there.
    const first = chips(page).first()
    const heading = (await first
      .locator('.relationship--multi-value-label__text')
      .textContent())!.trim()
    await first.locator('.relationship--multi-value-label__text').click()
    await page.waitForSelector('dialog #field-heading')
    expect(await page.inputValue('dialog #field-heading')).toBe(heading)
    expect(await page.textContent('dialog [data-testid="section-note"]')).toContain(
      'saved automatically as a draft',
    )
    await page.screenshot({
      fullPage: true,
      path: path.join(artifacts, 'truth-section-drawer.png'),
    })
    expect(await axeFindings(page, 'truth-section-drawer', 'serious', 'dialog[open]')).toEqual([])

    // A save in the drawer: the bar shows Draft and Submit without a reload.
    await page.fill('dialog #field-heading', `${heading} (revised)`)
    await until('the bar to show Draft', async () => (await status(page)) === 'Draft', 60_000)
    await page.waitForSelector('#legal-submit', { timeout: 30_000 })
    expect(await page.textContent('[data-testid="reader-status"]')).toContain(
      'The changes here are a draft',
    )
    await page.click('dialog button[id^="close-drawer"]')

    // In review: the × asks, says it takes the document back to Draft, and Cancel keeps the section.
    await page.fill('#field-changeSummary', 'Renamed the first section.')
    await until(
      'the change summary to be saved',
      async () =>
        (
          await e2e.api(
            `/api/legal-documents/${documentId}?draft=true&depth=0`,
            e2e.app.accounts.editor,
          )
        ).changeSummary,
    )
    await page.click('#legal-submit')
    await until('status "In review"', async () => (await status(page)) === 'In review', 30_000)
    // The step reloads the page: wait for the sections again.
    await chips(page).first().waitFor({ timeout: 60_000 })
    const count = await chips(page).count()
    let asked = ''
    page.once('dialog', (dialog) => {
      asked = dialog.message()
      void dialog.dismiss()
    })
    await chips(page).last().locator('.multi-value-remove').click()
    await until('the confirmation', () => Promise.resolve(asked))
    expect(asked).toContain('back to Draft')
    await page.waitForTimeout(2500)
    expect(await chips(page).count()).toBe(count)
    expect(await status(page)).toBe('In review')

    // Confirmed: the section goes, and the bar says Draft at once.
    page.once('dialog', (dialog) => void dialog.accept())
    await chips(page).last().locator('.multi-value-remove').click()
    await until('the section to be removed', async () => (await chips(page).count()) === count - 1)
    await until('the bar to show Draft', async () => (await status(page)) === 'Draft', 60_000)
    await page.screenshot({
      fullPage: true,
      path: path.join(artifacts, 'truth-section-removed.png'),
    })
  })

  test('reviewer: no Unpublish; Withdraw asks for a reason, takes the page offline and is on the record', async () => {
    const { app } = e2e
    const page = await e2e.signIn(app.accounts.reviewer)
    await open(page)
    await expectNoUnpublish(page)
    expect(await page.locator('#action-revert-to-published').count()).toBe(0)
    // Payload's Unpublish over the API: refused, and the page stays live.
    const refused = await e2e.api(
      `/api/legal-documents/${documentId}?unpublishAllLocales=true`,
      app.accounts.reviewer,
      {
        body: JSON.stringify({ _status: 'draft' }),
        method: 'PATCH',
      },
    )
    expect(refused.errors[0].message).toMatch(/Withdraw/)
    expect((await fetch(`${app.baseUrl}/legal/${SLUG}`)).status).toBe(200)

    await page.click('#legal-withdraw')
    await page.waitForSelector('#legal-change-comment')
    expect(await page.locator('#legal-send-withdraw').isDisabled()).toBe(true)
    await page.fill('#legal-change-comment', 'Replaced by the new terms of use.')
    await page.click('#legal-send-withdraw')
    await page.waitForSelector('[data-testid="reader-status"]:has-text("Withdrawn")', {
      timeout: 60_000,
    })
    await page.waitForSelector('[data-testid="review-history"] tr[data-action="withdrawn"]', {
      timeout: 30_000,
    })
    expect(await page.textContent('[data-testid="review-history"]')).toContain(
      'Replaced by the new terms of use.',
    )
    await page.screenshot({ fullPage: true, path: path.join(artifacts, 'truth-withdrawn.png') })
    expect(await axeFindings(page, 'truth-withdrawn')).toEqual([])

    // Readers: the page is gone, the API says why.
    expect((await fetch(`${app.baseUrl}/legal/${SLUG}`)).status).toBe(404)
    const delivery = await fetch(`${app.baseUrl}/api/legal/documents/${SLUG}`)
    expect(delivery.status).toBe(410)
  })
})

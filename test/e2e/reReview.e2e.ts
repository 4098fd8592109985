import type { Page } from 'playwright-core'

import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import { workflowAct as act, expectFits, sectionSuite } from './productionApp'

/**
 * Issue 16, point 8, in a real browser against the production build: the reviewer requests
 * changes; the editor sees the request in the workflow bar and revises; on re-review the
 * reviewer sees their request in the bar and the redline against the draft they reviewed, with
 * the changed section first and the unchanged ones folded. Fits 1,366 px and 390 px.
 */
const SECTION_ANCHOR = 'who-we-are'
const FIRST_EDIT = 'We also maintain the websites we build.'
const FIX = 'Maintenance is agreed in writing for each website.'
const REQUEST = 'Please say how maintenance is agreed.'

const e2e = sectionSuite('general-conditions', SECTION_ANCHOR)
const { api, appendToSection, openDocument, signIn } = e2e

/** The document, its bar opening with the request: `says` who asked, and the comment. */
async function expectRequestInBar(page: Page, says: string): Promise<void> {
  await openDocument(page)
  await page.waitForSelector('[data-testid="change-request"]')
  expect(await page.textContent('[data-testid="change-request"]')).toContain(says)
  expect(await page.textContent('[data-testid="change-request-comment"]')).toBe(REQUEST)
}

/**
 * A screenshot at a laptop's and a phone's width, and proof that nothing is wider than the
 * screen; at the laptop's width, no serious accessibility finding (axe-core) either.
 */
async function shotAt(page: Page, name: string): Promise<void> {
  await expectFits(page, `re-review-${name}`, [1366, 390], async (width) => {
    if (width === 1366) {
      expect(await axeFindings(page, `re-review-${name}`)).toEqual([])
    }
    await page.locator('[data-testid="change-request"]').scrollIntoViewIfNeeded()
    await page.screenshot({
      fullPage: true,
      path: path.join(artifacts, `re-review-${name}-${width}.png`),
    })
  })
}

describe('re-review in the admin', () => {
  test('the request is in the bar; the redline compares with what the reviewer reviewed, changed sections first', async () => {
    const editor = await signIn(e2e.app.accounts.editor)
    await appendToSection(editor, FIRST_EDIT)
    await openDocument(editor)
    await act(editor, '#legal-submit', 'In review')
    // No request yet: the preview offers only the comparison with the published version.
    const reviewer = await signIn(e2e.app.accounts.reviewer)
    await openDocument(reviewer)
    await reviewer.waitForSelector('#legal-preview-changes')
    expect(await reviewer.locator('#legal-preview-since-request').count()).toBe(0)
    expect(await reviewer.locator('[data-testid="change-request"]').count()).toBe(0)
    await reviewer.click('#legal-request-changes')
    await reviewer.fill('#legal-change-comment', REQUEST)
    await act(reviewer, '#legal-send-request', 'Changes requested')

    // The editor sees who asked for what at the top, in the bar.
    await expectRequestInBar(editor, 'Changes requested by Rita Reviewer')
    // The full history below still has it, with who asked.
    await editor.waitForSelector(
      '[data-testid="review-history"] tr[data-action="changes-requested"]',
    )
    expect(
      await editor.textContent(
        '[data-testid="review-history"] tr[data-action="changes-requested"]',
      ),
    ).toContain(REQUEST)
    expect(
      await editor.textContent(
        '[data-testid="review-history"] tr[data-action="changes-requested"]',
      ),
    ).toContain('Rita Reviewer')
    await shotAt(editor, 'editor-sees-request')
    await appendToSection(editor, FIX)
    await openDocument(editor)
    await act(editor, '#legal-submit', 'In review')

    // Re-review: the request stays in the bar, and the redline since it shows only the fix.
    await expectRequestInBar(reviewer, 'Resubmitted after changes requested by Rita Reviewer')
    await reviewer.click('#legal-preview-since-request')
    const sinceRequest = '[data-testid="preview-redline"][data-against="last-request"]'
    await reviewer.waitForSelector(`${sinceRequest} [data-testid="preview-changed"] ins`)
    expect(await reviewer.textContent('[data-testid="preview-note"]')).toContain(
      'Compared with the draft Rita Reviewer reviewed when requesting changes',
    )
    // Only the revised section differs from what the reviewer saw, and it comes first; the
    // first edit was in front of them already, so it is not marked as new.
    expect(
      await reviewer
        .locator(`${sinceRequest} [data-testid="preview-changed"] > section`)
        .evaluateAll((els) => els.map((e) => e.id)),
    ).toEqual([`redline-${SECTION_ANCHOR}`])
    const inserted = (
      await reviewer
        .locator(`${sinceRequest} [data-testid="preview-changed"] ins`)
        .allTextContents()
    ).join(' ')
    expect(inserted).toContain(FIX)
    expect(inserted).not.toContain(FIRST_EDIT)
    // The other sections are folded, counted, and open and close from the keyboard.
    const sections = (
      await api(
        `/api/legal-documents/${e2e.documentId}?draft=true&depth=0`,
        e2e.app.accounts.reviewer,
      )
    ).sections.length
    expect(sections).toBeGreaterThan(1)
    const folded = reviewer.locator(`${sinceRequest} [data-testid="preview-unchanged"]`)
    expect(await folded.locator('summary').textContent()).toBe(
      `Unchanged sections (${sections - 1}): show`,
    )
    expect(await folded.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false)
    await folded.locator('summary').focus()
    await reviewer.keyboard.press('Enter')
    expect(await folded.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
    expect(await folded.locator('section').count()).toBe(sections - 1)
    await reviewer.keyboard.press('Enter')
    expect(await folded.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false)
    await shotAt(reviewer, 'reviewer-since-request')

    // Against the published version both edits are new.
    await reviewer.click('#legal-preview-changes')
    await reviewer.waitForSelector(
      '[data-testid="preview-redline"][data-against="published"] [data-testid="preview-changed"] ins',
    )
    const sincePublished = (
      await reviewer.locator('[data-testid="preview-changed"] ins').allTextContents()
    ).join(' ')
    expect(sincePublished).toContain(FIRST_EDIT)
    expect(sincePublished).toContain(FIX)

    // Approving settles the request: the bar no longer shows it.
    await act(reviewer, '#legal-approve', 'Approved')
    expect(await reviewer.locator('[data-testid="change-request"]').count()).toBe(0)
  })

  test('a new draft nobody has named yet is listed on the dashboard for what it is, not as "Untitled"', async () => {
    // What the admin's autosave leaves behind when someone opens "Create new" and walks away.
    const post = (collection: string) =>
      api(`/api/${collection}?draft=true`, e2e.app.accounts.editor, {
        body: JSON.stringify({}),
        method: 'POST',
      })
    const document = (await post('legal-documents')).doc
    const cookie = (await post('cookie-entries')).doc
    expect([typeof document?.id, typeof cookie?.id]).toEqual(['number', 'number'])
    const editor = await signIn(e2e.app.accounts.editor)
    await editor.waitForSelector('[data-testid="queue-drafts"] a')
    const drafts = await editor.locator('[data-testid="queue-drafts"] a').allTextContents()
    expect(drafts).toEqual(
      expect.arrayContaining([
        `Document without a title yet (no. ${document.id})`,
        `Cookie entry without a name yet (no. ${cookie.id})`,
      ]),
    )
    expect(drafts.join(' ')).not.toMatch(/Untitled/)
    // A cookie entry's autosaves are its "Save history" too, not "Versions" beside its review state.
    await editor.goto(`${e2e.app.baseUrl}/admin/collections/cookie-entries/${cookie.id}`)
    await editor.waitForSelector('.doc-tabs')
    expect(await editor.locator('.doc-tabs').textContent()).toContain('Save history')
    expect(await editor.locator('.doc-tabs').textContent()).not.toMatch(/Versions/)
  })
})

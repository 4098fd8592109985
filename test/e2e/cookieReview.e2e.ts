import type { Page } from 'playwright-core'

import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import {
  workflowAct as act,
  browserSuite,
  expectFits,
  workflowStatus as status,
  until,
} from './productionApp'

/**
 * Issue 16, point 7, in a real browser against the production build: a cookie entry goes
 * through the same review as a document. The editor writes it and submits it; it waits on the
 * reviewer's dashboard; the reviewer approves and publishes; the public cookie table shows it.
 * And an editor opening the company details is told who can change them and how to ask.
 */
const NAME = '_review_probe'
const PURPOSE = 'Measures how visitors find the cookie policy.'

/** Screenshots into test/artifacts (CI keeps them), numbered in the order they are taken. */
const screenshots = {
  take(page: Page, name: string) {
    const file = `cookie-review-${String(++this.taken).padStart(2, '0')}-${name}.png`
    return page.screenshot({ fullPage: true, path: path.join(artifacts, file) })
  },
  taken: 0,
}

const e2e = browserSuite()
const { api, signIn } = e2e

/**
 * The page with no serious accessibility finding (axe-core), then at a laptop's and a phone's
 * width, screenshotted, with nothing wider than the screen.
 */
async function fitsAt(page: Page, name: string): Promise<void> {
  expect(await axeFindings(page, `cookie-review-${name}`)).toEqual([])
  await expectFits(
    page,
    name,
    [1366, 390],
    (width) => screenshots.take(page, `${name}-${width}`),
    200,
  )
}

describe('a cookie entry through review', () => {
  test('editor writes and submits → reviewer dashboard → approve → publish → public cookie table', async () => {
    // The seed's entries went through the same review: published, with their history.
    const seeded = await api('/api/cookie-entries?limit=1&depth=0')
    expect(seeded.docs[0]).toMatchObject({ _status: 'published', workflowState: 'published' })

    // The editor writes a new entry in the admin and saves it as a draft.
    const editor = await signIn(e2e.app.accounts.editor)
    await editor.goto(`${e2e.app.baseUrl}/admin/collections/cookie-entries/create`)
    await editor.fill('#field-name', NAME)
    await editor.fill('#field-service', 'Review probe')
    await editor.click('#field-category .rs__control')
    await editor.click('.rs__option:has-text("Performance / analytics")')
    await editor.fill('#field-purpose', PURPOSE)
    await editor.click('#action-save-draft')
    await editor.waitForURL(/\/admin\/collections\/cookie-entries\/\d+/, { timeout: 60_000 })
    const id = Number(/cookie-entries\/(\d+)/.exec(editor.url())![1])
    await editor.waitForSelector('[data-testid="workflow-status"]', { timeout: 60_000 })
    expect(await status(editor)).toBe('Draft')
    // No way to publish it from here: the disabled button says why.
    await editor.waitForSelector(
      '[data-testid="publish-blocked"][title="Only reviewers and admins can publish."]',
      { timeout: 30_000 },
    )
    await screenshots.take(editor, 'editor-draft')
    await act(editor, '#legal-submit', 'In review')
    await screenshots.take(editor, 'editor-submitted')

    // It waits on the reviewer's dashboard, marked as a cookie.
    const reviewer = await signIn(e2e.app.accounts.reviewer)
    const waiting = reviewer.locator(
      `[data-testid="queue-review"] li[data-collection="cookie-entries"] a:has-text("${NAME}")`,
    )
    await waiting.waitFor({ timeout: 30_000 })
    await fitsAt(reviewer, 'reviewer-dashboard')
    await waiting.click()
    await reviewer.waitForSelector('[data-testid="workflow-status"]', { timeout: 60_000 })
    expect(await reviewer.isEditable('#field-purpose')).toBe(false)
    expect(JSON.stringify(await api('/api/legal/cookies'))).not.toContain(NAME)
    await act(reviewer, '#legal-approve', 'Approved')
    await fitsAt(reviewer, 'reviewer-approved')

    // Approved and ready to publish, on the dashboard too.
    await reviewer.goto(`${e2e.app.baseUrl}/admin`)
    await reviewer
      .locator(`[data-testid="queue-approved"] a:has-text("${NAME}")`)
      .waitFor({ timeout: 30_000 })
    await reviewer.locator(`[data-testid="queue-approved"] a:has-text("${NAME}")`).click()
    await reviewer.waitForSelector('[data-testid="workflow-status"]', { timeout: 60_000 })
    await reviewer.waitForSelector('#action-save:enabled', { timeout: 30_000 })
    await reviewer.click('#action-save')
    await until(
      'the entry to be published',
      async () =>
        (await api(`/api/cookie-entries/${id}?depth=0`).catch(() => null))?._status === 'published',
      30_000,
    )
    await reviewer.reload()
    await reviewer.waitForSelector('[data-testid="review-history"] tr[data-action="published"]', {
      timeout: 30_000,
    })
    expect(await status(reviewer)).toBe('Published')
    await screenshots.take(reviewer, 'reviewer-published')
    const history = await api(
      `/api/legal-review-events?where[cookieEntry][equals]=${id}&sort=at&depth=0`,
      e2e.app.accounts.reviewer,
    )
    expect(history.docs.map((e: { action: string }) => e.action)).toEqual([
      'submitted',
      'approved',
      'published',
    ])

    // The public cookie table shows it.
    const visitor = await e2e.newContext({ viewport: { height: 1000, width: 1400 } })
    const page = await visitor.newPage()
    await page.goto(`${e2e.app.baseUrl}/legal/cookies`)
    await page.waitForSelector('[data-testid="cookie-declaration"]')
    expect(await page.textContent('[data-testid="cookie-declaration"]')).toContain(NAME)
    expect(await page.textContent('[data-testid="cookie-declaration"]')).toContain(PURPOSE)
    await fitsAt(page, 'public-cookie-table')
  })

  test('company details: an editor is told who can change them and how to ask; an admin is not', async () => {
    const editor = await signIn(e2e.app.accounts.editor)
    await editor.goto(`${e2e.app.baseUrl}/admin/globals/legal-entity`)
    const note = editor.locator('[data-testid="entity-access-note"]')
    await note.waitFor({ timeout: 60_000 })
    expect(await note.textContent()).toContain(
      'Only administrators can change the company details.',
    )
    expect(await note.locator(`a[href="mailto:${e2e.app.accounts.admin.email}"]`).count()).toBe(1)
    await fitsAt(editor, 'editor-company-details')

    const admin = await signIn(e2e.app.accounts.admin)
    await admin.goto(`${e2e.app.baseUrl}/admin/globals/legal-entity`)
    await admin.waitForSelector('#field-name', { timeout: 60_000 })
    expect(await admin.locator('[data-testid="entity-access-note"]').count()).toBe(0)
    expect(await admin.isEditable('#field-name')).toBe(true)
  })
})

import type { Page } from 'playwright-core'

import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import { workflowAct as act, sectionSuite, workflowStatus as status, until } from './productionApp'

/**
 * The review workflow as people do it, in a real browser against the production build:
 * editor edits and submits, reviewer asks for changes, editor fixes and resubmits, reviewer
 * approves and publishes, the public page and an anonymous GraphQL query show the new version.
 */
const SLUG = 'general-conditions'
const SECTION_ANCHOR = 'who-we-are'
const FIRST_EDIT = 'We also build websites for our clients.'
const FIX = 'Our clients own what we build for them.'
const REQUEST = 'Please say who owns the software we build.'

const e2e = sectionSuite(SLUG, SECTION_ANCHOR)
const { api, appendToSection, openDocument, signIn } = e2e

let step = 0

async function shot(page: Page, name: string): Promise<void> {
  step++
  await page.screenshot({
    fullPage: true,
    path: path.join(artifacts, `${String(step).padStart(2, '0')}-${name}.png`),
  })
  // Every step's page, admin or public, without serious accessibility violations.
  expect(await axeFindings(page, name)).toEqual([])
}

/** The editor must never see an enabled Publish button: only the disabled one that says why. */
async function expectNoPublishFor(page: Page): Promise<void> {
  // Its tooltip says why once the review status has loaded.
  await page.waitForSelector(
    '[data-testid="publish-blocked"][title="Only reviewers and admins can publish."]',
    { timeout: 30_000 },
  )
  expect(await page.locator('#action-save:enabled').count()).toBe(0)
}

describe('review workflow in the admin', () => {
  test('edit → submit → request changes → fix → resubmit → approve → publish → public page and GraphQL show version 2', async () => {
    const before = await api(`/api/legal/documents/${SLUG}`)
    expect(before.version).toBe(1)

    // The editor edits a section and describes the change, then submits.
    const editor = await signIn(e2e.app.accounts.editor)
    await openDocument(editor)
    expect(await status(editor)).toBe('Published')
    await expectNoPublishFor(editor)
    await appendToSection(editor, FIRST_EDIT)
    await shot(editor, 'editor-edited-section')
    await openDocument(editor)
    expect(await status(editor)).toBe('Draft')
    await editor.fill('#field-changeSummary', 'Says what else we build.')
    await until(
      'the change summary to be saved',
      async () =>
        (
          await api(
            `/api/legal-documents/${e2e.documentId}?draft=true&depth=0`,
            e2e.app.accounts.editor,
          )
        ).changeSummary,
    )
    await expectNoPublishFor(editor)
    await act(editor, '#legal-submit', 'In review')
    await expectNoPublishFor(editor)
    await shot(editor, 'editor-submitted')

    // The reviewer finds it on the dashboard, cannot edit the text, and asks for changes.
    const reviewer = await signIn(e2e.app.accounts.reviewer)
    await reviewer.waitForSelector('[data-testid="queue-review"] a')
    expect(await reviewer.textContent('[data-testid="queue-review"]')).toContain(
      'General Conditions',
    )
    await shot(reviewer, 'reviewer-dashboard')
    await reviewer.click('[data-testid="queue-review"] a')
    await reviewer.waitForSelector('[data-testid="workflow-status"]')
    expect(await reviewer.isEditable('#field-title')).toBe(false)
    expect(await reviewer.isEditable('#field-changeSummary')).toBe(false)
    await reviewer.goto(`${e2e.app.baseUrl}/admin/collections/legal-sections/${e2e.sectionId}`)
    await reviewer.locator('[data-lexical-editor="true"]').first().waitFor()
    expect(await reviewer.getAttribute('[data-lexical-editor="true"]', 'contenteditable')).toBe(
      'false',
    )
    await openDocument(reviewer)
    await reviewer.click('[data-testid="preview-redline"], #legal-preview-changes')
    await reviewer.waitForSelector('[data-testid="preview-redline"] ins')
    expect(await reviewer.textContent('[data-testid="preview-redline"]')).toContain(FIRST_EDIT)
    await shot(reviewer, 'reviewer-redline')
    await reviewer.click('#legal-request-changes')
    await reviewer.fill('#legal-change-comment', REQUEST)
    await act(reviewer, '#legal-send-request', 'Changes requested')
    await reviewer.waitForSelector(
      '[data-testid="review-history"] tr[data-action="changes-requested"]',
    )
    expect(await reviewer.textContent('[data-testid="review-history"]')).toContain(REQUEST)
    expect(await reviewer.textContent('[data-testid="review-history"]')).toContain('Rita Reviewer')
    await shot(reviewer, 'reviewer-requested-changes')

    // The editor sees the request, fixes the text and submits again.
    await editor.goto(`${e2e.app.baseUrl}/admin`)
    await editor.waitForSelector('[data-testid="queue-changes"] a')
    expect(await editor.textContent('[data-testid="queue-changes"]')).toContain(
      'General Conditions',
    )
    await openDocument(editor)
    expect(await editor.textContent('[data-testid="review-history"]')).toContain(REQUEST)
    await expectNoPublishFor(editor)
    await appendToSection(editor, FIX)
    await openDocument(editor)
    await act(editor, '#legal-submit', 'In review')
    await expectNoPublishFor(editor)
    await shot(editor, 'editor-resubmitted')

    // The reviewer approves and publishes.
    await openDocument(reviewer)
    await act(reviewer, '#legal-approve', 'Approved')
    // The Publish button reads the review status on its own: it may follow the bar by a moment.
    await reviewer
      .locator('[data-testid="publish-blocked"]')
      .waitFor({ state: 'detached', timeout: 30_000 })
    await reviewer.locator('#action-save:enabled').waitFor({ timeout: 30_000 })
    await shot(reviewer, 'reviewer-approved')
    await reviewer.click('#action-save')
    await until(
      'the publish',
      async () => (await api(`/api/legal/documents/${SLUG}`)).version === 2,
      60_000,
    )
    await openDocument(reviewer)
    expect(await status(reviewer)).toBe('Published')
    await shot(reviewer, 'reviewer-published')

    // The editor, after all that, still has no Publish button.
    await openDocument(editor)
    await expectNoPublishFor(editor)

    // Readers: the public page and an anonymous GraphQL query show version 2 with the new text.
    const page = await (await e2e.newContext()).newPage()
    await page.goto(`${e2e.app.baseUrl}/legal/${SLUG}`)
    expect(await page.textContent('[data-testid="document-version"]')).toBe('2')
    const body = await page.textContent('[data-testid="legal-document"]')
    const paragraphs = await page.locator(`section#${SECTION_ANCHOR} p`).allTextContents()
    expect(paragraphs.slice(-2)).toEqual([FIRST_EDIT, FIX])
    expect(body).toContain('Digitroom Holding Limited')
    const lastUpdated = await page.getAttribute('[data-testid="last-updated"]', 'datetime')
    expect(new Date(lastUpdated!).getTime()).toBeGreaterThan(
      new Date(before.lastModified).getTime(),
    )
    await shot(page, 'public-page')

    const graphql = await api('/api/graphql', undefined, {
      body: JSON.stringify({
        query: `{ legalDocument(slug: "${SLUG}") { version lastModified text } }`,
      }),
      method: 'POST',
    })
    expect(graphql.data.legalDocument.version).toBe(2)
    expect(graphql.data.legalDocument.text).toContain(FIX)
    expect(new Date(graphql.data.legalDocument.lastModified).getTime()).toBeGreaterThan(
      new Date(before.lastModified).getTime(),
    )
  })

  test('a new, empty document: Submit is disabled and the bar says what is missing', async () => {
    const editor = await signIn(e2e.app.accounts.editor)
    // Autosave creates the draft on "Create new" and opens it.
    await editor.goto(`${e2e.app.baseUrl}/admin/collections/legal-documents/create`)
    await editor.waitForURL(/\/admin\/collections\/legal-documents\/\d+/, { timeout: 60_000 })
    const id = Number(/legal-documents\/(\d+)/.exec(editor.url())![1])
    try {
      await editor.waitForSelector('[data-testid="submit-blocked"]', { timeout: 60_000 })
      expect(await status(editor)).toBe('Draft')
      expect(await editor.locator('#legal-submit').isDisabled()).toBe(true)
      const reasons = await editor.locator('#legal-submit-problems li').allTextContents()
      expect(reasons).toEqual([
        'Give the document a title.',
        'Give it a web address (in the sidebar).',
        'Add at least one section.',
      ])
      await shot(editor, 'editor-empty-document-submit-disabled')
      // The server refuses the same submit for the same reasons.
      const refused = await api(`/api/legal-documents/${id}/workflow`, e2e.app.accounts.editor, {
        body: JSON.stringify({ action: 'submit' }),
        method: 'POST',
      })
      expect(refused.errors[0].message).toContain('The document has no title.')
    } finally {
      await api(`/api/legal-documents/${id}`, e2e.app.accounts.editor, {
        method: 'DELETE',
      }).catch(() => {})
    }
  })
})

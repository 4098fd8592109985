import type { Page } from 'playwright-core'

import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import { apiSend, browserSuite, documentIdOf, submitApprovePublish } from './productionApp'

/**
 * Issue 16, point 10: the public pages on a phone (390 px) and on a small laptop (1,024 px).
 * Nothing is cut off or scrolls sideways (the versions and cookie tables become one card per
 * row), cookie names are never split mid-word, no "not set" where an effective date would be,
 * two versions published on one day can be told apart, and a page asked for in a language its
 * text does not exist in says so and marks the text's real language. Screenshots go to
 * test/artifacts/public-phone-*.png.
 */
const SLUG = 'general-conditions'

const e2e = browserSuite(async (app) => {
  // A second version of one document on the seed's day: the archive lists two versions of one date.
  const id = await documentIdOf(app, SLUG)
  await apiSend(
    app,
    `/api/legal-documents/${id}?draft=true`,
    app.accounts.editor,
    { changeSummary: 'A clearer summary.', summary: 'Shorter and clearer.' },
    'PATCH',
  )
  expect((await submitApprovePublish(app, id)).published.doc.version).toBe(2)
})

async function open(url: string, width: number): Promise<Page> {
  const context = await e2e.newContext({ viewport: { height: 900, width } })
  const page = await context.newPage()
  const response = await page.goto(`${e2e.app.baseUrl}${url}`)
  expect([url, response?.status()]).toEqual([url, 200])
  return page
}

/** Sideways overflow of the page, and of any table's own scroll box (a table cut off at the edge). */
async function overflow(page: Page): Promise<{ page: boolean; tables: number }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('.table-scroll')].filter(
      (el) => el.scrollWidth > el.clientWidth + 1,
    ).length,
  }))
}

describe('public pages on a phone', () => {
  test.each([
    ['/legal', 'index'],
    [`/legal/${SLUG}`, 'document'],
    [`/legal/${SLUG}/versions`, 'versions'],
    [`/legal/${SLUG}/versions?from=1&to=2`, 'versions-diff'],
    ['/legal/cookies', 'cookies'],
    ['/legal/cookie-policy', 'cookie-policy'],
    ['/legal/terms-of-use?locale=uk', 'document-uk'],
  ])(
    '%s fits 390 and 1,024 px, says when it is in force, has no serious axe findings',
    async (url, name) => {
      for (const width of [390, 1024]) {
        const page = await open(url, width)
        await page.screenshot({
          fullPage: true,
          path: path.join(artifacts, `public-phone-${name}-${width}.png`),
        })
        expect({ url, width, ...(await overflow(page)) }).toEqual({
          page: false,
          tables: 0,
          url,
          width,
        })
        // A new document has no effective date: it is in force from its publication, and says so.
        expect(await page.locator('body').innerText()).not.toMatch(/not set|не вказано/i)
        for (const dd of await page.locator('[data-testid="effective-date"]').all()) {
          expect(await dd.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-/)
        }
        if (width === 390) {
          expect(await axeFindings(page, `public-${name}-390`, 'serious')).toEqual([])
        }
      }
    },
  )

  test('cookie names stay whole: one line each, never broken anywhere, at 390 and 1,024 px', async () => {
    for (const url of ['/legal/cookies', '/legal/cookie-policy']) {
      for (const width of [390, 1024]) {
        const page = await open(url, width)
        const names = await page
          .locator('[data-testid="cookie-table"] .cookie-name')
          .evaluateAll((els) =>
            els.map((el) => {
              const style = getComputedStyle(el)
              return {
                name: el.textContent,
                lines: el.getClientRects().length,
                overflowWrap: style.overflowWrap,
                wordBreak: style.wordBreak,
              }
            }),
          )
        expect(names.map((n) => n.name)).toContain('session-id')
        for (const n of names) {
          expect({ url, width, ...n }).toEqual({
            name: n.name,
            lines: 1,
            overflowWrap: 'break-word',
            url,
            width,
            wordBreak: 'normal',
          })
        }
      }
    }
  })

  test('two versions published on one day can be told apart in the archive', async () => {
    const page = await open(`/legal/${SLUG}/versions`, 390)
    // Each card starts with its version (the row header), newest first, then its publication
    // with the time: the seed's and this test's publish, the same day, maybe the same minute.
    const rows = await page.locator('[data-testid="version-row"]').evaluateAll((els) =>
      els.map((el) => {
        const time = el.querySelector('[data-testid="version-published"] time')!
        const first = el.firstElementChild!
        return {
          at: time.getAttribute('datetime') ?? '',
          first: first.textContent,
          shown: time.textContent ?? '',
          top: Math.round(first.getBoundingClientRect().top - el.getBoundingClientRect().top),
        }
      }),
    )
    expect(rows.map((r) => r.first)).toEqual(['Version 2', 'Version 1'])
    expect(rows.map((r) => r.top <= 1)).toEqual([true, true])
    expect(rows[0].at.slice(0, 10)).toBe(rows[1].at.slice(0, 10))
    expect(rows[0].at > rows[1].at).toBe(true)
    for (const r of rows) {
      expect(r.shown).toMatch(/ at \d{2}:\d{2} UTC$/)
    }
  })

  test('?locale=uk over English text: a notice in Ukrainian, and the English marked lang="en"', async () => {
    const page = await open('/legal/terms-of-use?locale=uk', 390)
    expect(await page.getAttribute('html', 'lang')).toBe('uk')
    const notice = page.locator('[data-testid="untranslated-notice"]')
    expect(await notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toContain('ще не перекладено українською')
    // The notice speaks the page's language; the title and every section are marked English.
    expect(await notice.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('uk')
    expect(await page.getAttribute('[data-testid="document-title"]', 'lang')).toBe('en')
    const sections = await page
      .locator('[data-testid="document-section"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('lang')))
    expect(sections.length).toBeGreaterThan(0)
    expect(new Set(sections)).toEqual(new Set(['en']))

    // In English there is nothing to say.
    const english = await open('/legal/terms-of-use', 390)
    expect(await english.locator('[data-testid="untranslated-notice"]').count()).toBe(0)
    expect(await english.locator('[data-testid="document-section"][lang]').count()).toBe(0)
  })

  test('?locale=uk on the versions page: English summaries and redline are said to be and marked English', async () => {
    const page = await open(`/legal/${SLUG}/versions?from=1&to=2&locale=uk`, 390)
    await page.screenshot({
      fullPage: true,
      path: path.join(artifacts, 'public-phone-versions-diff-uk-390.png'),
    })
    // Change summaries are written once, in English.
    expect(await page.textContent('[data-testid="summaries-language-note"]')).toContain(
      'лише англійською',
    )
    const summary = page.locator('[data-testid="version-row"][data-version="2"] td').nth(2)
    expect([await summary.textContent(), await summary.getAttribute('lang')]).toEqual([
      'A clearer summary.',
      'en',
    ])
    // The redline between two English versions: a notice in Ukrainian, every section marked English.
    const notice = page.locator('[data-testid="diff-untranslated-notice"]')
    expect(await notice.textContent()).toContain('ще не перекладено українською')
    const langs = await page
      .locator('[data-testid="diff-section"] > div')
      .evaluateAll((els) => els.map((el) => el.getAttribute('lang')))
    expect(langs.length).toBeGreaterThan(0)
    expect(new Set(langs)).toEqual(new Set(['en']))
    expect(await axeFindings(page, 'public-versions-diff-uk-390', 'serious')).toEqual([])

    // In English there is nothing to say.
    const english = await open(`/legal/${SLUG}/versions?from=1&to=2`, 390)
    expect(await english.locator('[data-testid="diff-untranslated-notice"]').count()).toBe(0)
    expect(await english.locator('[data-testid="summaries-language-note"]').count()).toBe(0)
    expect(await english.locator('[data-testid="diff-section"] > div[lang]').count()).toBe(0)
  })
})

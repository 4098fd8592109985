import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'

import { describe, expect, test } from '@jest/globals'
import http from 'node:http'
import path from 'node:path'

import { artifacts, axeFindings } from './axe'
import { browserSuite, documentIdOf, until } from './productionApp'

/**
 * Editing a document's sections from the document (reorder by dragging, add one in place,
 * open one without leaving), the preview, and the public pages' accessibility and print view.
 */
let documentId: number
const e2e = browserSuite(async (app) => {
  documentId = await documentIdOf(app, 'data-security')
})

/** The document's draft as the editor sees it, its sections populated. */
const draftOf = () =>
  e2e.api(`/api/legal-documents/${documentId}?draft=true&depth=1`, e2e.app.accounts.editor)

const headings = async () =>
  ((await draftOf()).sections as { heading: string }[]).map((s) => s.heading)

const pills = (page: Page) => page.locator('#field-sections [aria-roledescription="sortable"]')

describe('editing sections from their document', () => {
  test('drag to reorder, add a section in place, open one in a drawer, preview the result', async () => {
    const { app } = e2e
    const page = await e2e.signIn(app.accounts.editor)
    await page.goto(`${app.baseUrl}/admin/collections/legal-documents/${documentId}`)
    await page.waitForSelector('[data-testid="workflow-status"]')
    const before = await headings()
    expect(before).toEqual([
      'Introduction',
      'Where we store your data',
      'How long we store your data',
      'Measures taken to protect your data',
    ])

    // Drag the third section in front of the first; autosave keeps the new order as a draft.
    const from = (await pills(page).nth(2).boundingBox())!
    const to = (await pills(page).nth(0).boundingBox())!
    await page.mouse.move(from.x + 20, from.y + from.height / 2)
    await page.mouse.down()
    for (let i = 1; i <= 15; i++) {
      await page.mouse.move(from.x + 20 + ((to.x - from.x) * i) / 15, from.y + from.height / 2)
    }
    await page.mouse.move(to.x + 5, to.y + to.height / 2)
    await page.mouse.up()
    const reordered = [before[2], before[0], before[1], before[3]]
    await until(
      'the new order to be saved',
      async () => JSON.stringify(await headings()) === JSON.stringify(reordered),
    )

    // Add a section in place: the drawer saves it, the list gains it, the document claims it.
    await page.click('.relationship-add-new__add-button')
    await page.waitForSelector('dialog #field-heading')
    await page.fill('dialog #field-heading', 'Contact us')
    await page.locator('dialog [data-lexical-editor="true"]').click()
    await page.keyboard.type('Write to us about your data at any time.')
    await until(
      'the new section in the list',
      async () => (await headings()).includes('Contact us'),
      30_000,
    )
    // The drawer autosaves the text on its own schedule, later on a busy machine: wait for it.
    await until(
      "the new section's text to be saved",
      async () => {
        const sections = (await draftOf()).sections as { body?: unknown; heading: string }[]
        return JSON.stringify(
          sections.find((s) => s.heading === 'Contact us')?.body ?? null,
        ).includes('Write to us about your data at any time.')
      },
      90_000,
    )
    // Let the drawer's autosave run once more after the claim, then close it.
    await page.waitForTimeout(3000)
    await page.click('dialog button[id^="close-drawer"]')
    const draft = await draftOf()
    const added = draft.sections.find((s: { heading: string }) => s.heading === 'Contact us')
    expect(added).toMatchObject({ anchor: 'contact-us', document: documentId })
    expect(draft.workflowState).toBe('draft')

    // Open a section without leaving the document.
    const url = page.url()
    await page.click('button[aria-label="Edit Introduction"]')
    await page.waitForSelector('dialog #field-heading')
    expect(await page.inputValue('dialog #field-heading')).toBe('Introduction')
    await page.click('dialog button[id^="close-drawer"]')
    expect(page.url()).toBe(url)

    // The preview shows the page as it will be published, and the changes as a redline.
    await page.click('#legal-preview-page')
    await page.waitForSelector('[data-testid="preview-page"] h2')
    expect(await page.locator('[data-testid="preview-page"] h2').allTextContents()).toEqual([
      ...reordered,
      'Contact us',
    ])
    await page.click('#legal-preview-changes')
    await page.waitForSelector('[data-testid="preview-redline"] ins')
    expect(await page.textContent('[data-testid="preview-redline"]')).toContain(
      'Write to us about your data at any time.',
    )
    await page.screenshot({ fullPage: true, path: path.join(artifacts, 'sections-edited.png') })
    expect(await axeFindings(page, 'sections-edited')).toEqual([])

    // Readers still see version 1 in the old order.
    const live = await e2e.api('/api/legal/documents/data-security')
    expect(live.toc.map((t: { heading: string }) => t.heading)).toEqual(before)
  })
})

describe('public pages', () => {
  test.each([
    ['/legal', 'index'],
    ['/legal/privacy-policy', 'document'],
    ['/legal/cookie-policy', 'cookie-policy'],
    ['/legal/privacy-policy/versions', 'versions'],
    ['/legal/cookies', 'cookies'],
    ['/legal/terms-of-use?locale=uk', 'document-uk'],
  ])('%s has no accessibility violations (axe-core) and a print view', async (url, name) => {
    const page = await (await e2e.newContext()).newPage()
    const response = await page.goto(`${e2e.app.baseUrl}${url}`)
    expect(response?.status()).toBe(200)
    // The public pages answer for every finding, minor ones too.
    expect(await axeFindings(page, `public-${name}`, 'minor')).toEqual([])
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('main').count()).toBe(1)
    if (url.endsWith('?locale=uk')) {
      expect(await page.getAttribute('html', 'lang')).toBe('uk')
    }
    expect(await page.locator('.site-nav').isVisible()).toBe(true)
    await page.emulateMedia({ media: 'print' })
    // Printed, the page is the document: no site navigation, language switch or skip link.
    expect(await page.locator('.site-nav').isVisible()).toBe(false)
    expect(await page.locator('.language-nav').isVisible()).toBe(false)
    await page.screenshot({
      fullPage: true,
      path: path.join(artifacts, `public-${name}-print.png`),
    })
  })

  test('pages from the production build carry the security headers and do not advertise the stack', async () => {
    for (const url of ['/legal/privacy-policy', '/admin/login']) {
      const res = await fetch(`${e2e.app.baseUrl}${url}`)
      expect([url, res.status]).toEqual([url, 200])
      expect([url, res.headers.get('x-powered-by')]).toEqual([url, null])
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+'/)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  test('the cookie policy shows the declaration built from published cookie entries', async () => {
    const page = await (await e2e.newContext()).newPage()
    await page.goto(`${e2e.app.baseUrl}/legal/cookie-policy`)
    const tables = page.locator('[data-testid="cookie-declaration"] [data-testid="cookie-table"]')
    expect(await tables.count()).toBeGreaterThan(0)
    const text = await page.textContent('[data-testid="cookie-declaration"]')
    for (const cookie of ['session-id', '_ga']) {
      expect(text).toContain(cookie)
    }
  })

  test('a forged Host header does not make the pages fetch their text from that host (SSRF)', async () => {
    // A decoy "API" on another local port: it answers anything with GraphQL-looking JSON that
    // carries fake legal text, and counts what reaches it.
    const FORGED = 'FORGED-LEGAL-TEXT'
    const received: string[] = []
    const forgedDocument = {
      slug: 'privacy-policy',
      effectiveDate: null,
      kind: 'privacy-policy',
      lastModified: '2026-01-01T00:00:00.000Z',
      locale: 'en',
      publishedAt: '2026-01-01T00:00:00.000Z',
      sections: [{ anchor: 'forged', heading: FORGED, html: `<p>${FORGED}</p>` }],
      summary: FORGED,
      title: FORGED,
      toc: [{ anchor: 'forged', heading: FORGED }],
      version: 99,
    }
    const decoy = http.createServer((req, res) => {
      received.push(`${req.method} ${req.url}`)
      req.resume()
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          data: {
            d0: forgedDocument,
            legalDocument: forgedDocument,
            LegalDocuments: {
              docs: [
                {
                  slug: 'privacy-policy',
                  effectiveDate: null,
                  lastModified: null,
                  title: FORGED,
                  version: 99,
                },
              ],
            },
            legalDocumentVersions: { slug: 'privacy-policy', currentVersion: 99, versions: [] },
          },
        }),
      )
    })
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve))
    const decoyHost = `127.0.0.1:${(decoy.address() as AddressInfo).port}`
    // fetch cannot set Host; node:http sends what it is given.
    const getWithHost = (pathname: string) =>
      new Promise<{ body: string; status: number }>((resolve, reject) => {
        const target = new URL(pathname, e2e.app.baseUrl)
        const req = http.request(
          {
            agent: false,
            headers: { host: decoyHost, 'x-forwarded-host': decoyHost },
            hostname: target.hostname,
            path: target.pathname,
            port: target.port,
          },
          (res) => {
            let body = ''
            res.setEncoding('utf8')
            res.on('data', (chunk) => (body += chunk))
            res.on('end', () => resolve({ body, status: res.statusCode ?? 0 }))
          },
        )
        req.on('error', reject)
        req.end()
      })
    try {
      const title = (await e2e.api('/api/legal/documents/privacy-policy')).title as string
      expect(title).toBeTruthy()
      // React escapes text: compare with the title as it appears in HTML.
      const inHtml = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      for (const pathname of ['/legal/privacy-policy', '/legal']) {
        const page = await getWithHost(pathname)
        expect([pathname, page.status]).toEqual([pathname, 200])
        expect(page.body).toContain(inHtml)
        expect(page.body).not.toContain(FORGED)
      }
      expect(received).toEqual([])
    } finally {
      decoy.closeAllConnections()
      await new Promise((resolve) => decoy.close(resolve))
    }
  })
})

import { describe, expect, test } from '@jest/globals'
import path from 'node:path'

import { uk } from '../../src/translations/uk'
import { artifacts, axeFindings } from './axe'
import { browserSuite, documentIdOf, expectFits, openDocument, until } from './productionApp'

/**
 * Issue 16: an admin in Ukrainian hears the server's refusals in Ukrainian too. The reason a
 * disabled Publish gives comes from the server's workflow rules (GET …/workflow), said in the
 * language Payload reads from the admin's language cookie. Screenshots go to
 * test/artifacts/uk-admin-*.png.
 */
const UK = uk['legal-documents']
const e2e = browserSuite()

describe('the admin in Ukrainian', () => {
  test('an editor reads why Publish is disabled in Ukrainian, at 1,366 and 390 px', async () => {
    const page = await e2e.signIn(e2e.app.accounts.editor, 'uk')
    await openDocument(e2e.app, page, await documentIdOf(e2e.app, 'privacy-policy'))
    expect(await page.getAttribute('html', 'lang')).toBe('uk')
    const blocked = page.locator('[data-testid="publish-blocked"]').first()
    await until(
      'the Ukrainian reason',
      async () => (await blocked.getAttribute('title')) === UK['refusal-publish-role'],
      30_000,
    )
    expect(await blocked.getAttribute('aria-label')).toBe(UK['refusal-publish-role'])
    await expectFits(page, 'uk-admin-document', [1366, 390], async (width) => {
      await page.screenshot({ path: path.join(artifacts, `uk-admin-document-${width}.png`) })
    })
    expect(await axeFindings(page, 'uk-admin-document', 'serious')).toEqual([])
  })
})

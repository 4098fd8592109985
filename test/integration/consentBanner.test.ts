/**
 * Cookie banner texts as content (issue 15, point 1): editors write them on the cookie-policy
 * document, they go live only through the review workflow, the approval covers them, the
 * consent configuration serves the version in force (with defaults in English and Ukrainian
 * until then), and the export/restore keeps them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createLocalReq } from 'payload'

import { exportLegalContent } from '../../src/backup/exportContent'
import { restoreLegalContent } from '../../src/backup/restoreContent'
import { loadConsentConfig } from '../../src/delivery/cookies'
import { SLUGS } from '../../src/slugs'
import { approvalHash } from '../../src/workflow/approval'
import { type ServedApp, SESSION_COOKIE, startServedApp } from '../helpers/consentSetup'
import {
  draftCookiePolicy,
  publishCookie,
  publishDocument,
  reviewAndPublish,
  workflowStep,
} from '../helpers/cookiePolicy'
import { as } from '../helpers/publishFlow'
import { closeServed } from '../helpers/staffApp'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { type TestUser } from '../helpers/users'

type Json = Record<string, any>
let app: TestApp
let server: ServedApp['server']
let editor: TestUser
let reviewer: TestUser
let now = Date.now()
let policyId: number | string

const config = async (): Promise<Json> => {
  const res = await fetch(`${server.baseUrl}/api/legal/cookies/consent-config`)
  expect(res.status).toBe(200)
  return (await res.json()) as Json
}

beforeAll(async () => {
  ;({ app, editor, reviewer, server } = await startServedApp('banner', {
    plugin: { clock: () => new Date(now) },
  }))
  await publishCookie(app.payload, editor, reviewer, SESSION_COOKIE)
  await publishCookie(app.payload, editor, reviewer, {
    name: '_ga',
    category: 'analytics',
    duration: '2 years',
    party: 'third',
    purpose: 'Counts visits.',
    service: 'Google Analytics',
  })
})
afterAll(() => closeServed({ app, server }))

describe('consent configuration texts', () => {
  test('with no cookie policy published: complete default texts in English and Ukrainian, no link', async () => {
    const c = await config()
    expect(Object.keys(c.language.translations)).toEqual(['en', 'uk'])
    expect(c.language.translations.en.consentModal).toMatchObject({
      acceptAllBtn: 'Accept all',
      acceptNecessaryBtn: 'Necessary only',
      showPreferencesBtn: 'Manage preferences',
      title: 'We use cookies',
    })
    expect(c.language.translations.en.consentModal.footer).toBeUndefined()
    expect(c.language.translations.uk.consentModal).toMatchObject({
      acceptAllBtn: 'Прийняти всі',
      title: 'Ми використовуємо файли cookie',
    })
    expect(c.language.translations.uk.preferencesModal).toMatchObject({
      savePreferencesBtn: 'Зберегти налаштування',
      title: 'Налаштування файлів cookie',
    })
  })

  test('written texts are not served before the review workflow published them', async () => {
    const doc = await draftCookiePolicy(app.payload, editor, {
      slug: 'cookie-policy',
      banner: {
        en: { acceptAll: 'Yes, all', consentTitle: 'Cookies at Acme' },
        uk: { consentTitle: 'Cookie в Acme' },
      },
    })
    policyId = doc.id
    await workflowStep(app.payload, editor, policyId, 'submit')
    expect((await config()).language.translations.en.consentModal.title).toBe('We use cookies')
    await workflowStep(app.payload, reviewer, policyId, 'approve')
    expect((await config()).language.translations.en.consentModal.title).toBe('We use cookies')
  })

  test('the approval covers the banner texts: a change after approval voids it, and the hash differs', async () => {
    const req = await createLocalReq({}, app.payload)
    const approvedHash = await approvalHash(req, policyId)
    const draft = (await app.payload.findByID({
      id: policyId,
      collection: SLUGS.documents,
      draft: true,
      overrideAccess: true,
    })) as Json
    expect(draft.workflowState).toBe('approved')
    expect(draft.approvedContentHash).toBe(approvedHash)

    await app.payload.update({
      id: policyId,
      collection: SLUGS.documents,
      data: { consentBanner: { ...draft.consentBanner, acceptAll: 'Accept everything' } },
      ...as(editor),
    })
    const after = (await app.payload.findByID({
      id: policyId,
      collection: SLUGS.documents,
      draft: true,
      overrideAccess: true,
    })) as Json
    expect(after.workflowState).not.toBe('approved')
    expect(after.approvedContentHash ?? null).toBeNull()
    expect(await approvalHash(req, policyId)).not.toBe(approvedHash)
    await expect(publishDocument(app.payload, reviewer, policyId)).rejects.toThrow()
    expect((await config()).language.translations.en.consentModal.title).toBe('We use cookies')
  })

  test('published through the workflow: the texts of every locale, defaults for the rest, and the link', async () => {
    await reviewAndPublish(app.payload, editor, reviewer, policyId)
    const c = await config()
    const en = c.language.translations.en
    expect(en.consentModal).toMatchObject({
      acceptAllBtn: 'Accept everything',
      acceptNecessaryBtn: 'Necessary only',
      title: 'Cookies at Acme',
    })
    expect(en.consentModal.footer).toBe('<a href="/legal/cookie-policy">Cookie policy</a>')
    expect(en.preferencesModal.acceptAllBtn).toBe('Accept everything')
    expect(c.language.translations.uk.consentModal).toMatchObject({
      acceptAllBtn: 'Прийняти всі',
      title: 'Cookie в Acme',
    })
    const archive = (
      await app.payload.find({
        collection: SLUGS.versions,
        overrideAccess: true,
        where: { document: { equals: policyId } },
      })
    ).docs as Json[]
    expect(archive).toHaveLength(1)
    expect(archive[0].content.locales.en.consentBanner).toEqual({
      acceptAll: 'Accept everything',
      consentTitle: 'Cookies at Acme',
    })
  })

  test('a version that takes effect later changes the texts at its effective instant', async () => {
    const effective = new Date(now + 60 * 60_000).toISOString()
    await app.payload.update({
      id: policyId,
      collection: SLUGS.documents,
      data: {
        changeSummary: 'New banner title.',
        consentBanner: { consentTitle: 'New cookie rules' },
        effectiveDate: effective,
      },
      ...as(editor),
    })
    await reviewAndPublish(app.payload, editor, reviewer, policyId)
    expect((await config()).language.translations.en.consentModal.title).toBe('Cookies at Acme')
    now += 2 * 60 * 60_000
    expect((await config()).language.translations.en.consentModal.title).toBe('New cookie rules')
    // The other texts are the draft's, as they were.
    expect((await config()).language.translations.en.consentModal.acceptAllBtn).toBe(
      'Accept everything',
    )
  })

  test('the export carries the banner texts and the restore brings them back', async () => {
    const { file } = await exportLegalContent(app.payload)
    expect(JSON.stringify(file)).toContain('New cookie rules')
    const target = await startTestPayload({
      key: 'restored',
      plugin: { clock: () => new Date(now) },
    })
    try {
      await restoreLegalContent(target.payload, file, { createMissingUsers: true })
      const restored = (await target.payload.findByID({
        id: policyId,
        collection: SLUGS.documents,
        locale: 'all',
        overrideAccess: true,
      })) as Json
      expect(restored.consentBanner.en).toMatchObject({ consentTitle: 'New cookie rules' })
      const served = await loadConsentConfig(target.payload)
      expect((served.language.translations as Json).en.consentModal.title).toBe('New cookie rules')
      expect((served.language.translations as Json).uk.consentModal).toMatchObject({
        acceptAllBtn: 'Прийняти всі',
        title: 'Cookie в Acme',
      })
    } finally {
      await target.close()
    }
  })
})

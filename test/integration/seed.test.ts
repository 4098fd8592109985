import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'

import { SEED_ACCOUNTS } from '../../seed/actors'
import { SEED_COOKIES } from '../../seed/cookies'
import { importDocument } from '../../seed/importDocument'
import {
  blanksOf,
  resetSeedContent,
  seedIfEmpty,
  seedReferenceContent,
  type SeedSummary,
} from '../../seed/seed'
import { SOURCE_ENTITY } from '../../seed/sourceDocuments'
import { parseLegalText } from '../../src/importer'
import { SLUGS } from '../../src/slugs'
import { setCompanyDetails } from '../helpers/companyDetails'
import { allRecords, startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser } from '../helpers/users'

let app: TestApp
let payload: Payload
let first: SeedSummary

const SECTION_COUNTS = {
  'cookie-policy': 1,
  'data-security': 4,
  'general-conditions': 5,
  'privacy-policy': 6,
  'terms-of-use': 5,
}

const all = (collection: string, options: { draft?: boolean } = {}) =>
  allRecords(payload, collection, options)

/** Every row the seed could have written, counted: any duplicate or extra version shows up here. */
async function census() {
  const documents = await all(SLUGS.documents)
  const counts: Record<string, number> = {}
  for (const slug of [
    SLUGS.documents,
    SLUGS.sections,
    SLUGS.versions,
    SLUGS.cookies,
    SLUGS.reviewEvents,
    'users',
  ]) {
    counts[slug] = (
      await payload.count({ collection: slug as never, overrideAccess: true })
    ).totalDocs
  }
  for (const slug of [SLUGS.documents, SLUGS.sections, SLUGS.cookies]) {
    counts[`${slug} (payload versions)`] = (
      await payload.countVersions({ collection: slug as never, overrideAccess: true })
    ).totalDocs
  }
  return { counts, versions: Object.fromEntries(documents.map((d) => [d.slug, d.version])) }
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  // What an admin typed in before the seed ran must survive it.
  await setCompanyDetails(payload, { email: 'legal@example.test', website: 'https://example.test' })
})

afterAll(async () => {
  await app?.close()
})

describe('npm run seed', () => {
  test('on an empty database: the five documents published as version 1, with an effective date', async () => {
    const logged: string[] = []
    first = (await seedIfEmpty(payload, { log: (line) => logged.push(line) }))!
    expect(first).not.toBeNull()
    expect(logged).toEqual([
      expect.stringMatching(
        /^Reference content seeded in [\d.]+ s: 5 documents published .*9 cookie entries.* blanks to fill in/,
      ),
    ])

    const documents = await all(SLUGS.documents)
    expect(
      documents.map((d) => [d.slug, d.kind, d._status, d.workflowState, d.version]).sort(),
    ).toEqual(
      [
        ['cookie-policy', 'cookie-policy', 'published', 'published', 1],
        ['data-security', 'data-security', 'published', 'published', 1],
        ['general-conditions', 'general-conditions', 'published', 'published', 1],
        ['privacy-policy', 'privacy-policy', 'published', 'published', 1],
        ['terms-of-use', 'terms-of-use', 'published', 'published', 1],
      ].sort(),
    )
    for (const doc of documents) {
      expect(doc.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/)
      expect(doc.sections).toHaveLength(SECTION_COUNTS[doc.slug as keyof typeof SECTION_COUNTS])
    }
    expect(documents.find((d) => d.slug === 'terms-of-use')).toMatchObject({
      governingLaw: 'Ukrainian law',
      jurisdiction: 'English courts',
    })

    const sections = await all(SLUGS.sections)
    expect(sections).toHaveLength(21)
    expect(sections.every((s) => s._status === 'published')).toBe(true)
    const archive = await all(SLUGS.versions)
    expect(archive.map((r) => [r.slug, r.version]).sort()).toEqual(
      documents.map((d) => [d.slug, 1]).sort(),
    )
  })

  test('it went through the review workflow, as a seed editor and a different seed reviewer', async () => {
    const users = await all('users')
    expect(users.map((u) => [u.email, u.roles])).toEqual(
      expect.arrayContaining([
        [SEED_ACCOUNTS.editor.email, ['editor']],
        [SEED_ACCOUNTS.reviewer.email, ['reviewer']],
      ]),
    )
    expect(first.actors).toEqual({
      created: [SEED_ACCOUNTS.editor.email, SEED_ACCOUNTS.reviewer.email],
      editor: SEED_ACCOUNTS.editor.email,
      reviewer: SEED_ACCOUNTS.reviewer.email,
    })
    const byEmail = Object.fromEntries(users.map((u) => [u.id, u.email]))
    const events = await all(SLUGS.reviewEvents)
    // The five documents and every cookie entry: the same review.
    const steps = (action: string, on: 'cookieEntry' | 'document') =>
      events.filter((e) => e.action === action && e[on]).map((e) => byEmail[e.by])
    for (const [on, count] of [
      ['document', 5],
      ['cookieEntry', SEED_COOKIES.length],
    ] as const) {
      expect(steps('submitted', on)).toEqual(Array(count).fill(SEED_ACCOUNTS.editor.email))
      expect(steps('approved', on)).toEqual(Array(count).fill(SEED_ACCOUNTS.reviewer.email))
      expect(steps('published', on)).toEqual(Array(count).fill(SEED_ACCOUNTS.reviewer.email))
    }
  })

  test('the company details come from "Who we are"; what an admin entered is kept', async () => {
    const entity = await payload.findGlobal({ slug: SLUGS.entity, depth: 0, overrideAccess: true })
    expect(entity).toMatchObject({
      ...SOURCE_ENTITY,
      email: 'legal@example.test',
      website: 'https://example.test',
    })
    expect(first.entity).toEqual({ filled: ['name', 'address', 'phone'], missing: [] })
  })

  test('a published cookie entry for every cookie, tool and provider the policy names', async () => {
    const cookies = await all(SLUGS.cookies)
    expect(cookies).toHaveLength(SEED_COOKIES.length)
    const services = cookies.map((c) => c.service)
    for (const named of [
      'Website session',
      'Website preferences',
      'Google Analytics',
      'CAPTCHA',
      'Twitter',
      'Facebook',
      'Behavioural advertising',
    ]) {
      expect(services.some((s) => s.includes(named))).toBe(true)
    }
    for (const cookie of cookies) {
      expect({ review: cookie.workflowState, status: cookie._status }).toEqual({
        review: 'published',
        status: 'published',
      })
      expect(cookie.category).toMatch(/^(necessary|security|functional|analytics|marketing)$/)
      expect(cookie.purpose?.length).toBeGreaterThan(20)
      expect(cookie.duration).toBeTruthy()
      expect(cookie.party).toMatch(/^(first|third)$/)
    }
    expect(cookies.find((c) => c.name === 'session-id')).toMatchObject({
      category: 'necessary',
      duration: expect.stringMatching(/^Session/),
      party: 'first',
    })
    expect(cookies.find((c) => c.name === '_ga')).toMatchObject({
      category: 'analytics',
      duration: '2 years',
      party: 'third',
    })
  })

  test('the summary lists every blank with document, section and sentence; nothing is silently dropped', () => {
    const blanks = blanksOf(first)
    expect(blanks.some((b) => b.kind === 'suspected')).toBe(false)
    expect(blanks).toContainEqual(
      expect.objectContaining({
        document: 'Cookie Policy',
        section: 'Our policy regarding cookie-files',
        sentence: 'by visiting;',
      }),
    )
    expect(blanks).toContainEqual(
      expect.objectContaining({ document: 'Cookie declaration', section: '_GRECAPTCHA' }),
    )
    // E-mail and website were entered by an admin, so they are not blanks on this database.
    expect(blanks.some((b) => b.document === 'Company details')).toBe(false)
    expect(first.findings.filter((f) => f.kind === 'skipped')).toHaveLength(1)
    expect(first.warnings).toEqual([
      {
        document: 'General Conditions',
        line: 36,
        message: expect.stringContaining('goes from 1 to 3'),
      },
    ])
  })

  test('running it again changes nothing: same rows, no new drafts, versions stay 1', async () => {
    const before = await census()
    expect(await seedIfEmpty(payload, { log: () => {} })).toBeNull()
    const again = await seedReferenceContent(payload)
    expect(again.documents.map((d) => d.action)).toEqual(Array(5).fill('kept'))
    expect(again.cookies).toEqual({ completed: 0, created: 0, kept: SEED_COOKIES.length })
    expect(again.entity.filled).toEqual([])
    expect(await census()).toEqual(before)
    expect(Object.values(before.versions)).toEqual(Array(5).fill(1))
  })

  test('uses existing editors and reviewers when there are some', async () => {
    await resetSeedContent(payload)
    const editor = await createUser(payload, 'erin', ['editor'])
    const reviewer = await createUser(payload, 'rafael', ['reviewer'])
    // Older seed accounts exist too; the oldest user of each role is the one used.
    const summary = await seedReferenceContent(payload)
    expect(summary.actors).toEqual({
      created: [],
      editor: SEED_ACCOUNTS.editor.email,
      reviewer: SEED_ACCOUNTS.reviewer.email,
    })
    await payload.delete({
      collection: 'users',
      overrideAccess: true,
      where: { email: { in: [SEED_ACCOUNTS.editor.email, SEED_ACCOUNTS.reviewer.email] } },
    })
    await resetSeedContent(payload)
    const next = await seedReferenceContent(payload)
    expect(next.actors).toEqual({ created: [], editor: editor.email, reviewer: reviewer.email })
  })

  test('completes what an interrupted run left unpublished, without duplicating its sections', async () => {
    await resetSeedContent(payload)
    const editor = (await all('users')).find((u) => u.email === 'erin@test.example')!
    // An earlier run that stopped after importing one document, before its review.
    const parsed = parseLegalText('Data Security\n\nWhere we store your data\n\nAn older text.')
    const partial = await importDocument(payload, {
      slug: 'data-security',
      editor: { id: editor.id, collection: 'users', email: editor.email, roles: ['editor'] },
      kind: 'data-security',
      sections: [{ body: parsed.sections[0].body, heading: 'Where we store your data' }],
      title: 'Data Security',
    })
    const summary = await seedReferenceContent(payload)
    expect(summary.documents.find((d) => d.slug === 'data-security')).toMatchObject({
      action: 'completed',
      version: 1,
      workflowState: 'published',
    })
    const doc = (await all(SLUGS.documents)).find((d) => d.slug === 'data-security')!
    expect(doc.id).toBe(partial.documentId)
    const sections = (await all(SLUGS.sections)).filter((s) => s.document === doc.id)
    expect(sections).toHaveLength(4)
    // The section of the interrupted run was reused (same id), and now has the source text.
    expect(sections.map((s) => s.id)).toContain(partial.sections[0].id)
  })

  test('--reset starts over: edits, drafts and archive records of the seed content are gone', async () => {
    const editor = (await all('users')).find((u) => u.email === 'erin@test.example')!
    const privacy = (await all(SLUGS.documents)).find((d) => d.slug === 'privacy-policy')!
    await payload.update({
      id: privacy.sections[0],
      collection: SLUGS.sections,
      data: { heading: 'Changed by an editor' },
      overrideAccess: false,
      user: { ...editor, collection: 'users' },
    })
    await setCompanyDetails(payload, { name: 'Someone Else Ltd' })
    const usersBefore = (await payload.count({ collection: 'users', overrideAccess: true }))
      .totalDocs

    const summary = await seedReferenceContent(payload, { reset: true })
    expect(summary.reset).toBe(true)
    expect(summary.documents.map((d) => [d.action, d.version])).toEqual(
      Array(5).fill(['created', 1]),
    )
    const documents = await all(SLUGS.documents, { draft: true })
    expect(documents.find((d) => d.slug === 'privacy-policy')!.id).not.toBe(privacy.id)
    expect(documents.every((d) => d.workflowState === 'published' && d.version === 1)).toBe(true)
    const headings = (await all(SLUGS.sections, { draft: true })).map((s) => s.heading)
    expect(headings).not.toContain('Changed by an editor')
    expect(headings).toHaveLength(21)
    expect((await all(SLUGS.versions)).map((r) => r.version)).toEqual(Array(5).fill(1))
    expect(await all(SLUGS.cookies)).toHaveLength(SEED_COOKIES.length)
    // The company details start over too; users are left alone.
    const entity = await payload.findGlobal({ slug: SLUGS.entity, depth: 0, overrideAccess: true })
    expect(entity).toMatchObject({ ...SOURCE_ENTITY, email: null, website: null })
    expect(
      summary.findings.filter((f) => f.document === 'Company details').map((f) => f.sentence),
    ).toEqual(['{{company.email}}', '{{company.website}}'])
    expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(
      usersBefore,
    )
  })

  test('--reset refuses to run in production, where the archive is evidence', async () => {
    const env = process.env as Record<string, string | undefined>
    const before = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      await expect(seedReferenceContent(payload, { reset: true })).rejects.toThrow(
        /does not run in production/,
      )
    } finally {
      env.NODE_ENV = before
    }
    expect(await all(SLUGS.versions)).toHaveLength(5)
  })
})

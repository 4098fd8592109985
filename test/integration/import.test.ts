import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq, type Payload } from 'payload'

import { nodeArgs } from '../../dev/server/nodeArgs'
import { importDocument, ImportRefused, sectionsFromParsed } from '../../seed/importDocument'
import { parseLegalText } from '../../src/importer'
import { lexicalToText } from '../../src/render'
import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { type Run, spawnNode } from '../helpers/nodeChild'
import { latestDraft } from '../helpers/publishFlow'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, type TestUser } from '../helpers/users'

let app: TestApp
let payload: Payload
let editor: TestUser
let reviewer: TestUser
let tmp: string

type Doc = Record<string, any>
const root = path.resolve(import.meta.dirname, '../..')

const TERMS_V1 = `Acme Terms

These terms apply to everyone.

Using the site

  1. You may read it.
  3. You may share links to it.

Liability

We are not liable.
`

const TERMS_V2 = `Acme Terms

These terms apply to everyone.

Using the site

  1. You may read it.
  3. You may share links to it.
  4. You may print one copy.

Privacy

See our Privacy Policy.
`

function importText(
  text: string,
  options: { kind?: 'terms-of-use'; locale?: string; slug?: string } = {},
) {
  const parsed = parseLegalText(text)
  return importDocument(payload, {
    slug: options.slug ?? 'acme-terms',
    editor,
    kind: options.kind ?? 'terms-of-use',
    locale: options.locale,
    sections: sectionsFromParsed(parsed, options.locale === 'uk' ? 'Вступ' : 'Introduction'),
    title: parsed.title!,
  })
}

async function sectionsOf(documentId: number | string, locale = 'en'): Promise<Doc[]> {
  const doc = await latestDraft(payload, documentId)
  return Promise.all(
    (doc.sections as number[]).map((id) => latestDraft(payload, id, SLUGS.sections, locale)),
  )
}

const sectionRows = async (documentId: number | string) =>
  (
    await payload.count({
      collection: SLUGS.sections,
      overrideAccess: true,
      where: { document: { equals: documentId } },
    })
  ).totalDocs

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  editor = await createUser(payload, 'editor', ['editor'])
  reviewer = await createUser(payload, 'reviewer', ['reviewer'])
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-import-'))
})

afterAll(async () => {
  await fs.rm(tmp, { force: true, recursive: true })
  await app?.close()
})

describe('importing a legal page into a draft', () => {
  let documentId: number | string

  test('creates a draft document with one section per heading, the intro first', async () => {
    const result = await importText(TERMS_V1)
    documentId = result.documentId
    expect(result.documentCreated).toBe(true)
    expect(result.sections.map((s) => [s.heading, s.action])).toEqual([
      ['Introduction', 'created'],
      ['Using the site', 'created'],
      ['Liability', 'created'],
    ])
    expect(result.workflowState).toBe('draft')
    const doc = await latestDraft(payload, documentId)
    expect(doc).toMatchObject({
      slug: 'acme-terms',
      _status: 'draft',
      kind: 'terms-of-use',
      title: 'Acme Terms',
      version: 0,
    })
    // Written as the editor, through the workflow hooks.
    expect(doc.workflowContributors).toEqual([editor.id])
    const sections = await sectionsOf(documentId)
    expect(sections.map((s) => s.anchor)).toEqual(['introduction', 'using-the-site', 'liability'])
    expect(lexicalToText(sections[1].body)).toBe(
      '1. You may read it.\n3. You may share links to it.',
    )
  })

  test('importing the same text again changes nothing', async () => {
    const draftsBefore = (
      await payload.countVersions({ collection: SLUGS.sections, overrideAccess: true })
    ).totalDocs
    const docVersionsBefore = (
      await payload.countVersions({ collection: SLUGS.documents, overrideAccess: true })
    ).totalDocs
    const result = await importText(TERMS_V1)
    expect(result.documentId).toBe(documentId)
    expect(result.documentCreated).toBe(false)
    expect(result.documentUpdated).toBe(false)
    expect(result.sections.map((s) => s.action)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(await sectionRows(documentId)).toBe(3)
    expect(
      (await payload.countVersions({ collection: SLUGS.sections, overrideAccess: true })).totalDocs,
    ).toBe(draftsBefore)
    expect(
      (await payload.countVersions({ collection: SLUGS.documents, overrideAccess: true }))
        .totalDocs,
    ).toBe(docVersionsBefore)
  })

  test('a changed text updates the draft: sections matched by heading, new ones added, gone ones removed', async () => {
    const before = await sectionsOf(documentId)
    const result = await importText(TERMS_V2)
    expect(result.sections.map((s) => [s.heading, s.action])).toEqual([
      ['Introduction', 'unchanged'],
      ['Using the site', 'updated'],
      ['Privacy', 'created'],
    ])
    expect(result.removed).toEqual([{ id: before[2].id, deleted: true, heading: 'Liability' }])
    const after = await sectionsOf(documentId)
    expect(after.map((s) => s.id).slice(0, 2)).toEqual(before.map((s) => s.id).slice(0, 2))
    expect(after.map((s) => s.heading)).toEqual(['Introduction', 'Using the site', 'Privacy'])
    // The removed draft section is deleted, not left behind: no duplicates, no orphans.
    expect(await sectionRows(documentId)).toBe(3)
    expect(lexicalToText(after[1].body)).toBe(
      '1. You may read it.\n3. You may share links to it.\n4. You may print one copy.',
    )
  })

  test('after a publish, a re-import updates the draft only; a published section leaves the document but stays on record', async () => {
    for (const [user, action] of [
      [editor, 'submit'],
      [reviewer, 'approve'],
    ] as const) {
      await performWorkflowAction(await createLocalReq({ user: user as never }, payload), {
        id: documentId,
        action,
        fourEyes: true,
      })
    }
    await payload.update({
      id: documentId,
      collection: SLUGS.documents,
      data: { _status: 'published' } as never,
      overrideAccess: false,
      user: reviewer,
    })

    const result = await importText(TERMS_V1)
    expect(result.workflowState).toBe('draft')
    expect(result.removed).toEqual([{ id: expect.anything(), deleted: false, heading: 'Privacy' }])
    const live = (await payload.findByID({
      id: documentId,
      collection: SLUGS.documents,
      depth: 0,
      overrideAccess: false,
      user: null,
    })) as Doc
    expect(live).toMatchObject({ _status: 'published', version: 1 })
    expect(live.sections).toHaveLength(3)
    const draft = await latestDraft(payload, documentId)
    expect(draft.sections).toHaveLength(3)
    expect((await sectionsOf(documentId)).map((s) => s.heading)).toEqual([
      'Introduction',
      'Using the site',
      'Liability',
    ])
  })

  test('--locale uk adds the translation to the same sections, by position', async () => {
    const result = await importText(
      'Умови Acme\n\nЦі умови стосуються всіх.\n\nКористування сайтом\n\n  1. Ви можете його читати.\n\nВідповідальність\n\nМи не відповідаємо.',
      { locale: 'uk' },
    )
    expect(result.documentCreated).toBe(false)
    expect(result.sections.map((s) => s.action)).toEqual(['updated', 'updated', 'updated'])
    expect((await sectionsOf(documentId, 'uk')).map((s) => s.heading)).toEqual([
      'Вступ',
      'Користування сайтом',
      'Відповідальність',
    ])
    expect((await sectionsOf(documentId, 'en')).map((s) => s.heading)).toEqual([
      'Introduction',
      'Using the site',
      'Liability',
    ])
    await expect(importText('Умови Acme\n\nЛише вступ.', { locale: 'uk' })).rejects.toThrow(
      /has 3 sections and this uk text has 1/,
    )
  })

  test('unknown placeholders are refused before anything is written, with their line', async () => {
    const text = 'Other Terms\n\nContact\n\nWrite to {{company.mail}}.'
    const error = await importText(text, { slug: 'other-terms' }).catch((err) => err)
    expect(error).toBeInstanceOf(ImportRefused)
    expect(error).toMatchObject({ line: 3, message: expect.stringContaining('{{company.mail}}') })
    expect(
      (
        await payload.count({
          collection: SLUGS.documents,
          overrideAccess: true,
          where: { slug: { equals: 'other-terms' } },
        })
      ).totalDocs,
    ).toBe(0)
  })
})

function runImport(args: string[], env: Record<string, string> = {}): Promise<Run> {
  // The command `npm run import` runs.
  return spawnNode([...nodeArgs(), 'seed/import.ts', ...args], { NO_DEMO_USERS: 'true', ...env })
    .exited
}

describe('npm run import (the command)', () => {
  test('a file it cannot read: exit code 1 and the line number, before touching any database', async () => {
    const bad = path.join(tmp, 'bad.txt')
    await fs.writeFile(bad, 'Terms\n\nA fine line.\nA line with \u0000 binary data.\n')
    // No DATABASE_URL and a data directory that does not exist: any database access would fail differently.
    const run = await runImport([bad, '--slug', 'bad', '--kind', 'other'], {
      DATA_DIR: path.join(tmp, 'no-data-dir'),
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/bad\.txt:4: control character U\+0000 at column 13/)
    expect(run.stderr).toContain('nothing was written')
    await expect(fs.access(path.join(tmp, 'no-data-dir'))).rejects.toThrow()
  }, 60_000)

  test('usage errors say what is wrong (exit code 2)', async () => {
    const run = await runImport(['some.txt', '--kind', 'other'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--slug is required')
    expect(run.stderr).toContain('usage: npm run import -- FILE --slug SLUG')
    const kind = await runImport(['some.txt', '--slug', 'x', '--kind', 'contract'])
    expect(kind.stderr).toContain('--kind "contract": use one of terms-of-use')
  }, 60_000)

  test('imports with a progress line per section and a summary; a second import updates, never duplicates', async () => {
    const file = path.join(tmp, 'cookie-notice.md')
    await fs.writeFile(
      file,
      '# Cookie Notice\n\nWe use few cookies.\n\n## Necessary cookies\n\n- session\n- security\n\n## Analytics\n\n1. counting visits\n2. improving pages\n',
    )
    const env = { DATABASE_URL: app.databaseUrl, PAYLOAD_SECRET: 'x'.repeat(40) }
    const args = [file, '--slug', 'cookie-notice', '--kind', 'cookie-policy', '--as', editor.email]
    const first = await runImport(args, env)
    expect({
      code: first.code,
      stderr: first.stderr.split('\n').filter((l) => /error|import:/i.test(l)),
    }).toEqual({ code: 0, stderr: [] })
    expect(first.stdout).toContain(
      `Importing ${path.relative(root, file)} into "cookie-notice" (en) as ${editor.email}`,
    )
    expect(first.stdout).toMatch(/\[1\/3\] created +Introduction/)
    expect(first.stdout).toMatch(/\[2\/3\] created +Necessary cookies +\(line 5\)/)
    expect(first.stdout).toMatch(/\[3\/3\] created +Analytics/)
    expect(first.stdout).toContain(
      'Done: "Cookie Notice" (cookie-notice) created as a draft, draft; 3 sections: 3 created, 0 updated, 0 unchanged, 0 removed; 0 warnings.',
    )

    await fs.appendFile(file, '3. remembering nothing else\n')
    const second = await runImport(args, env)
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/\[1\/3\] unchanged +Introduction/)
    expect(second.stdout).toMatch(/\[3\/3\] updated +Analytics/)
    expect(second.stdout).toContain('updated as a draft')

    const { docs } = await payload.find({
      collection: SLUGS.documents,
      depth: 0,
      draft: true,
      overrideAccess: true,
      where: { slug: { equals: 'cookie-notice' } },
    })
    expect(docs).toHaveLength(1)
    expect(await sectionRows(docs[0].id)).toBe(3)
    const analytics = (await sectionsOf(docs[0].id))[2]
    expect(lexicalToText(analytics.body)).toBe(
      '1. counting visits\n2. improving pages\n3. remembering nothing else',
    )
  }, 120_000)
})

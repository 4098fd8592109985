import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { type CollectionSlug, createLocalReq, type Payload } from 'payload'

import { projectRoot } from '../../dev/server/bootstrap'
import { nodeArgs } from '../../dev/server/nodeArgs'
import { type Actor, actorFor } from '../../seed/actors'
import { seedReferenceContent } from '../../seed/seed'
import { exportLegalContent } from '../../src/backup/exportContent'
import { compareExports, type LegalExport, recordHash } from '../../src/backup/format'
import {
  RestoreError,
  restoreLegalContent,
  verifyExportFile,
} from '../../src/backup/restoreContent'
import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { draftDocument } from '../helpers/publishFlow'
import { allRecords, NO_NOTICE, startTestPayload, type TestApp } from '../helpers/testPayload'

/**
 * Issue 8, point 7: `npm run export` and `npm run restore`. Reference content plus a second
 * version with a change summary, a review history with a requested change, pending drafts and
 * a never-published document; exported, restored into a fresh database, and compared: content
 * hashes, archive dates and numbers, people, and delivery responses byte for byte, the
 * restored side served by a freshly started server process.
 */

type Doc = Record<string, any>

let source: TestApp
let target: TestApp
let sourceServer: { baseUrl: string; close: () => Promise<void> }
let targetServer: { baseUrl: string; child: ChildProcess } | undefined
let editor: Actor
let reviewer: Actor
let exported: LegalExport
let exportPath: string
let tmp: string

const secret = randomBytes(32).toString('hex')

/** Environment for a CLI or server child process on `databaseUrl` (never the developer's .data). */
function childEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: tmp,
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: secret,
    ...extra,
  }
  delete env.PAYLOAD_FORCE_DRIZZLE_PUSH
  return env
}

function runCli(
  script: string,
  args: string[],
  databaseUrl: string,
): Promise<{ code: null | number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs(), script, ...args], {
      cwd: projectRoot,
      env: childEnv(databaseUrl),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stderr, stdout }))
  })
}

function startServer(databaseUrl: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs(), 'dev/server/main.ts'], {
      cwd: projectRoot,
      env: childEnv(databaseUrl, {
        HOST: '127.0.0.1',
        NO_DEMO_USERS: 'true',
        NO_NEXT: 'true',
        NO_SEED: 'true',
        PORT: '0',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000)
    const onData = (d: Buffer) => {
      output += d.toString()
      const m = /admin at http:\/\/[^:]+:(\d+)\//.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve({ baseUrl: `http://127.0.0.1:${m[1]}`, child })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
}

async function act(user: Actor, id: number | string, action: string, comment?: string) {
  const req = await createLocalReq({ user: user as never }, source.payload)
  return performWorkflowAction(req, { id, action, comment, fourEyes: true })
}

const as = (user: Actor) => ({ depth: 0, overrideAccess: false as const, user: user as never })

/** One record saved as `user`, access checked: how the fixtures' drafts and reviews are made. */
const edit = (
  user: Actor,
  collection: CollectionSlug,
  id: number | string,
  data: Doc,
  locale?: string,
) => source.payload.update({ id, collection, data, locale: locale as never, ...as(user) })

async function findOne(
  payload: Payload,
  collection: string,
  where: Record<string, unknown>,
  draft = false,
): Promise<Doc> {
  const { docs } = await payload.find({
    collection: collection as never,
    depth: 0,
    draft,
    limit: 1,
    overrideAccess: true,
    where: where as never,
  })
  if (!docs[0]) {
    throw new Error(`no ${collection} matching ${JSON.stringify(where)}`)
  }
  return docs[0]
}

const all = (payload: Payload, collection: string, sort = 'id') =>
  allRecords(payload, collection, { sort })

/** The same delivery request against both servers: status, body bytes and caching headers. */
async function deliveredBoth(pathAndQuery: string) {
  const get = async (base: string) => {
    const res = await fetch(`${base}${pathAndQuery}`)
    return {
      body: Buffer.from(await res.arrayBuffer()),
      headers: Object.fromEntries(
        ['content-type', 'etag', 'cache-control', 'last-modified'].map((h) => [
          h,
          res.headers.get(h),
        ]),
      ),
      status: res.status,
    }
  }
  return { after: await get(targetServer!.baseUrl), before: await get(sourceServer.baseUrl) }
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'legal-backup-test-'))
  source = await startTestPayload({ plugin: { notice: NO_NOTICE } })
  const payload = source.payload
  await seedReferenceContent(payload)
  editor = (await actorFor(payload, 'editor')).actor
  reviewer = (await actorFor(payload, 'reviewer', { except: editor.id })).actor

  // privacy-policy version 2: a Ukrainian title and heading, a changed section, a change summary;
  // reviewed with one round of requested changes.
  const privacy = await findOne(payload, SLUGS.documents, { slug: { equals: 'privacy-policy' } })
  const [firstSection, secondSection] = privacy.sections as (number | string)[]
  const ukTitles = { summary: 'Коротко', title: 'Політика конфіденційності' }
  await edit(editor, SLUGS.documents, privacy.id, ukTitles, 'uk')
  const ukIntro = { body: richText('Український текст.'), heading: 'Вступ' }
  await edit(editor, SLUGS.sections, firstSection, ukIntro, 'uk')
  await edit(editor, SLUGS.sections, secondSection, { body: richText('Rewritten for version 2.') })
  await act(editor, privacy.id, 'submit')
  await act(reviewer, privacy.id, 'request-changes', 'Please add a change summary.')
  await edit(editor, SLUGS.documents, privacy.id, {
    changeSummary: 'Ukrainian translation; rewrote section 2.',
    materialChange: true,
  })
  await act(editor, privacy.id, 'submit')
  await act(reviewer, privacy.id, 'approve', 'Looks right.')
  await edit(reviewer, SLUGS.documents, privacy.id, { _status: 'published' })

  // terms-of-use: live version 1 with a newer draft nobody has submitted yet.
  const terms = await findOne(payload, SLUGS.documents, { slug: { equals: 'terms-of-use' } })
  const [termsIntro] = terms.sections as (number | string)[]
  await edit(editor, SLUGS.sections, termsIntro, { heading: 'Introduction (draft)' })
  await edit(editor, SLUGS.documents, terms.id, { changeSummary: 'Renamed the introduction.' })

  // A cookie entry with a newer draft, and a document that was never published.
  const cookie = (await all(payload, SLUGS.cookies))[0]
  await edit(editor, SLUGS.cookies, cookie.id, { purpose: 'Чернетка мети' }, 'uk')
  await draftDocument(
    payload,
    editor,
    { slug: 'accessibility', kind: 'other', title: 'Accessibility' },
    [{ body: richText('Everyone can read this.'), heading: 'Our aim' }],
  )

  sourceServer = await listen(source)
}, 240_000)

afterAll(async () => {
  targetServer?.child.removeAllListeners('exit')
  if (targetServer && targetServer.child.exitCode === null) {
    const exited = new Promise((r) => targetServer!.child.once('exit', r))
    targetServer.child.kill('SIGTERM')
    await exited
  }
  await sourceServer?.close()
  await target?.close()
  await source?.close()
  if (tmp) {
    await fs.rm(tmp, { force: true, recursive: true })
  }
})

describe('npm run export', () => {
  test('writes every collection, with per-record, per-collection and whole-file SHA-256', async () => {
    exportPath = path.join(tmp, 'legal-export.json')
    const run = await runCli('dev/cli/exportCli.ts', ['--out', exportPath], source.databaseUrl)
    if (run.code !== 0) {
      throw new Error(`npm run export exited with ${run.code}:\n${run.stdout}\n${run.stderr}`)
    }
    expect(run.stderr).not.toMatch(/WARNING/)
    expect(run.stdout).toMatch(/SHA-256 of the content: [0-9a-f]{64}/)
    exported = JSON.parse(await fs.readFile(exportPath, 'utf8')) as LegalExport
    expect((await fs.stat(exportPath)).mode & 0o777).toBe(0o600)

    expect(exported).toMatchObject({
      format: 'payload-plugin-legal-documents/export',
      formatVersion: 1,
      source: { defaultLocale: 'en', locales: ['en', 'uk'] },
    })
    const c = exported.collections
    expect(c[SLUGS.documents].count).toBe(6)
    expect(c[SLUGS.versions].count).toBe(6) // five version-1 records and privacy-policy version 2
    expect(c[SLUGS.sections].count).toBe((await all(source.payload, SLUGS.sections)).length)
    expect(c[SLUGS.cookies].count).toBe((await all(source.payload, SLUGS.cookies)).length)
    expect(c[SLUGS.reviewEvents].count).toBe((await all(source.payload, SLUGS.reviewEvents)).length)
    expect(c[SLUGS.reviewEvents].records.map((r) => r.data.comment)).toEqual(
      expect.arrayContaining(['Please add a change summary.', 'Looks right.']),
    )
    expect(exported.users.records.map((u) => u.email).sort()).toEqual(
      [editor.email, reviewer.email].sort(),
    )
    expect(exported.global.data).toMatchObject({
      name: expect.any(String),
      consentRevision: expect.any(Number),
    })

    // Every locale, and the live row beside the newer draft.
    const docs = c[SLUGS.documents].records
    const privacy = docs.find((r) => r.data.slug === 'privacy-policy')!
    expect(privacy.data).toMatchObject({
      _status: 'published',
      title: { en: 'Privacy Policy', uk: 'Політика конфіденційності' },
      version: 2,
      workflowState: 'published',
    })
    expect(privacy.draft).toBeNull()
    const terms = docs.find((r) => r.data.slug === 'terms-of-use')!
    expect(terms.data).toMatchObject({ version: 1, workflowState: 'published' })
    expect(terms.draft).toMatchObject({
      _status: 'draft',
      changeSummary: 'Renamed the introduction.',
      version: 1,
      workflowState: 'draft',
    })
    const accessibility = docs.find((r) => r.data.slug === 'accessibility')!
    expect(accessibility.data).toMatchObject({ _status: 'draft', version: 0 })
    const draftSection = c[SLUGS.sections].records.find(
      (r) => (r.draft?.heading as Doc | undefined)?.en === 'Introduction (draft)',
    )!
    expect(draftSection.data.heading).toEqual({ en: 'Introduction' })
    expect(c[SLUGS.cookies].records.filter((r) => r.draft)).toHaveLength(1)

    // References are keys, never database ids; people are their e-mail addresses.
    expect(privacy.data.sections).toEqual(
      expect.arrayContaining([expect.stringMatching(/^legal-sections\/\d+$/)]),
    )
    const v2 = c[SLUGS.versions].records.find(
      (r) => r.data.slug === 'privacy-policy' && r.data.version === 2,
    )!
    expect(v2.data).toMatchObject({
      approvedBy: `users/${reviewer.email}`,
      changeSummary: 'Ukrainian translation; rewrote section 2.',
      document: privacy.key,
      materialChange: true,
      publishedBy: `users/${reviewer.email}`,
    })
    expect((v2.data.content as Doc).locales.en.sections[0].id).toMatch(/^legal-sections\/\d+$/)

    // The CLI's file is what the function exports.
    const again = (await exportLegalContent(source.payload)).file
    expect(again.sha256).toBe(exported.sha256)
    expect(compareExports(again, exported)).toEqual([])
  }, 120_000)
})

describe('npm run restore', () => {
  test('refuses a changed file before touching any database', () => {
    const tampered = structuredClone(exported)
    const record = tampered.collections[SLUGS.versions].records[0]
    record.data.publishedAt = '2001-01-01T00:00:00.000Z'
    expect(() => verifyExportFile(tampered)).toThrow(
      /integrity check.*\n.*legal-versions\/1 has been changed/,
    )
    // Re-signing the record alone does not help: the collection's and the file's hashes break.
    record.sha256 = recordHash(record)
    expect(() => verifyExportFile(tampered)).toThrow(
      /legal-versions: the list of records has been changed/,
    )
    expect(() => verifyExportFile({ ...exported, formatVersion: 99 })).toThrow(/format version 99/)
  })

  test('loads into an empty database, linking people by e-mail; refuses while anyone is missing', async () => {
    target = await startTestPayload({ key: 'restored', plugin: { notice: NO_NOTICE } })
    // The reviewer already has an account here; the editor does not.
    await target.payload.create({
      collection: 'users',
      data: {
        name: 'Seed reviewer',
        email: reviewer.email,
        password: 'pw-0123456789-abc',
        roles: ['reviewer'],
      } as never,
      overrideAccess: true,
    })

    await expect(restoreLegalContent(target.payload, exported)).rejects.toThrow(
      new RegExp(
        `without an account in this database: Seed editor <${editor.email}>.*--create-missing-users.*Nothing was restored`,
      ),
    )
    expect(
      (await target.payload.count({ collection: SLUGS.documents, overrideAccess: true })).totalDocs,
    ).toBe(0)

    const summary = await restoreLegalContent(target.payload, exported, {
      createMissingUsers: true,
    })
    expect(summary.users).toEqual({ created: [editor.email], linked: [reviewer.email] })
    expect(summary.counts).toMatchObject({ [SLUGS.documents]: 6, [SLUGS.versions]: 6 })
    const created = await findOne(target.payload, 'users', { email: { equals: editor.email } })
    expect(created).toMatchObject({ name: 'Seed editor', roles: [] })
  }, 120_000)

  test('the restored content is identical: the same hashes, record by record', async () => {
    const { file, hashMismatches } = await exportLegalContent(target.payload)
    expect(hashMismatches).toEqual([])
    expect(compareExports(exported, file)).toEqual([])
    expect(file.sha256).toBe(exported.sha256)
  })

  test('archive records keep their dates, version numbers, content hash and people; ids are remapped', async () => {
    const emailOf = async (payload: Payload, id: unknown) =>
      id
        ? (
            (await payload.findByID({
              id: id as number,
              collection: 'users',
              depth: 0,
              overrideAccess: true,
            })) as Doc
          ).email
        : null
    const before = await all(source.payload, SLUGS.versions)
    const after = await all(target.payload, SLUGS.versions)
    expect(after).toHaveLength(before.length)
    const afterDocs = new Map(
      (await all(target.payload, SLUGS.documents)).map((d) => [d.id, d.slug]),
    )
    const afterSections = new Set((await all(target.payload, SLUGS.sections)).map((s) => s.id))
    for (const [i, b] of before.entries()) {
      const a = after[i]
      for (const field of [
        'version',
        'slug',
        'title',
        'publishedAt',
        'lastModified',
        'effectiveDate',
        'changeSummary',
        'materialChange',
        'contentHash',
        'createdAt',
        'updatedAt',
      ]) {
        expect([b.slug, field, a[field]]).toEqual([b.slug, field, b[field]])
      }
      expect(afterDocs.get(a.document)).toBe(b.slug)
      expect(await emailOf(target.payload, a.approvedBy)).toBe(
        await emailOf(source.payload, b.approvedBy),
      )
      expect(await emailOf(target.payload, a.publishedBy)).toBe(
        await emailOf(source.payload, b.publishedBy),
      )
      // The frozen sections now name the restored section records (the redline matches by them).
      for (const s of a.content.locales.en.sections) {
        expect(afterSections.has(s.id)).toBe(true)
      }
    }
    const events = async (payload: Payload) =>
      Promise.all(
        (await all(payload, SLUGS.reviewEvents)).map(async (e) => [
          e.action,
          e.at,
          e.comment ?? null,
          e.version ?? null,
          await emailOf(payload, e.by),
          e.createdAt,
        ]),
      )
    expect(await events(target.payload)).toEqual(await events(source.payload))

    const state = async (payload: Payload, draft: boolean) =>
      (
        await payload.find({
          collection: SLUGS.documents,
          depth: 0,
          draft,
          limit: 0,
          overrideAccess: true,
          sort: 'slug',
        })
      ).docs.map((d: Doc) => [
        d.slug,
        d._status,
        d.workflowState,
        d.version,
        d.lastModified ?? null,
        d.approvedAt ?? null,
        d.changeSummary ?? null,
        d.updatedAt,
      ])
    expect(await state(target.payload, false)).toEqual(await state(source.payload, false))
    expect(await state(target.payload, true)).toEqual(await state(source.payload, true))
  })

  test('a fresh server on the restored database delivers the same bytes', async () => {
    targetServer = await startServer(target.databaseUrl)
    for (const url of [
      '/api/legal/documents/privacy-policy',
      '/api/legal/documents/privacy-policy?version=1',
      '/api/legal/documents/privacy-policy?version=2&locale=uk',
      '/api/legal/documents/privacy-policy?format=md',
      '/api/legal/documents/privacy-policy/versions',
      '/api/legal/documents/privacy-policy/diff?from=1&to=2',
      '/api/legal/documents/terms-of-use',
      '/api/legal/documents/terms-of-use?version=1',
      '/api/legal/documents/accessibility',
      '/api/legal/cookies?locale=uk',
    ]) {
      const { after, before } = await deliveredBoth(url)
      expect([url, after.status]).toEqual([url, before.status])
      expect([url, after.headers]).toEqual([url, before.headers])
      expect([url, after.body.equals(before.body)]).toEqual([url, true])
    }
    const { before } = await deliveredBoth('/api/legal/documents/privacy-policy?version=1')
    expect(before.status).toBe(200)
    expect(JSON.parse(before.body.toString())).toMatchObject({ slug: 'privacy-policy', version: 1 })
  }, 120_000)

  test('refuses a database that already holds legal content, with a clear message', async () => {
    const run = await runCli(
      'dev/cli/restoreCli.ts',
      [exportPath, '--create-missing-users'],
      target.databaseUrl,
    )
    if (run.code !== 1 || !run.stderr.includes('already holds')) {
      throw new Error(`npm run restore exited with ${run.code}:\n${run.stdout}\n${run.stderr}`)
    }
    expect(run.stderr).toMatch(
      /restore: The database already holds legal content \(9 cookie-entries, 6 legal-documents, 22 legal-sections, 6 legal-versions, \d+ legal-review-events, company details\)\. A restore loads only into an empty database/,
    )
    await expect(
      restoreLegalContent(target.payload, exported, { createMissingUsers: true }),
    ).rejects.toBeInstanceOf(RestoreError)
    expect(
      (await target.payload.count({ collection: SLUGS.versions, overrideAccess: true })).totalDocs,
    ).toBe(6)
  }, 120_000)

  test('the restored workflow carries on: the pending draft is reviewed and published as version 2', async () => {
    const payload = target.payload
    const [editorHere, reviewerHere]: Doc[] = [
      {
        ...(await findOne(payload, 'users', { email: { equals: editor.email } })),
        collection: 'users',
      },
      {
        ...(await findOne(payload, 'users', { email: { equals: reviewer.email } })),
        collection: 'users',
      },
    ]
    await payload.update({
      id: editorHere.id,
      collection: 'users',
      data: { roles: ['editor'] } as never,
      overrideAccess: true,
    })
    editorHere.roles = ['editor']
    const terms = await findOne(payload, SLUGS.documents, { slug: { equals: 'terms-of-use' } })
    const step = async (user: Doc, action: string) =>
      performWorkflowAction(await createLocalReq({ user: user as never }, payload), {
        id: terms.id,
        action,
        fourEyes: true,
      })
    await step(editorHere, 'submit')
    await step(reviewerHere, 'approve')
    const published = (await payload.update({
      id: terms.id,
      collection: SLUGS.documents,
      data: { _status: 'published' } as never,
      depth: 0,
      overrideAccess: false,
      user: reviewerHere,
    })) as Doc
    expect(published.version).toBe(2)
    const archive = await allRecords(payload, SLUGS.versions, {
      sort: 'version',
      where: { document: { equals: terms.id } },
    })
    expect(archive.map((r) => r.version)).toEqual([1, 2])
    expect(archive[1].content.locales.en.sections[0].heading).toBe('Introduction (draft)')
    const before = exported.collections[SLUGS.versions].records.find(
      (r) => r.data.slug === 'terms-of-use',
    )!
    expect(archive[0].contentHash).toBe(before.data.contentHash)
  }, 60_000)
})

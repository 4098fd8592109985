import { describe, expect, test } from '@jest/globals'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, type CollectionConfig, type Config } from 'payload'

import { legalDocumentsPlugin, legalDocumentsPluginDescriptor, SLUGS } from '../../src'

const readPosts = () => true
const hostCollections = (): CollectionConfig[] => [
  { slug: 'users', auth: true, fields: [{ name: 'name', type: 'text' }] },
  {
    slug: 'posts',
    access: { read: readPosts },
    fields: [{ name: 'title', type: 'text' }],
    hooks: { beforeChange: [({ data }) => data] },
  },
]

const build = (
  plugins: ReturnType<typeof legalDocumentsPlugin>[],
  collections = hostCollections(),
  i18n?: Config['i18n'],
) =>
  buildConfig({
    collections,
    secret: 'x'.repeat(40),
    // No connection is made: building a config only sanitises it.
    db: postgresAdapter({ pool: { connectionString: 'postgres://nobody@127.0.0.1:1/none' } }),
    ...(i18n ? { i18n } : {}),
    plugins,
    telemetry: false,
  })

/** The admin labels of a built config: language → namespace → key → label. */
const translationsOf = (config: Awaited<ReturnType<typeof build>>) =>
  config.i18n.translations as Record<string, Record<string, Record<string, string>>>

describe('legalDocumentsPlugin on a bare Payload config', () => {
  test('adds the legal collections and the company global', async () => {
    const config = await build([legalDocumentsPlugin({})])
    const slugs = config.collections.map((c) => c.slug)
    for (const slug of [SLUGS.documents, SLUGS.sections, SLUGS.versions, SLUGS.cookies]) {
      expect(slugs).toContain(slug)
    }
    expect(config.globals.map((g) => g.slug)).toContain(SLUGS.entity)
  })

  test("leaves the host's own collections as they were", async () => {
    const bare = await build([])
    const withPlugin = await build([legalDocumentsPlugin({})])
    const posts = (c: typeof bare) => c.collections.find((x) => (x.slug as string) === 'posts')!
    expect(posts(withPlugin).fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(
      posts(bare).fields.map((f) => ('name' in f ? f.name : f.type)),
    )
    expect(posts(withPlugin).hooks.beforeChange).toHaveLength(1)
    expect(posts(withPlugin).access.read).toBe(posts(bare).access.read)
  })

  test('adds a roles field to the users collection only', async () => {
    const config = await build([legalDocumentsPlugin({})])
    const users = config.collections.find((c) => c.slug === 'users')!
    const roles = users.fields.find((f) => 'name' in f && f.name === 'roles')
    expect(roles).toMatchObject({ type: 'select', hasMany: true })
    const posts = config.collections.find((c) => (c.slug as string) === 'posts')!
    expect(posts.fields.some((f) => 'name' in f && f.name === 'roles')).toBe(false)
  })

  test("closes the users collection's open default access, keeping access the host set", async () => {
    const open = await build([legalDocumentsPlugin({})])
    const users = (c: typeof open) => c.collections.find((x) => x.slug === 'users')!
    const asEditor = { req: { user: { id: 1, roles: ['editor'] } } } as never
    const asAdmin = { req: { user: { id: 2, roles: ['admin'] } } } as never
    expect(await users(open).access.create(asEditor)).toBe(false)
    expect(await users(open).access.create(asAdmin)).toBe(true)
    expect(await users(open).access.update(asEditor)).toEqual({ id: { equals: 1 } })
    expect(await users(open).access.delete(asEditor)).toBe(false)

    const hostRead = () => true
    const custom = await build(
      [legalDocumentsPlugin({})],
      [{ slug: 'users', access: { read: hostRead }, auth: true, fields: [] }],
    )
    expect(users(custom).access.read).toBe(hostRead)
    expect(await users(custom).access.delete(asEditor)).toBe(false)
  })

  test('keeps Payload versions of legal content without a cap', async () => {
    const config = await build([legalDocumentsPlugin({})])
    for (const slug of [SLUGS.documents, SLUGS.sections, SLUGS.cookies]) {
      const collection = config.collections.find((c) => c.slug === slug)!
      expect(collection.versions && collection.versions.maxPerDoc).toBe(0)
      expect(collection.versions && collection.versions.drafts).toBeTruthy()
    }
  })

  test('disabled keeps the collections, schema and rules, but adds no endpoints, queries or workflow actions', async () => {
    const enabled = await build([legalDocumentsPlugin({})])
    const disabled = await build([legalDocumentsPlugin({ disabled: true })])
    const fieldsOf = (c: typeof enabled) =>
      c.collections.map((x) => [x.slug, x.flattenedFields.map((f) => f.name)])
    expect(fieldsOf(disabled)).toEqual(fieldsOf(enabled))
    expect(disabled.globals.map((g) => g.slug)).toEqual(enabled.globals.map((g) => g.slug))
    const legal = (c: typeof enabled) => c.collections.find((x) => x.slug === SLUGS.documents)!
    expect(legal(disabled).access.read).toBe(legal(enabled).access.read)
    const hookNames = (c: typeof enabled) =>
      Object.entries(legal(c).hooks).map(([on, fns]) => [
        on,
        (fns as { name: string }[]).map((f) => f.name),
      ])
    expect(hookNames(disabled)).toEqual(hookNames(enabled))
    expect(legal(disabled).hooks.beforeChange.length).toBeGreaterThan(1)

    const paths = (c: typeof enabled) => (c.endpoints ?? []).map((e) => e.path)
    expect(paths(enabled)).toContain('/legal/documents/:slug')
    expect(paths(disabled)).not.toContain('/legal/documents/:slug')
    expect((legal(enabled).endpoints || []).map((e) => e.path)).toContain('/:id/workflow')
    expect((legal(disabled).endpoints || []).map((e) => e.path)).not.toContain('/:id/workflow')
    expect(enabled.graphQL.queries).not.toBe(disabled.graphQL.queries)
    expect(disabled.onInit).toBeUndefined()
  })

  test('refuses a users collection that is not an auth collection', async () => {
    await expect(
      build([legalDocumentsPlugin({ usersCollection: 'posts' as never })]),
    ).rejects.toThrow(/not an auth collection/)
  })

  test('stops at once, in one sentence, on a database adapter other than PostgreSQL', async () => {
    const onSqlite = buildConfig({
      collections: hostCollections(),
      db: sqliteAdapter({ client: { url: 'file::memory:' } }),
      plugins: [legalDocumentsPlugin()],
      secret: 'x'.repeat(40),
      telemetry: false,
    })
    await expect(onSqlite).rejects.toThrow(
      'legalDocumentsPlugin needs PostgreSQL (@payloadcms/db-postgres): it relies on row locks and LISTEN/NOTIFY, but this config\'s database adapter is "sqlite".',
    )
  })

  test("reads its options under Payload 3's spread shape and Payload 4's `options` shape alike", async () => {
    const base = (): Config => ({
      collections: [...hostCollections(), { slug: 'staff', auth: true, fields: [] }],
      db: postgresAdapter({ pool: { connectionString: 'postgres://nobody@127.0.0.1:1/none' } }),
      secret: 'x'.repeat(40),
    })
    const options = { disabled: true, usersCollection: 'staff' }
    // The descriptor's plugin may be sync or async depending on Payload's version: await either.
    const v3 = await Promise.resolve(
      legalDocumentsPluginDescriptor.plugin({ config: base(), plugins: {}, ...options }),
    )
    const v4 = await Promise.resolve(
      legalDocumentsPluginDescriptor.plugin({ config: base(), options, plugins: {} }),
    )
    for (const applied of [v3, v4]) {
      expect(applied.onInit).toBeUndefined() // disabled
      const staff = applied.collections!.find((c) => c.slug === 'staff')!
      expect(staff.fields.some((f) => 'name' in f && f.name === 'roles')).toBe(true)
      const users = applied.collections!.find((c) => c.slug === 'users')!
      expect(users.fields.some((f) => 'name' in f && f.name === 'roles')).toBe(false)
    }
  })

  test("merges English and Ukrainian admin labels into the host's i18n, host keys first", async () => {
    const translations = translationsOf(
      await build([legalDocumentsPlugin()], hostCollections(), {
        translations: { en: { 'legal-documents': { group: 'Compliance' } } as never },
      }),
    )
    expect(translations.en['legal-documents'].group).toBe('Compliance')
    expect(translations.uk['legal-documents'].group).toBeTruthy()
    expect(translations.uk['legal-documents'].group).not.toBe(
      translations.en['legal-documents'].group,
    )
  })

  test('another admin language the host enables gets the English labels, not raw keys', async () => {
    const { de } = await import('@payloadcms/translations/languages/de')
    const { en } = await import('@payloadcms/translations/languages/en')
    const translations = translationsOf(
      await build([legalDocumentsPlugin()], hostCollections(), { supportedLanguages: { de, en } }),
    )
    expect(translations.de['legal-documents']).toEqual(translations.en['legal-documents'])
  })
})

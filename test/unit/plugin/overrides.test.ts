import type { Access, CollectionConfig } from 'payload'

import { describe, expect, test } from '@jest/globals'

import { applyCollectionOverride, narrowAccess } from '../../../src/overrides'

const args = (user: null | object) => ({ req: { user } }) as never
const allow: Access = () => true
const deny: Access = () => false
const published: Access = () => ({ _status: { equals: 'published' } })
const notSecret: Access = () => ({ slug: { not_equals: 'secret' } })

describe('narrowAccess: a host rule can only narrow the plugin rule', () => {
  test.each([
    ['allow', allow, 'allow', allow, true],
    ['allow', allow, 'deny', deny, false],
    ['deny', deny, 'allow', allow, false],
    ['deny', deny, 'constraint', notSecret, false],
    ['constraint', published, 'allow', allow, { _status: { equals: 'published' } }],
    ['allow', allow, 'constraint', notSecret, { slug: { not_equals: 'secret' } }],
    [
      'constraint',
      published,
      'constraint',
      notSecret,
      { and: [{ _status: { equals: 'published' } }, { slug: { not_equals: 'secret' } }] },
    ],
  ])('plugin %s + host %s', async (_p, plugin, _h, host, expected) => {
    expect(await narrowAccess(plugin, host)(args({ id: 1 }))).toEqual(expected)
  })

  test("without a plugin rule, Payload's default (signed in) is what the host narrows", async () => {
    expect(await narrowAccess(undefined, allow)(args(null))).toBe(false)
    expect(await narrowAccess(undefined, allow)(args({ id: 1 }))).toBe(true)
  })
})

describe('applyCollectionOverride', () => {
  const base = (): CollectionConfig => ({
    slug: 'legal-documents',
    access: { read: published },
    admin: { group: 'Legal', useAsTitle: 'title' },
    fields: [
      { name: 'title', type: 'text' },
      { type: 'row', fields: [{ name: 'slug', type: 'text' }] },
    ],
    hooks: { afterChange: [() => undefined] },
  })

  test('merges admin settings, appends fields and hooks, narrows access', async () => {
    const hostHook = () => undefined
    const result = applyCollectionOverride(base(), {
      access: { read: notSecret },
      admin: { group: 'Compliance' },
      fields: [{ name: 'internalNote', type: 'text' }],
      hooks: { afterChange: [hostHook], beforeRead: [hostHook] },
      labels: { plural: 'Policies', singular: 'Policy' },
    })
    expect(result.admin).toEqual({ group: 'Compliance', useAsTitle: 'title' })
    expect(result.labels).toEqual({ plural: 'Policies', singular: 'Policy' })
    expect(result.fields.map((f) => ('name' in f ? f.name : f.type))).toEqual([
      'title',
      'row',
      'internalNote',
    ])
    expect(result.hooks!.afterChange).toHaveLength(2)
    expect(result.hooks!.afterChange![1]).toBe(hostHook)
    expect(result.hooks!.beforeRead).toEqual([hostHook])
    expect(await result.access!.read!(args(null))).toEqual({
      and: [{ _status: { equals: 'published' } }, { slug: { not_equals: 'secret' } }],
    })
  })

  test('refuses an extra field whose name the plugin uses, nested in a row too', () => {
    expect(() =>
      applyCollectionOverride(base(), { fields: [{ name: 'title', type: 'text' }] }),
    ).toThrow(/add a field "title"/)
    expect(() =>
      applyCollectionOverride(base(), { fields: [{ name: 'slug', type: 'text' }] }),
    ).toThrow(/add a field "slug"/)
  })

  test('no override: the collection itself', () => {
    const collection = base()
    expect(applyCollectionOverride(collection, undefined)).toBe(collection)
  })
})

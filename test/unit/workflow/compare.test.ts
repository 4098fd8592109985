import { describe, expect, test } from '@jest/globals'

import { changedFields } from '../../../src/utilities/compare'

/** changedFields for a single field named "f". */
const changes = (incoming: unknown, stored: unknown): boolean =>
  changedFields({ f: incoming }, { f: stored }, ['f']).includes('f')

/** A populated relationship as Payload returns it at depth >= 1. */
const populated = (id: number | string, extra: Record<string, unknown> = {}) => ({
  id,
  createdAt: '2024-03-01T10:00:00.000Z',
  title: 'Privacy policy',
  updatedAt: '2024-03-02T10:00:00.000Z',
  ...extra,
})

const lexical = (text: string) => ({
  root: {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 },
        ],
        version: 1,
      },
    ],
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
  },
})

/** The same value with every object's keys in reverse order, as another serialiser may write it. */
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([key, v]) => [key, reversedKeys(v)]),
        )
      : value

describe('changedFields: the same value in another shape is not a change', () => {
  test.each([
    ['number id vs string id', 7, '7'],
    ['string id vs number id', '7', 7],
    ['populated relationship vs number id', 7, populated(7)],
    ['populated relationship vs string id', '7', populated(7)],
    ['number id vs populated relationship with string id', 7, populated('7')],
    [
      'populated relationship on both sides',
      populated(7),
      populated(7, { title: 'Renamed since' }),
    ],
    ['uuid id vs populated relationship', 'c0ffee-01', populated('c0ffee-01')],
    [
      'list of ids vs list of populated relationships',
      [1, 2, 3],
      [populated(1), populated('2'), populated(3)],
    ],
    ['list of string ids vs list of number ids', ['1', '2'], [1, 2]],
    [
      'polymorphic relationship: id vs populated value',
      { relationTo: 'sections', value: 4 },
      { relationTo: 'sections', value: populated(4) },
    ],
    ['Date vs ISO string', new Date('2024-05-01T00:00:00.000Z'), '2024-05-01T00:00:00.000Z'],
    ['ISO string vs Date', '2024-05-01T00:00:00.000Z', new Date('2024-05-01T00:00:00.000Z')],
    ['ISO string without milliseconds vs with', '2024-05-01T12:30:00Z', '2024-05-01T12:30:00.000Z'],
    [
      'ISO string with offset vs the same instant in UTC',
      '2024-05-01T02:00:00+02:00',
      '2024-05-01T00:00:00.000Z',
    ],
    ['Date vs Date', new Date('2024-05-01T00:00:00.000Z'), new Date('2024-05-01T00:00:00.000Z')],
    ['"" vs null', '', null],
    ['null vs ""', null, ''],
    ['"" vs undefined', '', undefined],
    ['undefined vs null', undefined, null],
    ['null vs undefined', null, undefined],
    ['null vs null', null, null],
    ['object key order', { a: 1, b: { c: 'x', d: 'y' } }, { a: 1, b: { c: 'x', d: 'y' } }],
    ['"" vs null inside an object', { note: '', tag: 'x' }, { note: null, tag: 'x' }],
    ['"" vs null inside an array', ['a', ''], ['a', null]],
    ['same rich text', lexical('We use cookies.'), lexical('We use cookies.')],
    ['same string', 'Terms of service', 'Terms of service'],
    ['same boolean', true, true],
    ['same number', 3.5, 3.5],
    ['empty arrays', [], []],
    ['array rows with ids', [{ id: 'row1', label: 'A' }], [{ id: 'row1', label: 'A' }]],
  ])('%s', (_, incoming, stored) => {
    expect(changes(incoming, stored)).toBe(false)
  })

  test('a rich-text tree re-serialised with its keys in another order is unchanged', () => {
    const original = lexical('Clause 1')
    // Built, not written out: the linter sorts the keys of an object literal back into order.
    const reordered = reversedKeys(original)
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(original))
    expect(changes(reordered, original)).toBe(false)
  })
})

describe('changedFields: real changes are detected', () => {
  test.each([
    ['different string', 'Privacy policy', 'Cookie policy'],
    ['string vs null', 'text', null],
    ['null vs string (cleared)', null, 'text'],
    ['"" vs string (cleared)', '', 'text'],
    ['undefined vs string (cleared)', undefined, 'text'],
    ['whitespace is content', ' ', ''],
    ['case', 'GDPR', 'gdpr'],
    ['different id', 8, 7],
    ['different string id', '8', 7],
    ['id vs populated relationship with another id', 8, populated(7)],
    ['populated relationships with different ids', populated(8), populated(7)],
    ['section order', [1, 2, 3], [1, 3, 2]],
    ['section added', [1, 2, 3], [1, 2]],
    ['section removed', [1], [populated(1), populated(2)]],
    ['list emptied', [], [1]],
    [
      'polymorphic relationship to another collection',
      { relationTo: 'pages', value: 4 },
      { relationTo: 'sections', value: 4 },
    ],
    ['different instant (Date)', new Date('2024-05-02T00:00:00.000Z'), '2024-05-01T00:00:00.000Z'],
    ['different instant (string)', '2024-05-01T00:00:01.000Z', '2024-05-01T00:00:00.000Z'],
    ['date set', '2024-05-01T00:00:00.000Z', null],
    ['date cleared', null, new Date('2024-05-01T00:00:00.000Z')],
    ['boolean flipped', false, true],
    ['boolean set', true, null],
    ['number 0 vs empty', 0, ''],
    ['number 0 vs null', 0, null],
    ['different number', 2, 2.5],
    ['nested value', { a: { b: 1 } }, { a: { b: 2 } }],
    ['key added to an object', { a: 1, b: 2 }, { a: 1 }],
    ['rich text edited', lexical('We use cookies.'), lexical('We use no cookies.')],
    [
      'rich text formatting changed',
      JSON.parse(JSON.stringify(lexical('x')).replace('"format":0', '"format":1')),
      lexical('x'),
    ],
    ['array row edited', [{ id: 'row1', label: 'B' }], [{ id: 'row1', label: 'A' }]],
  ])('%s', (_, incoming, stored) => {
    expect(changes(incoming, stored)).toBe(true)
  })
})

describe('changedFields: which fields are reported', () => {
  const FIELDS = ['title', 'slug', 'summary', 'sections', 'effectiveDate'] as const
  const original = {
    id: 1,
    slug: 'privacy',
    effectiveDate: '2024-01-01T00:00:00.000Z',
    sections: [populated(10), populated(11)],
    summary: null,
    title: 'Privacy policy',
    updatedAt: '2024-02-01T00:00:00.000Z',
  }

  test('fields absent from data are never reported, even when the stored value is set', () => {
    expect(changedFields({}, original, FIELDS)).toEqual([])
    expect(changedFields({ title: 'Privacy policy' }, original, FIELDS)).toEqual([])
    expect(changedFields({ unrelated: 'x', updatedAt: 'now' }, original, FIELDS)).toEqual([])
  })

  test('fields present in data but not in the list are ignored', () => {
    expect(
      changedFields(
        { updatedAt: '2025-01-01T00:00:00.000Z', workflowState: 'draft' },
        original,
        FIELDS,
      ),
    ).toEqual([])
  })

  test('a full re-save of the stored document in its depth-0 shape changes nothing', () => {
    const resave = {
      id: '1',
      slug: 'privacy',
      effectiveDate: new Date('2024-01-01T00:00:00.000Z'),
      sections: ['10', 11],
      summary: '',
      title: 'Privacy policy',
    }
    expect(changedFields(resave, original, FIELDS)).toEqual([])
  })

  test('only the changed fields are reported, in the order of the field list', () => {
    const data = {
      slug: 'privacy',
      effectiveDate: '2024-06-01T00:00:00.000Z',
      sections: [11, 10],
      title: 'Privacy notice',
    }
    expect(changedFields(data, original, FIELDS)).toEqual(['title', 'sections', 'effectiveDate'])
  })

  test('a field present in data with the value undefined counts as present (and is compared)', () => {
    expect(changedFields({ title: undefined }, original, FIELDS)).toEqual(['title'])
    expect(changedFields({ summary: undefined }, original, FIELDS)).toEqual([])
  })

  test('without an original document every non-empty incoming field is a change', () => {
    const data = { slug: '', effectiveDate: undefined, sections: [], summary: null, title: 'New' }
    // An empty list is as empty as a missing one.
    expect(changedFields(data, undefined, FIELDS)).toEqual(['title'])
  })

  test('an empty field list reports nothing', () => {
    expect(changedFields({ title: 'x' }, original, [])).toEqual([])
  })

  test('the inputs are not modified', () => {
    const data = {
      effectiveDate: new Date('2024-01-01T00:00:00.000Z'),
      sections: [populated(3)],
      title: 'x',
    }
    const before = JSON.stringify(data)
    const originalBefore = JSON.stringify(original)
    changedFields(data, original, FIELDS)
    expect(JSON.stringify(data)).toBe(before)
    expect(JSON.stringify(original)).toBe(originalBefore)
    expect(data.effectiveDate).toBeInstanceOf(Date)
  })
})

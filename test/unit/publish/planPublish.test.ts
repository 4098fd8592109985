import { describe, expect, test } from '@jest/globals'

import { resolveOptions } from '../../../src/options'
import { planPublish, refusePublish } from '../../../src/publish/planPublish'
import { APPROVAL_OUTDATED } from '../../../src/workflow/approval'

const reviewer = { id: 2, roles: ['reviewer' as const] }
const editor = { id: 1, roles: ['editor' as const] }
const options = resolveOptions({})
const now = Date.parse('2027-03-01T10:00:00.000Z')
const approved = {
  approvedBy: { id: 2 },
  approvedContentHash: 'h2',
  changeSummary: 'Capped liability.',
  kind: 'terms-of-use',
  lastModified: '2027-01-01T00:00:00.000Z',
  materialChange: false,
  updatedAt: '2027-03-01T09:00:00.000Z',
  version: 1,
  workflowState: 'approved',
}

describe('refusePublish: who may publish which row', () => {
  const ok = {
    actor: reviewer,
    changed: [],
    latest: { ...approved },
    original: approved,
    system: false,
  }

  test('a reviewer publishes the latest approved draft', () => {
    expect(refusePublish(ok)).toBeNull()
    expect(refusePublish({ ...ok, actor: null, system: true })).toBeNull()
  })

  test('refusals, in order: not the latest draft, role, state, a change in the same request', () => {
    expect(
      refusePublish({ ...ok, latest: { ...approved, updatedAt: '2027-03-01T09:30:00.000Z' } })
        ?.message,
    ).toMatch(/latest draft/)
    expect(
      refusePublish({
        ...ok,
        latest: { _status: 'published', updatedAt: 'x', workflowState: 'published' },
      })?.message,
    ).toMatch(/just been published/)
    expect(refusePublish({ ...ok, actor: editor })).toMatchObject({ status: 403 })
    expect(
      refusePublish({
        ...ok,
        latest: { ...approved },
        original: { ...approved, workflowState: 'in-review' },
      }),
    ).toMatchObject({ status: 409 })
    expect(refusePublish({ ...ok, changed: ['title'] })).toMatchObject({
      message: expect.stringMatching(/changed after it was approved/),
      status: 409,
    })
  })
})

describe('planPublish: what a publish makes', () => {
  const base = {
    frozenHash: 'h2',
    now,
    options,
    original: approved,
    previous: { contentHash: 'h1', version: 1 },
  }

  test('new content: the next version, today as last updated, the summary and the approver', () => {
    expect(planPublish(base)).toEqual({
      outcome: {
        approvedBy: 2,
        changeSummary: 'Capped liability.',
        contentChanged: true,
        lastModified: '2027-03-01T10:00:00.000Z',
        materialChange: false,
        publishedAt: '2027-03-01T10:00:00.000Z',
        version: 2,
      },
    })
  })

  test('the same content again: no version, last updated unchanged', () => {
    const same = planPublish({ ...base, previous: { contentHash: 'h2', version: 1 } })
    expect(same).toMatchObject({
      outcome: { contentChanged: false, lastModified: '2027-01-01T00:00:00.000Z', version: 1 },
    })
  })

  test('refused: content other than approved, a missing summary, too little notice unless overridden', () => {
    expect(planPublish({ ...base, frozenHash: 'h3' })).toEqual({
      refusal: { message: APPROVAL_OUTDATED, status: 409 },
    })
    expect(
      planPublish({
        ...base,
        frozenHash: 'h2',
        original: { ...approved, approvedContentHash: null },
      }),
    ).toMatchObject({ refusal: { status: 409 } })
    expect(planPublish({ ...base, original: { ...approved, changeSummary: '  ' } })).toMatchObject({
      refusal: { field: 'changeSummary', status: 400 },
    })
    const material = {
      ...approved,
      effectiveDate: '2027-03-10T12:00:00.000Z',
      materialChange: true,
    }
    expect(planPublish({ ...base, original: material })).toMatchObject({
      refusal: { message: expect.stringMatching(/2027-03-31 or later/), status: 422 },
    })
    expect(
      planPublish({ ...base, original: { ...material, noticeOverride: 'Court order.' } }),
    ).toMatchObject({ outcome: { materialChange: true, version: 2 } })
    expect(
      planPublish({
        ...base,
        original: { ...material, effectiveDate: '2027-03-31T00:00:00.000Z' },
      }),
    ).toMatchObject({ outcome: { version: 2 } })
  })

  test('the first publish needs no summary and no notice', () => {
    const first = {
      ...approved,
      changeSummary: null,
      lastModified: null,
      materialChange: true,
      version: 0,
    }
    expect(planPublish({ ...base, original: first, previous: undefined })).toMatchObject({
      outcome: { changeSummary: null, contentChanged: true, version: 1 },
    })
  })
})

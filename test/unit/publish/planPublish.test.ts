import { describe, expect, test } from '@jest/globals'

import { resolveOptions } from '../../../src/options'
import { planPublish, refusePublish } from '../../../src/publish/planPublish'
import { APPROVAL_OUTDATED } from '../../../src/workflow/approval'

const reviewer = { id: 2, roles: ['reviewer' as const] }
const editor = { id: 1, roles: ['editor' as const] }
const options = resolveOptions({})
const now = Date.parse('2027-03-01T10:00:00.000Z')
const approved = {
  updatedAt: '2027-03-01T09:00:00.000Z',
  workflowState: 'approved',
  kind: 'terms-of-use',
  version: 1,
  approvedContentHash: 'h2',
  approvedBy: { id: 2 },
  changeSummary: 'Capped liability.',
  materialChange: false,
  lastModified: '2027-01-01T00:00:00.000Z',
}

describe('refusePublish: who may publish which row', () => {
  const ok = { original: approved, latest: { ...approved }, actor: reviewer, system: false, changed: [] }

  test('a reviewer publishes the latest approved draft', () => {
    expect(refusePublish(ok)).toBeNull()
    expect(refusePublish({ ...ok, actor: null, system: true })).toBeNull()
  })

  test('refusals, in order: not the latest draft, role, state, a change in the same request', () => {
    expect(refusePublish({ ...ok, latest: { ...approved, updatedAt: '2027-03-01T09:30:00.000Z' } })?.message).toMatch(/latest draft/)
    expect(refusePublish({ ...ok, latest: { updatedAt: 'x', _status: 'published', workflowState: 'published' } })?.message).toMatch(/just been published/)
    expect(refusePublish({ ...ok, actor: editor })).toMatchObject({ status: 403 })
    expect(refusePublish({ ...ok, original: { ...approved, workflowState: 'in-review' }, latest: { ...approved } })).toMatchObject({ status: 409 })
    expect(refusePublish({ ...ok, changed: ['title'] })).toMatchObject({ status: 409, message: expect.stringMatching(/changed after it was approved/) })
  })
})

describe('planPublish: what a publish makes', () => {
  const base = { original: approved, frozenHash: 'h2', previous: { contentHash: 'h1', version: 1 }, options, now }

  test('new content: the next version, today as last updated, the summary and the approver', () => {
    expect(planPublish(base)).toEqual({
      outcome: {
        contentChanged: true,
        version: 2,
        lastModified: '2027-03-01T10:00:00.000Z',
        publishedAt: '2027-03-01T10:00:00.000Z',
        changeSummary: 'Capped liability.',
        materialChange: false,
        approvedBy: 2,
      },
    })
  })

  test('the same content again: no version, last updated unchanged', () => {
    const same = planPublish({ ...base, previous: { contentHash: 'h2', version: 1 } })
    expect(same).toMatchObject({ outcome: { contentChanged: false, version: 1, lastModified: '2027-01-01T00:00:00.000Z' } })
  })

  test('refused: content other than approved, a missing summary, too little notice unless overridden', () => {
    expect(planPublish({ ...base, frozenHash: 'h3' })).toEqual({ refusal: { status: 409, message: APPROVAL_OUTDATED } })
    expect(planPublish({ ...base, original: { ...approved, approvedContentHash: null }, frozenHash: 'h2' })).toMatchObject({ refusal: { status: 409 } })
    expect(planPublish({ ...base, original: { ...approved, changeSummary: '  ' } })).toMatchObject({ refusal: { status: 400, field: 'changeSummary' } })
    const material = { ...approved, materialChange: true, effectiveDate: '2027-03-10T12:00:00.000Z' }
    expect(planPublish({ ...base, original: material })).toMatchObject({ refusal: { status: 422, message: expect.stringMatching(/2027-03-31 or later/) } })
    expect(planPublish({ ...base, original: { ...material, noticeOverride: 'Court order.' } })).toMatchObject({ outcome: { version: 2, materialChange: true } })
    expect(planPublish({ ...base, original: { ...material, effectiveDate: '2027-03-31T00:00:00.000Z' } })).toMatchObject({ outcome: { version: 2 } })
  })

  test('the first publish needs no summary and no notice', () => {
    const first = { ...approved, version: 0, changeSummary: null, materialChange: true, lastModified: null }
    expect(planPublish({ ...base, original: first, previous: undefined })).toMatchObject({ outcome: { version: 1, contentChanged: true, changeSummary: null } })
  })
})

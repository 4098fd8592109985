import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createLocalReq, type Payload } from 'payload'

import { canonicalJSON } from '../../src/render/contentHash'
import { SLUGS } from '../../src/slugs'
import { COOKIE_CONTENT_FIELDS } from '../../src/workflow/fields'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { listen } from '../helpers/httpServer'
import { prng } from '../helpers/prng'
import { latestDraft } from '../helpers/publishFlow'
import { type Json, restClient } from '../helpers/rest'
import { closeServed } from '../helpers/staffApp'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { type Actor, signedInTeam } from '../helpers/users'

/**
 * Property, for cookie entries (issue 16, point 7): what a reviewer approves is exactly what
 * gets published, and nobody approves their own unreviewed change. Random sequences of edits,
 * submits, approvals, change requests, publishes and withdrawals on a few entries, by editors,
 * a reviewer and a user who is both, through the Local API (`overrideAccess: false`) and REST.
 *
 * The test keeps its own model: who changed each entry since its last publish, and the content
 * the approver approved. It checks that an approver never changed the content; that an entry
 * in "approved" still has exactly the approved content; that every publish put exactly the
 * approved content live. Refusals (4xx) are expected outcomes; a 5xx or any other error fails.
 */

let app: TestApp
let payload: Payload
let server: Awaited<ReturnType<typeof listen>>
const rest = restClient(() => server.baseUrl)

let users: Record<'dual' | 'ed1' | 'ed2' | 'rev', Actor>

/** What readers would get: the content fields in every language, without the one-publish flag. */
async function content(id: number, draft: boolean): Promise<string> {
  const doc = (await payload.findByID({
    id,
    collection: SLUGS.cookies,
    depth: 0,
    draft,
    locale: 'all',
    overrideAccess: true,
  })) as Json
  return canonicalJSON(
    Object.fromEntries(
      COOKIE_CONTENT_FIELDS.filter((f) => f !== 'materialChange').map((f) => [f, doc[f] ?? null]),
    ),
  )
}

type Outcome = { ok: boolean; status: number }
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run()
    const status =
      result &&
      typeof result === 'object' &&
      'status' in result &&
      typeof result.status === 'number'
        ? result.status
        : 200
    return { ok: status < 300, status }
  } catch (err) {
    const status = (err as { status?: number }).status
    if (typeof status !== 'number') {
      throw err
    }
    return { ok: false, status }
  }
}

type Model = { approved: null | string; contributors: Set<string> }

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  server = await listen(app)
  users = await signedInTeam(payload, server.baseUrl, 'cp')
})

afterAll(() => closeServed({ app, server }))

describe('cookie entries: approved is what gets published', () => {
  test.each([11, 29, 4242])(
    'random multi-user sequence, seed %i',
    async (seed) => {
      const r = prng(seed)
      const ids: number[] = []
      const model = new Map<number, Model>()
      for (let i = 0; i < 3; i++) {
        const created = (await payload.create({
          collection: SLUGS.cookies,
          data: { name: `cp_${seed}_${i}`, category: 'analytics', purpose: 'Start.' } as never,
          overrideAccess: false,
          user: users.ed1.user,
        })) as Json
        ids.push(created.id)
        model.set(created.id, { approved: null, contributors: new Set(['ed1']) })
      }
      let counter = 0
      let published = 0
      let approvals = 0
      for (let stepNo = 0; stepNo < 60; stepNo++) {
        const id = r.pick(ids)
        const m = model.get(id)!
        const actor = users[r.pick(['ed1', 'ed2', 'rev', 'dual'] as const)]
        const viaRest = r.int(2) === 0
        // Half the time the step the entry's state calls for, so sequences get far enough to publish.
        const state = (await latestDraft(payload, id, SLUGS.cookies)).workflowState as string
        const due =
          (
            {
              approved: 'publish',
              'changes-requested': 'submit',
              draft: 'submit',
              'in-review': 'approve',
              published: 'edit',
            } as const
          )[state] ?? 'edit'
        const action =
          r.int(2) === 0
            ? due
            : r.pick([
                'edit',
                'edit',
                'submit',
                'approve',
                'request-changes',
                'publish',
                'withdraw',
              ] as const)
        const where = `seed ${seed} step ${stepNo}: ${actor.name} ${action} #${id} via ${viaRest ? 'REST' : 'Local API'}`
        const before = await content(id, true)
        let result: Outcome
        if (action === 'edit') {
          const field = r.pick(['purpose', 'duration', 'service', 'provider'] as const)
          const data = {
            [field]: `${field} ${++counter}`,
            ...(r.int(4) === 0 ? { materialChange: true } : {}),
          }
          result = viaRest
            ? await outcome(() => rest('PATCH', `/${SLUGS.cookies}/${id}`, actor.token, data))
            : await outcome(() =>
                payload.update({
                  id,
                  collection: SLUGS.cookies,
                  data,
                  overrideAccess: false,
                  user: actor.user,
                }),
              )
          if (result.ok) {
            m.contributors.add(actor.name)
          }
        } else if (action === 'publish') {
          result = viaRest
            ? await outcome(() =>
                rest('PATCH', `/${SLUGS.cookies}/${id}`, actor.token, { _status: 'published' }),
              )
            : await outcome(() =>
                payload.update({
                  id,
                  collection: SLUGS.cookies,
                  data: { _status: 'published' } as never,
                  overrideAccess: false,
                  user: actor.user,
                }),
              )
          if (result.ok) {
            // Exactly the approved content went live, and it was approved at all.
            expect({ live: await content(id, false), where }).toEqual({ live: m.approved, where })
            m.contributors.clear()
            m.approved = null
            published++
          }
        } else {
          const comment =
            action === 'approve' || action === 'submit' ? undefined : `Reason ${++counter}`
          result = viaRest
            ? await outcome(() =>
                rest('POST', `/${SLUGS.cookies}/${id}/workflow`, actor.token, { action, comment }),
              )
            : await outcome(async () =>
                performWorkflowAction(
                  await createLocalReq({ user: actor.user as never }, payload),
                  { id, action, collection: SLUGS.cookies, comment, fourEyes: true },
                ),
              )
          if (result.ok && action === 'approve') {
            expect({ approverContributed: m.contributors.has(actor.name), where }).toEqual({
              approverContributed: false,
              where,
            })
            m.approved = before
            approvals++
          }
          if (result.ok && (action === 'request-changes' || action === 'withdraw')) {
            m.approved = null
          }
        }
        expect({ status: result.status < 500, where }).toEqual({ status: true, where })
        // An entry in "approved" still holds exactly the approved content.
        const draft = await latestDraft(payload, id, SLUGS.cookies)
        if (draft.workflowState !== 'approved') {
          m.approved = null
        }
        const approvedNow = draft.workflowState === 'approved' ? await content(id, true) : null
        expect({ approved: approvedNow, where }).toEqual({ approved: m.approved, where })
      }
      // The sequence did something worth checking.
      expect(approvals).toBeGreaterThan(1)
      expect(published).toBeGreaterThan(0)
    },
    180_000,
  )
})

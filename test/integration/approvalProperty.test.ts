import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { type CollectionSlug, createLocalReq, type Payload } from 'payload'

import { canonicalJSON } from '../../src/render/contentHash'
import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { prng } from '../helpers/prng'
import { type Json, restClient } from '../helpers/rest'
import { closeServed } from '../helpers/staffApp'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { type Actor, signedInTeam } from '../helpers/users'

/**
 * Property: what a reviewer approves is exactly what gets published, and nobody approves their
 * own unreviewed work (issue 13, point 1). Random sequences of section edits, moves between
 * documents, list changes (order, in, out), new sections, submits, approvals, change requests
 * and publishes, by several users, through the Local API (`overrideAccess: false`) and REST.
 *
 * The test keeps its own model, independent of the plugin's bookkeeping: who changed each
 * section since it was last published and who changed each document's own fields since its
 * last publish, and at each approval a snapshot of the draft content the approver was shown.
 * It checks:
 * - at every approval, the approver is not among the model's contributors to that content;
 * - after every step, a document that is "approved" still has exactly the approved content
 *   (the plugin voided every approval whose content changed);
 * - after every publish, the new archive record holds the snapshot's content (hash computed
 *   here), its contentHash equals the hash the plugin recorded at approval, and it names the
 *   approver, who never contributed to it.
 * Refusals (4xx) are expected outcomes; a 5xx or any other error fails the run.
 */

let app: TestApp
let payload: Payload
let server: Awaited<ReturnType<typeof listen>>
const rest = restClient(() => server.baseUrl)

type Id = number
let users: Record<'dual' | 'ed1' | 'ed2' | 'rev', Actor>

const sha = (value: unknown) =>
  createHash('sha256').update(canonicalJSON(value), 'utf8').digest('hex')
const ids = (xs: unknown): Id[] =>
  ((xs as unknown[]) ?? []).map((x) =>
    x && typeof x === 'object' ? (x as { id: Id }).id : (x as Id),
  )

async function draftDoc(id: Id): Promise<Json> {
  return await payload.findByID({
    id,
    collection: SLUGS.documents,
    depth: 0,
    draft: true,
    locale: 'en',
    overrideAccess: true,
  })
}

/** What readers would see of a document's draft (default locale), read here, not by the plugin. */
async function shownContent(id: Id): Promise<Json> {
  const doc = await draftDoc(id)
  const listed = ids(doc.sections)
  const found = listed.length
    ? await payload.find({
        collection: SLUGS.sections,
        depth: 0,
        draft: true,
        limit: 0,
        locale: 'en',
        overrideAccess: true,
        pagination: false,
        where: { id: { in: listed } },
      })
    : { docs: [] }
  const byId = new Map(found.docs.map((s) => [Number(s.id), s as Json]))
  return {
    slug: doc.slug,
    kind: doc.kind,
    sections: listed.map((s) => ({
      body: byId.get(s)?.body ?? null,
      heading: byId.get(s)?.heading ?? '',
    })),
    summary: doc.summary ?? '',
    title: doc.title ?? '',
  }
}

/** The same projection of an archive record's frozen content. */
function archivedContent(record: Json): Json {
  const en = record.content.locales.en
  return {
    slug: record.content.slug,
    kind: record.content.kind,
    sections: en.sections.map((s: Json) => ({ body: s.body ?? null, heading: s.heading ?? '' })),
    summary: en.summary ?? '',
    title: en.title ?? '',
  }
}

/** A refusal is an answer with a 4xx status; anything else is a failure of the run. */
async function attempt(label: string, fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn()
    return true
  } catch (err) {
    const status = (err as { status?: number }).status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (process.env.PROPERTY_DEBUG) {
        process.stdout.write(
          `${label} refused ${status}: ${(err as Error).message.slice(0, 160)}\n`,
        )
      }
      return false
    }
    throw new Error(`${label}: unexpected ${String((err as Error)?.stack ?? err)}`)
  }
}

async function viaRest(method: string, path: string, actor: Actor, body?: unknown): Promise<void> {
  const res = await rest(method, path, actor.token, body)
  if (res.status >= 500 || res.status < 200) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  if (res.status >= 400) {
    throw Object.assign(new Error(JSON.stringify(res.body)), { status: res.status })
  }
}

const local = (actor: Actor) => ({
  depth: 0,
  overrideAccess: false as const,
  user: actor.user as never,
})

/** A draft save of one record as `who`, over REST or through the Local API. */
const saveDraft = (useRest: boolean, who: Actor, collection: CollectionSlug, id: Id, data: Json) =>
  useRest
    ? viaRest('PATCH', `/${collection}/${id}?draft=true`, who, data)
    : payload.update({ id, collection, data, draft: true, ...local(who) })

/** How many archive records a document has. */
const archived = async (doc: Id) =>
  (
    await payload.count({
      collection: SLUGS.versions,
      overrideAccess: true,
      where: { document: { equals: doc } },
    })
  ).totalDocs

async function runSequence(
  seed: number,
  steps: number,
): Promise<{ approvals: number; publishes: number; refusals: number }> {
  const rnd = prng(seed)
  const prefix = `p${seed}`
  const everyone = [users.ed1, users.ed2, users.rev, users.dual]
  // The model: who changed what since it was last published, and what each approver saw.
  const sectionAuthors = new Map<Id, Set<string>>()
  const docAuthors = new Map<Id, Set<string>>()
  const approvals = new Map<Id, { by: string; recorded: string; shown: string }>()
  const stats = { approvals: 0, publishes: 0, refusals: 0 }
  const add = (map: Map<Id, Set<string>>, id: Id, who: Actor) => {
    if (!map.has(id)) {
      map.set(id, new Set())
    }
    map.get(id)!.add(String(who.user.id))
  }
  /** A change `who` tried: made, they contributed to record `id`; refused, one more refusal. */
  const tally = (ok: boolean, map: Map<Id, Set<string>>, id: Id, who: Actor) => {
    if (ok) {
      add(map, id, who)
    } else {
      stats.refusals++
    }
  }
  const contributors = async (doc: Id): Promise<Set<string>> => {
    const out = new Set(docAuthors.get(doc) ?? [])
    for (const s of ids((await draftDoc(doc)).sections)) {
      for (const u of sectionAuthors.get(s) ?? []) {
        out.add(u)
      }
    }
    return out
  }

  // Three documents with two listed sections each, written by the first editor.
  const docs: Id[] = []
  for (let d = 0; d < 3; d++) {
    const doc = (await payload.create({
      collection: SLUGS.documents,
      data: { slug: `${prefix}-doc-${d}`, kind: 'other', title: `${prefix} doc ${d}` } as never,
      ...local(users.ed1),
    })) as Json
    const listed: Id[] = []
    for (let s = 0; s < 2; s++) {
      const section = (await payload.create({
        collection: SLUGS.sections,
        data: {
          body: richText(`Text ${d}.${s}`),
          document: doc.id,
          heading: `${prefix} d${d} s${s}`,
        } as never,
        ...local(users.ed1),
      })) as Json
      listed.push(section.id)
      add(sectionAuthors, section.id, users.ed1)
    }
    await payload.update({
      id: doc.id,
      collection: SLUGS.documents,
      data: { sections: listed },
      ...local(users.ed1),
    })
    add(docAuthors, doc.id, users.ed1)
    docs.push(doc.id)
  }

  for (let step = 0; step < steps; step++) {
    let who = rnd.pick(everyone)
    const roll = rnd.int(100)
    // Mostly act on a document the step can move on (in review for an approval, approved for a
    // publish, not yet in review for a submit), sometimes on any: refusals are part of the test.
    const states = new Map<Id, string>()
    for (const d of docs) {
      states.set(d, (await draftDoc(d)).workflowState)
    }
    const wanted =
      roll >= 82
        ? ['approved']
        : roll >= 60
          ? ['in-review']
          : roll >= 35
            ? ['draft', 'changes-requested', 'published']
            : []
    const ready = docs.filter((d) => wanted.includes(states.get(d)!))
    const doc = ready.length && rnd.next() < 0.8 ? rnd.pick(ready) : rnd.pick(docs)
    const useRest = rnd.next() < 0.4
    const draft = await draftDoc(doc)
    const listed = ids(draft.sections)
    const allSections = (
      await payload.find({
        collection: SLUGS.sections,
        depth: 0,
        draft: true,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        where: { anchor: { exists: true } },
      })
    ).docs.filter((s) => docs.includes(ids([(s as Json).document])[0])) as Json[]
    const section = rnd.pick(allSections)
    const label = `seed ${seed} step ${step}`

    if (roll < 16) {
      // Edit a section's heading or body.
      const data =
        rnd.next() < 0.5
          ? { heading: `${prefix} h${step}` }
          : { body: richText(`${prefix} body ${step}`) }
      const ok = await attempt(`${label} edit`, () =>
        saveDraft(useRest, who, SLUGS.sections, section.id, data),
      )
      tally(ok, sectionAuthors, section.id, who)
    } else if (roll < 24) {
      // Move a section to another document (listing documents keep listing it).
      const to = rnd.pick(docs.filter((d) => d !== ids([section.document])[0]))
      const ok = await attempt(`${label} move`, () =>
        saveDraft(useRest, who, SLUGS.sections, section.id, { document: to }),
      )
      tally(ok, sectionAuthors, section.id, who)
    } else if (roll < 32) {
      // Change the document's own list: reorder, list one of its own sections, or drop one.
      const own = allSections.filter((s) => ids([s.document])[0] === doc).map((s) => s.id as Id)
      const kind = rnd.int(3)
      let next = [...listed]
      if (kind === 0) {
        next = [...listed].sort(() => rnd.next() - 0.5)
      } else if (kind === 1) {
        const candidates = own.filter((s) => !listed.includes(s))
        if (candidates.length) {
          next.splice(rnd.int(next.length + 1), 0, rnd.pick(candidates))
        }
      } else if (next.length > 1) {
        next.splice(rnd.int(next.length), 1)
      }
      if (next.join() === listed.join()) {
        continue
      }
      const ok = await attempt(`${label} list`, () =>
        saveDraft(useRest, who, SLUGS.documents, doc, { sections: next }),
      )
      tally(ok, docAuthors, doc, who)
    } else if (roll < 35) {
      // A new section for the document (not listed yet).
      let created: Json | null = null
      const ok = await attempt(`${label} create`, async () => {
        created = await payload.create({
          collection: SLUGS.sections,
          data: {
            body: richText(`New ${step}`),
            document: doc,
            heading: `${prefix} new ${step}`,
          } as never,
          draft: true,
          ...local(who),
        })
      })
      if (ok) {
        add(sectionAuthors, created!.id, who)
      } else {
        stats.refusals++
      }
    } else if (roll < 60) {
      // Submit; a new version needs a change summary, which is an edit of its own.
      if (Number(draft.version ?? 0) >= 1 && !draft.changeSummary) {
        const ok = await attempt(`${label} summary`, () =>
          saveDraft(false, who, SLUGS.documents, doc, { changeSummary: `Change ${step}` }),
        )
        if (ok) {
          add(docAuthors, doc, who)
        }
      }
      who = rnd.pick([users.ed1, users.ed2, users.dual, users.rev])
      const ok = await attempt(`${label} submit`, () =>
        useRest
          ? viaRest('POST', `/${SLUGS.documents}/${doc}/workflow`, who, { action: 'submit' })
          : createLocalReq({ user: who.user as never }, payload).then((req) =>
              performWorkflowAction(req, { id: doc, action: 'submit', fourEyes: true }),
            ),
      )
      if (!ok) {
        stats.refusals++
      }
    } else if (roll < 78) {
      // Approve, snapshotting exactly what the approver is shown.
      who = rnd.pick([users.rev, users.rev, users.dual, users.dual, users.ed1])
      const shown = sha(await shownContent(doc))
      const before = await contributors(doc)
      const ok = await attempt(`${label} approve`, () =>
        useRest
          ? viaRest('POST', `/${SLUGS.documents}/${doc}/workflow`, who, { action: 'approve' })
          : createLocalReq({ user: who.user as never }, payload).then((req) =>
              performWorkflowAction(req, { id: doc, action: 'approve', fourEyes: true }),
            ),
      )
      if (ok) {
        stats.approvals++
        expect({ approverContributed: before.has(String(who.user.id)), label }).toEqual({
          approverContributed: false,
          label,
        })
        const recorded = (await draftDoc(doc)).approvedContentHash as string
        expect(recorded).toMatch(/^[0-9a-f]{64}$/)
        approvals.set(doc, { by: String(who.user.id), recorded, shown })
      } else {
        stats.refusals++
      }
    } else if (roll < 82) {
      const ok = await attempt(`${label} request changes`, () =>
        createLocalReq({ user: who.user as never }, payload).then((req) =>
          performWorkflowAction(req, {
            id: doc,
            action: 'request-changes',
            comment: 'Please revise.',
            fourEyes: true,
          }),
        ),
      )
      if (!ok) {
        stats.refusals++
      }
    } else {
      // Publish.
      who = rnd.pick([users.rev, users.dual, users.ed2])
      const before = await archived(doc)
      const listedNow = listed
      const ok = await attempt(`${label} publish`, () =>
        useRest
          ? viaRest('PATCH', `/${SLUGS.documents}/${doc}`, who, { _status: 'published' })
          : payload.update({
              id: doc,
              collection: SLUGS.documents,
              data: { _status: 'published' } as never,
              ...local(who),
            }),
      )
      if (ok) {
        stats.publishes++
        const approval = approvals.get(doc)
        expect({ approved: Boolean(approval), label }).toEqual({ approved: true, label })
        const records = (
          await payload.find({
            collection: SLUGS.versions,
            depth: 0,
            limit: 1,
            overrideAccess: true,
            sort: '-version',
            where: { document: { equals: doc } },
          })
        ).docs as Json[]
        const latest = records[0]
        const after = await archived(doc)
        // A publish that changes nothing readers see writes no record; the latest one is then the same content.
        expect(after - before).toBeLessThanOrEqual(1)
        expect({ archived: sha(archivedContent(latest)), hash: latest.contentHash, label }).toEqual(
          { archived: approval!.shown, hash: approval!.recorded, label },
        )
        if (after > before) {
          expect({ approvedBy: String(latest.approvedBy), label }).toEqual({
            approvedBy: approval!.by,
            label,
          })
        }
        const contributed = await contributors(doc)
        expect({ approverContributed: contributed.has(approval!.by), label }).toEqual({
          approverContributed: false,
          label,
        })
        approvals.delete(doc)
        docAuthors.set(doc, new Set())
        for (const s of listedNow) {
          sectionAuthors.set(s, new Set())
        }
      } else {
        stats.refusals++
      }
    }

    // Invariant after every step: an approved document still has exactly the approved content.
    for (const d of docs) {
      const current = await draftDoc(d)
      if (current.workflowState !== 'approved') {
        continue
      }
      const approval = approvals.get(d)
      expect({
        doc: d,
        label,
        shown: approval ? sha(await shownContent(d)) : 'no approval in the model',
      }).toEqual({ doc: d, label, shown: approval?.shown })
      expect(String(current.approvedBy)).toBe(approval!.by)
    }
  }
  return stats
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  server = await listen(app)
  users = await signedInTeam(payload, server.baseUrl, 'prop')
  await payload.updateGlobal({
    slug: SLUGS.entity,
    data: { name: 'Example Ltd' },
    overrideAccess: true,
  })
})

afterAll(() => closeServed({ app, server }))

describe('property: the archive holds exactly what the approving reviewer saw, never approved by a contributor', () => {
  const totals = { approvals: 0, publishes: 0, refusals: 0 }
  for (const seed of [1, 7, 2024, 31337]) {
    test(`random workflow, seed ${seed}`, async () => {
      const stats = await runSequence(seed, 60)
      totals.approvals += stats.approvals
      totals.publishes += stats.publishes
      totals.refusals += stats.refusals
      if (process.env.PROPERTY_DEBUG) {
        process.stdout.write(`seed ${seed}: ${JSON.stringify(stats)}\n`)
      }
    }, 120_000)
  }

  test('the runs were not vacuous: they approved, published and were refused', () => {
    expect(totals.approvals).toBeGreaterThanOrEqual(5)
    expect(totals.publishes).toBeGreaterThanOrEqual(3)
    expect(totals.refusals).toBeGreaterThanOrEqual(5)
  })
})

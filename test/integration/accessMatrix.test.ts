import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ClientError } from 'graphql-request'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {
  type CollectionSlug,
  createLocalReq,
  type GlobalSlug,
  type Payload,
  type Where,
} from 'payload'

import { SLUGS } from '../../src/slugs'
import { performWorkflowAction } from '../../src/workflow/performWorkflowAction'
import { asTrusted } from '../../src/workflow/trust'
import {
  ACCESS_MATRIX,
  deniedStatus,
  generatedBlock,
  MATRIX_BEGIN,
  MATRIX_END,
  type MatrixCell,
  matrixCells,
  type MatrixRole,
  type MatrixRoute,
  NOT_APPLICABLE,
  type Operation,
  OPERATIONS,
  renderMatrixMarkdown,
  renderRoutesMarkdown,
  ROUTES_BEGIN,
  ROUTES_END,
  type Subject,
  SUBJECTS,
} from '../helpers/accessMatrix'
import { graphqlClient } from '../helpers/graphql'
import { listen } from '../helpers/httpServer'
import { richText } from '../helpers/lexical'
import { restClient } from '../helpers/rest'
import { startTestPayload, type TestApp } from '../helpers/testPayload'
import { createUser, login, type TestUser } from '../helpers/users'

/**
 * Issue 8, point 1: the access matrix. Every cell of the table in test/helpers/accessMatrix.ts
 * (role × collection/global × operation) is tried on three routes — REST and GraphQL over HTTP
 * against the real express server, and the Local API with `overrideAccess: false` and `user` —
 * and proves its outcome with a real request: an allowed operation has its effect, a denied
 * one answers the expected status and a re-read shows that nothing changed.
 */

let app: TestApp
let payload: Payload
let server: Awaited<ReturnType<typeof listen>>
const rest = restClient(() => server.baseUrl)
const users = {} as Record<Exclude<MatrixRole, 'anonymous'>, TestUser>
const tokens = {} as Record<Exclude<MatrixRole, 'anonymous'>, string>

type Id = number | string
type Data = Record<string, unknown>
type Doc = Record<string, any>

// ---------------------------------------------------------------------------------------------
// What each collection or global looks like on each route
// ---------------------------------------------------------------------------------------------

type Spec = {
  createData?: (marker: string) => Data
  drafts: boolean
  global?: boolean
  plural: string
  /** The field a read checks, and the one create and update write. */
  probe: string
  select: string
  singular: string
  slug: string
  write: string
}

const context = { archivedDocument: 0 as Id, hostDocument: 0 as Id, hostSection: 0 as Id }

const SPECS: Record<Subject, Spec> = {
  'cookie-entries': {
    slug: SLUGS.cookies,
    createData: (m) => ({ name: m, category: 'functional', purpose: 'Matrix purpose.' }),
    drafts: true,
    plural: 'CookieEntries',
    probe: 'name',
    select: 'id name _status',
    singular: 'CookieEntry',
    write: 'name',
  },
  'legal-consents': {
    slug: SLUGS.consents,
    createData: (m) => ({
      acceptedCategories: ['necessary'],
      acceptType: 'all',
      configHash: 'forged',
      consentId: randomUUID(),
      language: m,
      recordedAt: new Date().toISOString(),
      rejectedCategories: [],
      revision: 1,
    }),
    drafts: false,
    plural: 'LegalConsents',
    probe: 'consentId',
    select: 'id consentId language',
    singular: 'LegalConsent',
    write: 'language',
  },
  'legal-documents': {
    slug: SLUGS.documents,
    createData: (m) => ({ slug: m, kind: 'other', title: m }),
    drafts: true,
    plural: 'LegalDocuments',
    probe: 'title',
    select: 'id title _status',
    singular: 'LegalDocument',
    write: 'title',
  },
  'legal-entity': {
    slug: SLUGS.entity,
    drafts: false,
    global: true,
    plural: 'LegalEntity',
    probe: 'name',
    select: 'name',
    singular: 'LegalEntity',
    write: 'name',
  },
  'legal-review-events': {
    slug: SLUGS.reviewEvents,
    createData: (m) => ({
      action: 'approved',
      at: new Date().toISOString(),
      comment: m,
      document: context.archivedDocument,
    }),
    drafts: false,
    plural: 'LegalReviewEvents',
    probe: 'action',
    select: 'id action comment',
    singular: 'LegalReviewEvent',
    write: 'comment',
  },
  'legal-sections': {
    slug: SLUGS.sections,
    createData: (m) => ({
      body: richText('Matrix text.'),
      document: context.hostDocument,
      heading: m,
    }),
    drafts: true,
    plural: 'LegalSections',
    probe: 'heading',
    select: 'id heading _status',
    singular: 'LegalSection',
    write: 'heading',
  },
  'legal-versions': {
    slug: SLUGS.versions,
    createData: (m) => ({
      slug: m,
      content: {},
      contentHash: 'forged',
      document: context.archivedDocument,
      lastModified: new Date().toISOString(),
      publishedAt: new Date().toISOString(),
      title: m,
      version: 900 + Math.floor(Math.random() * 1000),
    }),
    drafts: false,
    plural: 'LegalVersions',
    probe: 'title',
    select: 'id title',
    singular: 'LegalVersion',
    write: 'title',
  },
  users: {
    slug: 'users',
    createData: (m) => ({
      name: m,
      email: `${m}@test.example`,
      password: `pw-${m}-0123456789`,
      roles: ['editor'],
    }),
    drafts: false,
    plural: 'Users',
    probe: 'name',
    select: 'id name email',
    singular: 'User',
    write: 'name',
  },
}

// ---------------------------------------------------------------------------------------------
// The three routes, each answering the same normalised outcome
// ---------------------------------------------------------------------------------------------

type Outcome = { data: any; message: string; ok: boolean; status: number | undefined }
type Actor = null | TestUser

interface Route {
  create(spec: Spec, data: Data, user: Actor): Promise<Outcome>
  delete(spec: Spec, id: Id, user: Actor): Promise<Outcome>
  findByID(spec: Spec, id: Id | null, draft: boolean, user: Actor): Promise<Outcome>
  findVersionByID(spec: Spec, versionId: Id, user: Actor): Promise<Outcome>
  findVersions(spec: Spec, id: Id, user: Actor): Promise<Outcome>
  restore(spec: Spec, versionId: Id, draft: boolean, user: Actor): Promise<Outcome>
  update(spec: Spec, id: Id | null, data: Data, user: Actor): Promise<Outcome>
  workflow(
    spec: Spec,
    id: Id,
    action: string,
    comment: null | string,
    user: Actor,
  ): Promise<Outcome>
}

const tokenOf = (user: Actor) => (user ? tokens[user.roles[0] as keyof typeof tokens] : null)

const viaRest: Route = (() => {
  const call = async (
    method: string,
    url: string,
    user: Actor,
    body: unknown,
    pick: (b: Doc) => unknown,
  ): Promise<Outcome> => {
    const res = await rest(method, url, tokenOf(user), body)
    const ok = res.status >= 200 && res.status < 300
    return {
      data: ok ? pick(res.body) : null,
      message: res.body.errors?.[0]?.message ?? '',
      ok,
      status: res.status,
    }
  }
  return {
    create: (spec, data, user) => call('POST', `/${spec.slug}?depth=0`, user, data, (b) => b.doc),
    delete: (spec, id, user) =>
      call('DELETE', `/${spec.slug}/${id}`, user, undefined, (b) => b.doc),
    findByID: (spec, id, draft, user) =>
      spec.global
        ? call('GET', `/globals/${spec.slug}?depth=0`, user, undefined, (b) => b)
        : call(
            'GET',
            `/${spec.slug}/${id}?depth=0${draft ? '&draft=true' : ''}`,
            user,
            undefined,
            (b) => b,
          ),
    findVersionByID: (spec, versionId, user) =>
      call('GET', `/${spec.slug}/versions/${versionId}?depth=0`, user, undefined, (b) => b),
    findVersions: (spec, id, user) =>
      call(
        'GET',
        `/${spec.slug}/versions?where[parent][equals]=${id}&depth=0&limit=100`,
        user,
        undefined,
        (b) => b.docs,
      ),
    restore: (spec, versionId, draft, user) =>
      call(
        'POST',
        `/${spec.slug}/versions/${versionId}?depth=0${draft ? '&draft=true' : ''}`,
        user,
        undefined,
        (b) => b.doc,
      ),
    update: (spec, id, data, user) =>
      spec.global
        ? call('POST', `/globals/${spec.slug}?depth=0`, user, data, (b) => b.result)
        : call('PATCH', `/${spec.slug}/${id}?depth=0`, user, data, (b) => b.doc),
    workflow: (spec, id, action, comment, user) =>
      call(
        'POST',
        `/${spec.slug}/${id}/workflow`,
        user,
        { action, ...(comment ? { comment } : {}) },
        (b) => b,
      ),
  }
})()

const viaGraphQL: Route = (() => {
  // Every query asks for one root field: its value is the cell's data.
  const call = async (user: Actor, query: string, variables: Data): Promise<Outcome> => {
    const client = graphqlClient(server.baseUrl, tokenOf(user))
    try {
      const data = await client.request<Record<string, unknown>>(query, variables)
      return { data: Object.values(data)[0], message: '', ok: true, status: 200 }
    } catch (err) {
      if (!(err instanceof ClientError)) {
        throw err
      }
      const first = err.response.errors?.[0] as
        { extensions?: { statusCode?: number }; message: string } | undefined
      return {
        data: null,
        message: first?.message ?? '',
        ok: false,
        status: first?.extensions?.statusCode ?? err.response.status,
      }
    }
  }
  return {
    create: (spec, data, user) =>
      call(
        user,
        `mutation ($data: mutation${spec.singular}Input!) { create${spec.singular}(data: $data) { id } }`,
        { data },
      ),
    delete: (spec, id, user) =>
      call(user, `mutation ($id: Int!) { delete${spec.singular}(id: $id) { id } }`, {
        id: Number(id),
      }),
    findByID: (spec, id, draft, user) =>
      spec.global
        ? call(user, `query { ${spec.singular} { ${spec.select} } }`, {})
        : call(
            user,
            spec.drafts
              ? `query ($id: Int!, $draft: Boolean) { ${spec.singular}(id: $id, draft: $draft) { ${spec.select} } }`
              : `query ($id: Int!) { ${spec.singular}(id: $id) { ${spec.select} } }`,
            spec.drafts ? { id: Number(id), draft } : { id: Number(id) },
          ),
    findVersionByID: (spec, versionId, user) =>
      call(
        user,
        `query ($id: Int!) { version${spec.singular}(id: $id) { id version { ${spec.probe} } } }`,
        { id: Number(versionId) },
      ),
    findVersions: async (spec, id, user) => {
      const out = await call(
        user,
        `query { versions${spec.plural}(where: { parent: { equals: ${Number(id)} } }, limit: 100) { docs { id version { ${spec.probe} } } } }`,
        {},
      )
      return { ...out, data: out.ok ? out.data.docs : null }
    },
    restore: (spec, versionId, draft, user) =>
      call(
        user,
        `mutation ($id: Int!, $draft: Boolean) { restoreVersion${spec.singular}(id: $id, draft: $draft) { id } }`,
        { id: Number(versionId), draft },
      ),
    update: (spec, id, data, user) =>
      spec.global
        ? call(
            user,
            `mutation ($data: mutation${spec.singular}Input!) { update${spec.singular}(data: $data) { ${spec.select} } }`,
            { data },
          )
        : call(
            user,
            `mutation ($id: Int!, $data: mutation${spec.singular}UpdateInput!) { update${spec.singular}(id: $id, data: $data) { id } }`,
            { id: Number(id), data },
          ),
    workflow: (spec, id, action, comment, user) =>
      call(
        user,
        'mutation ($id: String!, $action: LegalWorkflowAction!, $comment: String, $collection: LegalWorkflowCollection) { legalWorkflowAction(id: $id, action: $action, comment: $comment, collection: $collection) { id workflowState } }',
        {
          id: String(id),
          action: action.replace('-', '_'),
          collection: spec.slug.replace(/-/g, '_'),
          comment,
        },
      ),
  }
})()

const viaLocal: Route = (() => {
  const call = async (fn: () => Promise<unknown>): Promise<Outcome> => {
    try {
      return { data: await fn(), message: '', ok: true, status: undefined }
    } catch (err) {
      const e = err as { message?: string; status?: number }
      return { data: null, message: e.message ?? String(err), ok: false, status: e.status }
    }
  }
  const as = (user: Actor) => ({
    depth: 0,
    overrideAccess: false as const,
    user: (user ?? undefined) as never,
  })
  const collection = (spec: Spec) => spec.slug as CollectionSlug
  return {
    create: (spec, data, user) =>
      call(() =>
        payload.create({ collection: collection(spec), data: data as never, ...as(user) }),
      ),
    delete: (spec, id, user) =>
      call(() => payload.delete({ id, collection: collection(spec), ...as(user) })),
    findByID: (spec, id, draft, user) =>
      call(() =>
        spec.global
          ? payload.findGlobal({ slug: spec.slug as GlobalSlug, ...as(user) })
          : payload.findByID({
              id: id!,
              collection: collection(spec),
              ...(spec.drafts ? { draft } : {}),
              ...as(user),
            }),
      ),
    findVersionByID: (spec, versionId, user) =>
      call(() =>
        payload.findVersionByID({
          id: String(versionId),
          collection: collection(spec),
          ...as(user),
        }),
      ),
    findVersions: (spec, id, user) =>
      call(
        async () =>
          (
            await payload.findVersions({
              collection: collection(spec),
              limit: 100,
              where: { parent: { equals: id } },
              ...as(user),
            })
          ).docs,
      ),
    restore: (spec, versionId, draft, user) =>
      call(() =>
        payload.restoreVersion({
          id: String(versionId),
          collection: collection(spec),
          ...(draft ? { draft: true } : {}),
          ...as(user),
        }),
      ),
    update: (spec, id, data, user) =>
      call(() =>
        spec.global
          ? payload.updateGlobal({ slug: spec.slug as GlobalSlug, data, ...as(user) })
          : payload.update({ id: id!, collection: collection(spec), data, ...as(user) }),
      ),
    workflow: (spec, id, action, comment, user) =>
      call(async () =>
        performWorkflowAction(
          await createLocalReq({ user: (user ?? undefined) as never }, payload),
          { id, action, collection: spec.slug, comment, fourEyes: true },
        ),
      ),
  }
})()

const ROUTE_CLIENTS: Record<MatrixRoute, Route> = {
  graphql: viaGraphQL,
  local: viaLocal,
  rest: viaRest,
}

// ---------------------------------------------------------------------------------------------
// Fixtures, built through the real workflow as the editor and reviewer (Local API, access on)
// ---------------------------------------------------------------------------------------------

type Fx = { draft?: string; extra?: Record<string, Id | string>; id: Id | null; published?: string }

const asUser = (user: TestUser) => ({
  depth: 0,
  overrideAccess: false as const,
  user: user as never,
})
const act = async (
  user: TestUser,
  id: Id,
  action: string,
  comment?: string,
  collection: string = SLUGS.documents,
) =>
  performWorkflowAction(await createLocalReq({ user: user as never }, payload), {
    id,
    action,
    collection,
    comment,
    fourEyes: true,
  })

let seq = 0
const nextLabel = (label: string) => `fx-${label}-${++seq}`

async function draftDocument(
  label: string,
): Promise<{ heading: string; id: Id; sectionId: Id; title: string }> {
  const slug = nextLabel(label)
  const title = `Doc ${slug}`
  const heading = `Section ${slug}`
  const doc = await payload.create({
    collection: SLUGS.documents,
    data: { slug, kind: 'other', title } as never,
    ...asUser(users.editor),
  })
  const section = await payload.create({
    collection: SLUGS.sections,
    data: { body: richText('Section text.'), document: doc.id, heading } as never,
    ...asUser(users.editor),
  })
  await payload.update({
    id: doc.id,
    collection: SLUGS.documents,
    data: { sections: [section.id] },
    ...asUser(users.editor),
  })
  return { id: doc.id, heading, sectionId: section.id, title }
}
/** Published, then changed by the editor and submitted again: the live row is published, the draft in review. */
async function publishedThenInReview(label: string) {
  const doc = await documents.published(label)
  await payload.update({
    id: doc.id,
    collection: SLUGS.documents,
    data: { summary: 'Changed after publishing.' },
    ...asUser(users.editor),
  })
  await act(users.editor, doc.id, 'submit')
  return doc
}
async function draftCookie(label: string): Promise<{ id: Id; name: string }> {
  const name = nextLabel(label)
  const entry = await payload.create({
    collection: SLUGS.cookies,
    data: { name, category: 'analytics', purpose: 'Fixture.' } as never,
    ...asUser(users.editor),
  })
  return { id: entry.id, name }
}

/**
 * A record's way through review from the draft `draft` writes: submitted by the editor, approved
 * and then published by the reviewer. Each step returns the draft's record.
 */
function reviewSteps<R extends { id: Id }>(
  collection: typeof SLUGS.cookies | typeof SLUGS.documents,
  draft: (label: string) => Promise<R>,
) {
  const inReview = async (label: string) => {
    const record = await draft(label)
    await act(users.editor, record.id, 'submit', undefined, collection)
    return record
  }
  const approved = async (label: string) => {
    const record = await inReview(label)
    await act(users.reviewer, record.id, 'approve', undefined, collection)
    return record
  }
  const published = async (label: string) => {
    const record = await approved(label)
    await payload.update({
      id: record.id,
      collection,
      data: { _status: 'published' } as never,
      ...asUser(users.reviewer),
    })
    return record
  }
  return { approved, draft, inReview, published }
}
type ReviewSteps = ReturnType<typeof reviewSteps<{ id: Id }>>
const documents = reviewSteps(SLUGS.documents, draftDocument)
const cookies = reviewSteps(SLUGS.cookies, draftCookie)

async function unlistedSection(label: string): Promise<{ heading: string; id: Id }> {
  const heading = nextLabel(label)
  const section = await payload.create({
    collection: SLUGS.sections,
    data: { body: richText('Unlisted.'), document: context.hostDocument, heading } as never,
    ...asUser(users.editor),
  })
  return { id: section.id, heading }
}

/** The id of a record's Payload version whose `field` holds `value`. */
async function versionWith(spec: Spec, parent: Id, value: string): Promise<Id> {
  const found = await payload.findVersions({
    collection: spec.slug as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    sort: '-updatedAt',
    where: {
      and: [{ parent: { equals: parent } }, { [`version.${spec.write}`]: { equals: value } }],
    },
  })
  if (!found.docs[0]) {
    throw new Error(`no version of ${spec.slug} ${parent} with ${spec.write} = ${value}`)
  }
  return found.docs[0].id
}

/** A published record (text A), then two draft saves (B, then C); the version to restore holds B. */
async function restoreFixture(subject: Subject, label: string): Promise<Fx> {
  const spec = SPECS[subject]
  let id: Id
  let published: string
  if (subject === 'cookie-entries') {
    const entry = await cookies.published(label)
    ;[id, published] = [entry.id, entry.name]
  } else {
    const doc = await documents.published(label)
    ;[id, published] =
      subject === 'legal-documents' ? [doc.id, doc.title] : [doc.sectionId, doc.heading]
  }
  const restored = `${published} B`
  const draft = `${published} C`
  const save = (value: string) =>
    payload.update({
      id,
      collection: spec.slug as CollectionSlug,
      data: { [spec.write]: value },
      ...asUser(users.editor),
    })
  await save(restored)
  await save(draft)
  return {
    id,
    draft,
    extra: { restored, versionId: await versionWith(spec, id, restored) },
    published,
  }
}

const shared = new Map<string, Promise<Fx>>()
function sharedFx(key: string, make: () => Promise<Fx>): Promise<Fx> {
  if (!shared.has(key)) {
    shared.set(key, make())
  }
  return shared.get(key)!
}

type ReadFixtures = Record<
  'archiveRecord' | 'consent' | 'cookie' | 'document' | 'reviewEvent' | 'section',
  Fx
>
let readFixturesOnce: Promise<ReadFixtures> | undefined

/**
 * A published document, its section and a cookie entry, each with a newer, unreviewed draft (the
 * value a draft read must or must not see, and the version a versions read must or must not
 * list), plus the document's archive record and its "published" review event.
 */
function readFixtures(): Promise<ReadFixtures> {
  readFixturesOnce ??= (async () => {
    const doc = await documents.published('read')
    const draftTitle = `Draft title ${doc.id}`
    const draftHeading = `Draft heading ${doc.sectionId}`
    await payload.update({
      id: doc.id,
      collection: SLUGS.documents,
      data: { title: draftTitle },
      ...asUser(users.editor),
    })
    await payload.update({
      id: doc.sectionId,
      collection: SLUGS.sections,
      data: { heading: draftHeading },
      ...asUser(users.editor),
    })
    const cookie = await cookies.published('read')
    const draftName = `${cookie.name}-draft`
    await payload.update({
      id: cookie.id,
      collection: SLUGS.cookies,
      data: { name: draftName },
      ...asUser(users.editor),
    })
    const archive = await payload.find({
      collection: SLUGS.versions,
      depth: 0,
      overrideAccess: true,
      where: { document: { equals: doc.id } },
    })
    const event = await payload.find({
      collection: SLUGS.reviewEvents,
      depth: 0,
      overrideAccess: true,
      where: { and: [{ document: { equals: doc.id } }, { action: { equals: 'published' } }] },
    })
    const withDraft = async (
      subject: Subject,
      id: Id,
      published: string,
      draft: string,
    ): Promise<Fx> => ({
      id,
      draft,
      extra: { versionId: await versionWith(SPECS[subject], id, draft) },
      published,
    })
    return {
      archiveRecord: { id: archive.docs[0].id, published: String((archive.docs[0] as Doc).title) },
      consent: await consentRecord(),
      cookie: await withDraft('cookie-entries', cookie.id, cookie.name, draftName),
      document: await withDraft('legal-documents', doc.id, doc.title, draftTitle),
      reviewEvent: { id: event.docs[0].id, published: 'published' },
      section: await withDraft('legal-sections', doc.sectionId, doc.heading, draftHeading),
    }
  })()
  return readFixturesOnce
}

/** A consent record, inserted the way POST /api/legal/consents does (the trusted insert). */
async function consentRecord(): Promise<Fx> {
  const consentId = randomUUID()
  const req = await createLocalReq({}, payload)
  const doc = await asTrusted(req, () =>
    payload.create({
      collection: SLUGS.consents,
      data: {
        acceptedCategories: ['necessary'],
        acceptType: 'all',
        configHash: 'a'.repeat(64),
        consentId,
        language: 'en',
        recordedAt: new Date().toISOString(),
        rejectedCategories: [],
        revision: 1,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
  return { id: doc.id, published: consentId }
}

type FixtureDef = { fresh?: boolean; make: () => Promise<Fx> }

/** Which of the shared read fixtures each collection's cells start from. */
const READ_FIXTURE = {
  'cookie-entries': 'cookie',
  'legal-consents': 'consent',
  'legal-documents': 'document',
  'legal-review-events': 'reviewEvent',
  'legal-sections': 'section',
  'legal-versions': 'archiveRecord',
} as const satisfies Partial<Record<Subject, keyof ReadFixtures>>
const readFixture = (subject: keyof typeof READ_FIXTURE): FixtureDef => ({
  make: async () => (await readFixtures())[READ_FIXTURE[subject]],
})

/** A fixture made anew for every cell: the record `make` writes. */
const freshId = (make: () => Promise<{ id: Id }>): FixtureDef => ({
  fresh: true,
  make: async () => ({ id: (await make()).id }),
})
/** A fixture made once for the cells that cannot change it: the record `make` writes. */
const sharedId = (key: string, make: () => Promise<Id>): FixtureDef => ({
  make: () => sharedFx(key, async () => ({ id: await make() })),
})

/**
 * The fixture of a write on a reviewed collection (documents, cookie entries): the record at the
 * step of the review its rule is about; an update's (`update`) is its collection's own.
 */
function reviewedWrite(
  prefix: string,
  operation: Operation,
  steps: ReviewSteps,
  update: () => Promise<Id>,
): FixtureDef {
  switch (operation) {
    case 'delete':
      return freshId(() => steps.draft('delete'))
    case 'delete-published':
      return sharedId(
        `${prefix}-delete-published`,
        async () => (await steps.published('delete-published')).id,
      )
    case 'publish':
      return freshId(() => steps.approved('publish'))
    case 'update':
      return sharedId(`${prefix}-update`, update)
    case 'withdraw':
      return freshId(() => steps.published('withdraw'))
    default:
      return freshId(() => steps.inReview(operation))
  }
}

function fixtureDef(subject: Subject, operation: Operation): FixtureDef {
  const reading =
    operation === 'read' || operation === 'read-drafts' || operation === 'read-versions'
  const none: FixtureDef = { make: () => Promise.resolve({ id: null }) }
  if (operation === 'restore') {
    return { fresh: true, make: () => restoreFixture(subject, 'restore') }
  }
  if (operation === 'restore-over-published') {
    return {
      make: () =>
        sharedFx(`${subject}:restore-over-published`, () =>
          restoreFixture(subject, 'restore-live'),
        ),
    }
  }
  switch (subject) {
    case 'cookie-entries':
    case 'legal-documents':
      if (reading) {
        return readFixture(subject)
      }
      if (operation === 'create' || operation === 'create-published') {
        return none
      }
      return subject === 'cookie-entries'
        ? reviewedWrite(
            'cookie',
            operation,
            cookies,
            async () => (await cookies.published('update')).id,
          )
        : reviewedWrite(
            'doc',
            operation,
            documents,
            async () => (await publishedThenInReview('update')).id,
          )
    case 'legal-consents':
    case 'legal-review-events':
    case 'legal-versions':
      // Nobody writes these: every cell but a create starts from the record the reads share.
      return operation === 'create' ? none : readFixture(subject)
    case 'legal-entity':
      // A global cannot be made fresh; reads reset the name first, so an allowed update before
      // them cannot make them fail.
      if (reading) {
        return {
          fresh: true,
          make: async () => {
            await payload.updateGlobal({
              slug: SLUGS.entity,
              data: { name: 'Matrix Ltd' },
              ...asUser(users.admin),
            })
            return { id: null, published: 'Matrix Ltd' }
          },
        }
      }
      return none
    case 'legal-sections':
      if (reading) {
        return readFixture(subject)
      }
      if (operation === 'create' || operation === 'create-published') {
        return none
      }
      if (operation === 'update') {
        return sharedId(
          'section-update',
          async () => (await documents.published('section-update')).sectionId,
        )
      }
      if (operation === 'delete') {
        return freshId(() => unlistedSection('delete'))
      }
      if (operation === 'delete-published') {
        return sharedId(
          'section-delete-published',
          async () => (await documents.published('section-published')).sectionId,
        )
      }
      // publish: the host document's own, listed draft section
      return sharedId('section-publish', () => Promise.resolve(context.hostSection))
    case 'users':
      if (operation === 'create') {
        return none
      }
      if (operation === 'read') {
        return {
          make: () =>
            sharedFx('user-read', async () => ({
              id: (await createUser(payload, 'matrix-read-target', ['reviewer'])).id,
              published: 'matrix-read-target',
            })),
        }
      }
      if (operation === 'update') {
        return {
          make: () =>
            sharedFx('user-update', async () => ({
              id: (await createUser(payload, 'matrix-update-target', ['reviewer'])).id,
            })),
        }
      }
      return {
        fresh: true,
        make: async () => ({ id: (await createUser(payload, nextLabel('user'), ['reviewer'])).id }),
      }
  }
}

// ---------------------------------------------------------------------------------------------
// Re-reads (overrideAccess: true) that prove an effect, or that a denial changed nothing
// ---------------------------------------------------------------------------------------------

async function findRecord(spec: Spec, id: Id, draft: boolean): Promise<Doc | null> {
  return await payload.findByID({
    id,
    collection: spec.slug as CollectionSlug,
    ...(spec.drafts ? { draft } : {}),
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
  })
}

async function snapshot(spec: Spec, id: Id | null, marker: string): Promise<Doc> {
  if (spec.global) {
    return {
      global: await payload.findGlobal({
        slug: spec.slug as GlobalSlug,
        depth: 0,
        overrideAccess: true,
      }),
    }
  }
  const collection = spec.slug as CollectionSlug
  const count = async (of: CollectionSlug, where?: Where) =>
    (await payload.count({ collection: of, overrideAccess: true, where })).totalDocs
  const out: Doc = {
    total: await count(collection),
    withMarker: await count(collection, { [spec.write]: { equals: marker } }),
  }
  if (spec.drafts) {
    out.allVersions = (await payload.countVersions({ collection, overrideAccess: true })).totalDocs
  }
  if (id === null) {
    return out
  }
  out.latest = await findRecord(spec, id, true)
  if (spec.drafts) {
    out.live = await findRecord(spec, id, false)
  }
  if (spec.slug === SLUGS.documents) {
    out.archive = await count(SLUGS.versions, { document: { equals: id } })
    out.history = await count(SLUGS.reviewEvents, { document: { equals: id } })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// One cell
// ---------------------------------------------------------------------------------------------

const actorFor = (role: MatrixRole): Actor => (role === 'anonymous' ? null : users[role])
const markerFor = (c: MatrixCell) =>
  `mx-${c.subject.replace(/^legal-/, '')}-${c.operation}-${c.role}-${c.route}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')

const summary = (out: Outcome) => (out.ok ? 'allowed' : `refused (${out.status}): ${out.message}`)

function expectAllowed(out: Outcome) {
  expect(summary(out)).toBe('allowed')
}

/** The same status on every route: the Local API throws the errors REST answers with; GraphQL reports them in extensions. */
function expectDenied(out: Outcome, status: null | number) {
  expect(out.ok ? `allowed: ${JSON.stringify(out.data)}` : `refused (${out.status})`).toBe(
    `refused (${status})`,
  )
}

async function perform(
  cell: MatrixCell,
  spec: Spec,
  route: Route,
  fx: Fx,
  user: Actor,
  marker: string,
): Promise<Outcome> {
  switch (cell.operation) {
    case 'approve':
      return route.workflow(spec, fx.id!, 'approve', null, user)
    case 'create':
      return route.create(spec, spec.createData!(marker), user)
    case 'create-published':
      return route.create(spec, { ...spec.createData!(marker), _status: 'published' }, user)
    case 'delete':
    case 'delete-published':
      return route.delete(spec, fx.id!, user)
    case 'publish':
      return route.update(spec, fx.id, { _status: 'published' }, user)
    case 'request-changes':
      return route.workflow(spec, fx.id!, 'request-changes', 'Please clarify the scope.', user)
    case 'restore':
      return route.restore(spec, fx.extra!.versionId, true, user)
    case 'restore-over-published':
      return route.restore(spec, fx.extra!.versionId, false, user)
    case 'update':
      return route.update(spec, fx.id, { [spec.write]: marker }, user)
    case 'withdraw':
      return route.workflow(spec, fx.id!, 'withdraw', 'Replaced by a new contract.', user)
    default:
      throw new Error(`not a write: ${cell.operation}`)
  }
}

async function expectEffect(
  cell: MatrixCell,
  spec: Spec,
  fx: Fx,
  user: Actor,
  marker: string,
  before: Doc,
) {
  const id = fx.id
  switch (cell.operation) {
    case 'approve': {
      const latest = await findRecord(spec, id!, true)
      expect({ by: String(latest?.approvedBy), state: latest?.workflowState }).toEqual({
        by: String(user!.id),
        state: 'approved',
      })
      return
    }
    case 'create':
    case 'create-published': {
      const after = await snapshot(spec, null, marker)
      expect(after.withMarker).toBe(1)
      if (spec.drafts) {
        const created = await payload.find({
          collection: spec.slug as CollectionSlug,
          depth: 0,
          overrideAccess: true,
          where: { [spec.write]: { equals: marker } },
        })
        expect(created.docs[0]).toMatchObject({
          _status: cell.operation === 'create' ? 'draft' : 'published',
        })
      }
      return
    }
    case 'delete':
    case 'delete-published':
      expect(await findRecord(spec, id!, true)).toBeNull()
      return
    case 'publish': {
      const live = await findRecord(spec, id!, false)
      expect(live).toMatchObject({ _status: 'published' })
      if (spec.slug === SLUGS.documents) {
        const after = await snapshot(spec, id, marker)
        expect({
          archive: after.archive,
          version: after.live.version,
          workflowState: after.live.workflowState,
        }).toEqual({
          archive: before.archive + 1,
          version: 1,
          workflowState: 'published',
        })
      }
      return
    }
    case 'request-changes':
      expect((await findRecord(spec, id!, true))?.workflowState).toBe('changes-requested')
      return
    case 'restore':
    case 'restore-over-published': {
      const latest = await findRecord(spec, id!, true)
      const live = await findRecord(spec, id!, false)
      expect({
        latest: latest?.[spec.write],
        latestStatus: latest?._status,
        live: live?.[spec.write],
        liveStatus: live?._status,
      }).toEqual({
        latest: fx.extra!.restored,
        latestStatus: 'draft',
        live: fx.published,
        liveStatus: 'published',
      })
      if (spec.slug === SLUGS.documents) {
        expect(latest?.workflowState).toBe('draft')
      }
      return
    }
    case 'update': {
      const latest = spec.global
        ? await payload.findGlobal({
            slug: spec.slug as GlobalSlug,
            depth: 0,
            overrideAccess: true,
          })
        : await findRecord(spec, id!, true)
      expect((latest as Doc)[spec.write]).toBe(marker)
      // Always a draft save: what readers see stays as it was.
      if (spec.drafts) {
        const live = await findRecord(spec, id!, false)
        expect({ _status: live?._status, [spec.write]: live?.[spec.write] }).toEqual({
          _status: 'published',
          [spec.write]: before.live[spec.write],
        })
      }
      return
    }
    case 'withdraw': {
      const live = await findRecord(spec, id!, false)
      const { docs } = await payload.find({
        collection: SLUGS.reviewEvents,
        depth: 0,
        overrideAccess: true,
        where: {
          and: [
            { [spec.slug === SLUGS.cookies ? 'cookieEntry' : 'document']: { equals: id } },
            { action: { equals: 'withdrawn' } },
          ],
        },
      })
      expect({ live: live?._status, withdrawnBy: docs.map((e) => String((e as Doc).by)) }).toEqual({
        live: 'draft',
        withdrawnBy: [String(user!.id)],
      })
      return
    }
  }
}

async function runCell(cell: MatrixCell): Promise<void> {
  const spec = SPECS[cell.subject]
  const route = ROUTE_CLIENTS[cell.route]
  const user = actorFor(cell.role)
  const def = fixtureDef(cell.subject, cell.operation)
  const fx = await def.make()
  const marker = markerFor(cell)
  const status = deniedStatus(cell.expected)
  const allowed = cell.expected === 'allow'

  switch (cell.operation) {
    case 'read': {
      const out = await route.findByID(spec, fx.id, false, user)
      if (allowed) {
        expectAllowed(out)
        expect(out.data?.[spec.probe]).toBe(fx.published)
      } else {
        expectDenied(out, status)
      }
      return
    }
    case 'read-drafts': {
      const out = await route.findByID(spec, fx.id, true, user)
      expectAllowed(out)
      if (allowed) {
        expect(out.data?.[spec.probe]).toBe(fx.draft)
      } else {
        expect(cell.expected).toBe('published')
        expect(out.data?.[spec.probe]).toBe(fx.published)
        expect(JSON.stringify(out.data)).not.toContain(fx.draft)
      }
      return
    }
    case 'read-versions': {
      const list = await route.findVersions(spec, fx.id!, user)
      const byId = await route.findVersionByID(spec, fx.extra!.versionId, user)
      if (allowed) {
        expectAllowed(list)
        expect((list.data as Doc[]).map((v) => v.version?.[spec.probe])).toContain(fx.draft)
        expectAllowed(byId)
        expect(byId.data?.version?.[spec.probe]).toBe(fx.draft)
      } else {
        expectDenied(list, status)
        expectDenied(byId, status)
      }
      return
    }
  }

  const before = await snapshot(spec, fx.id, marker)
  const out = await perform(cell, spec, route, fx, user, marker)
  if (allowed) {
    expectAllowed(out)
    await expectEffect(cell, spec, fx, user, marker, before)
  } else {
    expectDenied(out, status)
    expect(await snapshot(spec, fx.id, marker)).toEqual(before)
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  server = await listen(app)
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    users[role] = await createUser(payload, `matrix-${role}`, [role])
    tokens[role] = await login(server.baseUrl, users[role])
  }
  const host = await draftDocument('host')
  context.hostDocument = host.id
  context.hostSection = host.sectionId
  context.archivedDocument = (await readFixtures()).document.id!
  // Shared fixtures once per file; fresh ones are made in the cells that consume them.
  for (const r of ACCESS_MATRIX) {
    const def = fixtureDef(r.subject, r.operation)
    if (!def.fresh) {
      await def.make()
    }
  }
}, 120_000)

afterAll(async () => {
  await server?.close()
  await app?.close()
})

const cellName = (c: MatrixCell) =>
  `${c.subject} ${c.operation} as ${c.role} via ${c.route} → ${c.expected}`

describe('access matrix', () => {
  test.each(matrixCells().map((c) => [cellName(c), c] as const))('%s', async (_name, cell) => {
    await runCell(cell)
  })
})

describe('the matrix is complete and documented', () => {
  test('every collection and global × every operation has cells or a stated reason, never both', () => {
    expect([SUBJECTS.length, OPERATIONS.length].every((n) => n > 0)).toBe(true)
    for (const subject of SUBJECTS) {
      for (const operation of OPERATIONS) {
        const rows = ACCESS_MATRIX.filter(
          (r) => r.subject === subject && r.operation === operation,
        ).length
        const reason = NOT_APPLICABLE[subject]?.[operation]
        expect({ operation, reason: Boolean(reason), rows, subject }).toEqual({
          operation,
          reason: Boolean(reason),
          rows: reason ? 0 : 1,
          subject,
        })
      }
    }
  })

  test('docs/SECURITY.md shows exactly this matrix', async () => {
    const doc = await fs.readFile(path.resolve('docs/SECURITY.md'), 'utf8')
    expect(generatedBlock(doc, MATRIX_BEGIN, MATRIX_END)).toBe(renderMatrixMarkdown())
  })

  test('docs/access-matrix.md shows exactly these operations and routes', async () => {
    const doc = await fs.readFile(path.resolve('docs/access-matrix.md'), 'utf8')
    expect(generatedBlock(doc, ROUTES_BEGIN, ROUTES_END)).toBe(renderRoutesMarkdown())
  })
})

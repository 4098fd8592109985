/**
 * The expected access matrix (issue 8, point 1): every role × every collection and global the
 * plugin adds (plus users) × every operation. `test/integration/accessMatrix.test.ts` generates
 * one test per cell and route from this table, and checks that the Markdown tables in
 * docs/SECURITY.md ("Access matrix (generated tests)") and docs/access-matrix.md are exactly what
 * the render functions below produce, so the documentation and the tests cannot drift apart.
 *
 * The expectations are derived from the documented rules (docs/SECURITY.md "Who may do what",
 * docs/ARCHITECTURE.md "Where each rule lives") and the access functions and hooks they name,
 * not from running the code. This file is pure data: no Payload import.
 */

export const ROLES = ['anonymous', 'editor', 'reviewer', 'admin'] as const
export type MatrixRole = (typeof ROLES)[number]

export const ROUTES = ['rest', 'graphql', 'local'] as const
export type MatrixRoute = (typeof ROUTES)[number]

export const SUBJECTS = [
  'legal-documents',
  'legal-sections',
  'legal-versions',
  'cookie-entries',
  'legal-review-events',
  'legal-consents',
  'legal-entity',
  'users',
] as const
export type Subject = (typeof SUBJECTS)[number]

/** Every operation, in the order of the tables, with the name the tables give it. */
const OPERATION_TABLE = [
  ['read', 'read'],
  ['read-drafts', 'read drafts'],
  ['read-versions', 'read Payload versions'],
  ['create', 'create'],
  ['create-published', 'create as published'],
  ['update', 'update content'],
  ['delete', 'delete'],
  ['delete-published', 'delete published'],
  ['restore', 'restore a version as a draft'],
  ['restore-over-published', 'restore a version over the published row'],
  ['publish', 'publish'],
  ['approve', 'approve'],
  ['request-changes', 'request changes'],
  ['withdraw', 'withdraw (take offline)'],
] as const
export type Operation = (typeof OPERATION_TABLE)[number][0]
export const OPERATIONS: readonly Operation[] = OPERATION_TABLE.map(([operation]) => operation)
export const OPERATION_LABELS = Object.fromEntries(OPERATION_TABLE) as Record<Operation, string>

/**
 * `allow`: the request succeeds and has its effect (checked by re-reading).
 * `deny:NNN`: refused with that status (REST status; GraphQL `extensions.statusCode` and the
 *   Local API error's `status` must be the same), and a re-read shows nothing changed.
 * `published`: a draft read that is answered with the published content instead (status 200,
 *   never the draft value), as documented for anonymous `?draft=true` / `draft: true`.
 */
export type Expectation = 'allow' | 'deny:401' | 'deny:403' | 'deny:409' | 'published'

export type MatrixRow = {
  /** The record the operation is tried on (the fixture each cell starts from). */
  on: string
  operation: Operation
  subject: Subject
} & Record<MatrixRole, Expectation>

type Expectations = [
  anonymous: Expectation,
  editor: Expectation,
  reviewer: Expectation,
  admin: Expectation,
]

const row = (
  subject: Subject,
  operation: Operation,
  on: string,
  [anonymous, editor, reviewer, admin]: Expectations,
): MatrixRow => ({ admin, anonymous, editor, on, operation, reviewer, subject })

const ALL_ALLOWED: Expectations = ['allow', 'allow', 'allow', 'allow']
const STAFF_ONLY: Expectations = ['deny:403', 'allow', 'allow', 'allow']
const DRAFTS_FOR_STAFF: Expectations = ['published', 'allow', 'allow', 'allow']
const EDITORS_AND_ADMINS: Expectations = ['deny:403', 'allow', 'deny:403', 'allow']
const NOBODY: Expectations = ['deny:403', 'deny:403', 'deny:403', 'deny:403']
const ADMINS_ONLY: Expectations = ['deny:403', 'deny:403', 'deny:403', 'allow']
/** Editors and admins get past access, then the published-state guard refuses. */
const PUBLISHED_GUARD: Expectations = ['deny:403', 'deny:409', 'deny:403', 'deny:409']
const PUBLISHERS: Expectations = ['deny:403', 'deny:403', 'allow', 'allow']
/** A workflow action: the endpoint wants a signed-in user (401), then a reviewer or admin. */
const REVIEW_ACTION: Expectations = ['deny:401', 'deny:403', 'allow', 'allow']

/**
 * The cells of a collection with drafts and Payload versions, in OPERATIONS order. They share the
 * access functions (publishedOrStaff / editorsOrAdmins / staffOnly) and the published-state guard
 * of their beforeChange/beforeDelete hooks; `own` is what their fixtures and rules make different
 * (the records created and deleted are "a new <noun>", "… sent as published", "a never-published
 * <noun>" unless it says otherwise).
 */
function draftedCollectionRows(
  subject: Subject,
  noun: string,
  own: {
    create?: string
    createPublished?: string
    delete?: string
    deletePublished?: Expectations
    /** A reviewed collection: the record in review that approve and request-changes act on. */
    inReview?: string
    publish: [on: string, expected: Expectations]
    update: string
  },
): MatrixRow[] {
  const published = `a published ${noun}`
  const withDraft = `${published} with a newer draft`
  const earlier = `an earlier draft version of ${published}`
  const reviewRows = own.inReview
    ? [
        row(subject, 'approve', own.inReview, REVIEW_ACTION),
        row(subject, 'request-changes', own.inReview, REVIEW_ACTION),
        row(subject, 'withdraw', `${published}, with a reason`, REVIEW_ACTION),
      ]
    : []
  return [
    row(subject, 'read', published, ALL_ALLOWED),
    row(subject, 'read-drafts', withDraft, DRAFTS_FOR_STAFF),
    row(subject, 'read-versions', withDraft, STAFF_ONLY),
    row(subject, 'create', own.create ?? `a new ${noun}`, EDITORS_AND_ADMINS),
    row(
      subject,
      'create-published',
      own.createPublished ?? `a new ${noun} sent as published`,
      PUBLISHED_GUARD,
    ),
    row(subject, 'update', own.update, EDITORS_AND_ADMINS),
    row(subject, 'delete', own.delete ?? `a never-published ${noun}`, EDITORS_AND_ADMINS),
    row(subject, 'delete-published', published, own.deletePublished ?? PUBLISHED_GUARD),
    row(subject, 'restore', earlier, EDITORS_AND_ADMINS),
    row(subject, 'restore-over-published', earlier, PUBLISHED_GUARD),
    row(subject, 'publish', ...own.publish),
    ...reviewRows,
  ]
}

/** The expected outcome of every applicable cell. */
export const ACCESS_MATRIX: readonly MatrixRow[] = [
  // Documents: access publishedOrStaff / editorsOrAdmins / staffOnly (update: reviewers publish
  // only), documentBeforeChange (reviewers change no content; only reviewers/admins publish,
  // an approved draft only), documentBeforeDelete (archived → 409), the workflow operation
  // (anonymous → 401, wrong role → 403; four-eyes: the fixtures' author is the editor).
  // Taking a legal text offline: reviewers and admins, with a reason (rules.ts decideWorkflowAction).
  ...draftedCollectionRows('legal-documents', 'document', {
    inReview: "a document in review (the editor's changes)",
    publish: ['an approved draft', PUBLISHERS],
    update: 'a published document whose draft is in review (its title)',
  }),

  // Sections: access publishedOrStaff / editorsOrAdmins, sectionBeforeChange (never published on
  // its own → 409), sectionBeforeDelete (published or still listed → 409).
  ...draftedCollectionRows('legal-sections', 'section', {
    create: 'a new section of a draft document',
    delete: 'an unlisted draft section',
    publish: ['a draft section, on its own', PUBLISHED_GUARD],
    update: 'a published section (its heading)',
  }),

  // Cookie entries: the review workflow of documents (src/workflow/subjects.ts). Access
  // publishedOrStaff / editorsOrAdmins / staffOnly; cookieBeforeChange (reviewers change nothing;
  // only an approved entry is published, by reviewers/admins, never at creation);
  // cookieBeforeDelete (a published entry is withdrawn, never deleted; a draft → editors/admins).
  ...draftedCollectionRows('cookie-entries', 'entry', {
    createPublished: 'a new entry with a category, sent as published',
    deletePublished: ['deny:403', 'deny:409', 'deny:409', 'deny:409'],
    inReview: "an entry in review (the editor's)",
    publish: ['an approved entry', PUBLISHERS],
    update: 'a published entry (its name)',
  }),
  // The archive: read anyone; create/update/delete nobody (plus refuseUntrustedWrites).
  row('legal-versions', 'read', 'an archive record', ALL_ALLOWED),
  row('legal-versions', 'create', 'a forged archive record', NOBODY),
  row('legal-versions', 'update', 'an archive record (its title)', NOBODY),
  row('legal-versions', 'delete', 'an archive record', NOBODY),

  // The review history: read staff; writes nobody (plus refuseUntrustedWrites).
  row('legal-review-events', 'read', 'a review event', STAFF_ONLY),
  row('legal-review-events', 'create', 'a forged review event', NOBODY),
  row('legal-review-events', 'update', 'a review event (its comment)', NOBODY),
  row('legal-review-events', 'delete', 'a review event', NOBODY),

  // The consent log: read admins; writes nobody on any route (plus refuseConsentWrites: only the
  // consent endpoint's own insert and the retention job get past it).
  row('legal-consents', 'read', 'a consent record', ADMINS_ONLY),
  row('legal-consents', 'create', 'a forged consent record', NOBODY),
  row('legal-consents', 'update', 'a consent record (its language)', NOBODY),
  row('legal-consents', 'delete', 'a consent record', NOBODY),

  // Company details: read anyone, update admins.
  row('legal-entity', 'read', 'the company details', ALL_ALLOWED),
  row('legal-entity', 'update', 'the company details (name)', ADMINS_ONLY),

  // Accounts (src/access/users.ts): read signed-in; create, delete and change others: admins.
  row('users', 'read', "another user's account", STAFF_ONLY),
  row('users', 'create', 'a new account', ADMINS_ONLY),
  row('users', 'update', "another user's account (its name)", ADMINS_ONLY),
  row('users', 'delete', "another user's account", ADMINS_ONLY),
]

type Reasons = Partial<Record<Operation, string>>

/** Why a record without drafts, Payload versions or review has no cells for those operations. */
const unreviewedWithoutDrafts = (what: 'collection' | 'global'): Reasons => ({
  approve: `not a reviewed ${what}`,
  publish: 'no drafts',
  'read-drafts': 'no drafts',
  'read-versions': 'no Payload versions',
  'request-changes': `not a reviewed ${what}`,
  restore: 'no Payload versions',
  'restore-over-published': 'no Payload versions',
  withdraw: `not a reviewed ${what}`,
})

const PLAIN_COLLECTION: Reasons = {
  ...unreviewedWithoutDrafts('collection'),
  'create-published': 'no drafts; see create',
  'delete-published': 'no drafts; see delete',
}

/** Why the remaining subject × operation pairs have no cells. */
export const NOT_APPLICABLE: Partial<Record<Subject, Reasons>> = {
  'legal-consents': { ...PLAIN_COLLECTION, publish: 'written only by POST /api/legal/consents' },
  'legal-entity': {
    ...unreviewedWithoutDrafts('global'),
    create: 'a global: one record, never created',
    'create-published': 'a global: one record, never created',
    delete: 'a global: never deleted',
    'delete-published': 'a global: never deleted',
  },
  'legal-review-events': { ...PLAIN_COLLECTION, publish: 'written only by the workflow' },
  'legal-sections': {
    approve:
      'sections are reviewed with their document (a section change puts its document back to draft)',
    'request-changes': 'as approve',
    withdraw: 'a section goes offline with its document, never on its own (see publish)',
  },
  'legal-versions': {
    ...PLAIN_COLLECTION,
    publish: 'written only by the publish of a document',
    'read-drafts': 'no drafts: every record is a publish',
    'read-versions': 'no Payload versions: the collection is itself the archive',
  },
  users: PLAIN_COLLECTION,
}

export type MatrixCell = {
  expected: Expectation
  on: string
  operation: Operation
  role: MatrixRole
  route: MatrixRoute
  subject: Subject
}

/** One cell per applicable (subject, operation, role) and route: the tests are these. */
/**
 * The one cell that differs by route: Payload 3.90's Local API `restoreVersion` drops its
 * `draft` argument (payload/dist/collections/operations/local/restoreVersion.js), so every
 * Local API restore writes over the live row, which the plugin refuses with 409 and rolls back.
 * Restoring as a draft works over REST, GraphQL and the admin.
 */
export function routeExpectation(
  operation: Operation,
  route: MatrixRoute,
  expected: Expectation,
): Expectation {
  return operation === 'restore' && route === 'local' && expected === 'allow'
    ? 'deny:409'
    : expected
}

export function matrixCells(): MatrixCell[] {
  return ACCESS_MATRIX.flatMap((r) =>
    ROLES.flatMap((role) =>
      ROUTES.map((route) => ({
        expected: routeExpectation(r.operation, route, r[role]),
        on: r.on,
        operation: r.operation,
        role,
        route,
        subject: r.subject,
      })),
    ),
  )
}

export function deniedStatus(expected: Expectation): null | number {
  const m = /^deny:(\d{3})$/.exec(expected)
  return m ? Number(m[1]) : null
}

/** How each operation is tried on each route, and how its outcome is proven. */
export const OPERATION_ROUTES: Record<
  Operation,
  { graphql: string; local: string; proof: string; rest: string }
> = {
  approve: {
    graphql: '`legalWorkflowAction(id, action: approve)`',
    local: '`performWorkflowAction` (the plugin export)',
    proof:
      'allow: the draft is approved, by this user; deny: the error status, and a re-read (state, review history) equals the one before',
    rest: '`POST /api/legal-documents/:id/workflow` `{ "action": "approve" }`',
  },
  create: {
    graphql: '`create<Singular>`',
    local: '`create`',
    proof:
      'allow: the record exists (a draft where the collection has drafts); deny: the error status, and the collection holds the same records as before',
    rest: '`POST /api/<slug>`',
  },
  'create-published': {
    graphql: '`create<Singular>(data: { …, _status: published })`',
    local: "`create({ data: { …, _status: 'published' } })`",
    proof: 'allow: the record exists and is published; deny: as create',
    rest: '`POST /api/<slug>` with `"_status": "published"`',
  },
  delete: {
    graphql: '`delete<Singular>(id)`',
    local: '`delete`',
    proof: 'allow: the record is gone; deny: the error status, and a re-read equals the one before',
    rest: '`DELETE /api/<slug>/:id`',
  },
  'delete-published': {
    graphql: '`delete<Singular>(id)`',
    local: '`delete`',
    proof: 'as delete',
    rest: '`DELETE /api/<slug>/:id`',
  },
  publish: {
    graphql: '`update<Singular>(id, data: { _status: published })`',
    local: "`update({ data: { _status: 'published' } })`",
    proof:
      'allow: the live row is published (documents: version 1 and one archive record); deny: the error status, and a re-read equals the one before',
    rest: '`PATCH /api/<slug>/:id` `{ "_status": "published" }`',
  },
  read: {
    graphql: '`<Singular>(id)` (global: `LegalEntity`)',
    local: '`findByID` (global: `findGlobal`)',
    proof: 'allow: the published value comes back; deny: the error status',
    rest: '`GET /api/<slug>/:id` (global: `GET /api/globals/legal-entity`)',
  },
  'read-drafts': {
    graphql: '`<Singular>(id, draft: true)`',
    local: '`findByID({ draft: true })`',
    proof: 'allow: the draft value; published: the published value and never the draft value',
    rest: '`GET /api/<slug>/:id?draft=true`',
  },
  'read-versions': {
    graphql: '`versions<Plural>(where: { parent: { equals: id } })`, `version<Singular>(id)`',
    local: '`findVersions`, `findVersionByID`',
    proof: "allow: the draft's version is listed and read by id; deny: the error status, on both",
    rest: '`GET /api/<slug>/versions?where[parent][equals]=:id`, `GET /api/<slug>/versions/:versionId`',
  },
  'request-changes': {
    graphql: '`legalWorkflowAction(id, action: request_changes, comment)`',
    local: '`performWorkflowAction`',
    proof: 'allow: the draft is in "changes requested"; deny: as approve',
    rest: '`POST /api/legal-documents/:id/workflow` `{ "action": "request-changes", "comment" }`',
  },
  restore: {
    graphql: '`restoreVersion<Singular>(id, draft: true)`',
    local: '`restoreVersion({ draft: true })`',
    proof:
      'allow: the latest draft has the restored text and is a draft, the live row is unchanged; deny: the error status, and a re-read equals the one before',
    rest: '`POST /api/<slug>/versions/:versionId?draft=true`',
  },
  'restore-over-published': {
    graphql: '`restoreVersion<Singular>(id)`',
    local: '`restoreVersion`',
    proof:
      'as restore (Payload writes the live row when `draft` is not set; the plugin refuses and rolls back)',
    rest: '`POST /api/<slug>/versions/:versionId`',
  },
  update: {
    graphql: '`update<Singular>(id, data)` (global: `updateLegalEntity`)',
    local: '`update` (global: `updateGlobal`)',
    proof:
      'allow: a re-read shows the new value in the latest draft while the live (published) row keeps the old one; deny: the error status, and a re-read (latest draft, live row, version and history counts) equals the one before',
    rest: '`PATCH /api/<slug>/:id` (global: `POST /api/globals/legal-entity`)',
  },
  withdraw: {
    graphql: '`legalWorkflowAction(id, action: withdraw, comment)`',
    local: '`performWorkflowAction`',
    proof:
      'allow: the live row is no longer published and the history records "withdrawn" by this user; deny: as approve',
    rest: '`POST /api/legal-documents/:id/workflow` `{ "action": "withdraw", "comment" }`',
  },
}

const cellText = (e: Expectation): string =>
  e === 'allow' ? 'allow' : e === 'published' ? 'published¹' : `deny ${deniedStatus(e)}`

export const MATRIX_BEGIN =
  '<!-- access-matrix:begin (generated from test/helpers/accessMatrix.ts; checked by test/integration/accessMatrix.test.ts) -->'
export const MATRIX_END = '<!-- access-matrix:end -->'
export const ROUTES_BEGIN =
  '<!-- access-matrix-routes:begin (generated from test/helpers/accessMatrix.ts; checked by test/integration/accessMatrix.test.ts) -->'
export const ROUTES_END = '<!-- access-matrix-routes:end -->'

/** The matrix as a Markdown table (without the begin/end markers). */
export function renderMatrixMarkdown(): string {
  const lines = [
    '| collection / global | operation | on | anonymous | editor | reviewer | admin |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...ACCESS_MATRIX.map(
      (r) =>
        `| \`${r.subject}\` | ${OPERATION_LABELS[r.operation]} | ${r.on} | ${ROLES.map((role) => cellText(r[role])).join(' | ')} |`,
    ),
  ]
  const cells = ACCESS_MATRIX.length * ROLES.length
  lines.push(
    '',
    `${ACCESS_MATRIX.length} rows × ${ROLES.length} roles = ${cells} cells, each tried on ${ROUTES.length} routes (REST, GraphQL, Local API): ${cells * ROUTES.length} tests.`,
    '"deny N": refused with status N on every route; a re-read shows nothing changed.',
    '¹ answered with the published content (200), never the draft.',
  )
  return lines.join('\n')
}

/** The operations per route and the not-applicable pairs, as Markdown (without the markers). */
export function renderRoutesMarkdown(): string {
  const lines = [
    '| operation | REST | GraphQL | Local API (`overrideAccess: false`, `user`) | proven by |',
    '| --- | --- | --- | --- | --- |',
    ...OPERATIONS.map((op) => {
      const r = OPERATION_ROUTES[op]
      return `| ${OPERATION_LABELS[op]} | ${r.rest} | ${r.graphql} | ${r.local} | ${r.proof} |`
    }),
    '',
    'Not applicable (no cells):',
    '',
  ]
  for (const subject of SUBJECTS) {
    for (const op of OPERATIONS) {
      const reason = NOT_APPLICABLE[subject]?.[op]
      if (reason) {
        lines.push(`- \`${subject}\` ${OPERATION_LABELS[op]}: ${reason}`)
      }
    }
  }
  return lines.join('\n')
}

/** The text between a begin and an end marker in a Markdown file, or null. */
export function generatedBlock(markdown: string, begin: string, end: string): null | string {
  const from = markdown.indexOf(begin)
  const to = markdown.indexOf(end)
  if (from < 0 || to < from) {
    return null
  }
  return markdown.slice(from + begin.length, to).trim()
}

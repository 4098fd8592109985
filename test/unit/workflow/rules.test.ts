import { describe, expect, test } from '@jest/globals'

import {
  type Actor,
  canEditContent,
  canPublishRole,
  changeSummaryProblem,
  type Decision,
  decidePublish,
  decideWorkflowAction,
  REVIEW_STATES,
  type ReviewState,
  STATE_LABELS,
  stateAfterContentChange,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  workflowOptions,
} from '../../../src/workflow/rules'

/*
 * The expected outcomes below are written out by hand (not computed from the rules), one row
 * per actor, one column per state in REVIEW_STATES order:
 *
 *   draft | in-review | changes-requested | approved | published
 *
 * A string is "ok, next state is ..."; a number is the status of the refusal.
 */

const ACTORS = {
  admin: { id: 1, roles: ['admin'] },
  editor: { id: 2, roles: ['editor'] },
  reviewer: { id: 3, roles: ['reviewer'] },
  'editor+reviewer': { id: 4, roles: ['editor', 'reviewer'] },
  'admin+editor+reviewer': { id: 5, roles: ['admin', 'editor', 'reviewer'] },
  'no roles': { id: 6, roles: [] },
  'null actor': null,
} satisfies Record<string, Actor>
type ActorName = keyof typeof ACTORS

type Outcome = ReviewState | 400 | 403 | 409
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome]

const WORKFLOW_TABLE: Record<WorkflowAction, Record<ActorName, Row>> = {
  //                          draft        in-review            changes-requested  approved             published
  submit: {
    admin:                   ['in-review', 409,                 'in-review',       409,                 409],
    editor:                  ['in-review', 409,                 'in-review',       409,                 409],
    reviewer:                [403,         403,                 403,               403,                 403],
    'editor+reviewer':       ['in-review', 409,                 'in-review',       409,                 409],
    'admin+editor+reviewer': ['in-review', 409,                 'in-review',       409,                 409],
    'no roles':              [403,         403,                 403,               403,                 403],
    'null actor':            [403,         403,                 403,               403,                 403],
  },
  approve: {
    admin:                   [409,         'approved',          409,               409,                 409],
    editor:                  [403,         403,                 403,               403,                 403],
    reviewer:                [409,         'approved',          409,               409,                 409],
    'editor+reviewer':       [409,         'approved',          409,               409,                 409],
    'admin+editor+reviewer': [409,         'approved',          409,               409,                 409],
    'no roles':              [403,         403,                 403,               403,                 403],
    'null actor':            [403,         403,                 403,               403,                 403],
  },
  'request-changes': {
    admin:                   [409,         'changes-requested', 409,               'changes-requested', 409],
    editor:                  [403,         403,                 403,               403,                 403],
    reviewer:                [409,         'changes-requested', 409,               'changes-requested', 409],
    'editor+reviewer':       [409,         'changes-requested', 409,               'changes-requested', 409],
    'admin+editor+reviewer': [409,         'changes-requested', 409,               'changes-requested', 409],
    'no roles':              [403,         403,                 403,               403,                 403],
    'null actor':            [403,         403,                 403,               403,                 403],
  },
  // Not live (never published, or withdrawn already): nothing to withdraw. Live: see below.
  withdraw: {
    admin:                   [409,         409,                 409,               409,                 409],
    editor:                  [403,         403,                 403,               403,                 403],
    reviewer:                [409,         409,                 409,               409,                 409],
    'editor+reviewer':       [409,         409,                 409,               409,                 409],
    'admin+editor+reviewer': [409,         409,                 409,               409,                 409],
    'no roles':              [403,         403,                 403,               403,                 403],
    'null actor':            [403,         403,                 403,               403,                 403],
  },
}

/** decidePublish with system: false. */
const PUBLISH_TABLE: Record<ActorName, Row> = {
  //                       draft  in-review  changes-requested  approved     published
  admin:                   [409,  409,       409,               'published', 409],
  editor:                  [403,  403,       403,               403,         403],
  reviewer:                [409,  409,       409,               'published', 409],
  'editor+reviewer':       [409,  409,       409,               'published', 409],
  'admin+editor+reviewer': [409,  409,       409,               'published', 409],
  'no roles':              [403,  403,       403,               403,         403],
  'null actor':            [403,  403,       403,               403,         403],
}

/** decidePublish with system: true: the role is not checked, the state still is. */
const SYSTEM_PUBLISH_ROW: Row = [409, 409, 409, 'published', 409]

const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[]

function cases(row: (name: ActorName) => Row) {
  return ACTOR_NAMES.flatMap((name) =>
    REVIEW_STATES.map((state, i) => ({ name, actor: ACTORS[name] as Actor, state, expected: row(name)[i] })),
  )
}

function expectOutcome(decision: Decision, expected: Outcome) {
  if (typeof expected === 'string') {
    expect(decision).toEqual({ ok: true, next: expected })
  } else {
    expect(decision).toMatchObject({ ok: false, status: expected })
    if (!decision.ok) {
      expect(typeof decision.reason).toBe('string')
      expect(decision.reason.trim().length).toBeGreaterThan(0)
    }
  }
}

describe('constants', () => {
  test('states and actions are the ones the tables below cover', () => {
    expect([...REVIEW_STATES]).toEqual(['draft', 'in-review', 'changes-requested', 'approved', 'published'])
    expect([...WORKFLOW_ACTIONS]).toEqual(['submit', 'approve', 'request-changes', 'withdraw'])
    expect(Object.keys(WORKFLOW_TABLE).sort()).toEqual([...WORKFLOW_ACTIONS].sort())
  })

  test('every state has a human label', () => {
    expect(STATE_LABELS).toEqual({
      draft: 'Draft',
      'in-review': 'In review',
      'changes-requested': 'Changes requested',
      approved: 'Approved',
      published: 'Published',
    })
  })
})

describe('decideWorkflowAction: every action × actor × state', () => {
  for (const action of WORKFLOW_ACTIONS) {
    describe(action, () => {
      test.each(cases((name) => WORKFLOW_TABLE[action][name]))(
        `${action} by $name in $state → $expected`,
        ({ actor, state, expected }) => {
          // A comment is given and nobody contributed, so only role and state decide here.
          const decision = decideWorkflowAction({
            action,
            state,
            actor,
            contributors: [],
            comment: 'Please tighten clause 3.',
            fourEyes: true,
          })
          expectOutcome(decision, expected)
        },
      )
    })
  }

  test('the table covers 4 actions × 7 actors × 5 states = 140 cases', () => {
    const all = WORKFLOW_ACTIONS.flatMap((action) => cases((n) => WORKFLOW_TABLE[action][n]))
    expect(all).toHaveLength(140)
    expect(new Set(all.map((c) => c.state))).toEqual(new Set(REVIEW_STATES))
  })
})

describe('decideWorkflowAction: withdraw takes a live document offline', () => {
  const withdraw = (state: ReviewState, actor: Actor, comment: string | null = 'Replaced by the 2027 terms.', live = true) =>
    decideWorkflowAction({ action: 'withdraw', state, actor, contributors: [], comment, fourEyes: true, live })

  test.each(REVIEW_STATES)('a reviewer or admin withdraws a live document in %s, with a reason', (state) => {
    const next = state === 'published' || state === 'approved' ? 'draft' : state
    expect(withdraw(state, ACTORS.reviewer)).toEqual({ ok: true, next })
    expect(withdraw(state, ACTORS.admin)).toEqual({ ok: true, next })
  })

  test('an editor is refused with 403 that names who may', () => {
    expect(withdraw('published', ACTORS.editor)).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/reviewers and admins/) })
  })

  test('no reason is a 400; not live is a 409', () => {
    expect(withdraw('published', ACTORS.reviewer, '   ')).toMatchObject({ ok: false, status: 400, reason: expect.stringMatching(/reason is required/) })
    expect(withdraw('published', ACTORS.reviewer, null)).toMatchObject({ ok: false, status: 400 })
    expect(withdraw('draft', ACTORS.reviewer, 'x', false)).toMatchObject({ ok: false, status: 409, reason: expect.stringMatching(/nothing to withdraw/) })
  })

  test('offered to reviewers and admins on a live document only', () => {
    const base = { contributors: [], fourEyes: true }
    expect(workflowOptions({ ...base, state: 'published', actor: ACTORS.reviewer, live: true }).actions).toEqual(['withdraw'])
    expect(workflowOptions({ ...base, state: 'published', actor: ACTORS.editor, live: true }).actions).toEqual([])
    expect(workflowOptions({ ...base, state: 'published', actor: ACTORS.reviewer, live: false }).actions).toEqual([])
  })
})

describe('decideWorkflowAction: refusal reasons', () => {
  test('a null actor is told to sign in, whatever the action', () => {
    expect(WORKFLOW_ACTIONS.length).toBeGreaterThan(0)
    for (const action of WORKFLOW_ACTIONS) {
      const d = decideWorkflowAction({ action, state: 'in-review', actor: null, contributors: [], comment: 'x', fourEyes: true })
      expect(d).toEqual({ ok: false, status: 403, reason: 'You must be signed in.' })
    }
  })

  test('a role refusal names who may do it', () => {
    const base = { contributors: [], comment: 'x', fourEyes: true, state: 'in-review' as const }
    expect(decideWorkflowAction({ ...base, action: 'submit', actor: ACTORS.reviewer })).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/editors/),
    })
    expect(decideWorkflowAction({ ...base, action: 'approve', actor: ACTORS.editor })).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/reviewers/),
    })
    expect(decideWorkflowAction({ ...base, action: 'request-changes', actor: ACTORS.editor })).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/reviewers/),
    })
  })

  test('submitting twice and submitting an approved document get distinct messages', () => {
    const base = { action: 'submit' as const, actor: ACTORS.editor, contributors: [], fourEyes: true }
    expect(decideWorkflowAction({ ...base, state: 'in-review' })).toMatchObject({ status: 409, reason: expect.stringMatching(/already waiting/) })
    expect(decideWorkflowAction({ ...base, state: 'approved' })).toMatchObject({ status: 409, reason: expect.stringMatching(/already approved/) })
  })

  test.each(REVIEW_STATES.filter((s) => s !== 'in-review'))('approve in %s names the current state', (state) => {
    const d = decideWorkflowAction({ action: 'approve', state, actor: ACTORS.reviewer, contributors: [], fourEyes: true })
    expect(d).toMatchObject({ ok: false, status: 409 })
    if (!d.ok) expect(d.reason).toContain(`"${STATE_LABELS[state]}"`)
  })

  test.each(['draft', 'changes-requested', 'published'] as const)('request-changes in %s names the current state', (state) => {
    const d = decideWorkflowAction({ action: 'request-changes', state, actor: ACTORS.reviewer, contributors: [], comment: 'x', fourEyes: true })
    expect(d).toMatchObject({ ok: false, status: 409 })
    if (!d.ok) expect(d.reason).toContain(`"${STATE_LABELS[state]}"`)
  })

  test('an unknown action is a 400 for a signed-in actor', () => {
    const d = decideWorkflowAction({
      action: 'publish' as unknown as WorkflowAction,
      state: 'approved',
      actor: ACTORS.admin,
      contributors: [],
      fourEyes: true,
    })
    expect(d).toMatchObject({ ok: false, status: 400, reason: expect.stringContaining('"publish"') })
  })

  test('an unknown action from a null actor is refused as unsigned first (403)', () => {
    const d = decideWorkflowAction({
      action: 'delete' as unknown as WorkflowAction,
      state: 'approved',
      actor: null,
      contributors: [],
      fourEyes: true,
    })
    expect(d).toMatchObject({ ok: false, status: 403 })
  })
})

describe('decideWorkflowAction: four-eyes rule', () => {
  const approve = (actor: Actor, contributors: (string | number)[], fourEyes = true) =>
    decideWorkflowAction({ action: 'approve', state: 'in-review', actor, contributors, fourEyes })

  test.each([
    ['number actor id, number contributor', { id: 3, roles: ['reviewer'] }, [3]],
    ['number actor id, string contributor', { id: 3, roles: ['reviewer'] }, ['3']],
    ['string actor id, number contributor', { id: '3', roles: ['reviewer'] }, [3]],
    ['string actor id, string contributor', { id: '3', roles: ['reviewer'] }, ['3']],
    ['uuid ids', { id: 'a1b2-c3', roles: ['reviewer'] }, ['x-9', 'a1b2-c3']],
    ['actor among several contributors', { id: 3, roles: ['reviewer'] }, [1, '2', 3, 4]],
    ['admin who contributed', { id: 1, roles: ['admin'] }, ['1']],
    ['editor+reviewer who contributed', { id: 4, roles: ['editor', 'reviewer'] }, [4]],
  ] satisfies [string, Actor, (string | number)[]][])('%s: refused (403) when fourEyes is on', (_, actor, contributors) => {
    const d = approve(actor, contributors)
    expect(d).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/four-eyes/) })
  })

  test.each([
    ['no contributors', []],
    ['only other people contributed', [1, '2', 4]],
    ['a different id that merely contains the actor id', [33, '13', '3a']],
  ] satisfies [string, (string | number)[]][])('%s: allowed', (_, contributors) => {
    expect(approve(ACTORS.reviewer, contributors)).toEqual({ ok: true, next: 'approved' })
  })

  test.each([
    [[3]],
    [['3']],
  ])('fourEyes false lets a contributor approve their own change (contributors %j)', (contributors) => {
    expect(approve(ACTORS.reviewer, contributors, false)).toEqual({ ok: true, next: 'approved' })
    expect(approve(ACTORS.admin, [1], false)).toEqual({ ok: true, next: 'approved' })
  })

  test('four-eyes does not turn a role refusal into an approval: an editor contributor is still 403 for the role', () => {
    const d = approve(ACTORS.editor, [2], false)
    expect(d).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/Only reviewers/) })
  })

  test('the state is checked before four-eyes (a contributor approving a draft gets 409)', () => {
    const d = decideWorkflowAction({ action: 'approve', state: 'draft', actor: ACTORS.reviewer, contributors: [3], fourEyes: true })
    expect(d).toMatchObject({ ok: false, status: 409 })
  })

  test('four-eyes applies only to approve: a contributor may still submit and request changes', () => {
    expect(
      decideWorkflowAction({ action: 'submit', state: 'draft', actor: ACTORS.editor, contributors: [2], fourEyes: true }),
    ).toEqual({ ok: true, next: 'in-review' })
    expect(
      decideWorkflowAction({
        action: 'request-changes',
        state: 'in-review',
        actor: ACTORS.reviewer,
        contributors: [3],
        comment: 'I changed it myself; another pass please.',
        fourEyes: true,
      }),
    ).toEqual({ ok: true, next: 'changes-requested' })
  })

  test('the contributors list is not modified', () => {
    const contributors = [1, '3']
    approve(ACTORS.reviewer, contributors)
    expect(contributors).toEqual([1, '3'])
  })
})

describe('decideWorkflowAction: request-changes needs a comment', () => {
  const requestChanges = (comment: string | null | undefined, state: ReviewState = 'in-review', actor: Actor = ACTORS.reviewer) =>
    decideWorkflowAction({ action: 'request-changes', state, actor, contributors: [], comment, fourEyes: true })

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['spaces', '   '],
    ['tabs and newlines', '\t\n \r\n'],
  ])('%s comment is refused with 400', (_, comment) => {
    expect(requestChanges(comment)).toMatchObject({ ok: false, status: 400, reason: expect.stringMatching(/comment is required/) })
    expect(requestChanges(comment, 'approved')).toMatchObject({ ok: false, status: 400 })
  })

  test.each(['x', 'Please rewrite section 2.', '  padded comment  '])('comment %j is enough', (comment) => {
    expect(requestChanges(comment)).toEqual({ ok: true, next: 'changes-requested' })
    expect(requestChanges(comment, 'approved')).toEqual({ ok: true, next: 'changes-requested' })
  })

  test('role and state are checked before the comment', () => {
    expect(requestChanges('   ', 'in-review', ACTORS.editor)).toMatchObject({ status: 403 })
    expect(requestChanges('   ', 'draft')).toMatchObject({ status: 409 })
    expect(requestChanges(undefined, 'in-review', null)).toMatchObject({ status: 403 })
  })

  test('submit and approve need no comment', () => {
    expect(
      decideWorkflowAction({ action: 'submit', state: 'draft', actor: ACTORS.editor, contributors: [], comment: '  ', fourEyes: true }),
    ).toEqual({ ok: true, next: 'in-review' })
    expect(decideWorkflowAction({ action: 'approve', state: 'in-review', actor: ACTORS.reviewer, contributors: [], fourEyes: true })).toEqual({
      ok: true,
      next: 'approved',
    })
  })
})

describe('decidePublish', () => {
  test.each(cases((name) => PUBLISH_TABLE[name]))('publish by $name in $state → $expected', ({ actor, state, expected }) => {
    expectOutcome(decidePublish({ state, actor, system: false }), expected)
  })

  test.each(cases(() => SYSTEM_PUBLISH_ROW))('system publish (actor: $name) in $state → $expected', ({ actor, state, expected }) => {
    expectOutcome(decidePublish({ state, actor, system: true }), expected)
  })

  test('the role is checked before the state (an editor publishing a draft is told about the role)', () => {
    expect(decidePublish({ state: 'draft', actor: ACTORS.editor, system: false })).toMatchObject({
      ok: false,
      status: 403,
      reason: expect.stringMatching(/Only reviewers and admins/),
    })
  })

  test.each(REVIEW_STATES.filter((s) => s !== 'approved'))('publishing from %s names the current state', (state) => {
    const d = decidePublish({ state, actor: ACTORS.admin, system: false })
    expect(d).toMatchObject({ ok: false, status: 409 })
    if (!d.ok) expect(d.reason).toContain(`"${STATE_LABELS[state]}"`)
  })
})

describe('canEditContent / canPublishRole', () => {
  test.each([
    ['admin', true, true],
    ['editor', true, false],
    ['reviewer', false, true],
    ['editor+reviewer', true, true],
    ['admin+editor+reviewer', true, true],
    ['no roles', false, false],
    ['null actor', false, false],
  ] satisfies [ActorName, boolean, boolean][])('%s: edit %s, publish %s', (name, edit, publish) => {
    expect(canEditContent(ACTORS[name])).toBe(edit)
    expect(canPublishRole(ACTORS[name])).toBe(publish)
  })

  test('the roles agree with the decisions: editors submit, publishers approve and publish', () => {
    expect(ACTOR_NAMES.length).toBeGreaterThan(0)
    for (const name of ACTOR_NAMES) {
      const actor = ACTORS[name] as Actor
      const submit = decideWorkflowAction({ action: 'submit', state: 'draft', actor, contributors: [], fourEyes: true })
      const approve = decideWorkflowAction({ action: 'approve', state: 'in-review', actor, contributors: [], fourEyes: true })
      const publish = decidePublish({ state: 'approved', actor, system: false })
      expect(submit.ok).toBe(canEditContent(actor))
      expect(approve.ok).toBe(canPublishRole(actor))
      expect(publish.ok).toBe(canPublishRole(actor))
    }
  })
})

describe('stateAfterContentChange', () => {
  test.each([
    ['draft', 'draft'],
    ['in-review', 'draft'],
    ['changes-requested', 'changes-requested'],
    ['approved', 'draft'],
    ['published', 'draft'],
  ] satisfies [ReviewState, ReviewState][])('a change in %s leaves the document in %s', (state, next) => {
    expect(stateAfterContentChange(state)).toBe(next)
  })

  test('after a change nothing is approved any more, so publishing is refused until re-approval', () => {
    expect(REVIEW_STATES.length).toBeGreaterThan(0)
    for (const state of REVIEW_STATES) {
      const after = stateAfterContentChange(state)
      expect(decidePublish({ state: after, actor: ACTORS.admin, system: false })).toMatchObject({ ok: false, status: 409 })
      expect(decidePublish({ state: after, actor: null, system: true })).toMatchObject({ ok: false, status: 409 })
    }
  })

  test('an editor can always resubmit after a change', () => {
    expect(REVIEW_STATES.length).toBeGreaterThan(0)
    for (const state of REVIEW_STATES) {
      const after = stateAfterContentChange(state)
      expect(
        decideWorkflowAction({ action: 'submit', state: after, actor: ACTORS.editor, contributors: [2], fourEyes: true }),
      ).toEqual({ ok: true, next: 'in-review' })
    }
  })
})

describe('changeSummaryProblem', () => {
  const PROBLEM = 'Describe what changed (change summary) before publishing a new version.'

  test.each([
    // nextVersion, summary, refused?
    [0, undefined, false],
    [0, null, false],
    [1, undefined, false],
    [1, null, false],
    [1, '', false],
    [1, '   ', false],
    [1, 'First version', false],
    [2, undefined, true],
    [2, null, true],
    [2, '', true],
    [2, '   ', true],
    [2, '\n\t ', true],
    [2, 'Clarified retention periods', false],
    [2, '  padded  ', false],
    [17, null, true],
    [17, 'x', false],
  ] satisfies [number, string | null | undefined, boolean][])('version %d with summary %j → refused: %s', (nextVersion, summary, refused) => {
    expect(changeSummaryProblem(nextVersion, summary)).toBe(refused ? PROBLEM : null)
  })
})

describe('workflowOptions: what the workflow bar offers', () => {
  const editor = { id: 1, roles: ['editor' as const] }
  const reviewer = { id: 2, roles: ['reviewer' as const] }
  const admin = { id: 3, roles: ['admin' as const] }
  const offer = (state: ReviewState, actor: typeof editor | typeof reviewer | typeof admin, contributors: (string | number)[] = [1]) =>
    workflowOptions({ state, actor, contributors, fourEyes: true })

  test('an editor can submit a draft and never publish', () => {
    expect(offer('draft', editor)).toEqual({
      actions: ['submit'],
      canPublish: false,
      publishBlockedReason: 'Only reviewers and admins can publish.',
      submitProblems: [],
    })
    expect(offer('approved', editor).canPublish).toBe(false)
    expect(offer('in-review', editor).actions).toEqual([])
  })

  test('a reviewer approves or requests changes on a draft in review, and publishes only when approved', () => {
    expect(offer('in-review', reviewer)).toEqual({
      actions: ['approve', 'request-changes'],
      canPublish: false,
      publishBlockedReason: 'Only an approved draft can be published; this one is "In review".',
      submitProblems: [],
    })
    expect(offer('approved', reviewer)).toEqual({ actions: ['request-changes'], canPublish: true, publishBlockedReason: null, submitProblems: [] })
    expect(offer('draft', reviewer).actions).toEqual([])
  })

  test('four-eyes: no approve for someone who changed the draft, admins included', () => {
    expect(offer('in-review', admin, [3]).actions).toEqual(['request-changes'])
    expect(offer('in-review', admin, [1]).actions).toEqual(['approve', 'request-changes'])
    expect(offer('draft', admin, [3]).actions).toEqual(['submit'])
  })

  test('nobody signed in is offered nothing', () => {
    expect(workflowOptions({ state: 'in-review', actor: null, contributors: [], fourEyes: true })).toMatchObject({ actions: [], canPublish: false })
  })
  test('an incomplete draft: Submit is not offered, and the reasons are listed for whoever could submit it', () => {
    const submitProblems = [
      { code: 'no-title' as const, message: 'The document has no title.' },
      { code: 'no-sections' as const, message: 'The document has no sections.' },
    ]
    const options = (state: ReviewState, actor: typeof editor | typeof reviewer | typeof admin) =>
      workflowOptions({ state, actor, contributors: [], fourEyes: true, submitProblems })
    expect(options('draft', editor)).toMatchObject({ actions: [], submitProblems })
    expect(options('changes-requested', admin)).toMatchObject({ actions: [], submitProblems })
    // Not theirs to submit, or nothing to submit: no reasons to show.
    expect(options('draft', reviewer)).toMatchObject({ actions: [], submitProblems: [] })
    expect(options('in-review', editor).submitProblems).toEqual([])
    expect(options('in-review', reviewer).actions).toEqual(['approve', 'request-changes'])
  })

  test('a submit of an incomplete draft is refused with 422 and every reason, after the role and state checks', () => {
    const submitProblems = [
      { code: 'no-slug' as const, message: 'The document has no web address.' },
      { code: 'empty-section' as const, position: 2, heading: 'Scope', message: 'Section 2 “Scope” has no text.' },
    ]
    const decide = (state: ReviewState, actor: Actor) =>
      decideWorkflowAction({ action: 'submit', state, actor, contributors: [], fourEyes: true, submitProblems })
    expect(decide('draft', editor)).toEqual({
      ok: false,
      status: 422,
      reason: 'This document cannot be submitted for review yet. The document has no web address. Section 2 “Scope” has no text.',
      problems: submitProblems,
    })
    expect(decide('draft', reviewer)).toMatchObject({ status: 403 })
    expect(decide('in-review', editor)).toMatchObject({ status: 409 })
    expect(decideWorkflowAction({ action: 'submit', state: 'draft', actor: editor, contributors: [], fourEyes: true, submitProblems: [] })).toEqual({
      ok: true,
      next: 'in-review',
    })
  })
})

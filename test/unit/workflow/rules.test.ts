import { describe, expect, test } from '@jest/globals'

import {
  type Actor,
  canEditContent,
  canPublishRole,
  changeSummaryProblem,
  decidePublish,
  decideWorkflowAction,
  type Decision,
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
  'admin+editor+reviewer': { id: 5, roles: ['admin', 'editor', 'reviewer'] },
  editor: { id: 2, roles: ['editor'] },
  'editor+reviewer': { id: 4, roles: ['editor', 'reviewer'] },
  'no roles': { id: 6, roles: [] },
  'null actor': null,
  reviewer: { id: 3, roles: ['reviewer'] },
} satisfies Record<string, Actor>
type ActorName = keyof typeof ACTORS

/** The editor, who contributed to the draft, submits it in `state`. */
const contributorSubmits = (state: ReviewState) =>
  decideWorkflowAction({
    action: 'submit',
    actor: ACTORS.editor,
    contributors: [ACTORS.editor.id],
    fourEyes: true,
    state,
  })

type Outcome = 400 | 403 | 409 | ReviewState
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome]

const WORKFLOW_TABLE: Record<WorkflowAction, Record<ActorName, Row>> = {
  //                          draft        in-review            changes-requested  approved             published
  approve: {
    admin: [409, 'approved', 409, 409, 409],
    'admin+editor+reviewer': [409, 'approved', 409, 409, 409],
    editor: [403, 403, 403, 403, 403],
    'editor+reviewer': [409, 'approved', 409, 409, 409],
    'no roles': [403, 403, 403, 403, 403],
    'null actor': [403, 403, 403, 403, 403],
    reviewer: [409, 'approved', 409, 409, 409],
  },
  'request-changes': {
    admin: [409, 'changes-requested', 409, 'changes-requested', 409],
    'admin+editor+reviewer': [409, 'changes-requested', 409, 'changes-requested', 409],
    editor: [403, 403, 403, 403, 403],
    'editor+reviewer': [409, 'changes-requested', 409, 'changes-requested', 409],
    'no roles': [403, 403, 403, 403, 403],
    'null actor': [403, 403, 403, 403, 403],
    reviewer: [409, 'changes-requested', 409, 'changes-requested', 409],
  },
  submit: {
    admin: ['in-review', 409, 'in-review', 409, 409],
    'admin+editor+reviewer': ['in-review', 409, 'in-review', 409, 409],
    editor: ['in-review', 409, 'in-review', 409, 409],
    'editor+reviewer': ['in-review', 409, 'in-review', 409, 409],
    'no roles': [403, 403, 403, 403, 403],
    'null actor': [403, 403, 403, 403, 403],
    reviewer: [403, 403, 403, 403, 403],
  },
  // Not live (never published, or withdrawn already): nothing to withdraw. Live: see below.
  withdraw: {
    admin: [409, 409, 409, 409, 409],
    'admin+editor+reviewer': [409, 409, 409, 409, 409],
    editor: [403, 403, 403, 403, 403],
    'editor+reviewer': [409, 409, 409, 409, 409],
    'no roles': [403, 403, 403, 403, 403],
    'null actor': [403, 403, 403, 403, 403],
    reviewer: [409, 409, 409, 409, 409],
  },
}

/** decidePublish with system: false. */
const PUBLISH_TABLE: Record<ActorName, Row> = {
  //                       draft  in-review  changes-requested  approved     published
  admin: [409, 409, 409, 'published', 409],
  'admin+editor+reviewer': [409, 409, 409, 'published', 409],
  editor: [403, 403, 403, 403, 403],
  'editor+reviewer': [409, 409, 409, 'published', 409],
  'no roles': [403, 403, 403, 403, 403],
  'null actor': [403, 403, 403, 403, 403],
  reviewer: [409, 409, 409, 'published', 409],
}

/** decidePublish with system: true: the role is not checked, the state still is. */
const SYSTEM_PUBLISH_ROW: Row = [409, 409, 409, 'published', 409]

const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[]

function cases(row: (name: ActorName) => Row) {
  return ACTOR_NAMES.flatMap((name) =>
    REVIEW_STATES.map((state, i) => ({ name, actor: ACTORS[name], expected: row(name)[i], state })),
  )
}

function expectOutcome(decision: Decision, expected: Outcome) {
  if (typeof expected === 'string') {
    expect(decision).toEqual({ next: expected, ok: true })
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
    expect([...REVIEW_STATES]).toEqual([
      'draft',
      'in-review',
      'changes-requested',
      'approved',
      'published',
    ])
    expect([...WORKFLOW_ACTIONS]).toEqual(['submit', 'approve', 'request-changes', 'withdraw'])
    expect(Object.keys(WORKFLOW_TABLE).sort()).toEqual([...WORKFLOW_ACTIONS].sort())
  })

  test('every state has a human label', () => {
    expect(STATE_LABELS).toEqual({
      approved: 'Approved',
      'changes-requested': 'Changes requested',
      draft: 'Draft',
      'in-review': 'In review',
      published: 'Published',
    })
  })
})

describe('decideWorkflowAction: every action × actor × state', () => {
  for (const action of WORKFLOW_ACTIONS) {
    describe(action, () => {
      test.each(cases((name) => WORKFLOW_TABLE[action][name]))(
        `${action} by $name in $state → $expected`,
        ({ actor, expected, state }) => {
          // A comment is given and nobody contributed, so only role and state decide here.
          const decision = decideWorkflowAction({
            action,
            actor,
            comment: 'Please tighten clause 3.',
            contributors: [],
            fourEyes: true,
            state,
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
  const withdraw = (
    state: ReviewState,
    actor: Actor,
    comment: null | string = 'Replaced by the 2027 terms.',
    live = true,
  ) =>
    decideWorkflowAction({
      action: 'withdraw',
      actor,
      comment,
      contributors: [],
      fourEyes: true,
      live,
      state,
    })

  test.each(REVIEW_STATES)(
    'a reviewer or admin withdraws a live document in %s, with a reason',
    (state) => {
      const next = state === 'published' || state === 'approved' ? 'draft' : state
      expect(withdraw(state, ACTORS.reviewer)).toEqual({ next, ok: true })
      expect(withdraw(state, ACTORS.admin)).toEqual({ next, ok: true })
    },
  )

  test('an editor is refused with 403 that names who may', () => {
    expect(withdraw('published', ACTORS.editor)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/reviewers and admins/),
      status: 403,
    })
  })

  test('no reason is a 400; not live is a 409', () => {
    expect(withdraw('published', ACTORS.reviewer, '   ')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/reason is required/),
      status: 400,
    })
    expect(withdraw('published', ACTORS.reviewer, null)).toMatchObject({ ok: false, status: 400 })
    expect(withdraw('draft', ACTORS.reviewer, 'x', false)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/nothing to withdraw/),
      status: 409,
    })
  })

  test('offered to reviewers and admins on a live document only', () => {
    const base = { contributors: [], fourEyes: true }
    expect(
      workflowOptions({ ...base, actor: ACTORS.reviewer, live: true, state: 'published' }).actions,
    ).toEqual(['withdraw'])
    expect(
      workflowOptions({ ...base, actor: ACTORS.editor, live: true, state: 'published' }).actions,
    ).toEqual([])
    expect(
      workflowOptions({ ...base, actor: ACTORS.reviewer, live: false, state: 'published' }).actions,
    ).toEqual([])
  })
})

describe('decideWorkflowAction: refusal reasons', () => {
  test('a null actor is told to sign in, whatever the action', () => {
    expect(WORKFLOW_ACTIONS.length).toBeGreaterThan(0)
    for (const action of WORKFLOW_ACTIONS) {
      const d = decideWorkflowAction({
        action,
        actor: null,
        comment: 'x',
        contributors: [],
        fourEyes: true,
        state: 'in-review',
      })
      expect(d).toEqual({
        ok: false,
        reason: 'You must be signed in.',
        refusal: { code: 'signed-out' },
        status: 403,
      })
    }
  })

  test('a role refusal names who may do it', () => {
    const base = { comment: 'x', contributors: [], fourEyes: true, state: 'in-review' as const }
    expect(
      decideWorkflowAction({ ...base, action: 'submit', actor: ACTORS.reviewer }),
    ).toMatchObject({
      reason: expect.stringMatching(/editors/),
      status: 403,
    })
    expect(
      decideWorkflowAction({ ...base, action: 'approve', actor: ACTORS.editor }),
    ).toMatchObject({
      reason: expect.stringMatching(/reviewers/),
      status: 403,
    })
    expect(
      decideWorkflowAction({ ...base, action: 'request-changes', actor: ACTORS.editor }),
    ).toMatchObject({
      reason: expect.stringMatching(/reviewers/),
      status: 403,
    })
  })

  test('submitting twice and submitting an approved document get distinct messages', () => {
    const base = {
      action: 'submit' as const,
      actor: ACTORS.editor,
      contributors: [],
      fourEyes: true,
    }
    expect(decideWorkflowAction({ ...base, state: 'in-review' })).toMatchObject({
      reason: expect.stringMatching(/already waiting/),
      status: 409,
    })
    expect(decideWorkflowAction({ ...base, state: 'approved' })).toMatchObject({
      reason: expect.stringMatching(/already approved/),
      status: 409,
    })
  })

  test.each([
    ...REVIEW_STATES.filter((s) => s !== 'in-review').map((state) => ['approve', state] as const),
    ...(['draft', 'changes-requested', 'published'] as const).map(
      (state) => ['request-changes', state] as const,
    ),
  ])('%s in %s names the current state', (action, state) => {
    const d = decideWorkflowAction({
      action,
      actor: ACTORS.reviewer,
      ...(action === 'request-changes' ? { comment: 'x' } : {}),
      contributors: [],
      fourEyes: true,
      state,
    })
    expect(d).toMatchObject({ ok: false, status: 409 })
    if (!d.ok) {
      expect(d.reason).toContain(`"${STATE_LABELS[state]}"`)
    }
  })

  test('an unknown action is a 400 for a signed-in actor', () => {
    const d = decideWorkflowAction({
      action: 'publish' as unknown as WorkflowAction,
      actor: ACTORS.admin,
      contributors: [],
      fourEyes: true,
      state: 'approved',
    })
    expect(d).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"publish"'),
      status: 400,
    })
  })

  test('an unknown action from a null actor is refused as unsigned first (403)', () => {
    const d = decideWorkflowAction({
      action: 'delete' as unknown as WorkflowAction,
      actor: null,
      contributors: [],
      fourEyes: true,
      state: 'approved',
    })
    expect(d).toMatchObject({ ok: false, status: 403 })
  })
})

describe('decideWorkflowAction: four-eyes rule', () => {
  const approve = (actor: Actor, contributors: (number | string)[], fourEyes = true) =>
    decideWorkflowAction({ action: 'approve', actor, contributors, fourEyes, state: 'in-review' })

  test.each([
    ['number actor id, number contributor', { id: 3, roles: ['reviewer'] }, [3]],
    ['number actor id, string contributor', { id: 3, roles: ['reviewer'] }, ['3']],
    ['string actor id, number contributor', { id: '3', roles: ['reviewer'] }, [3]],
    ['string actor id, string contributor', { id: '3', roles: ['reviewer'] }, ['3']],
    ['uuid ids', { id: 'a1b2-c3', roles: ['reviewer'] }, ['x-9', 'a1b2-c3']],
    ['actor among several contributors', { id: 3, roles: ['reviewer'] }, [1, '2', 3, 4]],
    ['admin who contributed', { id: 1, roles: ['admin'] }, ['1']],
    ['editor+reviewer who contributed', { id: 4, roles: ['editor', 'reviewer'] }, [4]],
  ] satisfies [string, Actor, (number | string)[]][])(
    '%s: refused (403) when fourEyes is on',
    (_, actor, contributors) => {
      const d = approve(actor, contributors)
      expect(d).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/four-eyes/),
        status: 403,
      })
    },
  )

  test.each([
    ['no contributors', []],
    ['only other people contributed', [1, '2', 4]],
    ['a different id that merely contains the actor id', [33, '13', '3a']],
  ] satisfies [string, (number | string)[]][])('%s: allowed', (_, contributors) => {
    expect(approve(ACTORS.reviewer, contributors)).toEqual({ next: 'approved', ok: true })
  })

  test.each([[[3]], [['3']]])(
    'fourEyes false lets a contributor approve their own change (contributors %j)',
    (contributors) => {
      expect(approve(ACTORS.reviewer, contributors, false)).toEqual({ next: 'approved', ok: true })
      expect(approve(ACTORS.admin, [1], false)).toEqual({ next: 'approved', ok: true })
    },
  )

  test('four-eyes does not turn a role refusal into an approval: an editor contributor is still 403 for the role', () => {
    const d = approve(ACTORS.editor, [2], false)
    expect(d).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Only reviewers/),
      status: 403,
    })
  })

  test('the state is checked before four-eyes (a contributor approving a draft gets 409)', () => {
    const d = decideWorkflowAction({
      action: 'approve',
      actor: ACTORS.reviewer,
      contributors: [3],
      fourEyes: true,
      state: 'draft',
    })
    expect(d).toMatchObject({ ok: false, status: 409 })
  })

  test('four-eyes applies only to approve: a contributor may still submit and request changes', () => {
    expect(contributorSubmits('draft')).toEqual({ next: 'in-review', ok: true })
    expect(
      decideWorkflowAction({
        action: 'request-changes',
        actor: ACTORS.reviewer,
        comment: 'I changed it myself; another pass please.',
        contributors: [3],
        fourEyes: true,
        state: 'in-review',
      }),
    ).toEqual({ next: 'changes-requested', ok: true })
  })

  test('the contributors list is not modified', () => {
    const contributors = [1, '3']
    approve(ACTORS.reviewer, contributors)
    expect(contributors).toEqual([1, '3'])
  })
})

describe('decideWorkflowAction: request-changes needs a comment', () => {
  const requestChanges = (
    comment: null | string | undefined,
    state: ReviewState = 'in-review',
    actor: Actor = ACTORS.reviewer,
  ) =>
    decideWorkflowAction({
      action: 'request-changes',
      actor,
      comment,
      contributors: [],
      fourEyes: true,
      state,
    })

  test.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['spaces', '   '],
    ['tabs and newlines', '\t\n \r\n'],
  ])('%s comment is refused with 400', (_, comment) => {
    expect(requestChanges(comment)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/comment is required/),
      status: 400,
    })
    expect(requestChanges(comment, 'approved')).toMatchObject({ ok: false, status: 400 })
  })

  test.each(['x', 'Please rewrite section 2.', '  padded comment  '])(
    'comment %j is enough',
    (comment) => {
      expect(requestChanges(comment)).toEqual({ next: 'changes-requested', ok: true })
      expect(requestChanges(comment, 'approved')).toEqual({ next: 'changes-requested', ok: true })
    },
  )

  test('role and state are checked before the comment', () => {
    expect(requestChanges('   ', 'in-review', ACTORS.editor)).toMatchObject({ status: 403 })
    expect(requestChanges('   ', 'draft')).toMatchObject({ status: 409 })
    expect(requestChanges(undefined, 'in-review', null)).toMatchObject({ status: 403 })
  })

  test('submit and approve need no comment', () => {
    expect(
      decideWorkflowAction({
        action: 'submit',
        actor: ACTORS.editor,
        comment: '  ',
        contributors: [],
        fourEyes: true,
        state: 'draft',
      }),
    ).toEqual({ next: 'in-review', ok: true })
    expect(
      decideWorkflowAction({
        action: 'approve',
        actor: ACTORS.reviewer,
        contributors: [],
        fourEyes: true,
        state: 'in-review',
      }),
    ).toEqual({
      next: 'approved',
      ok: true,
    })
  })
})

describe('decidePublish', () => {
  test.each(cases((name) => PUBLISH_TABLE[name]))(
    'publish by $name in $state → $expected',
    ({ actor, expected, state }) => {
      expectOutcome(decidePublish({ actor, state, system: false }), expected)
    },
  )

  test.each(cases(() => SYSTEM_PUBLISH_ROW))(
    'system publish (actor: $name) in $state → $expected',
    ({ actor, expected, state }) => {
      expectOutcome(decidePublish({ actor, state, system: true }), expected)
    },
  )

  test('the role is checked before the state (an editor publishing a draft is told about the role)', () => {
    expect(decidePublish({ actor: ACTORS.editor, state: 'draft', system: false })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Only reviewers and admins/),
      status: 403,
    })
  })

  test.each(REVIEW_STATES.filter((s) => s !== 'approved'))(
    'publishing from %s names the current state',
    (state) => {
      const d = decidePublish({ actor: ACTORS.admin, state, system: false })
      expect(d).toMatchObject({ ok: false, status: 409 })
      if (!d.ok) {
        expect(d.reason).toContain(`"${STATE_LABELS[state]}"`)
      }
    },
  )
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
      const submit = decideWorkflowAction({
        action: 'submit',
        actor,
        contributors: [],
        fourEyes: true,
        state: 'draft',
      })
      const approve = decideWorkflowAction({
        action: 'approve',
        actor,
        contributors: [],
        fourEyes: true,
        state: 'in-review',
      })
      const publish = decidePublish({ actor, state: 'approved', system: false })
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
  ] satisfies [ReviewState, ReviewState][])(
    'a change in %s leaves the document in %s',
    (state, next) => {
      expect(stateAfterContentChange(state)).toBe(next)
    },
  )

  test('after a change nothing is approved any more, so publishing is refused until re-approval', () => {
    expect(REVIEW_STATES.length).toBeGreaterThan(0)
    for (const state of REVIEW_STATES) {
      const after = stateAfterContentChange(state)
      expect(decidePublish({ actor: ACTORS.admin, state: after, system: false })).toMatchObject({
        ok: false,
        status: 409,
      })
      expect(decidePublish({ actor: null, state: after, system: true })).toMatchObject({
        ok: false,
        status: 409,
      })
    }
  })

  test('an editor can always resubmit after a change', () => {
    expect(REVIEW_STATES.length).toBeGreaterThan(0)
    for (const state of REVIEW_STATES) {
      expect(contributorSubmits(stateAfterContentChange(state))).toEqual({
        next: 'in-review',
        ok: true,
      })
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
  ] satisfies [number, null | string | undefined, boolean][])(
    'version %d with summary %j → refused: %s',
    (nextVersion, summary, refused) => {
      expect(changeSummaryProblem(nextVersion, summary)).toBe(refused ? PROBLEM : null)
    },
  )
})

describe('workflowOptions: what the workflow bar offers', () => {
  const editor = { id: 1, roles: ['editor' as const] }
  const reviewer = { id: 2, roles: ['reviewer' as const] }
  const admin = { id: 3, roles: ['admin' as const] }
  const offer = (
    state: ReviewState,
    actor: typeof admin | typeof editor | typeof reviewer,
    contributors: (number | string)[] = [1],
  ) => workflowOptions({ actor, contributors, fourEyes: true, state })

  test('an editor can submit a draft and never publish', () => {
    expect(offer('draft', editor)).toEqual({
      actions: ['submit'],
      canPublish: false,
      publishBlockedReason: 'Only reviewers and admins can publish.',
      publishRefusal: { code: 'publish-role' },
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
      publishRefusal: { code: 'publish-state', state: 'in-review' },
      submitProblems: [],
    })
    expect(offer('approved', reviewer)).toEqual({
      actions: ['request-changes'],
      canPublish: true,
      publishBlockedReason: null,
      publishRefusal: null,
      submitProblems: [],
    })
    expect(offer('draft', reviewer).actions).toEqual([])
  })

  test('four-eyes: no approve for someone who changed the draft, admins included', () => {
    expect(offer('in-review', admin, [3]).actions).toEqual(['request-changes'])
    expect(offer('in-review', admin, [1]).actions).toEqual(['approve', 'request-changes'])
    expect(offer('draft', admin, [3]).actions).toEqual(['submit'])
  })

  test('nobody signed in is offered nothing', () => {
    expect(
      workflowOptions({ actor: null, contributors: [], fourEyes: true, state: 'in-review' }),
    ).toMatchObject({ actions: [], canPublish: false })
  })
  test('an incomplete draft: Submit is not offered, and the reasons are listed for whoever could submit it', () => {
    const submitProblems = [
      { code: 'no-title' as const, message: 'The document has no title.' },
      { code: 'no-sections' as const, message: 'The document has no sections.' },
    ]
    const options = (state: ReviewState, actor: typeof admin | typeof editor | typeof reviewer) =>
      workflowOptions({ actor, contributors: [], fourEyes: true, state, submitProblems })
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
      {
        code: 'empty-section' as const,
        heading: 'Scope',
        message: 'Section 2 “Scope” has no text.',
        position: 2,
      },
    ]
    const decide = (state: ReviewState, actor: Actor) =>
      decideWorkflowAction({
        action: 'submit',
        actor,
        contributors: [],
        fourEyes: true,
        state,
        submitProblems,
      })
    expect(decide('draft', editor)).toEqual({
      ok: false,
      problems: submitProblems,
      reason:
        'This document cannot be submitted for review yet. The document has no web address. Section 2 “Scope” has no text.',
      refusal: { code: 'submit-problems', problems: submitProblems },
      status: 422,
    })
    expect(decide('draft', reviewer)).toMatchObject({ status: 403 })
    expect(decide('in-review', editor)).toMatchObject({ status: 409 })
    expect(
      decideWorkflowAction({
        action: 'submit',
        actor: editor,
        contributors: [],
        fourEyes: true,
        state: 'draft',
        submitProblems: [],
      }),
    ).toEqual({
      next: 'in-review',
      ok: true,
    })
  })
})

/**
 * "What the reviewer last saw", as pure rules. When a reviewer requests changes, the workflow
 * records the content they reviewed with that step (`reviewedContent`: the submitted draft,
 * frozen as the archive would keep it; an editor's change pulls a draft out of review, so it is
 * exactly what was in front of them). While that request is open, the editor and the reviewer
 * see it in the workflow bar, and the re-review can compare the draft with that content instead
 * of only with the published version.
 */

/** A step of the review history as the review endpoints read it (depth 0). */
export type ReviewStep = {
  action: string
  at: string
  by?: unknown
  comment?: null | string
  reviewedContent?: unknown
}

/**
 * The steps that settle a change request: a newer request replaces it, an approval or a publish
 * means it was dealt with. A submit does not (it is the editor's answer, still to be reviewed),
 * nor does a withdrawal (the draft keeps its state and its open request).
 */
export const SETTLING_STEPS = ['changes-requested', 'approved', 'published'] as const
const SETTLES = new Set<string>(SETTLING_STEPS)

/**
 * The change request that is still open, or null: the newest of the settling steps, when it is
 * "changes-requested". Steps may come in any order; ties on `at` keep the later one in the list.
 */
export function openChangeRequest<S extends ReviewStep>(steps: readonly S[]): null | S {
  let newest: null | S = null
  for (const step of steps) {
    if (!SETTLES.has(step.action)) {
      continue
    }
    if (!newest || Date.parse(step.at) >= Date.parse(newest.at)) {
      newest = step
    }
  }
  return newest?.action === 'changes-requested' ? newest : null
}

/** The states in which an open change request is shown: being worked on, and being re-reviewed. */
export function showsChangeRequest(state: string): boolean {
  return state === 'changes-requested' || state === 'in-review'
}

/** What the preview compares the draft with. */
export const COMPARISONS = ['published', 'last-request'] as const
export type Comparison = (typeof COMPARISONS)[number]

/** The `against` query parameter: absent means the published version; anything else unknown is refused. */
export function comparisonOf(value: unknown): Comparison | null {
  if (value === undefined || value === null || value === '') {
    return 'published'
  }
  return COMPARISONS.find((c) => c === value) ?? null
}

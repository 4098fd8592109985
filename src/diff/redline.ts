import { diffWords } from 'diff'

import type { FrozenLocale, FrozenSection } from '../publish/freezeContent.js'

import { escapeHTML } from '../render/index.js'

export type SectionChange = {
  anchor: string
  fromPosition: null | number
  heading: string
  /** The section's heading and text with `<ins>`/`<del>` marking word-level changes. */
  html: string
  status: 'added' | 'changed' | 'moved' | 'moved-and-changed' | 'removed' | 'unchanged'
  toPosition: null | number
}

export type Redline = {
  html: string
  sections: SectionChange[]
  summary: { added: number; changed: number; moved: number; removed: number; unchanged: number }
}

const sectionText = (s: FrozenSection) => s.text ?? ''

/** Word-level redline of two texts, escaped: the output carries no markup but ins/del/br/p. */
export function redlineText(before: string, after: string): string {
  return diffWords(before, after)
    .map((part) => {
      const text = escapeHTML(part.value).replace(/\n/g, '<br>')
      if (part.added) {
        return `<ins>${text}</ins>`
      }
      if (part.removed) {
        return `<del>${text}</del>`
      }
      return text
    })
    .join('')
}

/**
 * The keys of a longest common subsequence of two key lists: the largest set of shared sections
 * that kept their relative order. Every other shared section is reported as moved.
 */
function keptInOrder(a: string[], b: string[]): Set<string> {
  const len = a.map(() => new Array<number>(b.length + 1).fill(0))
  len.push(new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1])
    }
  }
  const kept = new Set<string>()
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i])
      i++
      j++
    } else if (len[i + 1][j] >= len[i][j + 1]) {
      i++
    } else {
      j++
    }
  }
  return kept
}

/**
 * Compares two frozen versions section by section. Sections are matched by the id of their
 * section record (stable across edits of heading and anchor); a section counts as moved when
 * it is not among the largest set of shared sections that kept their relative order.
 */
export function redline(from: FrozenLocale, to: FrozenLocale): Redline {
  const key = (s: FrozenSection) => String(s.id ?? s.anchor)
  const fromByKey = new Map(from.sections.map((s, i) => [key(s), { i, s }]))
  const toKeys = new Set(to.sections.map(key))
  const sharedFrom = from.sections.map(key).filter((k) => toKeys.has(k))
  const sharedTo = to.sections.map(key).filter((k) => fromByKey.has(k))

  const inPlace = keptInOrder(sharedFrom, sharedTo)

  const changes: SectionChange[] = []
  to.sections.forEach((s, i) => {
    const before = fromByKey.get(key(s))
    if (!before) {
      changes.push({
        anchor: s.anchor,
        fromPosition: null,
        heading: s.heading,
        html: `<ins><h2>${escapeHTML(s.heading)}</h2>${escapeHTML(sectionText(s)).replace(/\n/g, '<br>')}</ins>`,
        status: 'added',
        toPosition: i + 1,
      })
      return
    }
    const moved = !inPlace.has(key(s))
    const changed = before.s.heading !== s.heading || sectionText(before.s) !== sectionText(s)
    changes.push({
      anchor: s.anchor,
      fromPosition: before.i + 1,
      heading: s.heading,
      html: `<h2>${redlineText(before.s.heading, s.heading)}</h2>${redlineText(sectionText(before.s), sectionText(s))}`,
      status:
        moved && changed
          ? 'moved-and-changed'
          : moved
            ? 'moved'
            : changed
              ? 'changed'
              : 'unchanged',
      toPosition: i + 1,
    })
  })
  from.sections.forEach((s, i) => {
    if (toKeys.has(key(s))) {
      return
    }
    changes.push({
      anchor: s.anchor,
      fromPosition: i + 1,
      heading: s.heading,
      html: `<del><h2>${escapeHTML(s.heading)}</h2>${escapeHTML(sectionText(s)).replace(/\n/g, '<br>')}</del>`,
      status: 'removed',
      toPosition: null,
    })
  })

  const count = (...st: SectionChange['status'][]) =>
    changes.filter((c) => st.includes(c.status)).length
  return {
    html: changes
      .map(
        (c) =>
          `<section class="redline-${c.status}" id="${escapeHTML(c.anchor)}">${c.html}</section>`,
      )
      .join(''),
    sections: changes,
    summary: {
      added: count('added'),
      changed: count('changed', 'moved-and-changed'),
      moved: count('moved', 'moved-and-changed'),
      removed: count('removed'),
      unchanged: count('unchanged'),
    },
  }
}

/**
 * A redline as a reviewer reads it: the sections that differ first (in the order the redline
 * gives them: the new draft's order, removed sections last), then the unchanged ones, which the
 * admin folds away. Nothing is dropped; only the order changes.
 */
export function forReview(sections: readonly SectionChange[]): {
  changed: SectionChange[]
  unchanged: SectionChange[]
} {
  return {
    changed: sections.filter((s) => s.status !== 'unchanged'),
    unchanged: sections.filter((s) => s.status === 'unchanged'),
  }
}

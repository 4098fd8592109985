import type { LexicalNode, LexicalStateInput } from '../render/types.js'

/**
 * What a draft needs before it can go to a reviewer, as a pure rule: no database, no Payload.
 * The workflow operation refuses a submit with these problems (every route), and the status the
 * admin's workflow bar reads lists them, so Submit is disabled and says why before anyone clicks.
 *
 * Languages: what is checked is what readers would get in each language, resolved the way a
 * publish freezes it (src/publish/freezeContent.ts: the language's value, or the default
 * language's when there is none). So the default language must be complete; another language
 * that has no translation falls back to it and is fine, but a translation that exists and is
 * empty (a title cleared to "", a body with only blank paragraphs) would be published empty,
 * and is reported with its language.
 */
import { normalizeState } from '../render/nodes.js'

/** A field as read with `locale: 'all'` (one value per language), or as read without localization. */
export type Localized<T> = null | Record<string, null | T | undefined> | T | undefined

export type SubmissionDraft = {
  /** The listed sections, in order; `null` for one that is listed but cannot be found. */
  sections: ({ body: Localized<LexicalStateInput>; heading: Localized<string> } | null)[]
  slug: null | string | undefined
  title: Localized<string>
}

export type SubmissionLocales = { defaultLocale: string; locales: string[] }

/** Why a draft cannot be submitted. `locale` is set only for a problem in a language other than the default. */
export type SubmissionProblem =
  | { code: 'empty-section'; heading: string; locale?: string; message: string; position: number }
  | { code: 'no-category'; message: string }
  | { code: 'no-cookie-name'; message: string }
  | { code: 'no-sections'; message: string }
  | { code: 'no-slug'; message: string }
  | { code: 'no-title'; locale?: string; message: string }

/** The value of one language, as a publish resolves it (a Lexical state is one value, not a map). */
function valueIn<T>(value: Localized<T>, locale: string, fallback: string): null | T {
  if (value && typeof value === 'object' && !Array.isArray(value) && !('root' in value)) {
    const map = value as Record<string, null | T | undefined>
    return map[locale] ?? map[fallback] ?? null
  }
  return (value ?? null) as null | T
}

function hasText(node: LexicalNode): boolean {
  if (node.type === 'text' && typeof node.text === 'string' && node.text.trim() !== '') {
    return true
  }
  return node.children.some(hasText)
}

/** True when a rich-text body has no visible text: missing, no blocks, or only whitespace. */
export function isEmptyBody(body: LexicalStateInput): boolean {
  const root = normalizeState(body)
  return !root || !hasText(root)
}

const blank = (text: unknown) => typeof text !== 'string' || text.trim() === ''

const inLanguage = (locale: string | undefined) => (locale ? ` (language "${locale}")` : '')

/** The section's name for people: "Section 2 “Scope”", or "Section 2" without a heading. */
function sectionName(position: number, heading: string): string {
  return heading ? `Section ${position} “${heading}”` : `Section ${position}`
}

/**
 * Every reason the draft cannot be submitted for review, in reading order; empty when it can.
 * The default language first, then the others in the configured order; one problem per thing
 * to fix in each language.
 */
export function submissionProblems(
  draft: SubmissionDraft,
  { defaultLocale, locales }: SubmissionLocales,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = []
  const order = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)]
  const languageOf = (locale: string) => (locale === defaultLocale ? undefined : locale)

  for (const locale of order) {
    // Another language with the default's problem says nothing new: fixing the default fixes it.
    const title = valueIn(draft.title, locale, defaultLocale)
    if (
      blank(title) &&
      (locale === defaultLocale || !blank(valueIn(draft.title, defaultLocale, defaultLocale)))
    ) {
      const lang = languageOf(locale)
      problems.push({
        code: 'no-title',
        ...(lang ? { locale: lang } : {}),
        message: `The document has no title${inLanguage(lang)}.`,
      })
    }
  }
  if (blank(draft.slug)) {
    problems.push({ code: 'no-slug', message: 'The document has no web address.' })
  }
  if (draft.sections.length === 0) {
    problems.push({ code: 'no-sections', message: 'The document has no sections.' })
  }

  draft.sections.forEach((section, index) => {
    const position = index + 1
    const heading =
      (section && valueIn(section.heading, defaultLocale, defaultLocale)?.trim()) || ''
    for (const locale of order) {
      const empty = !section || isEmptyBody(valueIn(section.body, locale, defaultLocale))
      if (!empty) {
        continue
      }
      if (
        locale !== defaultLocale &&
        (!section || isEmptyBody(valueIn(section.body, defaultLocale, defaultLocale)))
      ) {
        continue
      }
      const lang = languageOf(locale)
      problems.push({
        code: 'empty-section',
        ...(lang ? { locale: lang } : {}),
        heading,
        message: `${sectionName(position, heading)} has no text${inLanguage(lang)}.`,
        position,
      })
    }
  })
  return problems
}

/**
 * What a cookie entry needs before review: a name, and a category (an unclassified cookie could
 * not be published, so it is not worth a reviewer's time).
 */
export function cookieSubmissionProblems(draft: {
  category?: unknown
  name?: unknown
}): SubmissionProblem[] {
  const problems: SubmissionProblem[] = []
  if (blank(draft.name)) {
    problems.push({ code: 'no-cookie-name', message: 'The cookie entry has no name.' })
  }
  if (blank(draft.category)) {
    problems.push({ code: 'no-category', message: 'The cookie entry has no category.' })
  }
  return problems
}

/** The refusal's message: every reason, so a caller without the admin can fix them all at once. */
export function submissionRefusal(problems: SubmissionProblem[]): string {
  return `This document cannot be submitted for review yet. ${problems.map((p) => p.message).join(' ')}`
}

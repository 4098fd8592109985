/**
 * The workflow's refusals in words. A rule (src/workflow/rules.ts) says which refusal it is, as a
 * key of the plugin's translations and the values that fill it; the route that answers says it
 * in the asker's language (Payload's `req.i18n`: the admin's language cookie, else the request's
 * Accept-Language), and sends the key as `code` for programs. English is the rules' own `reason`.
 */
import type { PayloadRequest } from 'payload'

import type { LegalT } from '../translations/index.js'
import type { ReviewState } from './rules.js'
import type { SubmissionProblem } from './submission.js'

import { en } from '../translations/en.js'
import { legalT } from '../translations/index.js'
import { REFUSAL_KEYS, STATE_KEYS } from '../translations/keys.js'
import { localeName, problemText } from './submissionText.js'

export type RefusalCode = keyof typeof REFUSAL_KEYS

export type Refusal = {
  action?: string
  code: RefusalCode
  /** The notice rule: the first allowed effective day (YYYY-MM-DD) and the notice period. */
  date?: string
  days?: number
  /** A refused submit: what the draft lacks. */
  problems?: SubmissionProblem[]
  /** The state that does not allow the step. */
  state?: ReviewState
}

/** The plugin's English, as `t` would give it: Payload's `{{name}}` placeholders filled. */
export const englishT: LegalT = (key, vars = {}) =>
  en['legal-documents'][
    key.slice('legal-documents:'.length) as keyof (typeof en)['legal-documents']
  ].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = vars[name]
    return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  })

/** The refusal in the language of `t`. */
export function refusalText(
  refusal: Refusal,
  t: LegalT,
  languageName: (code: string) => string = (code) => code,
): string {
  return t(REFUSAL_KEYS[refusal.code], {
    action: refusal.action,
    date: refusal.date,
    days: refusal.days,
    problems: refusal.problems?.map((p) => problemText(p, t, languageName)).join(' '),
    state: refusal.state ? t(STATE_KEYS[refusal.state]) : undefined,
  })
}

/**
 * What the asker is told: the rules' English `reason` (the API's words since the start), or the
 * same refusal in the language of the request (`req.i18n`) when that is another.
 */
export function refusalFor(
  decision: { reason: string; refusal: Refusal },
  req: Pick<PayloadRequest, 'i18n' | 'payload'>,
): string {
  const { i18n } = req
  if (i18n.language === 'en') {
    return decision.reason
  }
  return refusalText(decision.refusal, legalT(i18n), (code) =>
    localeName(req.payload.config.localization, code, i18n.language),
  )
}

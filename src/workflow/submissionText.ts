/**
 * What a draft lacks (src/workflow/submission.ts), as something to do, in a language of the
 * admin: shared by the workflow bar (a disabled Submit says why) and the server's refusal of a
 * submit, so both use the same words.
 */
import type { LegalT } from '../translations/index.js'
import type { SubmissionProblem } from './submission.js'

type LocaleLabel = Record<string, string> | string | undefined

/** Payload's `localization` as both the server's and the admin's config carry it. */
export type LocaleLabels = { locales: { code: string; label?: LocaleLabel }[] } | false | undefined

/** A locale's name in `language`, from the config's labels (the code when it has none). */
export function localeName(localization: LocaleLabels, code: string, language: string): string {
  const label = localization ? localization.locales.find((l) => l.code === code)?.label : undefined
  if (typeof label === 'string') {
    return label
  }
  if (label && typeof label === 'object') {
    return label[language] ?? Object.values(label)[0] ?? code
  }
  return code
}

export function problemText(
  problem: SubmissionProblem,
  t: LegalT,
  languageName: (code: string) => string,
): string {
  const text =
    problem.code === 'no-title'
      ? t('legal-documents:submit-problem-no-title')
      : problem.code === 'no-slug'
        ? t('legal-documents:submit-problem-no-slug')
        : problem.code === 'no-sections'
          ? t('legal-documents:submit-problem-no-sections')
          : problem.code === 'no-cookie-name'
            ? t('legal-documents:submit-problem-no-cookie-name')
            : problem.code === 'no-category'
              ? t('legal-documents:submit-problem-no-category')
              : problem.code === 'empty-section'
                ? problem.heading
                  ? t('legal-documents:submit-problem-empty-section-named', {
                      heading: problem.heading,
                      position: problem.position,
                    })
                  : t('legal-documents:submit-problem-empty-section', {
                      position: problem.position,
                    })
                : (problem as { message: string }).message
  const locale = 'locale' in problem ? problem.locale : undefined
  return locale
    ? t('legal-documents:submit-problem-in-language', {
        language: languageName(locale),
        problem: text,
      })
    : text
}

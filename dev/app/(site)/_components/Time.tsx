import { formatDate, formatDateTime, isoDateTime, type SiteLocale } from '../../../site/format'

/**
 * A date in words in the page's language, with the exact instant in `datetime` for machines.
 * `withTime` where two dates of one day must be told apart (the archive).
 */
export function Time({
  locale,
  testId,
  value,
  withTime = false,
}: {
  locale: SiteLocale
  testId?: string
  value: null | string | undefined
  withTime?: boolean
}) {
  return (
    <time data-testid={testId} dateTime={isoDateTime(value)}>
      {(withTime ? formatDateTime : formatDate)(value, locale)}
    </time>
  )
}

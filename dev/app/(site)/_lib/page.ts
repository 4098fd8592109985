import type { ApiResult, SiteApiOptions } from '../../../site/api'

import { parseLocaleParam, type SearchParamValue, type SiteLocale } from '../../../site/format'
import { type Messages, messagesFor } from '../../../site/messages'
import { siteApiOptions } from './request'

/** What Next passes a public page: its route parameters and its query. */
export type SitePageProps<Params = Record<string, never>> = {
  params: Promise<Params>
  searchParams: Promise<Record<string, SearchParamValue>>
}

/**
 * What every public page starts with: its language (`?locale`), the texts in it, and what `load`
 * reads from the delivery API. `data` is null when there is nothing to show: the API cannot be
 * used (then the page says so), or it has no such document or version (`missing`: the document
 * pages answer 404).
 */
export async function loadSitePage<T>(
  query: Record<string, SearchParamValue>,
  load: (api: SiteApiOptions, locale: SiteLocale) => Promise<ApiResult<T>>,
): Promise<{ data: null | T; locale: SiteLocale; m: Messages; missing: boolean }> {
  const locale = parseLocaleParam(query.locale)
  const m = messagesFor(locale)
  const api = siteApiOptions()
  const result = api ? await load(api, locale) : null
  return {
    data: result?.ok ? result.data : null,
    locale,
    m,
    missing: !!result && !result.ok && result.reason !== 'unavailable',
  }
}

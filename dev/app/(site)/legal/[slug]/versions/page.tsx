import { notFound } from 'next/navigation'

import type { Messages } from '../../../../../site/messages'

import { diffSectionsForPage, loadVersionsPage, type VersionEntry } from '../../../../../site/api'
import {
  documentPath,
  effectiveFrom,
  parseVersionParam,
  siteHref,
  versionsPath,
} from '../../../../../site/format'
import { diffPartKey, loadVersionsTranslation } from '../../../../../site/translation'
import { ColumnHeads } from '../../../_components/ColumnHeads'
import { SiteFrame, Unavailable } from '../../../_components/SiteFrame'
import { Time } from '../../../_components/Time'
import { loadSitePage, type SitePageProps } from '../../../_lib/page'

// Every request renders: a publish shows at once (see README "Public pages").
export const dynamic = 'force-dynamic'

type Props = SitePageProps<{ slug: string }>

/**
 * /legal/<slug>/versions[?from=N&to=M][&locale=uk] — the public archive of a document and,
 * through a plain GET form (no script), the redline between any two of its versions. What is
 * shown in another language than the page's is said so and marked with its `lang`.
 */
export default async function LegalVersionsPage({ params, searchParams }: Props) {
  const { slug } = await params
  const query = await searchParams
  const { data, locale, m, missing } = await loadSitePage(query, async (api, locale) => {
    const page = await loadVersionsPage(api, {
      slug,
      from: parseVersionParam(query.from),
      locale,
      to: parseVersionParam(query.to),
    })
    if (!page.ok) {
      return page
    }
    const translation = await loadVersionsTranslation(api, { slug, data: page.data, locale })
    return { data: { ...page.data, translation }, ok: true }
  })
  if (missing) {
    notFound()
  }

  if (!data) {
    return (
      <SiteFrame
        current="documents"
        locale={locale}
        path={versionsPath(slug)}
        title={m.unavailableTitle}
      >
        <Unavailable locale={locale} />
      </SiteFrame>
    )
  }

  const { comparison, document: doc, selected, translation, versions } = data
  const fallbackLang = translation?.fallbackLocale
  const hasSummaries = versions.versions.some((v) => v.changeSummary)
  const diffTranslation = translation?.diff
  const untranslatedDiff = new Set(diffTranslation?.untranslatedSections ?? [])
  const title = m.versionsTitle(doc.title)
  const formQuery = selected ? { from: selected.from, to: selected.to } : {}
  return (
    <SiteFrame
      current="documents"
      locale={locale}
      path={versionsPath(slug)}
      query={'from' in comparison ? formQuery : {}}
      title={title}
    >
      <h1 data-testid="versions-title">{title}</h1>
      <p>
        <a href={siteHref(documentPath(slug), { locale })}>{m.backToDocument}</a>
      </p>

      <section aria-labelledby="archive-heading">
        <h2 id="archive-heading">{m.archiveHeading}</h2>
        {translation && hasSummaries ? (
          <p data-testid="summaries-language-note">{m.summariesUntranslatedNotice}</p>
        ) : null}
        <div className="table-scroll">
          <table className="versions-table stack-table" data-testid="versions-table">
            <caption>{m.archiveCaption}</caption>
            <ColumnHeads
              labels={[m.colVersion, m.colPublished, m.colEffective, m.colSummary, m.colMaterial]}
            />
            <tbody>
              {versions.versions.map((v) => (
                <tr data-testid="version-row" data-version={v.version} key={v.version}>
                  <th data-label={m.colVersion} scope="row">
                    <a
                      aria-current={v.version === versions.currentVersion ? 'true' : undefined}
                      href={siteHref(documentPath(slug), {
                        locale,
                        version: v.version === versions.currentVersion ? null : v.version,
                      })}
                    >
                      {`${m.version} ${v.version}`}
                    </a>
                  </th>
                  {/* With its time: two versions published on one day must be told apart. */}
                  <td data-label={m.colPublished} data-testid="version-published">
                    <Time locale={locale} value={v.publishedAt} withTime />
                  </td>
                  <td data-label={m.colEffective}>
                    <Time locale={locale} value={effectiveFrom(v)} />
                  </td>
                  <td data-label={m.colSummary} lang={v.changeSummary ? fallbackLang : undefined}>
                    {v.changeSummary || (v.version === 1 ? m.noSummary : '')}
                  </td>
                  <td data-label={m.colMaterial}>
                    {v.materialChange ? <strong>{m.yes}</strong> : m.no}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-heading" className="compare">
        <h2 id="compare-heading">{m.compareHeading}</h2>
        {comparison.state === 'only-one' ? (
          <p>{m.compareOnlyOne}</p>
        ) : (
          <form
            action={`${versionsPath(slug)}#changes`}
            className="compare-form"
            data-testid="compare-form"
            method="get"
          >
            {locale !== 'en' ? <input name="locale" type="hidden" value={locale} /> : null}
            {(['from', 'to'] as const).map((name) => (
              <VersionSelect
                key={name}
                label={name === 'from' ? m.compareFrom : m.compareTo}
                m={m}
                name={name}
                selected={selected?.[name]}
                versions={versions.versions}
              />
            ))}
            <p>
              <button type="submit">{m.compareSubmit}</button>
            </p>
          </form>
        )}
        {comparison.state === 'same' ? (
          <p className="notice" role="status">
            {m.compareSame}
          </p>
        ) : null}
        {comparison.state === 'invalid' ? (
          <p className="notice" role="status">
            {m.compareInvalid}
          </p>
        ) : null}
        {comparison.state === 'failed' ? (
          <p className="notice" role="status">
            {comparison.message}
          </p>
        ) : null}
      </section>

      {comparison.state === 'shown' ? (
        <section aria-labelledby="changes-heading" className="changes" id="changes">
          <h2 id="changes-heading">{m.diffHeading(comparison.from, comparison.to)}</h2>
          <p data-testid="diff-summary">{m.diffSummary(comparison.diff.summary)}</p>
          {diffTranslation && diffTranslation.state !== 'translated' ? (
            <div className="notice" data-testid="diff-untranslated-notice" role="note">
              <p>
                <strong>
                  {diffTranslation.state === 'none'
                    ? m.diffUntranslatedNotice
                    : m.diffPartlyTranslatedNotice}
                </strong>
              </p>
            </div>
          ) : null}
          <ul className="diff-legend">
            <li>
              {m.diffLegendAdded} <ins>{m.diffExampleAdded}</ins>
            </li>
            <li>
              {m.diffLegendRemoved} <del>{m.diffExampleRemoved}</del>
            </li>
          </ul>
          <div className="redline" data-testid="diff-output">
            {diffSectionsForPage(comparison.diff).map((s) => (
              <section
                className={`diff-section diff-${s.status}`}
                data-status={s.status}
                data-testid="diff-section"
                key={diffPartKey(s)}
              >
                <p className="diff-status">{m.diffStatus[s.status] ?? s.status}</p>
                <div
                  dangerouslySetInnerHTML={{ __html: s.html }}
                  lang={untranslatedDiff.has(diffPartKey(s)) ? fallbackLang : undefined}
                />
              </section>
            ))}
          </div>
        </section>
      ) : null}
    </SiteFrame>
  )
}

/** One end of the comparison: a labelled choice of the archived versions. */
function VersionSelect({
  name,
  label,
  m,
  selected,
  versions,
}: {
  label: string
  m: Messages
  name: 'from' | 'to'
  selected?: number
  versions: VersionEntry[]
}) {
  return (
    <p>
      <label htmlFor={`compare-${name}`}>{label}</label>
      <select
        defaultValue={selected !== undefined ? String(selected) : undefined}
        id={`compare-${name}`}
        name={name}
      >
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {`${m.version} ${v.version}`}
          </option>
        ))}
      </select>
    </p>
  )
}

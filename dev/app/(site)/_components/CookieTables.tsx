import type { CookieTable } from '../../../site/cookies'
import type { Messages } from '../../../site/messages'

import { ColumnHeads } from './ColumnHeads'

/** One table per cookie category, each under its own heading (h2 on the cookie page, h3 inside the cookie policy). */
export function CookieTables({
  level,
  m,
  tables,
}: {
  level: 2 | 3
  m: Messages
  tables: CookieTable[]
}) {
  const Heading = level === 2 ? 'h2' : 'h3'
  if (tables.length === 0) {
    return <p>{m.cookiesEmpty}</p>
  }
  return (
    <>
      {tables.map((table) => (
        <section
          aria-labelledby={`cookies-${table.key}`}
          className="cookie-category"
          key={table.key}
        >
          <Heading id={`cookies-${table.key}`}>{table.label}</Heading>
          <div className="table-scroll">
            <table
              aria-labelledby={`cookies-${table.key}`}
              className="cookie-table stack-table"
              data-category={table.key}
              data-testid="cookie-table"
            >
              <ColumnHeads
                labels={[
                  m.colName,
                  m.colProvider,
                  m.colPurpose,
                  m.colDuration,
                  m.colType,
                  m.colParty,
                ]}
              />
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={`${row.name}-${i}`}>
                    <th data-label={m.colName} scope="row">
                      <code className="cookie-name">{row.name}</code>
                    </th>
                    <td data-label={m.colProvider}>
                      {row.providerUrl ? (
                        <a
                          aria-label={m.privacyPolicyOf(row.provider || row.providerUrl)}
                          href={row.providerUrl}
                          rel="noopener noreferrer"
                        >
                          {row.provider || row.providerUrl}
                        </a>
                      ) : (
                        row.provider
                      )}
                    </td>
                    <td data-label={m.colPurpose}>{row.purpose}</td>
                    <td data-label={m.colDuration}>{row.duration}</td>
                    <td data-label={m.colType}>{row.type}</td>
                    <td data-label={m.colParty}>{row.party}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  )
}

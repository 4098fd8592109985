import type { CookieTable } from '../../../site/cookies'
import type { Messages } from '../../../site/messages'

/** One table per cookie category, each under its own heading (h2 on the cookie page, h3 inside the cookie policy). */
export function CookieTables({ tables, m, level }: { tables: CookieTable[]; m: Messages; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3'
  if (tables.length === 0) return <p>{m.cookiesEmpty}</p>
  return (
    <>
      {tables.map((table) => (
        <section key={table.key} className="cookie-category" aria-labelledby={`cookies-${table.key}`}>
          <Heading id={`cookies-${table.key}`}>{table.label}</Heading>
          <div className="table-scroll">
            <table className="cookie-table" data-testid="cookie-table" data-category={table.key} aria-labelledby={`cookies-${table.key}`}>
              <thead>
                <tr>
                  <th scope="col">{m.colName}</th>
                  <th scope="col">{m.colProvider}</th>
                  <th scope="col">{m.colPurpose}</th>
                  <th scope="col">{m.colDuration}</th>
                  <th scope="col">{m.colType}</th>
                  <th scope="col">{m.colParty}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={`${row.name}-${i}`}>
                    <th scope="row">
                      <code>{row.name}</code>
                    </th>
                    <td>
                      {row.providerUrl ? (
                        <a href={row.providerUrl} rel="noopener noreferrer" aria-label={m.privacyPolicyOf(row.provider || row.providerUrl)}>
                          {row.provider || row.providerUrl}
                        </a>
                      ) : (
                        row.provider
                      )}
                    </td>
                    <td>{row.purpose}</td>
                    <td>{row.duration}</td>
                    <td>{row.type}</td>
                    <td>{row.party}</td>
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

/**
 * The header row of a site table. Its labels are also each cell's `data-label`: on a narrow
 * screen a `stack-table` shows every row as a list, each value under its column's name.
 */
export function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  )
}

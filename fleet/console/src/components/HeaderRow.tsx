/** A table's column headings, from one of the texts module's `columns` objects, in its order. */
export function HeaderRow({ columns }: { columns: Record<string, string> }) {
  return (
    <thead>
      <tr>{Object.values(columns).map((column) => <th key={column} scope="col">{column}</th>)}</tr>
    </thead>
  );
}

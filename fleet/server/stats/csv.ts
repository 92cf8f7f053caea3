/**
 * RFC 4180 CSV: a cell with a comma, a quote or a line break is quoted, quotes doubled, lines end in
 * CRLF. A text cell that a spreadsheet would run as a formula (= + - @, or a tab or CR that some
 * strip first) is prefixed with an apostrophe: the file is opened by people, not programs.
 */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The statistics answer as bars: one `{ label, count }` per group. The route's rows carry the group's
 * value under `key` or under the grouping's own name (`day`, `procedure`…) and the figure under `count`
 * or `visits`; both spellings are read, so the chart does not depend on which the server chose.
 */
export interface Bar {
  label: string;
  count: number;
}

export function barsFrom(answer: unknown, by: string, noneLabel: string): Bar[] | null {
  const rows = Array.isArray(answer) ? answer : Object.values((answer ?? {}) as Record<string, unknown>).find(Array.isArray);
  if (!rows) return null;
  return rows.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const record = row as Record<string, unknown>;
    const count = [record.count, record.visits, record.total].find((value) => typeof value === 'number') as number | undefined;
    if (count === undefined) return [];
    const key = record.key ?? record[by] ?? record.label;
    return [{ label: key === null || key === undefined || key === '' ? noneLabel : String(key), count }];
  });
}

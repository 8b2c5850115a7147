/** Turns `{ day, name, costUsd }` rows into one object per day with a cost per name (recharts' stacked-bar shape). */
export function pivotByDay(rows: ReadonlyArray<{ day: string; name: string; costUsd: number }>): { data: Array<Record<string, string | number>>; names: string[] } {
  const names = [...new Set(rows.map((row) => row.name))].sort();
  const days = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const entry = days.get(row.day) ?? { day: row.day.slice(5) };
    entry[row.name] = (Number(entry[row.name] ?? 0) + row.costUsd);
    days.set(row.day, entry);
  }
  return { data: [...days.keys()].sort().map((day) => days.get(day)!), names };
}

import type { Sql } from './sql-runner';

// Helpers for set-based rules over staged rows (imports, and the point-award engine).

/**
 * Whether any key repeats among the readable staged rows. Most files repeat none,
 * and then the in-file ranking (a sort of every row) is skipped.
 */
export async function hasRepeats(sql: Sql, table: string, key: string): Promise<boolean> {
  const [row] = await sql<{ repeats: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE err IS NULL GROUP BY ${key} HAVING count(*) > 1) AS repeats`);
  return row.repeats;
}

/** The in-file ranking columns: the first row of each key and what it says, or each row its own first. */
export function firstOfKey(repeats: boolean, row: string, window: string): string {
  return repeats ? `first_value(line) OVER ${window} AS first_line, first_value(${row}) OVER ${window} AS first_row` : `line AS first_line, NULL::record AS first_row`;
}

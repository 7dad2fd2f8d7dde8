import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  name: string;
  rows: number;
  seconds: number;
  note?: string;
}

/** Rows of another shape (latencies…): `npm run bench` prints them as their own table. */
export type MeasureRow = Record<string, string | number>;

/** Saves a bench's rows for the table `npm run bench` prints, and logs them. */
export function report(bench: string, rows: ReadonlyArray<BenchRow | MeasureRow | object>): void {
  const dir = process.env.BENCH_OUT ?? join(__dirname, '..', '..', 'test-output', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${bench}.json`), JSON.stringify(rows, null, 2));
  for (const r of rows as Array<Record<string, unknown> & Partial<BenchRow>>) {
    if (typeof r.rows === 'number' && typeof r.seconds === 'number') {
      process.stdout.write(`${r.name}: ${r.rows} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds)} rows/s ${r.note ?? ''}\n`);
    } else process.stdout.write(`${JSON.stringify(r)}\n`);
  }
}

/** Seconds an async step takes. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t0) / 1e9];
}

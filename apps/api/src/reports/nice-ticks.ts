// Axis ticks a reader can trust: 0, then round steps (1, 2 or 5 × 10^n) up to the first
// tick at or above the largest value. Counts get whole-number steps, so a day with one
// reservation never sits between two lines both labelled "1" (five equal fifths of 3
// rounded to 0, 1, 1, 2, 2, 3).

export interface NiceTicks {
  step: number;
  /** 0, step, 2·step, …, top; top ≥ the largest value. */
  ticks: number[];
  top: number;
}

export function niceTicks(max: number, opts: { integer?: boolean; target?: number } = {}): NiceTicks {
  const target = opts.target ?? 5;
  const highest = Number.isFinite(max) && max > 0 ? max : 0;
  const raw = highest / target;
  let step: number;
  if (raw === 0) step = 1;
  else {
    const pow = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw * (1 - 1e-12)) ?? 10 * pow;
  }
  if (opts.integer) step = Math.max(1, Math.round(step));
  // Steps below 1 are decimal fractions: round each tick to the step's digits so 0.1·3 is 0.3.
  const digits = step < 1 ? Math.ceil(-Math.log10(step)) : 0;
  const round = (v: number) => (digits ? Number(v.toFixed(digits)) : v);
  // Tolerate float noise (3.0000000001 steps is 3), but never end below the maximum.
  let intervals = Math.max(1, Math.ceil(highest / step - 1e-9));
  if (round(intervals * step) < highest) intervals++;
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => round(i * step));
  return { step, ticks, top: ticks[ticks.length - 1] };
}

import type { AppConfig } from '../../config/app-config';
import { digestMyKeyId, MyKeyDigest } from '../../common/mykey/mykey-hasher';
import { normalizeMyKeyId } from '@mynapoint/domain';

// The seed runs as the tables' owner, whom row-level security does not restrict: a
// step that reads rows says whose (`municipality_code = current_municipality()`, or
// `IS NULL` for the national reference rows); the rows it writes get the current
// municipality from the columns' default.

export interface SeedContext {
  config: AppConfig;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  myKey(id: string): MyKeyDigest;
  /** Deterministic random numbers in [0, 1): the same demo data every time. */
  random(): number;
  /** `now` for the demo: the seed lays its data out relative to this instant. */
  now: Date;
  /**
   * Runs fn as municipality `code` (INSTALLATION for national reference rows and the
   * installation's accounts), inside the seed's one transaction, then returns to the
   * municipality it ran as before.
   */
  asMunicipality<T>(code: string, fn: () => Promise<T>): Promise<T>;
}

export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}

/** The context the steps run in, over one transaction's `query`. */
export function seedContext(config: AppConfig, query: SeedContext['query'], opts: { random?: () => number; now?: Date } = {}): SeedContext {
  return {
    config,
    query,
    myKey: (id) => digestMyKeyId(config.myKeyHmacSecret, normalizeMyKeyId(id) ?? id),
    random: opts.random ?? seededRandom(20200701),
    now: opts.now ?? new Date(),
    async asMunicipality(code, fn) {
      const [{ before }] = await query<{ before: string | null }>(`SELECT current_setting('mynapoint.municipality_code', true) AS before`);
      await query(`SELECT set_config('mynapoint.municipality_code', $1, true)`, [code]);
      // No finally: a failed step has aborted the transaction, which rolls the setting back with everything else.
      const result = await fn();
      await query(`SELECT set_config('mynapoint.municipality_code', $1, true)`, [before ?? '']);
      return result;
    },
  };
}

/** `step`, run as municipality `code`; its name says which. */
export function inMunicipality(code: string, label: string, step: SeedStep): SeedStep {
  return { name: `${step.name} (${label})`, run: (ctx) => ctx.asMunicipality(code, () => step.run(ctx)) };
}

// mulberry32: small, fast, and good enough to make demo data look organic.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

import type { AppConfig } from '../../config/app-config';
import { MyKeyDigest } from '../../common/mykey/mykey-hasher';

export interface SeedContext {
  config: AppConfig;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  myKey(id: string): MyKeyDigest;
  /** Deterministic random numbers in [0, 1): the same demo data every time. */
  random(): number;
  /** `now` for the demo: the seed lays its data out relative to this instant. */
  now: Date;
}

export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
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

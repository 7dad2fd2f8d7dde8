import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { digestMyKeyId } from '../../common/mykey/mykey-hasher';
import { normalizeMyKeyId } from '@mynapoint/domain';
import { cardUptakeSeed } from './card-uptake.seed';
import { fraudSeed } from './fraud.seed';
import { assistanceSeed } from './assistance.seed';
import { paymentServicesSeed } from './payment-services.seed';
import { pointAwardsSeed } from './point-awards.seed';
import { SeedContext, SeedStep, seededRandom } from './seed-context';
import { uptakeSeed } from './uptake.seed';
import { usersSeed } from './users.seed';

// Demo data, in dependency order. Each feature adds its step here.
export const DEMO_SEED_STEPS: SeedStep[] = [usersSeed, paymentServicesSeed, uptakeSeed, pointAwardsSeed, assistanceSeed, fraudSeed, cardUptakeSeed];

const SEEDED_KEY = 'demo_seeded_at';

/**
 * Seeds the demo data once per database (remembered in app_meta), in one
 * transaction: a half-seeded demo never survives a failed start.
 * Returns false when the database was already seeded.
 */
export async function seedDemo(ds: DataSource, config: AppConfig, steps: SeedStep[] = DEMO_SEED_STEPS, log: (msg: string) => void = () => {}): Promise<boolean> {
  return ds.transaction(async (manager) => {
    // Two app instances starting at once: the second waits here, then sees the flag.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SEEDED_KEY]);
    const done = await manager.query('SELECT 1 FROM app_meta WHERE key = $1', [SEEDED_KEY]);
    if (done.length) return false;
    const ctx: SeedContext = {
      config,
      query: async <T>(sql: string, params?: unknown[]) => (await manager.queryRunner!.query(sql, params, true)).records as T[],
      myKey: (id) => digestMyKeyId(config.myKeyHmacSecret, normalizeMyKeyId(id) ?? id),
      random: seededRandom(20200701),
      now: new Date(),
    };
    for (const step of steps) {
      const t0 = Date.now();
      await step.run(ctx);
      log(`seeded ${step.name} (${Date.now() - t0} ms)`);
    }
    await manager.query('INSERT INTO app_meta (key, value) VALUES ($1, to_jsonb(now()))', [SEEDED_KEY]);
    return true;
  });
}

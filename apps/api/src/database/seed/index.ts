import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { cardUptakeSeed } from './card-uptake.seed';
import { fraudSeed, fraudSeedFor, SHIBATA_FRAUD } from './fraud.seed';
import { assistanceSeed, assistanceSeedFor, SHIBATA_COUNTER } from './assistance.seed';
import { measuresSeed } from './measures.seed';
import { municipalitiesSeed, SHIBATA } from './municipalities.seed';
import { paymentServicesSeed } from './payment-services.seed';
import { pointAwardsSeed } from './point-awards.seed';
import { inMunicipality, seedContext, SeedStep } from './seed-context';
import { SHIBATA_UPTAKE, uptakeSeed, uptakeSeedFor } from './uptake.seed';
import { installationUsersSeed, SHIBATA_USERS, usersSeed, usersSeedFor } from './users.seed';

/** One municipality's demo (the installation's default, 阿賀野市), in dependency order. Each feature adds its step here. */
export const CITY_SEED_STEPS: SeedStep[] = [usersSeed, paymentServicesSeed, uptakeSeed, pointAwardsSeed, assistanceSeed, fraudSeed, cardUptakeSeed];

/** 新発田市: the same kinds of data, fewer of them, its own districts and staff. */
export const SECOND_CITY_SEED_STEPS: SeedStep[] = [
  usersSeedFor(SHIBATA_USERS, '市民まちづくり支援課 窓口 山本'),
  uptakeSeedFor(SHIBATA_UPTAKE),
  pointAwardsSeed,
  assistanceSeedFor(SHIBATA_COUNTER),
  fraudSeedFor(SHIBATA_FRAUD),
  cardUptakeSeed,
].map((step) => inMunicipality(SHIBATA.code, SHIBATA.name, step));

/**
 * After Round 1 (issue #19): Round 1's extensions, Round 2 and the default municipality's
 * own top-up. Last, so the random numbers of the steps before it stay what they were.
 */
export const AFTER_ROUND1_STEP: SeedStep = { name: measuresSeed.name, run: (ctx) => ctx.asMunicipality(ctx.config.municipalityCode, () => measuresSeed.run(ctx)) };

/** The demo: two municipalities, then the installation's operator and prefecture accounts, then what came after Round 1. */
export const DEMO_SEED_STEPS: SeedStep[] = [municipalitiesSeed, ...CITY_SEED_STEPS, ...SECOND_CITY_SEED_STEPS, installationUsersSeed, AFTER_ROUND1_STEP];

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
    const ctx = seedContext(config, async <T>(sql: string, params?: unknown[]) => (await manager.queryRunner!.query(sql, params, true)).records as T[]);
    for (const step of steps) {
      const t0 = Date.now();
      await step.run(ctx);
      log(`seeded ${step.name} (${Date.now() - t0} ms)`);
    }
    await manager.query('INSERT INTO app_meta (key, value) VALUES ($1, to_jsonb(now()))', [SEEDED_KEY]);
    return true;
  });
}

import * as engine from '../../point-awards/point-awards.repository';
import type { Sql } from '../../common/db/sql-runner';
import { SeedStep } from './seed-context';

// Demo point awards for whatever participants of the municipality have applied (the uptake seed makes
// them): one to six charges or purchases each, after the application and within the
// campaign's earning period (never in the future), awarded by the same set-based
// engine as operator reports, so the 25% rule and the per-person cap hold. Amounts
// are a deterministic function of the participant, so the demo is the same every
// time; about four in ten participants reach the 5,000-yen cap.
export const pointAwardsSeed: SeedStep = {
  name: 'point awards',
  async run(ctx) {
    const sql: Sql = (text, params) => ctx.query(text, params);
    // Campaign by campaign, named: the engine would otherwise pick a row's campaign by its
    // date among every campaign the owner sees, other municipalities' own included.
    const campaigns = await sql<{ id: number }>(
      `SELECT DISTINCT campaign_id AS id FROM participants WHERE municipality_code = current_municipality() ORDER BY 1`,
    );
    for (const { id } of campaigns) {
      await engine.createStage(sql, true);
      await sql(
        `INSERT INTO pa_stage (line, err, ${engine.STAGE_COLUMNS.map(([n]) => n).join(', ')})
         SELECT row_number() OVER (ORDER BY p.id, k)::int, NULL, a.payment_service_id,
                'DEMO-' || p.campaign_id || '-' || p.id || '-' || k, p.mykey_hash,
                d.first + ((p.id * 37 + k * 11) % (d.last - d.first + 1)),
                CASE WHEN (p.id + k) % 3 = 0 THEN 'charge' ELSE 'purchase' END,
                500 + (p.id * 7919 + k * 104729) % 9500
         FROM participants p
         JOIN applications a ON a.participant_id = p.id
         JOIN campaigns c ON c.id = p.campaign_id
         CROSS JOIN LATERAL (
           SELECT GREATEST(c.earning_starts_on, (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date) AS first,
                  LEAST(c.earning_ends_on, (now() AT TIME ZONE 'Asia/Tokyo')::date - 1) AS last
         ) d
         CROSS JOIN LATERAL generate_series(1, 1 + p.id % 6) AS k
         WHERE p.campaign_id = $1 AND p.municipality_code = current_municipality()
           AND d.first <= d.last AND NOT EXISTS (SELECT 1 FROM point_awards x WHERE x.participant_id = p.id)`,
        [id],
      );
      await engine.classify(sql, { campaignId: id, transient: true });
      await engine.applyAll(sql, { importId: null, userId: null });
      // Dropped now, not at commit: the next campaign, or municipality, stages its own.
      await sql('DROP TABLE pa_stage, pa_cls');
    }
  },
};

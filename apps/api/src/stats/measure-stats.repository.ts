import { Injectable } from '@nestjs/common';
import { BUDGET_WARN_AT_PERCENT } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';
import type { MeasureStatsRowDto } from './dto/measure-stats.dto';

// The one statement of GET /api/stats/measures: uptake, points and budget per measure,
// from the measure_stats rollup (migration 1764002620000, rows per municipality and
// measure, summed over their slots) and the measures' own budget counters. Row-level security keeps it to the
// municipality's own row of each measure it can see (national and its own).
@Injectable()
export class MeasureStatsRepository {
  constructor(private readonly db: Db) {}

  @GenerateSql({ params: [] })
  measures(): Promise<MeasureStatsRowDto[]> {
    return this.db.query<MeasureStatsRowDto>(
      `SELECT m.id AS "measureId", m.campaign_id AS "campaignId", c.name AS "campaignName", m.name, m.kind, m.funded_by AS "fundedBy",
              coalesce(s.applications, 0) AS applications, coalesce(s.participants_with_points, 0) AS "participantsWithPoints",
              coalesce(s.participants_at_cap, 0) AS "participantsAtCap", coalesce(s.awards, 0) AS awards,
              coalesce(s.points_yen, 0) AS "pointsYen",
              m.budget_yen AS "budgetYen", m.budget_yen - m.awarded_yen AS "remainingBudgetYen",
              round(100.0 * m.awarded_yen / m.budget_yen, 1)::float8 AS "budgetUsedPercent",
              (m.budget_yen IS NOT NULL AND m.awarded_yen * 100 >= m.budget_yen * ${BUDGET_WARN_AT_PERCENT}) AS "budgetWarning"
         FROM measures m JOIN campaigns c ON c.id = m.campaign_id
         LEFT JOIN (SELECT measure_id, sum(applications)::int AS applications, sum(participants_with_points)::int AS participants_with_points,
                           sum(participants_at_cap)::int AS participants_at_cap, sum(points_yen)::bigint AS points_yen, sum(awards)::int AS awards
                      FROM measure_stats GROUP BY measure_id) s ON s.measure_id = m.id
        ORDER BY c.earning_starts_on, c.id, m.application_opens_on, m.id`,
    );
  }
}

import { Injectable } from '@nestjs/common';
import { BUDGET_WARN_AT_PERCENT } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';
import type { MeasureStatsRowDto } from './dto/measure-stats.dto';

// The one statement of GET /api/stats/measures: uptake, points and budget per measure,
// from the participants (one row per person per measure, with its points total) and
// their applications and awards. Row-level security keeps it to the municipality's own
// participants and the measures it can see (national and its own).
@Injectable()
export class MeasureStatsRepository {
  constructor(private readonly db: Db) {}

  @GenerateSql({ params: [] })
  measures(): Promise<MeasureStatsRowDto[]> {
    return this.db.query<MeasureStatsRowDto>(
      `WITH per AS (
         SELECT p.measure_id,
                count(a.id)::int AS applications,
                count(*) FILTER (WHERE p.points_total > 0)::int AS with_points,
                count(*) FILTER (WHERE p.points_total >= p.cap_yen)::int AS at_cap,
                coalesce(sum(p.points_total), 0)::bigint AS points
           FROM participants p LEFT JOIN applications a ON a.participant_id = p.id
          GROUP BY p.measure_id
       ), awards AS (
         SELECT p.measure_id, count(*)::int AS n FROM point_awards pa JOIN participants p ON p.id = pa.participant_id GROUP BY p.measure_id
       )
       SELECT m.id AS "measureId", m.campaign_id AS "campaignId", c.name AS "campaignName", m.name, m.kind, m.funded_by AS "fundedBy",
              coalesce(per.applications, 0) AS applications, coalesce(per.with_points, 0) AS "participantsWithPoints",
              coalesce(per.at_cap, 0) AS "participantsAtCap", coalesce(aw.n, 0) AS awards,
              coalesce(per.points, 0) AS "pointsYen",
              m.budget_yen AS "budgetYen", m.budget_yen - m.awarded_yen AS "remainingBudgetYen",
              round(100.0 * m.awarded_yen / m.budget_yen, 1)::float8 AS "budgetUsedPercent",
              (m.budget_yen IS NOT NULL AND m.awarded_yen * 100 >= m.budget_yen * ${BUDGET_WARN_AT_PERCENT}) AS "budgetWarning"
         FROM measures m JOIN campaigns c ON c.id = m.campaign_id
         LEFT JOIN per ON per.measure_id = m.id
         LEFT JOIN awards aw ON aw.measure_id = m.id
        ORDER BY c.earning_starts_on, c.id, m.application_opens_on, m.id`,
    );
  }
}

import { BENCHMARK_SCOPE, toJstDate } from '@mynapoint/domain';
import { firstOfKey, hasRepeats } from '../../common/db/staging';
import { readDate, readEnum, readPercent } from '../csv/cells';
import { ImportContext, ImportHandler } from './import-handler';

const RATES = 'ROW(application_rate_percent, issuance_rate_percent)';

// MIC's published rates (CSV: asOf, scope, applicationRatePercent, issuanceRatePercent).
// As for population figures: the same rates again are duplicates, other rates for a
// date and scope correct it, and within a file the first line of a date and scope counts.
export const benchmarkRatesImport: ImportHandler = {
  type: 'benchmark-rates',
  stageTable: 'br_stage',
  stageColumns: [
    ['as_of', 'date'],
    ['scope', 'text'],
    ['application_rate_percent', 'numeric(5,2)'],
    ['issuance_rate_percent', 'numeric(5,2)'],
  ],

  read(row) {
    const asOf = readDate(row.cell('asOf'));
    if (!asOf) return 'as_of_invalid';
    if (asOf > toJstDate(new Date())) return 'as_of_in_future';
    const scope = readEnum(row.cell('scope'), BENCHMARK_SCOPE);
    if (!scope) return 'scope_invalid';
    const application = readPercent(row.cell('applicationRatePercent'));
    const issuance = readPercent(row.cell('issuanceRatePercent'));
    if (application === null || issuance === null) return 'rate_invalid';
    return [asOf, scope, application, issuance];
  },

  async apply(ctx: ImportContext) {
    const repeats = await hasRepeats(ctx.sql, 'br_stage', 'as_of, scope');
    await ctx.sql(
      `CREATE TEMP TABLE br_cls AS
       WITH ranked AS (
         SELECT s.*, ${firstOfKey(repeats, RATES, 'w')}
         FROM br_stage s WHERE s.err IS NULL
         WINDOW w AS (PARTITION BY as_of, scope ORDER BY line)
       )
       SELECT s.line, r.as_of, r.scope, r.application_rate_percent, r.issuance_rate_percent,
         CASE
           WHEN s.err IS NOT NULL THEN s.err
           WHEN r.first_line <> r.line THEN
             CASE WHEN r.first_row IS NOT DISTINCT FROM ROW(r.application_rate_percent, r.issuance_rate_percent) THEN 'duplicate' ELSE 'rate_repeated_in_file' END
           WHEN (b.application_rate_percent, b.issuance_rate_percent) = (r.application_rate_percent, r.issuance_rate_percent) THEN 'duplicate'
           ELSE 'pending'
         END AS outcome
       FROM br_stage s
       LEFT JOIN ranked r ON r.line = s.line
       LEFT JOIN benchmark_rates b ON b.as_of = r.as_of AND b.scope = r.scope`,
    );
    await ctx.phase('applying');
    await ctx.transaction(() =>
      ctx.sql(
        `INSERT INTO benchmark_rates (as_of, scope, application_rate_percent, issuance_rate_percent, import_id)
         SELECT as_of, scope, application_rate_percent, issuance_rate_percent, $1 FROM br_cls WHERE outcome = 'pending' ORDER BY line
         ON CONFLICT ON CONSTRAINT benchmark_rates_one_per_date DO UPDATE
           SET application_rate_percent = EXCLUDED.application_rate_percent, issuance_rate_percent = EXCLUDED.issuance_rate_percent,
               import_id = EXCLUDED.import_id, updated_at = now()`,
        [ctx.importId],
      ),
    );
    return { table: 'br_cls', pendingMeansAccepted: true };
  },
};

import { AGE_BAND, toJstDate } from '@mynapoint/domain';
import { firstOfKey, hasRepeats } from '../../common/db/staging';
import { clean, readCount, readDate, readEnum } from '../csv/cells';
import { ImportContext, ImportHandler } from './import-handler';

const COUNTS = 'ROW(population, card_applications, cards_issued)';

// The resident register's aggregates (CSV: asOf, district, ageBand, population,
// cardApplications, cardsIssued), one row per cell of a snapshot: counts, never a
// person. A cell (asOf × district × age band) already recorded with the same counts is
// a duplicate; with other counts, the file corrects it (a month's figures are the
// latest file's: docs/card-uptake.md). Within a file the first line of a cell counts.
export const populationFiguresImport: ImportHandler = {
  type: 'population-figures',
  stageTable: 'pf_stage',
  stageColumns: [
    ['as_of', 'date'],
    ['district', 'text'],
    ['age_band', 'text'],
    ['population', 'int'],
    ['card_applications', 'int'],
    ['cards_issued', 'int'],
  ],

  read(row) {
    const asOf = readDate(row.cell('asOf'));
    if (!asOf) return 'as_of_invalid';
    if (asOf > toJstDate(new Date())) return 'as_of_in_future';
    const district = clean(row.cell('district'));
    if (!district || district.length > 40) return 'district_invalid';
    const ageBand = readEnum(row.cell('ageBand'), AGE_BAND);
    if (!ageBand) return 'age_band_invalid';
    const counts = [readCount(row.cell('population')), readCount(row.cell('cardApplications')), readCount(row.cell('cardsIssued'))];
    if (counts.includes('invalid')) return 'count_invalid';
    if (counts.includes('negative')) return 'count_negative';
    const [population, applications, issued] = counts as number[];
    if (applications > population || issued > population) return 'count_above_population';
    return [asOf, district, ageBand, population, applications, issued];
  },

  async apply(ctx: ImportContext) {
    const repeats = await hasRepeats(ctx.sql, 'pf_stage', 'as_of, district, age_band');
    await ctx.sql(
      `CREATE TEMP TABLE pf_cls AS
       WITH ranked AS (
         SELECT s.*, ${firstOfKey(repeats, COUNTS, 'w')}
         FROM pf_stage s WHERE s.err IS NULL
         WINDOW w AS (PARTITION BY as_of, district, age_band ORDER BY line)
       )
       SELECT s.line, r.as_of, r.district, r.age_band, r.population, r.card_applications, r.cards_issued,
         CASE
           WHEN s.err IS NOT NULL THEN s.err
           WHEN r.first_line <> r.line THEN
             CASE WHEN r.first_row IS NOT DISTINCT FROM ROW(r.population, r.card_applications, r.cards_issued) THEN 'duplicate' ELSE 'cell_repeated_in_file' END
           WHEN (f.population, f.card_applications, f.cards_issued) = (r.population, r.card_applications, r.cards_issued) THEN 'duplicate'
           ELSE 'pending'
         END AS outcome
       FROM pf_stage s
       LEFT JOIN ranked r ON r.line = s.line
       LEFT JOIN population_figures f ON f.as_of = r.as_of AND f.district = r.district AND f.age_band = r.age_band`,
    );
    await ctx.phase('applying');
    // A few hundred rows a month: one transaction. A cell typed in meanwhile is replaced.
    await ctx.transaction(() =>
      ctx.sql(
        `INSERT INTO population_figures (as_of, district, age_band, population, card_applications, cards_issued, import_id)
         SELECT as_of, district, age_band, population, card_applications, cards_issued, $1 FROM pf_cls WHERE outcome = 'pending' ORDER BY line
         ON CONFLICT ON CONSTRAINT population_figures_one_per_cell DO UPDATE
           SET population = EXCLUDED.population, card_applications = EXCLUDED.card_applications, cards_issued = EXCLUDED.cards_issued,
               import_id = EXCLUDED.import_id, updated_at = now()`,
        [ctx.importId],
      ),
    );
    return { table: 'pf_cls', pendingMeansAccepted: true };
  },
};

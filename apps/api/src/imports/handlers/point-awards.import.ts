import { TRANSACTION_KIND } from '@mynapoint/domain';
import * as engine from '../../point-awards/point-awards.repository';
import { clean, readDate, readEnum, readYen } from '../csv/cells';
import { ImportContext, ImportHandler } from './import-handler';

// Operator reports (CSV: externalId, myKeyId, transactionDate, kind, amountYen) for
// one payment service. The rules are the point-award engine's, the same as for a
// single create.
export const pointAwardsImport: ImportHandler = {
  type: 'point-awards',
  stageTable: 'pa_stage',
  stageColumns: engine.STAGE_COLUMNS,

  read(row, opts) {
    const externalId = clean(row.cell('externalId'));
    if (!externalId || externalId.length > 100) return 'external_id_invalid';
    const key = row.myKey(row.cell('myKeyId'));
    if (!key) return 'mykey_id_invalid';
    const date = readDate(row.cell('transactionDate'));
    if (!date) return 'transaction_date_invalid';
    const kind = readEnum(row.cell('kind'), TRANSACTION_KIND);
    if (!kind) return 'kind_invalid';
    const amount = readYen(row.cell('amountYen'));
    if (amount === 'invalid') return 'amount_invalid';
    if (amount === 'not_positive') return 'amount_not_positive';
    return [opts.paymentServiceId, externalId, key.hash, date, kind, amount];
  },

  async apply(ctx: ImportContext) {
    const cls = ctx.workTable;
    await engine.classify(ctx.sql, { campaignId: ctx.campaignId, into: cls, transient: false });
    await ctx.sql(`CREATE INDEX ON ${cls} (participant_id)`);
    await ctx.sql(`ANALYZE ${cls}`);
    await ctx.phase('applying');
    // Chunks hold disjoint sets of participants: they can run side by side.
    await ctx.parallel(await engine.chunks(ctx.sql, ctx.chunkRows, cls, ctx.workers), (range, conn) =>
      conn.transaction(
        async () => {
          await engine.lockParticipants(conn.sql, range, cls);
          await engine.award(conn.sql, range, { importId: ctx.importId, userId: null }, cls);
        },
        // Someone recorded one of these transaction ids since classification.
        { onUniqueViolation: () => engine.reclassifyDuplicates(conn.sql, range, cls) },
      ),
    );
    return { table: cls, pendingMeansAccepted: true };
  },
};

import { TRANSACTION_KIND } from '@mynapoint/domain';
import * as engine from '../../point-awards/point-award-engine';
import { clean, readDate, readEnum, readYen } from '../csv/cells';
import { ImportContext, ImportHandler } from './import-handler';

// About this many award rows per transaction: locks stay short for the single
// creates waiting on the same participants, and progress moves.
export const AWARD_CHUNK_ROWS = 200_000;

// Operator reports (CSV: externalId, myKeyId, transactionDate, kind, amountYen) for
// one payment service. The rules are the point-award engine's, the same as for a
// single create.
export const pointAwardsImport: ImportHandler = {
  type: 'point-awards',
  stageTable: 'pa_stage',
  stageColumns: engine.STAGE_COLUMNS,
  outcomeTable: 'pa_cls',

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
    await engine.classify(ctx.sql, { campaignId: ctx.campaignId, transient: false });
    await ctx.sql('CREATE INDEX ON pa_cls (participant_id)');
    await ctx.sql('ANALYZE pa_cls');
    await ctx.phase('applying');
    for (const range of await engine.chunks(ctx.sql, AWARD_CHUNK_ROWS)) {
      await ctx.transaction(
        async () => {
          await engine.lockParticipants(ctx.sql, range);
          await engine.award(ctx.sql, range, { importId: ctx.importId, userId: null });
        },
        // Someone recorded one of these transaction ids since classification.
        { onUniqueViolation: () => engine.reclassifyDuplicates(ctx.sql, range) },
      );
    }
  },
};

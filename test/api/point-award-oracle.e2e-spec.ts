import fc from 'fast-check';
import { AwardTransaction, awardBatches, basePoints } from '@mynapoint/domain';
import { Client_, TestApp } from '../support/test-app';
import { importCsv, sqlCampaign, sqlParticipant, sqlPaymentService, sqlQuota } from '../support/uptake-sql-fixtures';

// The pure rule in libs/domain/src/point-award.ts is the oracle of the SQL award
// engine: random transactions of a few participants, sent as single creates and CSV
// imports in random batches and order, must get, transaction by transaction, the
// points the pure rule gives for the same batches in the same order.

const HEADER = 'externalId,myKeyId,transactionDate,kind,amountYen';
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
// Days of the earning period (2020-09-01 … 2021-03-31), both ends included; few of
// them, so that date ties (broken by the transaction id) are common.
const DAYS = [0, 1, 30, 100, 101, 210, 211];
const dateOf = (day: number) => new Date(Date.UTC(2020, 8, 1) + day * 86_400_000).toISOString().slice(0, 10);

interface PlannedTx extends AwardTransaction {
  participant: number;
  kind: 'charge' | 'purchase';
}
/** A batch as the engine sees it: one import (all its rows), or one single create. */
type Batch = { via: 'import'; txs: PlannedTx[] } | { via: 'create'; txs: [PlannedTx] };

const plans = fc.record({
  rule: fc.record({
    awardRatePercent: fc.integer({ min: 1, max: 100 }),
    // Often a small cap, so that it binds in the middle of a batch, where order matters.
    capPerPersonYen: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 12_000 })),
  }),
  participants: fc.integer({ min: 1, max: 3 }),
  txs: fc.uniqueArray(
    fc.record({
      // The transaction id's number: ids are fixed-width digits after one prefix, so
      // the database's collation and JavaScript order them alike.
      n: fc.integer({ min: 0, max: 9999 }),
      participant: fc.nat(2),
      day: fc.constantFrom(...DAYS),
      amountYen: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30_000 })),
      kind: fc.constantFrom('charge' as const, 'purchase' as const),
      // Which of up to three imports carries it; 3: a single create of its own.
      batch: fc.integer({ min: 0, max: 3 }),
    }),
    { selector: (x) => x.n, minLength: 1, maxLength: 14 },
  ),
  // The order batches are sent in, and each import file's row order.
  order: fc.infiniteStream(fc.nat()),
});

describe('point-award engine against the pure rule (libs/domain/src/point-award.ts)', () => {
  let t: TestApp;
  let policy: Client_;
  let service: number;
  let runs = 0;

  beforeAll(async () => {
    // Small chunks and two workers: an import runs several transactions, in parallel.
    t = await TestApp.start({ config: { importChunkRows: 2, importApplyWorkers: 2, rateLimitImportsPerMinute: 100_000 } });
    policy = await t.as('policy');
    service = await sqlPaymentService(t);
  });
  afterAll(() => t.close());

  it('records, per transaction, the points the pure rule gives for the same batches in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async ({ rule, participants, txs, order }) => {
        const run = ++runs;
        // Each run its own campaign (rate and cap are campaign data): the latest whose
        // earning period holds the date, so rows without a chosen campaign resolve to it.
        const campaignId = await sqlCampaign(t, rule);
        const quotaId = await sqlQuota(t, campaignId);
        const keys = await Promise.all(Array.from({ length: participants }, () => sqlParticipant(t, { campaignId, quotaId, paymentServiceId: service })));
        const planned: PlannedTx[] = txs.map((x) => ({
          externalId: `OR${process.pid}R${run}-${String(x.n).padStart(4, '0')}`,
          participant: x.participant % participants,
          transactionDate: dateOf(x.day),
          amountYen: x.amountYen,
          kind: x.kind,
        }));

        const batches: Batch[] = [];
        for (let b = 0; b < 3; b++) {
          const rows = planned.filter((_, i) => txs[i].batch === b);
          if (rows.length) batches.push({ via: 'import', txs: rows });
        }
        planned.forEach((x, i) => txs[i].batch === 3 && batches.push({ via: 'create', txs: [x] }));
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x) => ({ x, k: order.next().value }))
            .sort((a, b) => a.k - b.k)
            .map(({ x }) => x);
        const sent = shuffle(batches).map((b) => (b.via === 'import' ? { ...b, txs: shuffle(b.txs) } : b));

        for (const b of sent) {
          if (b.via === 'create') {
            const [x] = b.txs;
            const res = await policy.post('/api/point-awards').send({
              paymentServiceId: service,
              myKeyId: keys[x.participant].myKeyId,
              externalId: x.externalId,
              transactionDate: x.transactionDate,
              kind: x.kind,
              amountYen: x.amountYen,
            });
            expect(res.status).toBe(201);
          } else {
            const rows = b.txs.map((x) => `${x.externalId},${keys[x.participant].myKeyId},${x.transactionDate},${x.kind},${x.amountYen}`);
            const job = await importCsv(policy, 'point-awards', csv(HEADER, ...rows), { paymentServiceId: service });
            expect(job).toMatchObject({ status: 'done', accepted: b.txs.length, rejected: 0, duplicates: 0 });
          }
        }

        // The oracle: each participant's share of each batch, in the order sent.
        const expected = new Map<string, number>();
        for (let p = 0; p < participants; p++) {
          const own = sent.map((b) => b.txs.filter((x) => x.participant === p)).filter((b) => b.length);
          awardBatches(own, rule).forEach((points, b) => own[b].forEach((x, i) => expected.set(x.externalId, points[i])));
        }
        const recorded = await t.sql<{ externalId: string; points: number }>(
          `SELECT external_id AS "externalId", points FROM point_awards WHERE campaign_id = $1 ORDER BY external_id`,
          [campaignId],
        );
        expect(Object.fromEntries(recorded.map((r) => [r.externalId, r.points]))).toEqual(Object.fromEntries([...expected].sort(([a], [b]) => (a < b ? -1 : 1))));

        // And the law on each participant's total.
        const totals = await t.sql<{ id: number; total: number }>(`SELECT id, points_total AS total FROM participants WHERE campaign_id = $1`, [campaignId]);
        for (let p = 0; p < participants; p++) {
          const base = planned.filter((x) => x.participant === p).reduce((s, x) => s + basePoints(x.amountYen, rule.awardRatePercent), 0);
          expect(totals.find((r) => r.id === keys[p].id)?.total).toBe(Math.min(base, rule.capPerPersonYen));
        }
      }),
      { numRuns: 25 },
    );
  });
});

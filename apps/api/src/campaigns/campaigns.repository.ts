import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { defineListSpec } from '../common/list/list-spec';
import { CampaignError } from './campaign.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the campaigns feature. The service holds the rules.

export const campaignsTable = defineTable('campaigns', {
  id: { kind: 'int', readOnly: true },
  name: { kind: 'text' },
  reservationOpensOn: { kind: 'date' },
  reservationClosesOn: { kind: 'date' },
  applicationOpensOn: { kind: 'date' },
  applicationClosesOn: { kind: 'date' },
  earningStartsOn: { kind: 'date' },
  earningEndsOn: { kind: 'date' },
  awardRatePercent: { kind: 'int' },
  capPerPersonYen: { kind: 'int' },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type CampaignRow = Row<typeof campaignsTable.columns>;

export const campaignsListSpec = defineListSpec({
  resource: 'campaigns',
  from: 'campaigns c',
  fields: {
    ...campaignsTable.fields('c'),
    // The national campaigns (the operator's; read-only for municipalities).
    national: { sql: '(c.municipality_code IS NULL)', kind: 'bool' },
  },
  search: ['c.name'],
  defaultSort: ['reservationOpensOn', 'DESC'],
  notFound: CampaignError.NotFound,
});

export type CampaignRecord = Record<keyof typeof campaignsListSpec.fields, unknown>;

const EXAMPLE: CampaignRow = {
  name: '第1弾',
  reservationOpensOn: '2020-07-01',
  reservationClosesOn: '2021-12-31',
  applicationOpensOn: '2020-07-01',
  applicationClosesOn: '2021-12-31',
  earningStartsOn: '2020-09-01',
  earningEndsOn: '2021-12-31',
  awardRatePercent: 25,
  capPerPersonYen: 5000,
};

@Injectable()
export class CampaignsRepository extends ListRepository<CampaignRecord> {
  protected readonly spec = campaignsListSpec;

  /** The campaign; its first measure comes with it (trigger campaigns_first_measure, migration 1764002300000). */
  @GenerateSql({ params: [EXAMPLE] })
  async insert(row: CampaignRow): Promise<number> {
    return this.insertRow(campaignsTable, row);
  }

  /** Updating the campaign row locks it (see CampaignsService.update). */
  @GenerateSql({ params: [1, { name: '第1弾（延長）', earningEndsOn: '2022-09-30' }] })
  async update(id: number, changes: CampaignRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE campaigns SET ${campaignsTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  /** With its measures (the service refuses while a participant is in one). */
  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM measures WHERE campaign_id = $1', [id]);
    await this.db.query('DELETE FROM campaigns WHERE id = $1', [id]);
  }

  @GenerateSql({ params: [1] })
  async use(id: number): Promise<{ quotas: number; participants: number; measures: number }> {
    const [use] = await this.db.query<{ quotas: number; participants: number; measures: number }>(
      `SELECT (SELECT count(*)::int FROM reservation_quotas WHERE campaign_id = $1) AS quotas,
              (SELECT count(*)::int FROM participants WHERE campaign_id = $1) AS participants,
              (SELECT count(*)::int FROM measures WHERE campaign_id = $1) AS measures`,
      [id],
    );
    return use;
  }

  @GenerateSql({ params: ['第1弾', 0] })
  async nameTaken(name: string, exceptId: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM campaigns WHERE lower(name) = lower($1) AND id <> $2', [name, exceptId]));
  }

  /** Participants already awarded more than `capYen` in the campaign: how many, and the most. */
  @GenerateSql({ params: [1, 3000] })
  async participantsAbove(campaignId: number, capYen: number): Promise<{ n: number; max: number | null }> {
    const [over] = await this.db.query<{ n: number; max: number | null }>(
      // Through a function: a national campaign's participants are every municipality's.
      'SELECT n, max FROM campaign_participants_above($1, $2)',
      [campaignId, capYen],
    );
    return over;
  }

  /**
   * participants.cap_yen follows the campaign's cap. The CHECK points_total <= cap_yen
   * stays the last line: lowering the cap below points already awarded is refused there.
   */
  @GenerateSql({ params: [1, 3000] })
  async setParticipantCaps(campaignId: number, capYen: number): Promise<void> {
    await this.db.query('SELECT set_campaign_participant_caps($1, $2)', [campaignId, capYen]);
  }
}

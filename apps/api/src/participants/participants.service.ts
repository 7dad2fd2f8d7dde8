import { Injectable } from '@nestjs/common';
import { Db } from '../common/db/db.service';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { hashMyKeyIdFilter } from '../common/mykey/mykey-filter';
import { MyKeyDigest, MyKeyHasher } from '../common/mykey/mykey-hasher';
import { ParticipantError, ParticipantException } from './participant.exception';
import { ParticipantRecord, participantsListSpec } from './participants.list-spec';
import { ParticipantHistoryEntryDto } from './participant-history.dto';

export interface ParticipantForApplication {
  id: number;
  campaignId: number;
  reservedAt: Date | null;
  applicationId: number | null;
}

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
    private readonly hasher: MyKeyHasher,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<ParticipantRecord>(participantsListSpec, hashMyKeyIdFilter(q, this.hasher));
  }

  async get(id: number): Promise<ParticipantRecord> {
    const record = await this.lists.get<ParticipantRecord>(participantsListSpec, id);
    if (!record) throw new ParticipantException(ParticipantError.NotFound, `参加者（ID: ${id}）は見つかりません。`);
    return record;
  }

  /**
   * What happened to this person in the campaign, in the order it was recorded: the reservation, each
   * application (a re-application marked), and each deleted application with who
   * deleted it and why. Deletions are found by the person (campaign + MyKey hash), so
   * they stay in the history even when the reservation was deleted and made again.
   */
  async history(id: number): Promise<ParticipantHistoryEntryDto[]> {
    await this.get(id);
    return this.db.query<ParticipantHistoryEntryDto>(
      `WITH me AS (SELECT id, campaign_id, mykey_hash, reserved_at, created_at FROM participants WHERE id = $1),
       deleted AS (SELECT d.* FROM application_deletions d JOIN me ON d.campaign_id = me.campaign_id AND d.mykey_hash = me.mykey_hash),
       events AS (
         SELECT me.reserved_at AS at, me.created_at AS recorded, 'reserved' AS kind, NULL::int AS "paymentServiceId", NULL::int AS "applicationId", NULL::int AS by_id, NULL AS reason
           FROM me WHERE me.reserved_at IS NOT NULL
         UNION ALL
         SELECT applied_at, application_created_at, 'applied', payment_service_id, application_id, NULL, NULL FROM deleted
         UNION ALL
         SELECT deleted_at, deleted_at, 'application_deleted', payment_service_id, application_id, deleted_by, reason FROM deleted
         UNION ALL
         SELECT a.applied_at, a.created_at, CASE WHEN a.reapplication THEN 'reapplied' ELSE 'applied' END, a.payment_service_id, a.id, a.created_by, NULL
           FROM applications a JOIN me ON a.participant_id = me.id)
       SELECT e.at, e.kind, e."paymentServiceId", s.name AS "paymentServiceName", e."applicationId", u.display_name AS "byName", e.reason
         FROM events e LEFT JOIN payment_services s ON s.id = e."paymentServiceId" LEFT JOIN users u ON u.id = e.by_id
        -- In the order it happened in the office: an application's own time may be back-dated.
        ORDER BY e.recorded, e.at`,
      [id],
    );
  }

  /**
   * The participant row for this MyKey ID in the campaign of the quota `quotaId`,
   * created with its reservation; null when the MyKey ID is already enrolled there (a
   * second reservation) or there is no such quota (the caller tells which, on that
   * path only: the quota's campaign is found in this statement, not one before it).
   * The cap is copied from the campaign under a share lock on the campaign row, so a
   * concurrent cap change either waits for this insert or is seen by it.
   * The row carries its reservation's time already (the list's copy, see
   * participants.list-spec), so the reservation's trigger has nothing to rewrite.
   */
  async enrol(quotaId: number, digest: MyKeyDigest, reservedAt: Date): Promise<number | null> {
    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen, reserved_at)
       SELECT c.id, $2, $3, c.cap_per_person_yen, $4 FROM reservation_quotas q JOIN campaigns c ON c.id = q.campaign_id WHERE q.id = $1
       FOR SHARE OF c
       ON CONFLICT ON CONSTRAINT participants_one_per_mykey DO NOTHING
       RETURNING id`,
      [quotaId, digest.hash, digest.last4, reservedAt],
      { prepared: true },
    );
    return row?.id ?? null;
  }

  /**
   * Participants of this MyKey ID (in one campaign, or in all), locked until the end
   * of the transaction: an application and the deletion of its reservation for the
   * same person run one after the other, never interleaved.
   */
  async lockForApplication(hash: Buffer, campaignId?: number): Promise<ParticipantForApplication[]> {
    return this.db.query<ParticipantForApplication>(
      `SELECT p.id, p.campaign_id AS "campaignId", r.reserved_at AS "reservedAt", a.id AS "applicationId"
       FROM participants p
       LEFT JOIN reservations r ON r.participant_id = p.id
       LEFT JOIN applications a ON a.participant_id = p.id
       WHERE p.mykey_hash = $1 AND ($2::int IS NULL OR p.campaign_id = $2)
       ORDER BY p.campaign_id
       FOR UPDATE OF p`,
      [hash, campaignId ?? null],
    );
  }

  /**
   * Ends a participant whose reservation was deleted before any application. Point
   * awards, if any, still reference it and the foreign key refuses (409).
   */
  async removeUnreserved(id: number): Promise<void> {
    await this.db.query('DELETE FROM participants WHERE id = $1', [id]);
  }
}

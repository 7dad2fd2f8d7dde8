import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #18, speed: the indexes the API reads through lead with municipality_code.
//
// Row-level security adds `municipality_code = (SELECT current_municipality())` to every
// statement the API runs. An index without the code cannot answer that condition: a
// list's count(*) (participants by payment service, one clerk's visits), an index-only
// scan before, became a bitmap AND with the whole municipality's range of the primary
// key plus a heap visit per row (32 ms instead of under 1 ms for 675 participants on the
// tenth-size bench; the municipality's whole key range at full size). With the code
// first, the same count is an index-only scan of the municipality's entries, and the
// list pages read 25 entries as before, whatever the number of municipalities.
//
// Left as they are: sessions_token_hash_idx (a token is looked up before its
// municipality is known) and imports_unfinished_idx (start-up reads every
// municipality's unfinished imports, through a function of the tables' owner).
// Unique keys already lead with the code (migration 1764001800000).

/** [table, index, the columns after municipality_code, what follows the column list (INCLUDE, WHERE)]. */
export const TENANT_INDEXES: ReadonlyArray<[table: string, index: string, columns: string, rest?: string]> = [
  ['application_deletions', 'application_deletions_person_idx', 'campaign_id, mykey_hash, deleted_at'],
  ['applications', 'applications_applied_at_idx', 'applied_at'],
  ['applications', 'applications_service_idx', 'payment_service_id'],
  ['applications', 'applications_service_participant_idx', 'payment_service_id, participant_id'],
  ['assistance_records', 'assistance_records_payment_service_idx', 'payment_service_id', 'WHERE payment_service_id IS NOT NULL'],
  ['assistance_records', 'assistance_records_staff_created_at_idx', 'staff_id, created_at DESC'],
  ['assistance_records', 'assistance_records_staff_visited_at_idx', 'staff_id, visited_at DESC, id DESC'],
  ['assistance_records', 'assistance_records_visited_at_idx', 'visited_at DESC, id DESC'],
  ['audit_logs', 'audit_logs_at_idx', 'at DESC, id DESC'],
  ['audit_logs', 'audit_logs_login_failed_ip_idx', 'ip, at', "WHERE action = 'login_failed'"],
  ['audit_logs', 'audit_logs_login_failed_name_idx', 'lower(username), at', "WHERE action = 'login_failed'"],
  ['audit_logs', 'audit_logs_resource_idx', 'resource, resource_id'],
  ['fraud_alert_history', 'fraud_alert_history_alert_idx', 'fraud_alert_id, changed_at, id'],
  ['fraud_alert_history', 'fraud_alert_history_changed_by_idx', 'changed_by'],
  ['fraud_alerts', 'fraud_alerts_published_idx', 'notice_published_at DESC, id DESC', 'WHERE notice_published_at IS NOT NULL'],
  ['fraud_alerts', 'fraud_alerts_reported_at_idx', 'reported_at DESC, id DESC'],
  ['fraud_alerts', 'fraud_alerts_reported_by_idx', 'reported_by'],
  ['fraud_alerts', 'fraud_alerts_status_idx', 'status'],
  ['imports', 'imports_created_at_idx', 'created_at DESC, id DESC'],
  ['participants', 'participants_reserved_at_id_idx', 'reserved_at DESC NULLS LAST, id DESC'],
  ['participants', 'participants_service_reserved_at_id_idx', 'payment_service_id, reserved_at DESC NULLS LAST, id DESC'],
  ['point_awards', 'point_awards_participant_idx', 'participant_id, transaction_date, external_id'],
  ['point_awards', 'point_awards_transaction_date_id_idx', 'transaction_date, id'],
  ['reservation_quotas', 'reservation_quotas_campaign_idx', 'campaign_id'],
  ['reservations', 'reservations_participant_reserved_at_idx', 'participant_id', 'INCLUDE (reserved_at)'],
  ['reservations', 'reservations_quota_idx', 'quota_id'],
  ['reservations', 'reservations_reserved_at_idx', 'reserved_at'],
  ['sessions', 'sessions_user_id_idx', 'user_id'],
  ['uptake_daily_stats', 'uptake_daily_stats_day_idx', 'day'],
  ['application_service_daily_stats', 'application_service_daily_stats_day_idx', 'day'],
  ['point_award_daily_stats', 'point_award_daily_stats_day_idx', 'day'],
  ['assistance_hourly_stats', 'assistance_hourly_stats_staff_day_idx', 'staff_id, day'],
];

export class TenantListIndexes1764001890000 implements MigrationInterface {
  name = 'TenantListIndexes1764001890000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, index, columns, rest = ''] of TENANT_INDEXES) {
      await q.query(`DROP INDEX ${index}; CREATE INDEX ${index} ON ${table} (municipality_code, ${columns}) ${rest}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index, columns, rest = ''] of TENANT_INDEXES) {
      await q.query(`DROP INDEX ${index}; CREATE INDEX ${index} ON ${table} (${columns}) ${rest}`);
    }
  }
}

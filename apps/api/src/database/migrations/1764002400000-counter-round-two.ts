import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #19, counter work of Round 2 (マイナポイント第2弾):
// - assistance records: two more assistance types, for the visits that registered the
//   card as a health-insurance card (健康保険証利用登録) or a public-funds receiving
//   account (公金受取口座登録); two more "unable" reasons, the national site down for
//   maintenance and a payment service that had already closed. The CHECKs are widened
//   (every existing row keeps passing: the old values are all still there).
// - reservations and applications: `cert_issued_at`, when the certificate was first
//   issued with the card. Reserving or applying is possible only 24 hours after it, as
//   after a renewal (the city page said so of both in Round 2). Optional; existing rows
//   stay NULL.
// Mirrors libs/domain/src/assistance.ts and cert-renewal.ts.

const TYPES = [
  'card_application',
  'mykey_reservation',
  'point_application',
  'cert_renewal',
  'pin_reset',
  'pc_lending',
  'inquiry',
  'fraud_consultation',
  'health_insurance_registration',
  'public_funds_account_registration',
];
const OLD_TYPES = TYPES.slice(0, 8);
const REASONS = ['pin_locked', 'cert_expired', 'cert_renewed_within_24h', 'no_card', 'unsupported_device', 'quota_closed', 'national_site_maintenance', 'service_closed', 'other'];
const OLD_REASONS = REASONS.filter((r) => r !== 'national_site_maintenance' && r !== 'service_closed');
const list = (values: string[]) => values.map((v) => `'${v}'`).join(',');

const typesCheck = (types: string[]) => `CHECK (
          array_ndims(assistance_types) = 1
          AND cardinality(assistance_types) >= 1
          AND array_position(assistance_types, NULL) IS NULL
          AND assistance_types <@ ARRAY[${list(types)}]::text[]
          AND assistance_types_are_distinct(assistance_types)
        )`;

export class CounterRoundTwo1764002400000 implements MigrationInterface {
  name = 'CounterRoundTwo1764002400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assistance_records
        DROP CONSTRAINT assistance_records_types_valid,
        ADD CONSTRAINT assistance_records_types_valid ${typesCheck(TYPES)},
        DROP CONSTRAINT assistance_records_unable_reason_check,
        ADD CONSTRAINT assistance_records_unable_reason_check CHECK (unable_reason IN (${list(REASONS)}));

      ALTER TABLE reservations
        ADD COLUMN cert_issued_at timestamptz,
        ADD CONSTRAINT reservations_24h_after_issue CHECK (cert_issued_at IS NULL OR reserved_at >= cert_issued_at + interval '24 hours');
      ALTER TABLE applications
        ADD COLUMN cert_issued_at timestamptz,
        ADD CONSTRAINT applications_24h_after_issue CHECK (cert_issued_at IS NULL OR applied_at >= cert_issued_at + interval '24 hours');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications DROP CONSTRAINT applications_24h_after_issue, DROP COLUMN cert_issued_at;
      ALTER TABLE reservations DROP CONSTRAINT reservations_24h_after_issue, DROP COLUMN cert_issued_at;
      ALTER TABLE assistance_records
        DROP CONSTRAINT assistance_records_types_valid,
        ADD CONSTRAINT assistance_records_types_valid ${typesCheck(OLD_TYPES)},
        DROP CONSTRAINT assistance_records_unable_reason_check,
        ADD CONSTRAINT assistance_records_unable_reason_check CHECK (unable_reason IN (${list(OLD_REASONS)}));
    `);
  }
}

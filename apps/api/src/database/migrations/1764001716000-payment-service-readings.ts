import { MigrationInterface, QueryRunner } from 'typeorm';

// Readings (よみがな) for payment services, so the list sorts the Japanese way
// (libs/domain/src/reading.ts): name_kana holds the normalised reading (hiragana,
// Latin in lower case) and the list orders it with COLLATE "C", code point by code
// point, which is gojūon order whatever the database's locale (PostgreSQL 15 and 18).
//
// reading_default() is the domain's defaultReading() in SQL, frozen here: it fills the
// existing rows and any row inserted without a reading (imports of fixtures, scripts).
// Its kana tables are spelled out rather than imported, so this migration means the same
// thing whenever it runs.
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');
const KATAKANA = range(0x30a1, 0x30f6) + '\u30fd\u30fe';
const HIRAGANA = range(0x3041, 0x3096) + '\u309d\u309e';

export class PaymentServiceReadings1764001716000 implements MigrationInterface {
  name = 'PaymentServiceReadings1764001716000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION reading_default(name text) RETURNS text IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$
        SELECT btrim(regexp_replace(translate(lower(normalize(name, NFKC) COLLATE "C"), '${KATAKANA}', '${HIRAGANA}'), '[ \\t\\n\\r\\f\\v]+', ' ', 'g'))
      $$;

      CREATE FUNCTION payment_services_reading() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.name_kana := coalesce(nullif(btrim(NEW.name_kana), ''), reading_default(NEW.name));
        RETURN NEW;
      END $$;

      ALTER TABLE payment_services ADD COLUMN name_kana text;
      UPDATE payment_services SET name_kana = reading_default(name);
      ALTER TABLE payment_services
        ALTER COLUMN name_kana SET NOT NULL,
        ADD CONSTRAINT payment_services_name_kana_check CHECK (length(name_kana) BETWEEN 1 AND 100);
      CREATE TRIGGER payment_services_reading BEFORE INSERT ON payment_services
        FOR EACH ROW EXECUTE FUNCTION payment_services_reading();
      CREATE INDEX payment_services_name_kana_idx ON payment_services ((name_kana COLLATE "C"), id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER payment_services_reading ON payment_services;
      ALTER TABLE payment_services DROP COLUMN name_kana;
      DROP FUNCTION payment_services_reading();
      DROP FUNCTION reading_default(text);
    `);
  }
}

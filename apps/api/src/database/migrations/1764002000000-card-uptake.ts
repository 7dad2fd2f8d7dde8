import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #20: My Number card uptake against targets.
//
// - `population_figures`: the resident register's monthly aggregates, one row per
//   snapshot date × district × age band (population, card applications, cards issued).
//   Counts only, never a person; the CHECKs refuse a negative count or cards above the
//   population (the API says so first, in Japanese).
// - `benchmark_rates`: MIC's published national and prefectural rates. Each municipality
//   imports MIC's file itself (a municipality's own copy, like its other data), so a
//   single-city installation needs no operator; the prefecture's view reads them from
//   its municipalities (docs/card-uptake.md).
// - `targets`: the city's targets (a national grant's 53.9 % application rate, …).
//
// Municipality data like every owned table (migration 1764001800000): the code leads the
// primary key and every unique and foreign key, and row-level security keeps each
// municipality to its own rows; a prefecture user also reads the figures and the rates
// of its municipalities (its targets are the municipalities' own business).

const ME = '(SELECT current_municipality())';
const STATS_SCOPE = '(SELECT stats_municipalities())::char(6)[]';
const AGE_BANDS = `'under_20','20s','30s','40s','50s','60s','70_plus'`;

export class CardUptake1764002000000 implements MigrationInterface {
  name = 'CardUptake1764002000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE imports DROP CONSTRAINT imports_type_check,
        ADD CONSTRAINT imports_type_check CHECK (type IN ('reservations','applications','point-awards','population-figures','benchmark-rates'));

      CREATE TABLE population_figures (
        municipality_code  char(6) NOT NULL DEFAULT current_municipality(),
        id                 serial,
        as_of              date NOT NULL,
        district           text NOT NULL CHECK (length(btrim(district)) BETWEEN 1 AND 40),
        age_band           text NOT NULL CHECK (age_band IN (${AGE_BANDS})),
        population         int NOT NULL CHECK (population >= 0),
        card_applications  int NOT NULL CHECK (card_applications >= 0),
        cards_issued       int NOT NULL CHECK (cards_issued >= 0),
        import_id          int,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT population_figures_pkey PRIMARY KEY (municipality_code, id),
        -- One row per cell of a snapshot: an import replaces a cell's figures through it.
        CONSTRAINT population_figures_one_per_cell UNIQUE (municipality_code, as_of, district, age_band),
        CONSTRAINT population_figures_within_population CHECK (card_applications <= population AND cards_issued <= population),
        CONSTRAINT population_figures_import_fk FOREIGN KEY (municipality_code, import_id) REFERENCES imports (municipality_code, id)
      );

      CREATE TABLE benchmark_rates (
        municipality_code         char(6) NOT NULL DEFAULT current_municipality(),
        id                        serial,
        as_of                     date NOT NULL,
        scope                     text NOT NULL CHECK (scope IN ('national','prefecture')),
        application_rate_percent  numeric(5,2) NOT NULL CHECK (application_rate_percent BETWEEN 0 AND 100),
        issuance_rate_percent     numeric(5,2) NOT NULL CHECK (issuance_rate_percent BETWEEN 0 AND 100),
        import_id                 int,
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT benchmark_rates_pkey PRIMARY KEY (municipality_code, id),
        CONSTRAINT benchmark_rates_one_per_date UNIQUE (municipality_code, as_of, scope),
        CONSTRAINT benchmark_rates_import_fk FOREIGN KEY (municipality_code, import_id) REFERENCES imports (municipality_code, id)
      );

      CREATE TABLE targets (
        municipality_code  char(6) NOT NULL DEFAULT current_municipality(),
        id                 serial,
        name               text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        metric             text NOT NULL CHECK (metric IN ('application_rate','issuance_rate')),
        percent            numeric(4,1) NOT NULL CHECK (percent > 0 AND percent <= 100),
        due_on             date NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT targets_pkey PRIMARY KEY (municipality_code, id)
      );
      CREATE UNIQUE INDEX targets_name_key ON targets (municipality_code, lower(name));
    `);
    for (const table of ['population_figures', 'benchmark_rates', 'targets']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant ON ${table} USING (municipality_code = ${ME}) WITH CHECK (municipality_code = ${ME});`);
    }
    for (const table of ['population_figures', 'benchmark_rates']) {
      await q.query(`CREATE POLICY prefecture_read ON ${table} FOR SELECT USING (municipality_code = ANY (${STATS_SCOPE}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE targets;
      DROP TABLE benchmark_rates;
      DROP TABLE population_figures;
      -- Refused while a card-uptake import is on record (import jobs are never deleted).
      ALTER TABLE imports DROP CONSTRAINT imports_type_check,
        ADD CONSTRAINT imports_type_check CHECK (type IN ('reservations','applications','point-awards'));
    `);
  }
}

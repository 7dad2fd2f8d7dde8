import { SeedStep } from './seed-context';

/** A demo municipality's settings row. */
export interface DemoMunicipality {
  code: string;
  name: string;
  /** Residents per district (rounded), in the order the UI lists the districts. */
  districtPopulation: Record<string, number>;
  contactPhone: string;
  contactEmail: string;
}

// Rounded resident counts; the telephone numbers' last four digits and the mail
// domains are made up (example.jp is reserved for examples).

/** The demo city: the installation's default municipality (MUNICIPALITY_CODE, 152234 unless set). */
export const AGANO: DemoMunicipality = {
  code: '152234',
  name: '阿賀野市',
  districtPopulation: { 水原: 21000, 京ヶ瀬: 6500, 安田: 8000, 笹神: 7500 },
  contactPhone: '0250-62-0000',
  contactEmail: 'mynapoint@agano.example.jp',
};

/** The second demo municipality: the city and the three former towns and villages merged into it. */
export const SHIBATA: DemoMunicipality = {
  code: '152064',
  name: '新発田市',
  districtPopulation: { 新発田: 66000, 豊浦: 11000, 紫雲寺: 8000, 加治川: 10000 },
  contactPhone: '0254-22-0000',
  contactEmail: 'mynapoint@shibata.example.jp',
};

/**
 * The two municipalities' rows. The default one exists already (start-up writes it from
 * CITY_NAME, DISTRICTS and DISTRICT_POPULATION): the seed fills only what those left
 * empty (the population only for the same districts), so a configured installation
 * keeps its own settings.
 */
export const municipalitiesSeed: SeedStep = {
  name: 'municipalities (阿賀野市, 新発田市)',
  async run(ctx) {
    const rows = [{ ...AGANO, code: ctx.config.municipalityCode }, ...(ctx.config.municipalityCode === SHIBATA.code ? [] : [SHIBATA])];
    for (const m of rows) {
      await ctx.query(
        `INSERT INTO municipalities AS m (code, name, districts, district_population, contact_phone, contact_email)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO UPDATE SET
           district_population = CASE WHEN m.district_population = '{}' AND m.districts = EXCLUDED.districts
                                      THEN EXCLUDED.district_population ELSE m.district_population END,
           contact_phone = coalesce(m.contact_phone, EXCLUDED.contact_phone),
           contact_email = coalesce(m.contact_email, EXCLUDED.contact_email)`,
        [m.code, m.name, Object.keys(m.districtPopulation), JSON.stringify(m.districtPopulation), m.contactPhone, m.contactEmail],
      );
    }
  },
};

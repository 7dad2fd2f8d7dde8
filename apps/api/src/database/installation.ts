import type { DataSource } from 'typeorm';
import { APP_ROLE, AppConfig, appRolePassword } from '../config/app-config';

/**
 * After the migrations, as the tables' owner: the API role may log in (unless
 * APP_DATABASE_URL names a role of the operator's own), and the installation's default
 * municipality exists. A single-city installation's settings came from the environment
 * (CITY_NAME, DISTRICTS, DISTRICT_POPULATION); they are written once, on the first start
 * with this version, and from then on the municipalities table is the truth.
 */
export async function prepareInstallation(ds: DataSource, config: AppConfig): Promise<void> {
  if (config.appRoleManaged) await allowAppRoleLogin(ds, config);
  await ds.query(
    `INSERT INTO municipalities (code, name, districts, district_population)
     VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
    [config.municipalityCode, config.cityName, config.districts, JSON.stringify(config.districtPopulation)],
  );
}

async function allowAppRoleLogin(ds: DataSource, config: AppConfig): Promise<void> {
  const [{ statement }] = await ds.query(`SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS statement`, [
    APP_ROLE,
    appRolePassword(config.myKeyHmacSecret),
  ]);
  // The role is the server's, shared by its databases: processes starting side by side
  // (tests, a second API) may update it at the same moment.
  for (let attempt = 1; ; attempt++) {
    try {
      await ds.query(statement);
      return;
    } catch (e) {
      const message = (e as Error).message;
      if (/concurrently/.test(message) && attempt < 5) {
        await new Promise((r) => setTimeout(r, 50 * attempt));
        continue;
      }
      if (/permission denied|must have CREATEROLE|must be superuser/i.test(message)) {
        throw new Error(
          `The role of DATABASE_URL may not give the API's role "${APP_ROLE}" a login (${message}). ` +
            `Either grant it CREATEROLE, or create a login role that owns nothing, GRANT ${APP_ROLE} TO it, and set APP_DATABASE_URL to it (docs/operations.md).`,
        );
      }
      throw e;
    }
  }
}

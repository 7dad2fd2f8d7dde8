import type { RouteCase } from '../../support/route-cases';
import type { TestApp } from '../../support/test-app';
import { importCsv, newMyKeyId, sqlCampaign, sqlQuota, uploadCsv } from '../../support/uptake-sql-fixtures';

const reservationsCsv = () => `myKeyId,reservedAt,channel\r\n${newMyKeyId()},2020-09-01 10:00,counter\r\nbad,2020-09-01 10:00,counter\r\n`;

// One campaign and quota per test database, made on first use.
const ground = new WeakMap<TestApp, Promise<number>>();
function quota(t: TestApp): Promise<number> {
  if (!ground.has(t)) ground.set(t, sqlCampaign(t).then((c) => sqlQuota(t, c)));
  return ground.get(t)!;
}

/** A finished import (with one error line), made as admin. */
async function finishedImport(t: TestApp): Promise<number> {
  await quota(t);
  return (await importCsv(await t.as('admin'), 'reservations', reservationsCsv())).id;
}

export const cases: RouteCase[] = [
  { route: 'GET /api/imports', ok: (_t, as) => as.get('/api/imports') },
  { route: 'GET /api/imports/:id', ok: async (t, as) => as.get(`/api/imports/${await finishedImport(t)}`) },
  { route: 'GET /api/imports/:id/errors.csv', ok: async (t, as) => as.get(`/api/imports/${await finishedImport(t)}/errors.csv`) },
  {
    route: 'POST /api/imports',
    ok: async (t, as) => {
      await quota(t);
      return uploadCsv(as, 'reservations', reservationsCsv());
    },
  },
];

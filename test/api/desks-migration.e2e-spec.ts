import type { QueryRunner } from 'typeorm';
import { SupportDesks1764002500000 } from '../../apps/api/src/database/migrations/1764002500000-support-desks';
import { createAssistanceRecord } from '../support/assistance-fixtures';
import { createAppointment, createSlot } from '../support/desk-fixtures';
import { TestApp } from '../support/test-app';

// Migration 1764002500000 on a database that already holds data: it comes off (down) and
// goes on again (up) around existing visits and municipalities without losing a row, and
// the operator's removal function follows it both ways.
describe('migration 1764002500000 (support desks) on existing data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  // The migration only runs statements: the owner's connection stands in for TypeORM's runner.
  const runner = () => ({ query: (sql: string) => t.sql(sql) }) as unknown as QueryRunner;
  const listed = async () => (await t.sql<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'remove_municipality_data'`))[0].src;

  it('goes down and up again keeping the visits and the municipality’s settings', async () => {
    const visits = await Promise.all([createAssistanceRecord(t), createAssistanceRecord(t, 'admin')]);
    await createAppointment(t, (await createSlot(t)).id);
    await t.sql(`UPDATE municipalities SET appointment_retention_days = 30`);
    expect(await listed()).toContain("'appointments'");

    const migration = new SupportDesks1764002500000();
    await migration.down(runner());
    expect(await t.sql(`SELECT to_regclass('appointments') AS t`)).toEqual([{ t: null }]);
    expect(await listed()).not.toContain("'appointments'");
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records WHERE id = ANY ($1)', [visits.map((v) => v.id)]))[0].n).toBe(2);

    await migration.up(runner());
    const [row] = await t.sql<{ days: number; closed: string[]; terminal: number | null }>(
      `SELECT m.appointment_retention_days AS days, m.closed_days::text[] AS closed, (SELECT max(terminal_id) FROM assistance_records) AS terminal FROM municipalities m LIMIT 1`,
    );
    expect(row).toEqual({ days: 90, closed: [], terminal: null });
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records WHERE id = ANY ($1)', [visits.map((v) => v.id)]))[0].n).toBe(2);
    expect(await listed()).toContain("'appointments'");
    expect(await t.sql(`SELECT relrowsecurity AS rls FROM pg_class WHERE relname = 'appointments'`)).toEqual([{ rls: true }]);
  });
});

import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import type { TerminalVisitDto } from './dto/terminal.dto';
import { TerminalError } from './terminal.exception';

// Every statement of the terminals feature. The service holds the rules.

export const terminalsTable = defineTable('terminals', {
  id: { kind: 'int', readOnly: true },
  deskId: { kind: 'int' },
  name: { kind: 'text' },
  active: { kind: 'bool' },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type TerminalRow = Row<typeof terminalsTable.columns>;

export const terminalsListSpec = defineListSpec({
  resource: 'terminals',
  from: 'terminals t JOIN desks d ON d.id = t.desk_id',
  fields: {
    ...terminalsTable.fields('t', ['id', 'deskId']),
    deskName: { sql: 'd.name', kind: 'text' },
    ...terminalsTable.fields('t', ['name', 'active', 'createdAt', 'updatedAt']),
  },
  search: ['t.name', 'd.name'],
  defaultSort: ['name', 'ASC'],
  notFound: TerminalError.NotFound,
  count: { from: 'terminals t', alias: 't' },
});

export type TerminalRecord = Record<keyof typeof terminalsListSpec.fields, unknown> & { id: number; name: string; deskName: string };

const VISIT_COLUMNS = `ar.id, ar.visited_at AS "visitedAt", ar.staff_id AS "staffId", u.display_name AS "staffName",
  ar.assistance_types AS "assistanceTypes", ar.outcome, ar.payment_service_id AS "paymentServiceId",
  ar.terminal_logged_out AS "terminalLoggedOut", ar.service_id_read_back AS "serviceIdReadBack", ar.duration_minutes AS "durationMinutes"`;

type VisitRow = Omit<TerminalVisitDto, 'position' | 'visitedAt'> & { visitedAt: Date };

@Injectable()
export class TerminalsRepository extends ListRepository<TerminalRecord> {
  protected readonly spec = terminalsListSpec;

  @GenerateSql({ params: [{ deskId: 1, name: '貸出PC 1号機', active: true }] })
  insert(row: TerminalRow): Promise<number> {
    return this.insertRow(terminalsTable, row);
  }

  @GenerateSql({ params: [1, { active: false }] })
  async update(id: number, changes: TerminalRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE terminals SET ${terminalsTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  /** Deletes the terminal unless a visit or an incident names it (its log is evidence); false when kept. */
  @GenerateSql({ params: [1] })
  async deleteUnused(id: number): Promise<boolean> {
    const gone = await this.db.query(
      `DELETE FROM terminals t WHERE t.id = $1
         AND NOT EXISTS (SELECT 1 FROM assistance_records ar WHERE ar.terminal_id = t.id)
         AND NOT EXISTS (SELECT 1 FROM wrong_person_incidents w WHERE w.terminal_id = t.id)
       RETURNING t.id`,
      [id],
    );
    return gone.length > 0;
  }

  @GenerateSql({ params: [1, '貸出PC 1号機', null] })
  async nameHolder(deskId: number, name: string, exceptId: number | null): Promise<number | null> {
    const row = await this.db.one<{ id: number }>('SELECT id FROM terminals WHERE desk_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3', [deskId, name, exceptId]);
    return row?.id ?? null;
  }

  @GenerateSql({ params: [1] })
  async deskExists(id: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM desks WHERE id = $1', [id]));
  }

  /**
   * The visits on the terminal just before and after the given one (`count` each side),
   * in time order; by (visited_at, id), the order the terminal was used in. The index
   * assistance_records_terminal_idx serves both halves.
   */
  @GenerateSql({ params: [1, 10, 3] })
  around(terminalId: number, visitId: number, count: number): Promise<VisitRow[]> {
    return this.db.query<VisitRow>(
      `WITH v AS (SELECT visited_at, id FROM assistance_records WHERE id = $2 AND terminal_id = $1)
       (SELECT ${VISIT_COLUMNS} FROM assistance_records ar JOIN users u ON u.id = ar.staff_id, v
         WHERE ar.terminal_id = $1 AND (ar.visited_at, ar.id) < (v.visited_at, v.id)
         ORDER BY ar.visited_at DESC, ar.id DESC LIMIT $3)
       UNION ALL
       (SELECT ${VISIT_COLUMNS} FROM assistance_records ar JOIN users u ON u.id = ar.staff_id, v
         WHERE ar.terminal_id = $1 AND (ar.visited_at, ar.id) >= (v.visited_at, v.id)
         ORDER BY ar.visited_at, ar.id LIMIT $3 + 1)
       ORDER BY "visitedAt", id`,
      [terminalId, visitId, count],
    );
  }

  /** The terminal's latest visits, newest last (a log without a given visit). */
  @GenerateSql({ params: [1, 20] })
  latest(terminalId: number, count: number): Promise<VisitRow[]> {
    return this.db.query<VisitRow>(
      `SELECT * FROM (SELECT ${VISIT_COLUMNS} FROM assistance_records ar JOIN users u ON u.id = ar.staff_id
         WHERE ar.terminal_id = $1 ORDER BY ar.visited_at DESC, ar.id DESC LIMIT $2) x ORDER BY "visitedAt", id`,
      [terminalId, count],
    );
  }

  @GenerateSql({ params: [1, 10] })
  async visitOnTerminal(terminalId: number, visitId: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM assistance_records WHERE id = $2 AND terminal_id = $1', [terminalId, visitId]));
  }
}

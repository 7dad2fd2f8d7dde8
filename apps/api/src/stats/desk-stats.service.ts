import { Injectable } from '@nestjs/common';
import { DeskDayFigures, DeskStats, noShowRatePercent } from '@mynapoint/domain';
import { DeskDayRow, DeskStatsRepository } from './desk-stats.repository';

type Sum = Omit<DeskDayFigures, 'avgWaitMinutes'> & { waitMinutesSum: number; waits: number };

const empty = (): Sum => ({ capacity: 0, seatsBooked: 0, appointments: 0, checkedIn: 0, noShows: 0, cancelled: 0, walkIns: 0, waitMinutesSum: 0, waits: 0 });

function add(sum: Sum, r: DeskDayRow): void {
  for (const k of Object.keys(sum) as (keyof Sum)[]) sum[k] += Number(r[k]);
}

function figures(s: Sum): DeskDayFigures {
  const { waitMinutesSum, waits, ...rest } = s;
  return { ...rest, avgWaitMinutes: waits ? Math.round((waitMinutesSum / waits) * 10) / 10 : null };
}

@Injectable()
export class DeskStatsService {
  constructor(private readonly repo: DeskStatsRepository) {}

  /** The desks' figures for [from, to] (JST days): per desk and day, per desk, and in total. */
  async desks(from: string, to: string): Promise<DeskStats> {
    const rows = await this.repo.byDeskDay(from, to);
    const total = empty();
    const perDesk = new Map<number, { deskName: string; office: DeskDayRow['office']; sum: Sum }>();
    for (const r of rows) {
      add(total, r);
      const desk = perDesk.get(r.deskId) ?? { deskName: r.deskName, office: r.office, sum: empty() };
      add(desk.sum, r);
      perDesk.set(r.deskId, desk);
    }
    const totals = figures(total);
    return {
      from,
      to,
      totals: { ...totals, noShowRatePercent: noShowRatePercent(totals) },
      byDesk: [...perDesk.entries()].map(([deskId, d]) => {
        const f = figures(d.sum);
        return { deskId, deskName: d.deskName, office: d.office, ...f, noShowRatePercent: noShowRatePercent(f) };
      }),
      byDeskDay: rows.map((r) => {
        const s = empty();
        add(s, r);
        return { date: r.date, deskId: r.deskId, deskName: r.deskName, ...figures(s) };
      }),
    };
  }
}

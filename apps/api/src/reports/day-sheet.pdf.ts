import { APPOINTMENT_STATUS, ASSISTANCE_TYPE, DESK_OFFICE, formatJapaneseEraDate, toJstIso } from '@mynapoint/domain';
import type { AppointmentsService } from '../appointments/appointments.service';
import { Report, num } from './pdf-kit';

type DeskDayDto = Awaited<ReturnType<AppointmentsService['deskDay']>>;

const time = (iso: string) => toJstIso(new Date(iso)).slice(11, 16);

/**
 * A desk's day on paper (A4, Japanese), for pop-up desks without a PC: each slot with its
 * bookings and an empty 来庁 box to tick. Names and phone numbers only for the roles
 * that may read them (the board's `contactVisible`); a manager's sheet shows counts.
 */
export function renderDaySheetPdf(day: DeskDayDto, cityName: string, generatedAt: Date): PDFKit.PDFDocument {
  const date = formatJapaneseEraDate(day.date);
  const report = new Report({ title: `窓口の予約表 ${day.deskName} ${date}`, subject: cityName });
  report.title(`窓口の予約表　${date}`, `${cityName}　${day.deskName}（${DESK_OFFICE.label(day.office)}）　作成: ${formatJapaneseEraDate(generatedAt)} ${time(generatedAt.toISOString())}`);
  const t = day.totals;
  report.figures([
    { label: '予約（来庁待ち）', value: `${num(t.booked)}件`, hint: `予約席 ${num(t.seatsBooked)} / 定員 ${num(t.capacity)}` },
    { label: '来庁済み', value: `${num(t.checkedIn)}件` },
    { label: '予約なしの来庁', value: `${num(t.walkIns)}件` },
    { label: 'キャンセル・来庁なし', value: `${num(t.cancelled + t.noShow)}件` },
  ]);
  if (!day.slots.length) {
    report.note('この日の予約枠はありません。');
    return report.finish(`${cityName}　${day.deskName}　${date}`);
  }
  const rows: string[][] = [];
  for (const s of day.slots) {
    const live = s.appointments.filter((a) => a.status !== 'cancelled');
    const head = `${time(s.startsAt)}〜${time(s.endsAt)}`;
    if (!live.length) rows.push([head, `（空き ${s.remaining}席）`, '', '', '', '□']);
    live.forEach((a, i) =>
      rows.push([
        i === 0 ? head : '',
        day.contactVisible ? `${a.residentName ?? '（消去済み）'}${a.walkIn ? '（予約なし）' : ''}` : a.walkIn ? '予約なし来庁' : '予約',
        day.contactVisible ? (a.phone ?? '') : '',
        a.purpose.map((p) => ASSISTANCE_TYPE.label(p)).join('・'),
        `${a.partySize}人`,
        a.status === 'booked' ? '□' : `■ ${APPOINTMENT_STATUS.label(a.status)}`,
      ]),
    );
  }
  report.table(
    [
      { header: '時間', width: 2 },
      { header: day.contactVisible ? '氏名' : '区分', width: 3 },
      { header: '電話番号', width: 3 },
      { header: '用件', width: 5 },
      { header: '人数', width: 1, align: 'right' },
      { header: '来庁', width: 2 },
    ],
    rows,
  );
  report.note(
    day.contactVisible
      ? '個人情報を含みます。窓口の終了後は回収し、シュレッダーで処分してください。来庁・来庁なしは、戻ってからシステムに記録してください。'
      : '氏名・電話番号は、窓口・政策推進係・システム管理者の予約表にだけ印刷されます。',
  );
  return report.finish(`${cityName}　${day.deskName}　${date}`);
}

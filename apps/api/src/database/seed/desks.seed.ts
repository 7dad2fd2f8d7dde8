import { addDays, jstStartOfDay, slotsFromPattern, toJstDate, type SlotPattern } from '@mynapoint/domain';
import type { SeedStep } from './seed-context';

// Support desks over the Round 2 peak (2022-06 to 2023-02): the main office's desk and
// two pop-up desks (出張窓口) at community centres, with their slots, bookings, no-shows,
// cancellations and walk-ins; the visits of those who came (assistance records, some on
// the desks' shared terminals) and one wrong-person incident found on a terminal's log.
// Bookings of long ago have had their names and phone numbers erased (as the erasure job
// does after 90 days); TODAY the main office has bookings with names, so the counter's
// board shows a day in progress, and the next two weeks have open slots to book.

const MAIN = { name: '本庁 市民生活課 マイナポイント窓口', office: 'main_office', place: '阿賀野市役所 本庁舎 1階', opensOn: null, closesOn: null };
const POPUPS = [
  { name: '出張窓口 京ヶ瀬公民館', office: 'popup', place: '京ヶ瀬公民館 2階 会議室', opensOn: '2022-09-05', closesOn: '2022-09-16' },
  { name: '出張窓口 笹神地区公民館', office: 'popup', place: '笹神地区公民館 研修室', opensOn: '2022-12-05', closesOn: '2022-12-16' },
];

const MAIN_PATTERN: Omit<SlotPattern, 'from' | 'to'> = { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '16:30', everyMinutes: 30, seats: 3, breakStart: '12:00', breakEnd: '13:00' };
const POPUP_PATTERN: Omit<SlotPattern, 'from' | 'to'> = { weekdays: [1, 2, 3, 4, 5], startTime: '10:00', endTime: '16:00', everyMinutes: 30, seats: 2, breakStart: '12:00', breakEnd: '13:00' };

// How full the slots were: the health-insurance and public-funds registrations from
// 2022-06-30, the card deadline 2022-09-30 (then 12-31 and 2023-02-28).
const FILL: Record<string, number> = {
  '2022-06': 0.35, '2022-07': 0.55, '2022-08': 0.5, '2022-09': 0.85, '2022-10': 0.55, '2022-11': 0.6, '2022-12': 0.8, '2023-01': 0.6, '2023-02': 0.9,
};

const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '山本', '中村', '小林', '加藤', '吉田', '山田', '斎藤', '五十嵐', '本間', '小林', '阿部', '長谷川'];
const GIVEN = ['花子', '太郎', '洋子', '一郎', '恵子', '健', '幸子', '誠', '美香', '浩', '和子', '翔太', '陽菜', '大輔', '京子', '隆'];
const PURPOSES: Array<[string[], number]> = [
  [['point_application'], 30],
  [['mykey_reservation', 'point_application'], 25],
  [['cert_renewal'], 8],
  [['pin_reset', 'mykey_reservation'], 8],
  [['inquiry'], 14],
  [['card_application'], 15],
];

const pick = <T>(random: () => number, weighted: Array<[T, number]>): T => {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
};
const oneOf = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

interface Slot {
  id: number;
  deskId: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  booked: number;
}

interface Booking {
  slot: Slot;
  name: string | null;
  phone: string | null;
  purpose: string[];
  partySize: number;
  status: 'booked' | 'checked_in' | 'no_show' | 'cancelled';
  walkIn: boolean;
  checkedInAt: Date | null;
  /** Minutes from check-in to the start of the visit. */
  wait: number;
  erased: boolean;
  terminalId: number | null;
  recordId: number | null;
  office: string;
}

export const desksSeed: SeedStep = {
  name: 'support desks',
  async run(ctx) {
    const random = ctx.random;
    const [{ id: counterId }] = await ctx.query<{ id: number }>(`SELECT id FROM users WHERE username = 'counter' AND municipality_code = current_municipality()`);
    const [settings] = await ctx.query<{ closed: string[]; days: number }>(
      `SELECT closed_days::text[] AS closed, appointment_retention_days AS days FROM municipalities WHERE code = current_municipality()`,
    );
    const today = toJstDate(ctx.now);
    const erasedBefore = ctx.now.getTime() - settings.days * 86_400_000;

    // Desks and their terminals.
    const desks: { id: number; office: string; pattern: Omit<SlotPattern, 'from' | 'to'>; from: string; to: string }[] = [];
    for (const d of [MAIN, ...POPUPS]) {
      const [row] = await ctx.query<{ id: number }>(
        'INSERT INTO desks (name, office, place, opens_on, closes_on) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [d.name, d.office, d.place, d.opensOn, d.closesOn],
      );
      desks.push({ id: row.id, office: d.office, pattern: d.office === 'popup' ? POPUP_PATTERN : MAIN_PATTERN, from: d.opensOn ?? '2022-06-01', to: d.closesOn ?? '2023-02-28' });
    }
    const terminals: Record<number, number[]> = {};
    for (const [i, desk] of desks.entries()) {
      const names = i === 0 ? ['貸出PC 1号機', '貸出PC 2号機'] : ['タブレット A'];
      terminals[desk.id] = [];
      for (const name of names) {
        const [t] = await ctx.query<{ id: number }>('INSERT INTO terminals (desk_id, name) VALUES ($1, $2) RETURNING id', [desk.id, name]);
        terminals[desk.id].push(t.id);
      }
    }

    // Slots: the peak from the patterns (holidays, the year-end closure skipped); today at
    // the main office whatever day it is, and its next two weeks.
    const slotRows: Omit<Slot, 'id' | 'booked'>[] = [];
    for (const desk of desks) {
      for (const s of slotsFromPattern({ ...desk.pattern, from: desk.from, to: desk.to }, { closedDays: settings.closed }).slots) slotRows.push({ deskId: desk.id, ...s });
    }
    const main = desks[0];
    const todays = slotsFromPattern({ ...MAIN_PATTERN, weekdays: [1, 2, 3, 4, 5, 6, 7], from: today, to: today }, { closedDays: [] }).slots;
    // A holiday or the year-end today still gets its slots: the demo's board is never empty.
    const todaySlots = todays.length ? todays : dayOfSlots(today);
    const ahead = slotsFromPattern({ ...MAIN_PATTERN, from: addDays(today, 1), to: addDays(today, 14) }, { closedDays: settings.closed }).slots;
    for (const s of [...todaySlots, ...ahead]) if (s.startsAt.getTime() > jstStartOfDay('2023-02-28').getTime() + 86_400_000) slotRows.push({ deskId: main.id, ...s });

    const slots: Slot[] = slotRows.map((s) => ({ ...s, id: 0, booked: 0 }));
    const bookings: Booking[] = [];
    const officeOf = new Map(desks.map((d) => [d.id, d.office === 'main_office' ? 'main_office' : 'branch_office']));
    const nowMs = ctx.now.getTime();

    for (const slot of slots) {
      const day = toJstDate(slot.startsAt);
      const isToday = day === today;
      const past = slot.endsAt.getTime() <= nowMs;
      const fill = isToday ? 0.6 : past ? (FILL[day.slice(0, 7)] ?? 0.4) : 0.25;
      const office = officeOf.get(slot.deskId)!;
      let seats = 0;
      for (let seat = 0; seat < slot.capacity; seat++) {
        if (random() >= fill) continue;
        const partySize = Math.min(slot.capacity - seats, random() < 0.85 ? 1 : random() < 0.8 ? 2 : 3);
        if (partySize < 1) break;
        let purpose = pick(random, PURPOSES);
        if (office !== 'main_office' && purpose.includes('card_application')) purpose = ['point_application'];
        // Today: those whose slot began a while ago mostly arrived, one or two are late; earlier
        // days: a few cancelled, some never came; days ahead: booked.
        let status: Booking['status'] = 'booked';
        if (isToday) status = slot.startsAt.getTime() < nowMs - 15 * 60_000 && random() < 0.8 ? 'checked_in' : 'booked';
        else if (past) status = random() < 0.07 ? 'cancelled' : random() < 0.1 ? 'no_show' : 'checked_in';
        if (status !== 'cancelled') seats += partySize;
        bookings.push(booking(random, slot, office, purpose, partySize, status, false, nowMs, erasedBefore));
        seat += partySize - 1;
      }
      slot.booked = seats;
      // Walk-ins: residents who came without a booking, served in a quiet moment.
      if ((past || (isToday && slot.startsAt.getTime() < nowMs)) && random() < (isToday ? 0.2 : 0.12)) {
        bookings.push(booking(random, slot, office, random() < 0.5 ? ['inquiry'] : ['point_application'], 1, 'checked_in', true, nowMs, erasedBefore));
      }
    }

    // Slot ids, in the order they were made.
    const ids = await ctx.query<{ id: number }>(
      `INSERT INTO appointment_slots (desk_id, starts_at, ends_at, capacity, booked)
       SELECT d, s, e, c, b FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[], $4::int[], $5::int[]) WITH ORDINALITY AS x(d, s, e, c, b, n)
       ORDER BY n RETURNING id`,
      [slots.map((s) => s.deskId), slots.map((s) => s.startsAt.toISOString()), slots.map((s) => s.endsAt.toISOString()), slots.map((s) => s.capacity), slots.map((s) => s.booked)],
    );
    const byStart = await ctx.query<{ id: number; desk: number; at: string }>(`SELECT id, desk_id AS desk, starts_at::text AS at FROM appointment_slots WHERE id = ANY ($1::int[])`, [ids.map((r) => r.id)]);
    const idOf = new Map(byStart.map((r) => [`${r.desk}|${new Date(r.at).toISOString()}`, r.id]));
    for (const s of slots) s.id = idOf.get(`${s.deskId}|${s.startsAt.toISOString()}`)!;

    // The visits of those who came: one assistance record each, some on the desk's terminals.
    const visits = bookings.filter((b) => b.status === 'checked_in');
    const [{ first }] = await ctx.query<{ first: string }>(`SELECT nextval('assistance_records_id_seq')::text AS first`);
    await ctx.query(`SELECT setval('assistance_records_id_seq', $1::bigint + $2::bigint)`, [first, visits.length]);
    visits.forEach((b, i) => {
      b.recordId = Number(first) + i + 1;
      const risky = b.purpose.some((p) => p === 'mykey_reservation' || p === 'point_application');
      if (risky && random() < 0.5) b.terminalId = oneOf(random, terminals[b.slot.deskId]);
    });
    if (visits.length) {
      const visitedAt = visits.map((b) => new Date(Math.min(nowMs - 60_000, b.checkedInAt!.getTime() + b.wait * 60_000)));
      const duration = visits.map((b) => Math.max(5, Math.round((b.slot.endsAt.getTime() - b.slot.startsAt.getTime()) / 60_000 - 5 - random() * 10)));
      await ctx.query(
        `INSERT INTO assistance_records (id, visited_at, created_at, updated_at, office, staff_id, assistance_types, outcome, duration_minutes, proxy,
           shared_terminal_used, terminal_logged_out, service_id_read_back, terminal_id)
         SELECT i, v, c, c, o, $5, string_to_array(t, ','), 'completed', d, 'none', tm IS NOT NULL, tm IS NOT NULL, tm IS NOT NULL, tm
           FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[], $4::text[], $6::text[], $7::int[], $8::int[]) AS x(i, v, c, o, t, d, tm)`,
        [
          visits.map((b) => b.recordId),
          visitedAt.map((v) => v.toISOString()),
          visitedAt.map((v, i) => new Date(v.getTime() + duration[i] * 60_000).toISOString()),
          visits.map((b) => b.office),
          counterId,
          visits.map((b) => b.purpose.join(',')),
          duration,
          visits.map((b) => b.terminalId),
        ],
      );
    }

    await ctx.query(
      `INSERT INTO appointments (slot_id, resident_name, phone, purpose, party_size, status, walk_in, checked_in_at, assistance_record_id, erased_at, booked_by, created_at)
       SELECT s, n, p, string_to_array(pu, ','), ps, st, w, ci, r, er, $11, cr
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::bool[], $8::timestamptz[], $9::int[], $10::timestamptz[], $12::timestamptz[])
           AS x(s, n, p, pu, ps, st, w, ci, r, er, cr)`,
      [
        bookings.map((b) => b.slot.id),
        bookings.map((b) => (b.erased ? null : b.name)),
        bookings.map((b) => (b.erased ? null : b.phone)),
        bookings.map((b) => b.purpose.join(',')),
        bookings.map((b) => b.partySize),
        bookings.map((b) => b.status),
        bookings.map((b) => b.walkIn),
        bookings.map((b) => b.checkedInAt?.toISOString() ?? null),
        bookings.map((b) => b.recordId),
        bookings.map((b) => (b.erased ? new Date(b.slot.endsAt.getTime() + settings.days * 86_400_000).toISOString() : null)),
        counterId,
        bookings.map((b) => new Date(b.slot.startsAt.getTime() - (b.walkIn ? 0 : (1 + Math.floor(random() * 14)) * 86_400_000)).toISOString()),
      ],
    );

    // One wrong-person incident: two visits in a row on the main office's first terminal.
    const onTerminal = visits.filter((b) => b.terminalId === terminals[main.id][0] && toJstDate(b.slot.startsAt).startsWith('2022-09')).slice(0, 2);
    if (onTerminal.length === 2) {
      const occurredOn = toJstDate(onTerminal[0].slot.startsAt);
      const [inc] = await ctx.query<{ id: number }>(
        `INSERT INTO wrong_person_incidents (occurred_on, cause, terminal_id, description, residents_contact_status, operator_reply_status, operator_reply, mic_reported_on, mic_report_ref, status, reported_by)
         VALUES ($1, 'terminal_not_logged_out', $2, $3, 'contacted', 'replied', $4, $5, $6, 'reported', $7) RETURNING id`,
        [
          occurredOn,
          terminals[main.id][0],
          '貸出PC 1号機で、前の来庁者の決済サービスアカウントからログアウトしないまま次の来庁者の申し込みを行い、ポイントが前の来庁者に付与された。',
          '決済事業者に付与の取消しと正しい利用者への再付与を依頼し、対応済みとの回答を受けた。',
          addDays(occurredOn, 10),
          '阿市民第1234号',
          counterId,
        ],
      );
      await ctx.query('INSERT INTO wrong_person_incident_visits (incident_id, assistance_record_id) SELECT $1, unnest($2::int[])', [inc.id, onTerminal.map((b) => b.recordId)]);
      await ctx.query(
        `INSERT INTO wrong_person_incident_history (incident_id, from_status, to_status, changed_by, changed_at, comment)
         VALUES ($1, NULL, 'new', $2, ($3::date + time '17:00') AT TIME ZONE 'Asia/Tokyo', NULL),
                ($1, 'new', 'investigating', $2, ($3::date + 1 + time '09:30') AT TIME ZONE 'Asia/Tokyo', '端末の利用記録で前後の来庁を確認'),
                ($1, 'investigating', 'reported', $2, ($4::date + time '15:00') AT TIME ZONE 'Asia/Tokyo', '総務省へ報告')`,
        [inc.id, counterId, occurredOn, addDays(occurredOn, 10)],
      );
    }
  },
};

function booking(
  random: () => number,
  slot: Slot,
  office: string,
  purpose: string[],
  partySize: number,
  status: Booking['status'],
  walkIn: boolean,
  nowMs: number,
  erasedBefore: number,
): Booking {
  const checkedInAt = status === 'checked_in' ? new Date(Math.min(nowMs - 60_000, slot.startsAt.getTime() + Math.round((random() * 20 - 8) * 60_000))) : null;
  const name = walkIn && random() < 0.5 ? null : `${oneOf(random, SURNAMES)} ${oneOf(random, GIVEN)}`;
  const phone = random() < 0.6 ? `0250-6${Math.floor(random() * 10)}-${String(Math.floor(random() * 10_000)).padStart(4, '0')}` : `090-${String(Math.floor(random() * 10_000)).padStart(4, '0')}-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
  return {
    slot,
    name,
    phone: walkIn ? null : phone,
    purpose,
    partySize,
    status,
    walkIn,
    checkedInAt,
    wait: Math.floor(random() * 12),
    erased: slot.endsAt.getTime() < erasedBefore,
    terminalId: null,
    recordId: null,
    office,
  };
}

/** Today's slots at the main office even when today is a holiday (the demo's board). */
function dayOfSlots(date: string): { startsAt: Date; endsAt: Date; capacity: number }[] {
  const out: { startsAt: Date; endsAt: Date; capacity: number }[] = [];
  const start = jstStartOfDay(date).getTime();
  for (let m = 9 * 60; m + 30 <= 16 * 60 + 30; m += 30) {
    if (m >= 12 * 60 && m < 13 * 60) continue;
    out.push({ startsAt: new Date(start + m * 60_000), endsAt: new Date(start + (m + 30) * 60_000), capacity: MAIN_PATTERN.seats });
  }
  return out;
}

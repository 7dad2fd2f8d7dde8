import { benchmarkRateBody, populationFigureBody, targetBody } from './card-uptake-fixtures';
import { generateSync } from 'otplib';
import type { Role } from '@mynapoint/domain';
import { assistanceRecordBody } from './assistance-fixtures';
import { appointmentBody, deskBody, incidentBody, slotBody } from './desk-fixtures';
import { fraudAlertBody } from './fraud-fixtures';
import { paymentServiceBody, userBody } from './fixtures';
import type { Client_, TestApp } from './test-app';
import { campaignBody, measureBody, newMyKeyId, quotaBody, reservationBody, applicationBody } from './uptake-fixtures';
import { importCsv } from './uptake-sql-fixtures';

// Two municipalities in one database, for the tests of issue #18 (isolation): A is the
// installation's default (阿賀野市), B a second one set up as the operator would.

export const A = '152234';
export const B = '152064';

/** Adds B (its row and the four demo users) to a test app whose default municipality is A. */
export async function addB(t: TestApp): Promise<void> {
  await t.addMunicipality(B, '新発田市', ['豊浦', '紫雲寺', '加治川']);
}

/** A client signed in as `role` of the municipality (A without a code, as a single-city installation does). */
export function as(t: TestApp, code: string, role: Role | string): Promise<Client_> {
  return code === A ? t.as(role) : t.as(role, code);
}

/** The records one municipality wrote through the API, by resource (the route's first segment). */
export type RecordIds = Record<string, number>;

export interface Written {
  code: string;
  /** Text put into every free-text field: an export, a report or a list that shows it shows this municipality's rows. */
  marker: string;
  ids: RecordIds;
  /** A MyKey ID that has a reservation and an application there. */
  myKeyId: string;
  /** Every id written per resource (for "none of these is listed"). */
  all: Record<string, number[]>;
}

async function created(res: { status: number; body: { id: number } & Record<string, unknown> }, what: string): Promise<{ id: number } & Record<string, unknown>> {
  if (res.status !== 201 && res.status !== 202) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let seq = 0;

/**
 * One record of every resource, written through the API by the municipality's own users,
 * so that every municipality-owned table gets rows: the reference data of its own
 * (payment service, campaign), a quota, reservations (participants, uptake rollups),
 * applications (one deleted: application_deletions), a point award (award rollups), a
 * counter visit with an Idempotency-Key (assistance rollups, idempotency_keys), a fraud
 * alert moved along (its history, fraud rollups), an import with a bad line (imports,
 * import_errors, and rate_limit_windows: starting it spends from the admin's budget), a
 * user who signs in (a session of its own, ids.sessions) and turns on the second factor
 * (recovery_codes); the audit log fills itself.
 */
export async function writeOneOfEach(t: TestApp, code: string, marker: string): Promise<Written> {
  const admin = await as(t, code, 'admin');
  const counter = await as(t, code, 'counter');
  const n = ++seq;
  const ids: RecordIds = {};
  const all: Record<string, number[]> = {};
  const keep = (resource: string, id: number) => {
    ids[resource] ??= id;
    (all[resource] ??= []).push(id);
    return id;
  };

  const service = await created(await admin.post('/api/payment-services').send(paymentServiceBody({ name: `${marker}Pay${n}`, notes: marker })), 'payment service');
  keep('payment-services', service.id);
  const campaign = await created(await admin.post('/api/campaigns').send(campaignBody({ name: `${marker}キャンペーン${n}` })), 'campaign');
  keep('campaigns', campaign.id);
  // The municipality's own top-up measure, with its budget (reference data of its own).
  const measure = await created(
    await admin.post('/api/measures').send(measureBody(campaign.id, { name: `${marker}上乗せ${n}`, fixedAmountYen: 2000, fundedBy: 'municipality', budgetYen: 20_000_000 })),
    'measure',
  );
  keep('measures', measure.id);
  const quota = await created(await admin.post('/api/reservation-quotas').send(quotaBody(campaign.id, { name: `${marker}予約枠${n}` })), 'quota');
  keep('reservation-quotas', quota.id);

  const reserve = async () => {
    const body = reservationBody(quota.id, { district: marker });
    const r = await created(await admin.post('/api/reservations').send(body), 'reservation');
    keep('reservations', r.id);
    keep('participants', r.participantId as number);
    return body.myKeyId;
  };
  const myKeyId = await reserve();
  const application = await created(await admin.post('/api/applications').send(applicationBody(myKeyId, service.id)), 'application');
  keep('applications', application.id);
  const award = await created(
    await admin.post('/api/point-awards').send({ myKeyId, paymentServiceId: service.id, externalId: `${marker}-${n}`, transactionDate: '2020-10-01', kind: 'charge', amountYen: 2000 }),
    'point award',
  );
  keep('point-awards', award.id);
  // A second applicant whose application is withdrawn (the deletion is kept with its reason).
  const second = await reserve();
  const withdrawn = await created(await admin.post('/api/applications').send(applicationBody(second, service.id)), 'application');
  const del = await admin.delete(`/api/applications/${withdrawn.id}`).send({ reason: `${marker} 入力誤り` });
  if (del.status !== 200) throw new Error(`delete application: ${del.status} ${JSON.stringify(del.body)}`);

  const visit = await created(
    await counter
      .post('/api/assistance-records')
      .set('Idempotency-Key', `${marker}-visit-${n}`.replace(/[^\w.:-]/g, 'x').padEnd(8, 'x'))
      .send(assistanceRecordBody({ notes: marker, district: marker })),
    'assistance record',
  );
  keep('assistance-records', visit.id);

  const alert = await created(
    await admin.post('/api/fraud-alerts').send(
      fraudAlertBody({ description: `${marker}：市役所を名乗る電話でマイナンバーを聞かれた。`, district: marker, noticeTitle: `${marker}の注意喚起`, noticeBody: `${marker}の職員が電話でマイナンバーを聞くことはありません。` }),
    ),
    'fraud alert',
  );
  keep('fraud-alerts', alert.id);
  const moved = await admin.put(`/api/fraud-alerts/${alert.id}`).send({ status: 'investigating', statusComment: marker });
  if (moved.status !== 200) throw new Error(`move fraud alert: ${moved.status} ${JSON.stringify(moved.body)}`);

  // Card uptake: a population snapshot, a published rate and a target of the municipality's own.
  const figure = await created(await admin.post('/api/population-figures').send(populationFigureBody({ district: `${marker}${n}`.slice(0, 40) })), 'population figure');
  keep('population-figures', figure.id);
  const rate = await created(await admin.post('/api/benchmark-rates').send(benchmarkRateBody()), 'benchmark rate');
  keep('benchmark-rates', rate.id);
  const target = await created(await admin.post('/api/targets').send(targetBody({ name: `${marker}目標${n}` })), 'target');
  keep('targets', target.id);

  // Support desks: a desk with a slot of today (so that its appointment can be checked in), a
  // booking with a name, a terminal with a visit on it, and a wrong-person incident naming both.
  const desk = await created(await admin.post('/api/desks').send(deskBody({ name: `${marker}窓口${n}`, place: marker })), 'desk');
  keep('desks', desk.id);
  const slot = await created(await admin.post('/api/appointment-slots').send(slotBody(desk.id, { startsInMinutes: -5 })), 'appointment slot');
  keep('appointment-slots', slot.id);
  const appointment = await created(await counter.post('/api/appointments').send(appointmentBody(slot.id, { residentName: `${marker}住民`, notes: marker })), 'appointment');
  keep('appointments', appointment.id);
  const terminal = await created(await admin.post('/api/terminals').send({ deskId: desk.id, name: `${marker}端末${n}` }), 'terminal');
  keep('terminals', terminal.id);
  const onTerminal = await created(await counter.post('/api/assistance-records').send(assistanceRecordBody({ notes: marker, terminalId: terminal.id })), 'visit on a terminal');
  keep('assistance-records', onTerminal.id);
  const incident = await created(
    await admin.post('/api/wrong-person-incidents').send(incidentBody({ description: `${marker}：端末のログアウト漏れ`, terminalId: terminal.id, assistanceRecordIds: [visit.id, onTerminal.id] })),
    'wrong-person incident',
  );
  keep('wrong-person-incidents', incident.id);
  const incidentMoved = await admin.put(`/api/wrong-person-incidents/${incident.id}`).send({ status: 'investigating', statusComment: marker });
  if (incidentMoved.status !== 200) throw new Error(`move incident: ${incidentMoved.status} ${JSON.stringify(incidentMoved.body)}`);

  const imported = await importCsv(admin, 'reservations', `myKeyId,reservedAt,channel,quotaId\r\n${newMyKeyId()},2020-09-02 10:00,counter,${quota.id}\r\nbad,2020-09-02 10:00,counter,${quota.id}\r\n`, {
    campaignId: campaign.id,
  });
  if (imported.status !== 'done' || imported.rejected !== 1) throw new Error(`import: ${JSON.stringify(imported)}`);
  keep('imports', imported.id);

  const body = userBody({ displayName: `${marker}職員` });
  const user = await created(await admin.post('/api/users').send(body), 'user');
  keep('users', user.id);
  // The user's own session (the session routes' record) and its second factor, set up as
  // the two-factor tests do: the code is computed from the secret the set-up hands out.
  const login = await t.anon.post('/api/auth/login').send({ username: body.username, password: body.password, ...(code === A ? {} : { municipalityCode: code }) });
  if (login.status !== 200 || !login.body.accessToken) throw new Error(`user login: ${login.status} ${JSON.stringify(login.body)}`);
  const own = t.client(login.body.accessToken);
  const [session] = (await own.get('/api/auth/sessions')).body as { id: number }[];
  keep('sessions', session.id);
  const { secret } = (await own.post('/api/auth/totp/setup')).body as { secret: string };
  const confirmed = await own.post('/api/auth/totp/confirm').send({ code: generateSync({ secret, epoch: Math.floor(Date.now() / 1000) }) });
  if (confirmed.status !== 200 || confirmed.body.recoveryCodes?.length !== 10) throw new Error(`totp confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);

  const log = await admin.get('/api/audit-logs?sort=["id","DESC"]&range=[0,0]');
  if (log.status !== 200 || !log.body.length) throw new Error(`audit log: ${log.status}`);
  keep('audit-logs', log.body[0].id);

  const [row] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [code]);
  keep('municipalities', row.id);
  return { code, marker, ids, myKeyId, all };
}

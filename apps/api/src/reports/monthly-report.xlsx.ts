import ExcelJS from 'exceljs';
import { AGE_BAND, ASSISTANCE_OUTCOME, CHANNEL, FRAUD_CHANNEL, FUNDED_BY, MEASURE_KIND, OFFICE, PAYMENT_SERVICE_KIND, POINT_AWARD_KIND, TARGET_METRIC, UNABLE_REASON, formatJapaneseEraMonth } from '@mynapoint/domain';
import type { MonthlyReport } from './monthly-report';

export const REPORT_SHEETS = ['概要', '予約・申し込み', '決済サービス別', 'ポイント付与', '窓口支援', '詐欺情報', 'カード普及', '施策別'] as const;

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F2FD' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

/** The monthly report as an Excel workbook, one sheet per section, numbers as numbers. */
export function renderMonthlyReportXlsx(r: MonthlyReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = r.cityName;
  wb.created = new Date(r.generatedAt);
  const u = r.uptake;
  const p = r.points;
  const c = r.counter;
  const f = r.fraud;

  const summary = sheet(wb, REPORT_SHEETS[0], [
    { header: '項目', width: 34 },
    { header: '値', width: 18 },
  ]);
  summary.addRows([
    ['対象月', formatJapaneseEraMonth(`${r.month}-01`)],
    ['対象月（西暦）', r.month],
    ['自治体', r.cityName],
    ['キャンペーン', r.campaign?.name ?? '—'],
    ['当月の予約数', u.reservationsInMonth],
    ['累計予約数', u.reservationsToDate],
    ['当月の申し込み数', u.applicationsInMonth],
    ['累計申し込み数', u.applicationsToDate],
    ['予約上限（予約枠の合計）', u.quotaCapacity],
    ['予約枠の使用数', u.quotaUsed],
    ['当月の付与ポイント', p.pointsInMonth],
    ['累計付与ポイント', p.pointsToDate],
    ['上限に達した人（累計）', p.participantsAtCapToDate],
    ['当月の窓口支援件数', c.visits],
    ['当月の詐欺情報受付件数', f.reports],
    ['当月の被害額（円）', f.damageYen],
  ]);

  const uptake = sheet(wb, REPORT_SHEETS[1], [
    { header: '日付', width: 14 },
    { header: '予約', width: 10 },
    { header: '申し込み', width: 10 },
  ]);
  uptake.addRows(u.daily.map((d) => [d.date, d.reservations, d.applications]));
  uptake.addRow([]);
  uptake.addRow(['方法', '予約（当月）', '申し込み（当月）']).font = { bold: true };
  uptake.addRows(u.byChannel.map((x) => [CHANNEL.label(x.channel), x.reservations, x.applications]));

  const services = sheet(wb, REPORT_SHEETS[2], [
    { header: 'サービス名', width: 30 },
    { header: '種類', width: 18 },
    { header: '当月', width: 10 },
    { header: '累計', width: 10 },
  ]);
  services.addRows(r.applicationsByService.map((s) => [s.name, PAYMENT_SERVICE_KIND.label(s.kind), s.inMonth, s.toDate]));

  const points = sheet(wb, REPORT_SHEETS[3], [
    { header: '決済サービス／区分', width: 30 },
    { header: '付与件数（当月）', width: 16 },
    { header: '付与ポイント（当月）', width: 18 },
  ]);
  points.addRows(p.byService.map((s) => [s.name, s.awards, s.points]));
  points.addRows(p.byKind.map((k) => [`${POINT_AWARD_KIND.label(k.kind)}（合計）`, k.awards, k.points]));
  points.addRow([]);
  points.addRow(['当月の対象額（円）', p.amountInMonth]);
  points.addRow(['付与を受けた人（累計）', p.participantsWithPointsToDate]);
  points.addRow(['上限に達した人（累計）', p.participantsAtCapToDate]);

  const counter = sheet(wb, REPORT_SHEETS[4], [
    { header: '区分', width: 30 },
    { header: '件数', width: 10 },
  ]);
  counter.addRows([['支援件数（当月）', c.visits], ['対応時間の合計（分）', c.minutes]]);
  counter.addRows(c.byOffice.map((o) => [OFFICE.label(o.office), o.visits]));
  counter.addRows(c.byOutcome.map((o) => [`結果: ${ASSISTANCE_OUTCOME.label(o.outcome)}`, o.visits]));
  counter.addRows(c.unableReasons.map((x) => [`対応不可の理由: ${UNABLE_REASON.label(x.reason)}`, x.visits]));

  const fraud = sheet(wb, REPORT_SHEETS[5], [
    { header: '区分', width: 40 },
    { header: '値', width: 22 },
  ]);
  fraud.addRows([['受付件数（当月）', f.reports], ['被害額（円、当月）', f.damageYen], ['対応中（作成時点）', f.stillOpen]]);
  fraud.addRows(f.byChannel.map((x) => [`接触手段: ${FRAUD_CHANNEL.label(x.channel)}`, x.reports]));
  fraud.addRow([]);
  fraud.addRow(['公開した注意喚起', '公開日時']).font = { bold: true };
  fraud.addRows(f.notices.map((n) => [n.title, new Date(n.publishedAt)]));

  // My Number card uptake as of the month's end: rates as numbers (percent, one decimal).
  const k = r.cardUptake;
  const card = sheet(wb, REPORT_SHEETS[6], [
    { header: '区分', width: 30 },
    { header: '人口', width: 12 },
    { header: '申請件数', width: 12 },
    { header: '申請率（%）', width: 12 },
    { header: '交付枚数', width: 12 },
    { header: '交付率（%）', width: 12 },
    ...k.targets.map((t) => ({ header: `目標までの差: ${t.name}`, width: 24 })),
  ]);
  const line = (name: string, g: typeof k.overall) => [
    name,
    g.population,
    g.cardApplications,
    g.applicationRatePercent,
    g.cardsIssued,
    g.issuanceRatePercent,
    ...g.gaps.map((x) => (x.reached ? 0 : x.people)),
  ];
  card.addRow(['集計の基準日', k.figuresAsOf ?? '（集計なし）']);
  card.addRow(line('全体', k.overall)).font = { bold: true };
  card.addRows(k.byDistrict.map((d) => line(`地区: ${d.district}`, d)));
  card.addRows(k.byAgeBand.map((a) => line(`年代: ${AGE_BAND.label(a.ageBand)}`, a)));
  card.addRow([]);
  card.addRow(['公表値', '基準日', '', '申請率（%）', '', '交付率（%）']).font = { bold: true };
  if (k.national) card.addRow(['全国', k.national.asOf, null, k.national.applicationRatePercent, null, k.national.issuanceRatePercent]);
  if (k.prefecture) card.addRow(['都道府県', k.prefecture.asOf, null, k.prefecture.applicationRatePercent, null, k.prefecture.issuanceRatePercent]);
  card.addRow([]);
  card.addRow(['目標', '指標', '目標値（%）', '期限', '現在（%）', 'あと何人']).font = { bold: true };
  card.addRows(k.targets.map((t) => [t.name, TARGET_METRIC.label(t.metric), t.percent, t.dueOn, t.currentPercent, t.people]));

  // By measure, to date: uptake, points, and a budgeted measure's budget used and remaining.
  const measures = sheet(wb, REPORT_SHEETS[7], [
    { header: 'キャンペーン', width: 28 },
    { header: '施策', width: 36 },
    { header: '種類', width: 16 },
    { header: '財源', width: 10 },
    { header: '申し込み', width: 10 },
    { header: 'ポイント受取人数', width: 14 },
    { header: '上限到達', width: 10 },
    { header: '付与件数', width: 10 },
    { header: '付与ポイント（円）', width: 16 },
    { header: '予算（円）', width: 16 },
    { header: '予算残額（円）', width: 16 },
    { header: '執行率（%）', width: 12 },
  ]);
  measures.addRows(
    r.measures.map((m) => [
      m.campaignName,
      m.name,
      MEASURE_KIND.label(m.kind),
      FUNDED_BY.label(m.fundedBy),
      m.applications,
      m.participantsWithPoints,
      m.participantsAtCap,
      m.awards,
      m.pointsYen,
      m.budgetYen,
      m.remainingBudgetYen,
      m.budgetUsedPercent,
    ]),
  );
  return wb;
}

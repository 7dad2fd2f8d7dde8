import {
  AGE_BAND,
  ASSISTANCE_OUTCOME,
  CHANNEL,
  FRAUD_CHANNEL,
  OFFICE,
  PAYMENT_SERVICE_KIND,
  TARGET_METRIC,
  POINT_AWARD_KIND,
  FUNDED_BY,
  MEASURE_KIND,
  UNABLE_REASON,
  formatJapaneseEraDate,
  formatJapaneseEraMonth,
  formatRate,
  type CardUptakeGap,
  type CardUptakeStats,
} from '@mynapoint/domain';
import type { MonthlyReport } from './monthly-report';
import { Report, num } from './pdf-kit';

const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');
const yen = (n: number) => `${num(n)}円`;

/** The monthly report as an A4 PDF in Japanese: figures, tables and charts per section. */
export function renderMonthlyReportPdf(r: MonthlyReport): PDFKit.PDFDocument {
  const era = formatJapaneseEraMonth(`${r.month}-01`);
  const report = new Report({ title: `マイナポイント事業 月次報告 ${era}`, subject: r.cityName });
  report.title(`マイナポイント事業 月次報告 ${era}`, `${r.cityName}　対象キャンペーン: ${r.campaign?.name ?? '—'}　作成日: ${formatJapaneseEraDate(new Date(r.generatedAt))}`);

  // 1. Uptake against the quota
  const u = r.uptake;
  report.section('1. 予約・申し込みの状況（予約上限との比較）');
  report.figures([
    { label: '当月の予約数', value: `${num(u.reservationsInMonth)}件`, hint: `累計 ${num(u.reservationsToDate)}件` },
    { label: '当月の申し込み数', value: `${num(u.applicationsInMonth)}件`, hint: `累計 ${num(u.applicationsToDate)}件` },
    { label: '予約上限（予約枠の合計）', value: `${num(u.quotaCapacity)}件`, hint: `使用 ${num(u.quotaUsed)}件（${pct(u.quotaUsed, u.quotaCapacity)}）` },
    { label: '予約枠の残り', value: `${num(Math.max(0, u.quotaCapacity - u.quotaUsed))}件`, hint: '作成時点' },
  ]);
  report.bars({
    categories: u.daily.map((d) => String(Number(d.date.slice(8)))),
    series: [
      { name: '予約', values: u.daily.map((d) => d.reservations) },
      { name: '申し込み', values: u.daily.map((d) => d.applications) },
    ],
    labelEvery: 2,
    height: 120,
  });
  report.table(
    [
      { header: '予約・申し込みの方法', width: 3 },
      { header: '予約（当月）', width: 2, align: 'right' },
      { header: '申し込み（当月）', width: 2, align: 'right' },
    ],
    u.byChannel.map((c) => [CHANNEL.label(c.channel), num(c.reservations), num(c.applications)]),
  );

  // 2. Applications by payment service
  report.section('2. キャッシュレス決済サービス別の申し込み');
  const top = r.applicationsByService.slice(0, 12);
  report.hbars(top.map((s) => ({ label: s.name, value: s.toDate })), { unit: '件' });
  report.table(
    [
      { header: 'サービス名', width: 4 },
      { header: '種類', width: 3 },
      { header: '当月', width: 2, align: 'right' },
      { header: '累計', width: 2, align: 'right' },
      { header: '構成比（累計）', width: 2, align: 'right' },
    ],
    r.applicationsByService.map((s) => [s.name, PAYMENT_SERVICE_KIND.label(s.kind), num(s.inMonth), num(s.toDate), pct(s.toDate, u.applicationsToDate)]),
  );

  // 3. Points
  const p = r.points;
  report.section('3. ポイント付与');
  report.figures([
    { label: '当月の付与件数', value: `${num(p.awardsInMonth)}件` },
    { label: '当月の付与ポイント', value: `${num(p.pointsInMonth)}pt`, hint: `対象額 ${yen(p.amountInMonth)}` },
    { label: '累計付与ポイント', value: `${num(p.pointsToDate)}pt` },
    { label: '上限に達した人', value: `${num(p.participantsAtCapToDate)}人`, hint: `付与を受けた ${num(p.participantsWithPointsToDate)}人のうち ${pct(p.participantsAtCapToDate, p.participantsWithPointsToDate)}` },
  ]);
  if (r.campaign) report.note(`付与率 ${r.campaign.awardRatePercent}%・1人あたり上限 ${yen(r.campaign.capPerPersonYen)}（キャンペーンの設定）。取引日で月を判定しています。`);
  report.table(
    [
      { header: '決済サービス', width: 4 },
      { header: '付与件数（当月）', width: 2, align: 'right' },
      { header: '付与ポイント（当月）', width: 2, align: 'right' },
    ],
    [...p.byService.map((s) => [s.name, num(s.awards), num(s.points)]), ...p.byKind.map((k) => [`（${POINT_AWARD_KIND.label(k.kind)}の合計）`, num(k.awards), num(k.points)])],
  );

  // 4. Counter workload
  const c = r.counter;
  report.section('4. 窓口支援の件数と結果');
  report.figures([
    { label: '当月の支援件数', value: `${num(c.visits)}件` },
    { label: '対応時間の合計', value: `${num(c.minutes)}分`, hint: c.visits ? `1件あたり平均 ${(c.minutes / c.visits).toFixed(1)}分` : undefined },
    ...c.byOffice.map((o) => ({ label: OFFICE.label(o.office), value: `${num(o.visits)}件` })),
  ]);
  report.hbars(c.byOutcome.map((o) => ({ label: ASSISTANCE_OUTCOME.label(o.outcome), value: o.visits })), { unit: '件' });
  if (c.unableReasons.length) {
    report.table(
      [
        { header: '対応不可の理由', width: 4 },
        { header: '件数', width: 2, align: 'right' },
      ],
      c.unableReasons.map((x) => [UNABLE_REASON.label(x.reason), num(x.visits)]),
    );
  }

  // 5. Fraud
  const f = r.fraud;
  report.section('5. 詐欺情報と注意喚起');
  report.figures([
    { label: '当月の受付件数', value: `${num(f.reports)}件` },
    { label: '当月の被害額', value: yen(f.damageYen) },
    { label: '対応中（作成時点）', value: `${num(f.stillOpen)}件` },
    { label: '当月の注意喚起', value: `${num(f.notices.length)}件` },
  ]);
  report.hbars(f.byChannel.map((x) => ({ label: FRAUD_CHANNEL.label(x.channel), value: x.reports })), { unit: '件' });
  if (f.notices.length) {
    report.table(
      [
        { header: '公開日', width: 2 },
        { header: '注意喚起の題名', width: 6 },
      ],
      f.notices.map((n) => [formatJapaneseEraDate(new Date(n.publishedAt)), n.title]),
    );
  } else {
    report.note('当月に公開した注意喚起はありません。');
  }

  cardUptakePage(report, r.cardUptake, era);
  measuresPage(report, r.measures);

  return report.finish(`${r.cityName}　マイナポイント事業 月次報告 ${era}`);
}

/** 7. Points and budget by measure, to date: what each measure awarded, and a budgeted measure's budget used and left. */
function measuresPage(report: Report, measures: MonthlyReport['measures']): void {
  report.page();
  report.section('7. 施策別の申し込み・ポイントと予算（累計）');
  if (!measures.length) {
    report.note('施策は登録されていません。');
    return;
  }
  report.note('施策ごとの申し込みと付与ポイントの累計。都道府県・市町村の施策は予算の執行額と残額（執行率が90%以上は「残りわずか」）。');
  report.table(
    [
      { header: '施策', width: 6 },
      { header: '種類・財源', width: 3 },
      { header: '申し込み', width: 2, align: 'right' },
      { header: '付与ポイント', width: 3, align: 'right' },
      { header: '予算', width: 3, align: 'right' },
      { header: '残額・執行率', width: 3, align: 'right' },
    ],
    measures.map((m) => [
      `${m.campaignName}／${m.name}`,
      `${MEASURE_KIND.label(m.kind).replace(/（.*）$/, '')}・${FUNDED_BY.label(m.fundedBy)}`,
      num(m.applications),
      yen(m.pointsYen),
      m.budgetYen === null ? '—' : yen(m.budgetYen),
      m.budgetYen === null ? '—' : `${yen(m.remainingBudgetYen ?? 0)}（${(m.budgetUsedPercent ?? 0).toFixed(1)}%${m.budgetWarning ? '・残りわずか' : ''}）`,
    ]),
  );
}

const gapText = (g: CardUptakeGap | undefined, unit: string) => (!g ? '—' : g.reached ? '達成' : `あと${num(g.people)}${unit}`);
const metricUnit = (metric: string) => (metric === 'issuance_rate' ? '枚' : '件');

/** 6. My Number card uptake against the nation, the prefecture and the targets, as of the month's end: a page of its own. */
function cardUptakePage(report: Report, k: CardUptakeStats, era: string): void {
  report.page();
  report.section('6. マイナンバーカードの普及状況（全国・都道府県・目標との比較）');
  if (!k.figuresAsOf) {
    report.note(`${era}末までの「人口とカード交付の集計」（住民基本台帳）が登録されていません。集計を取り込むと、この頁に申請率・交付率と目標までの差が載ります。`);
    return;
  }
  const o = k.overall;
  const beside = (key: 'applicationRatePercent' | 'issuanceRatePercent') =>
    [k.national ? `全国 ${formatRate(k.national[key])}` : null, k.prefecture ? `都道府県 ${formatRate(k.prefecture[key])}` : null].filter(Boolean).join('・') || '全国・都道府県の公表値なし';
  report.note(
    `住民基本台帳の集計（${formatJapaneseEraDate(k.figuresAsOf)}現在）。率は 100 × 件数 ÷ 人口 を小数第1位で四捨五入。全国・都道府県は総務省の公表値（${era}末以前の最新）。`,
  );
  report.figures([
    { label: 'カード申請率', value: formatRate(o.applicationRatePercent), hint: beside('applicationRatePercent') },
    { label: 'カード交付率', value: formatRate(o.issuanceRatePercent), hint: beside('issuanceRatePercent') },
    { label: 'カード申請件数', value: `${num(o.cardApplications)}件`, hint: `人口 ${num(o.population)}人` },
    { label: 'カード交付枚数', value: `${num(o.cardsIssued)}枚` },
  ]);

  if (k.targets.length) {
    report.table(
      [
        { header: '目標', width: 5 },
        { header: '指標', width: 2 },
        { header: '目標値', width: 2, align: 'right' },
        { header: '期限', width: 3 },
        { header: '現在', width: 2, align: 'right' },
        { header: '目標までの差', width: 3, align: 'right' },
      ],
      k.targets.map((t) => [t.name, TARGET_METRIC.label(t.metric), formatRate(t.percent), formatJapaneseEraDate(t.dueOn), formatRate(t.currentPercent), gapText({ targetId: t.id, people: t.people, reached: t.reached }, metricUnit(t.metric))]),
    );
  } else {
    report.note('目標は登録されていません。');
  }

  // The last twelve months with figures: the city beside the nation and the prefecture, and the first application target.
  const months = k.series.filter((m) => m.city).slice(-12);
  const target = k.targets.find((t) => t.metric === 'application_rate');
  if (months.length > 1) {
    report.bars({
      categories: months.map((m) => `${Number(m.month.slice(5))}月`),
      series: [
        { name: '申請率（市）', values: months.map((m) => m.city?.applicationRatePercent ?? 0) },
        { name: '全国', values: months.map((m) => m.national?.applicationRatePercent ?? 0) },
        { name: '都道府県', values: months.map((m) => m.prefecture?.applicationRatePercent ?? 0) },
      ],
      line: target ? { name: `${target.name}（${formatRate(target.percent)}）`, value: target.percent } : undefined,
      integer: false,
      height: 120,
    });
  }

  const first = k.targets[0];
  const columns = [
    { header: '地区・年代', width: 3 },
    { header: '人口', width: 2, align: 'right' as const },
    { header: '申請件数', width: 2, align: 'right' as const },
    { header: '申請率', width: 2, align: 'right' as const },
    { header: '交付枚数', width: 2, align: 'right' as const },
    { header: '交付率', width: 2, align: 'right' as const },
    ...(first ? [{ header: `目標までの差（${formatRate(first.percent)}）`, width: 3, align: 'right' as const }] : []),
  ];
  const row = (name: string, g: CardUptakeStats['overall']) => [
    name,
    num(g.population),
    num(g.cardApplications),
    formatRate(g.applicationRatePercent),
    num(g.cardsIssued),
    formatRate(g.issuanceRatePercent),
    ...(first ? [gapText(g.gaps[0], metricUnit(first.metric))] : []),
  ];
  report.hbars(
    k.byDistrict.map((d) => ({ label: d.district, value: d.applicationRatePercent ?? 0 })),
    { unit: '%', format: (v) => v.toFixed(1) },
  );
  report.table(columns, [...k.byDistrict.map((d) => row(d.district, d)), ...k.byAgeBand.map((a) => row(AGE_BAND.label(a.ageBand), a)), row('全体', o)]);
}

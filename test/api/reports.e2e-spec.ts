import ExcelJS from 'exceljs';
import { formatJapaneseEraDate, ratePercent } from '@mynapoint/domain';
import { DEMO_SEED_STEPS } from '../../apps/api/src/database/seed';
import { TOP_UP } from '../../apps/api/src/database/seed/measures.seed';
import { pdfPages } from '../support/pdf';
import { Client_, TestApp } from '../support/test-app';

const binary = (res: import('superagent').Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const n = (x: number) => x.toLocaleString('ja-JP');

// The monthly report on the demo data, checked against the database itself.
describe('monthly report', () => {
  let t: TestApp;
  let manager: Client_;
  let expected: { reservations: number; applications: number; visits: number; frauds: number };

  beforeAll(async () => {
    t = await TestApp.start({ seed: DEMO_SEED_STEPS });
    manager = await t.as('manager');
    // The demo has a second municipality: the owner's counts (no row-level security) take the default one's rows.
    const jst = (col: string, alias = '') =>
      `${alias}${col} >= '2020-09-01T00:00:00+09:00' AND ${alias}${col} < '2020-10-01T00:00:00+09:00' AND ${alias}municipality_code = $1`;
    const [row] = await t.sql<typeof expected>(
      `SELECT (SELECT count(*)::int FROM reservations r JOIN participants p ON p.id = r.participant_id JOIN campaigns c ON c.id = p.campaign_id
                WHERE c.name = 'マイナポイント第1弾' AND ${jst('reserved_at', 'r.')}) AS reservations,
              (SELECT count(*)::int FROM applications a JOIN participants p ON p.id = a.participant_id JOIN campaigns c ON c.id = p.campaign_id
                WHERE c.name = 'マイナポイント第1弾' AND ${jst('applied_at', 'a.')}) AS applications,
              (SELECT count(*)::int FROM assistance_records WHERE ${jst('visited_at')}) AS visits,
              (SELECT count(*)::int FROM fraud_alerts WHERE ${jst('reported_at')}) AS frauds`,
      [t.config.municipalityCode],
    );
    expected = row;
  });
  afterAll(() => t.close());

  it('has demo data for the month to report on', () => {
    expect(expected.reservations).toBeGreaterThan(100);
    expect(expected.visits).toBeGreaterThan(50);
  });

  it('renders a Japanese PDF with the month’s figures', async () => {
    const res = await manager.get('/api/reports/monthly?month=2020-09&format=pdf').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPages(pdf);
    const text = pages.join('\n');
    expect(text).toContain('マイナポイント事業 月次報告 令和2年9月');
    expect(text).toContain('阿賀野市');
    expect(text).toContain(`${n(expected.reservations)}件`);
    expect(text).toContain(`${n(expected.applications)}件`);
    expect(text).toContain(`${n(expected.visits)}件`);
    for (const section of ['予約・申し込みの状況', 'キャッシュレス決済サービス別の申し込み', 'ポイント付与', '窓口支援の件数と結果', '詐欺情報と注意喚起']) {
      expect(text).toContain(section);
    }
  });

  it('writes an Excel workbook with one sheet per section and numbers as numbers', async () => {
    const res = await manager.get('/api/reports/monthly?month=2020-09&format=xlsx').buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', '予約・申し込み', '決済サービス別', 'ポイント付与', '窓口支援', '詐欺情報', 'カード普及', '施策別']);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('概要')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('当月の予約数')).toBe(expected.reservations);
    expect(summary.get('当月の申し込み数')).toBe(expected.applications);
    expect(summary.get('当月の窓口支援件数')).toBe(expected.visits);
    expect(summary.get('当月の詐欺情報受付件数')).toBe(expected.frauds);
    const daily = wb.getWorksheet('予約・申し込み')!;
    let sum = 0;
    daily.eachRow((row, i) => {
      if (i > 1 && /^2020-09-\d\d$/.test(String(row.getCell(1).value))) sum += Number(row.getCell(2).value);
    });
    expect(sum).toBe(expected.reservations);
  });

  // Issue #20: the card-uptake page, as of the month's last day, from the figures themselves.
  describe('card uptake page', () => {
    let card: { population: number; applications: number; issued: number; national: number };
    beforeAll(async () => {
      [card] = await t.sql<typeof card>(
        `SELECT sum(population)::int AS population, sum(card_applications)::int AS applications, sum(cards_issued)::int AS issued,
                (SELECT application_rate_percent::float8 FROM benchmark_rates WHERE as_of = '2020-09-30' AND scope = 'national' AND municipality_code = $1) AS national
           FROM population_figures WHERE as_of = '2020-09-30' AND municipality_code = $1`,
        [t.config.municipalityCode], // the demo's second municipality has figures of its own
      );
    });

    it('is a page of its own in the PDF, with the rates beside the nation and the targets', async () => {
      expect(card.population).toBeGreaterThan(40000);
      const res = await manager.get('/api/reports/monthly?month=2020-09&format=pdf').buffer(true).parse(binary).expect(200);
      const pages = pdfPages(res.body as Buffer);
      const page = pages.find((p) => p.includes('6. マイナンバーカードの普及状況'))!;
      expect(page).toBeDefined();
      // Nothing of the sections before it on that page.
      expect(page).not.toContain('詐欺情報と注意喚起');
      expect(page).toContain(`${formatJapaneseEraDate('2020-09-30')}現在`);
      expect(page).toContain(`${ratePercent(card.applications, card.population)!.toFixed(1)}%`);
      expect(page).toContain(`全国 ${card.national.toFixed(1)}%`);
      expect(page).toContain('国の交付金の要件（申請率）');
      expect(page).toContain('水原');
    });

    it('is a sheet of numbers in the workbook', async () => {
      const res = await manager.get('/api/reports/monthly?month=2020-09&format=xlsx').buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as never);
      const rows = new Map<string, unknown[]>();
      wb.getWorksheet('カード普及')!.eachRow((row) => rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1)));
      expect(rows.get('集計の基準日')?.[1]).toBe('2020-09-30');
      expect(rows.get('全体')?.slice(0, 6)).toEqual(['全体', card.population, card.applications, ratePercent(card.applications, card.population), card.issued, ratePercent(card.issued, card.population)]);
    });

    it('says so when there are no figures yet', async () => {
      const res = await manager.get('/api/reports/monthly?month=2019-03&format=pdf').buffer(true).parse(binary).expect(200);
      const page = pdfPages(res.body as Buffer).find((p) => p.includes('6. マイナンバーカードの普及状況'))!;
      expect(page.replace(/\s/g, '')).toContain('が登録されていません');
    });
  });

  it('has a page and a sheet by measure, with the top-up’s budget used and remaining', async () => {
    const [topUp] = await t.sql<{ awarded: number; budget: number }>('SELECT awarded_yen::int AS awarded, budget_yen::int AS budget FROM measures WHERE name = $1', [TOP_UP.measure]);
    expect(topUp.awarded).toBeGreaterThan(0);
    const pdf = await manager.get('/api/reports/monthly?month=2023-03&format=pdf').buffer(true).parse(binary).expect(200);
    // (The table wraps long names: compared without the line breaks.)
    const page = pdfPages(pdf.body as Buffer).find((p) => p.includes('7. 施策別'))!.replace(/\s/g, '');
    expect(page).toContain(TOP_UP.measure);
    expect(page).toContain(`${topUp.budget.toLocaleString('ja-JP')}円${(topUp.budget - topUp.awarded).toLocaleString('ja-JP')}円`);
    const xlsx = await manager.get('/api/reports/monthly?month=2023-03&format=xlsx').buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const rows: unknown[][] = [];
    wb.getWorksheet('施策別')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const row = rows.find((r) => r[1] === TOP_UP.measure)!;
    expect(row.slice(3)).toEqual(['市町村', expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number), topUp.awarded, topUp.budget, topUp.budget - topUp.awarded, expect.any(Number)]);
    expect(rows.filter((r) => String(r[1]).includes('7,500円分'))).toHaveLength(2);
  });

  it('is audit-logged as an export', async () => {
    await manager.get('/api/reports/monthly?month=2020-10&format=xlsx').buffer(true).parse(binary).expect(200);
    const [row] = await t.sql<{ resource: string; changes: Record<string, unknown> }>(`SELECT resource, changes FROM audit_logs WHERE action = 'export' ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ resource: 'reports', changes: { month: '2020-10', format: 'xlsx' } });
  });

  it('answers 400 for a bad month or format, 403 for policy and counter staff', async () => {
    for (const q of ['month=2020-13', 'month=2020-9', 'month=abc', '', 'month=2020-09&format=docx', 'month=2020-09&campaignId=x']) {
      await manager.get(`/api/reports/monthly?${q}`).expect(400);
    }
    await (await t.as('policy')).get('/api/reports/monthly?month=2020-09').expect(403);
    await (await t.as('counter')).get('/api/reports/monthly?month=2020-09').expect(403);
    await (await t.as('admin')).get('/api/reports/monthly?month=2020-09').buffer(true).parse(binary).expect(200);
  });

  it('renders an empty month without errors', async () => {
    const res = await manager.get('/api/reports/monthly?month=2030-01&format=pdf').buffer(true).parse(binary).expect(200);
    expect(pdfPages(res.body as Buffer).join('\n')).toContain('当月に公開した注意喚起はありません');
  });
});

import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { AGE_BAND, type AgeBand, type CardUptakeStats } from '@mynapoint/domain';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { importCsv, uploadCsv } from '../support/uptake-sql-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

// Card uptake against targets (API.md): the figures, the published rates, the targets,
// their imports, and GET /api/stats/card-uptake.

const HEADER_JA = '基準日,地区,年代,人口,申請件数,交付枚数';
const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
interface Cell {
  district: string;
  ageBand: AgeBand;
  population: number;
  cardApplications: number;
  cardsIssued: number;
}
const cellLine = (asOf: string, c: Cell) => `${asOf},${c.district},${c.ageBand},${c.population},${c.cardApplications},${c.cardsIssued}`;
const figuresCsv = (asOf: string, cells: Cell[]) => csv(['asOf,district,ageBand,population,cardApplications,cardsIssued', ...cells.map((c) => cellLine(asOf, c))]);

/** The rate the contract asks for, as exact integers: r (tenths, k) with (2k − 1)·p ≤ 2000·c < (2k + 1)·p. */
function holdsRate(rate: number | null, count: number, population: number): boolean {
  if (population === 0) return rate === null;
  const k = BigInt(Math.round((rate ?? NaN) * 10));
  const [c, p] = [BigInt(count), BigInt(population)];
  return (2n * k - 1n) * p <= 2000n * c && 2000n * c < (2n * k + 1n) * p;
}
/** People missing to reach `percent` (one decimal), computed directly: the least n with 1000·(c + n) ≥ 10·percent·p. */
function missing(count: number, population: number, percent: number): number {
  if (population === 0) return 0;
  let n = 0n;
  const need = BigInt(Math.round(percent * 10)) * BigInt(population);
  const c = BigInt(count);
  // ceil(need / 1000) − c, spelled out with BigInt
  n = (need + 999n) / 1000n - c;
  return Number(n < 0n ? 0n : n);
}

describe('card uptake', () => {
  let t: TestApp;
  let policy: Client_;
  let manager: Client_;
  let counter: Client_;

  beforeAll(async () => {
    // Many small imports in a minute (the property test, and its shrinking): above the default limit of 20.
    t = await TestApp.start({ config: { rateLimitImportsPerMinute: 1000 } });
    [policy, manager, counter] = await Promise.all([t.as('policy'), t.as('manager'), t.as('counter')]);
  });
  afterAll(() => t.close());

  describe('population-figures', () => {
    const body = (over: Record<string, unknown> = {}) => ({ asOf: '2021-03-31', district: '水原', ageBand: '40s', population: 2730, cardApplications: 1105, cardsIssued: 980, ...over });

    it('records a cell of counts, lists it with filters, and edits and deletes it', async () => {
      const created = await policy.post('/api/population-figures').send(body()).expect(201);
      expect(created.body).toMatchObject({ asOf: '2021-03-31', district: '水原', ageBand: '40s', population: 2730, cardApplications: 1105, cardsIssued: 980, importId: null });
      const list = await manager.get(`/api/population-figures?${listQuery({ filter: { asOf: '2021-03-31', district: '水原', ageBand: '40s' } })}`).expect(200);
      expect(totalOf(list)).toBe(1);
      expect(list.body[0].id).toBe(created.body.id);
      // react-admin sends the whole record back: read-only fields are ignored.
      const edited = await policy.put(`/api/population-figures/${created.body.id}`).send({ ...created.body, cardsIssued: 1000 }).expect(200);
      expect(edited.body.cardsIssued).toBe(1000);
      await policy.delete(`/api/population-figures/${created.body.id}`).expect(200);
      await policy.get(`/api/population-figures/${created.body.id}`).expect(404);
    });

    it('refuses a negative count and cards above the population with 400, naming the field', async () => {
      const negative = await policy.post('/api/population-figures').send(body({ cardsIssued: -1 })).expect(400);
      expect(negative.body.errors.cardsIssued).toMatch(/0以上/);
      const above = await policy.post('/api/population-figures').send(body({ asOf: '2021-04-30', cardApplications: 2731 })).expect(400);
      expect(above.body).toMatchObject({ code: 'population_figure_counts', errors: { cardApplications: expect.stringMatching(/人口を超えて/) } });
      const issued = await policy.post('/api/population-figures').send(body({ asOf: '2021-04-30', cardsIssued: 2731 })).expect(400);
      expect(Object.keys(issued.body.errors)).toEqual(['cardsIssued']);

      // An edit that would put the cards above the population is refused the same way.
      const ok = await policy.post('/api/population-figures').send(body({ asOf: '2021-05-31' })).expect(201);
      const shrink = await policy.put(`/api/population-figures/${ok.body.id}`).send({ population: 1000 }).expect(400);
      expect(shrink.body.errors).toEqual({ cardApplications: expect.any(String) });
      expect((await t.sql<{ population: number }>('SELECT population FROM population_figures WHERE id = $1', [ok.body.id]))[0].population).toBe(2730);
    });

    it('refuses a date in the future, a second row for the same cell (409), and unknown age bands', async () => {
      const future = await policy.post('/api/population-figures').send(body({ asOf: '2999-01-31' })).expect(400);
      expect(future.body.errors.asOf).toBeDefined();
      await policy.post('/api/population-figures').send(body({ asOf: '2021-06-30' })).expect(201);
      const twice = await policy.post('/api/population-figures').send(body({ asOf: '2021-06-30', population: 3000 })).expect(409);
      expect(twice.body.message).toMatch(/既に登録されています/);
      await policy.post('/api/population-figures').send(body({ ageBand: '80s' })).expect(400);
    });

    it('lets managers read, and counter staff nothing', async () => {
      await manager.post('/api/population-figures').send(body({ asOf: '2021-07-31' })).expect(403);
      await counter.get('/api/population-figures').expect(403);
      await counter.get('/api/stats/card-uptake').expect(403);
    });
  });

  describe('benchmark-rates and targets', () => {
    it('records published rates with up to two decimals, one per date and scope', async () => {
      const created = await policy.post('/api/benchmark-rates').send({ asOf: '2021-03-31', scope: 'national', applicationRatePercent: 28.45, issuanceRatePercent: 26.3 }).expect(201);
      expect(created.body).toMatchObject({ scope: 'national', applicationRatePercent: 28.45, issuanceRatePercent: 26.3 });
      await policy.post('/api/benchmark-rates').send({ asOf: '2021-03-31', scope: 'national', applicationRatePercent: 28, issuanceRatePercent: 26 }).expect(409);
      const bad = await policy.post('/api/benchmark-rates').send({ asOf: '2021-03-31', scope: 'prefecture', applicationRatePercent: 100.5, issuanceRatePercent: 26.123 }).expect(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['applicationRatePercent', 'issuanceRatePercent']);
      await policy.delete(`/api/benchmark-rates/${created.body.id}`).expect(200);
    });

    it('records targets with one decimal above 0, names unique', async () => {
      const created = await policy.post('/api/targets').send({ name: '国の交付金の要件', metric: 'application_rate', percent: 53.9, dueOn: '2022-12-31' }).expect(201);
      expect(created.body).toMatchObject({ metric: 'application_rate', percent: 53.9, dueOn: '2022-12-31' });
      await policy.post('/api/targets').send({ name: '国の交付金の要件', metric: 'issuance_rate', percent: 60, dueOn: '2023-03-31' }).expect(409);
      await policy.post('/api/targets').send({ name: 'ゼロ', metric: 'issuance_rate', percent: 0, dueOn: '2023-03-31' }).expect(400);
      await policy.post('/api/targets').send({ name: '細かすぎる', metric: 'issuance_rate', percent: 53.95, dueOn: '2023-03-31' }).expect(400);
      // Exponent notation (once a 500: class-validator's decimal count threw on it).
      await policy.post('/api/targets').send({ name: '指数', metric: 'issuance_rate', percent: 7e-323, dueOn: '2023-03-31' }).expect(400);
      await policy.post('/api/benchmark-rates').send({ asOf: '2021-04-30', scope: 'national', applicationRatePercent: 1e-7, issuanceRatePercent: 5 }).expect(400);
      await policy.delete(`/api/targets/${created.body.id}`).expect(200);
      await manager.get('/api/targets').expect(200);
      await manager.post('/api/targets').send({ name: 'x', metric: 'issuance_rate', percent: 50, dueOn: '2023-03-31' }).expect(403);
    });
  });

  describe('imports', () => {
    it('imports a UTF-8 file with Japanese headers and labels, then counts a re-import as duplicates', async () => {
      const file = csv([HEADER_JA, '2022-01-31,安田,20歳未満,"1,200",300,250', '2022-01-31,安田,70歳以上,2080,1500,1400', '令和4年1月31日,笹神,40s,９７５人,700,690']);
      const first = await importCsv(policy, 'population-figures', file);
      expect(first).toMatchObject({ type: 'population-figures', status: 'done', encoding: 'utf-8', rowsTotal: 3, accepted: 3, rejected: 0, duplicates: 0, errors: [] });
      const rows = await t.sql<{ district: string; age_band: string; population: number; import_id: number }>(
        `SELECT district, age_band, population, import_id FROM population_figures WHERE as_of = '2022-01-31' ORDER BY population`,
      );
      expect(rows.map((r) => [r.district, r.age_band, r.population])).toEqual([
        ['笹神', '40s', 975],
        ['安田', 'under_20', 1200],
        ['安田', '70_plus', 2080],
      ]);
      expect(rows.every((r) => r.import_id === first.id)).toBe(true);

      const again = await importCsv(policy, 'population-figures', file);
      expect(again).toMatchObject({ status: 'done', accepted: 0, duplicates: 3, rejected: 0 });
    });

    it('reads Shift_JIS (Excel) files, and a corrected file replaces a month’s figures', async () => {
      const sjis = iconv.encode(csv([HEADER_JA, '2022-02-28,京ヶ瀬,30代,800,500,450', '2022-02-28,京ヶ瀬,60代,1000,700,650']), 'cp932');
      const first = await importCsv(policy, 'population-figures', sjis, { filename: '住基集計.csv' });
      expect(first).toMatchObject({ status: 'done', encoding: 'shift_jis', accepted: 2, rejected: 0 });
      const corrected = iconv.encode(csv([HEADER_JA, '2022-02-28,京ヶ瀬,30代,800,510,455', '2022-02-28,京ヶ瀬,60代,1000,700,650']), 'cp932');
      const second = await importCsv(policy, 'population-figures', corrected);
      expect(second).toMatchObject({ status: 'done', accepted: 1, duplicates: 1, rejected: 0 });
      const [row] = await t.sql<{ card_applications: number; import_id: number }>(
        `SELECT card_applications, import_id FROM population_figures WHERE as_of = '2022-02-28' AND age_band = '30s'`,
      );
      expect(row).toEqual({ card_applications: 510, import_id: second.id });
    });

    it('refuses bad lines one by one with their line numbers, and takes the good ones', async () => {
      const file = csv([
        'asOf,district,ageBand,population,cardApplications,cardsIssued',
        '2022-03-31,水原,20s,1000,600,500', // 2: good
        '2022-03-31,水原,30s,1000,-5,0', // 3: negative
        '2022-03-31,水原,40s,1000,1001,900', // 4: applications above the population
        '2022-03-31,水原,50s,1000,900,1200', // 5: cards above the population
        '2022-03-31,水原,80s,1000,10,10', // 6: no such age band
        '2022-02-30,水原,60s,1000,10,10', // 7: no such date
        '2999-03-31,水原,60s,1000,10,10', // 8: the future
        '2022-03-31,,60s,1000,10,10', // 9: no district
        '2022-03-31,水原,70_plus,many,10,10', // 10: not a number
        '2022-03-31,水原,20s,1000,601,500', // 11: the same cell as line 2, other figures
        '2022-03-31,水原,20s,1000,600,500', // 12: the same cell as line 2, same figures
        '2022-03-31,水原,60s,1000,700,650', // 13: good
      ]);
      const job = await importCsv(policy, 'population-figures', file);
      expect(job).toMatchObject({ status: 'done', rowsTotal: 12, accepted: 2, duplicates: 1, rejected: 9 });
      const byLine = Object.fromEntries(job.errors.map((e: { line: number; message: string }) => [e.line, e.message]));
      expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(byLine[3]).toMatch(/0以上/);
      expect(byLine[4]).toMatch(/人口を超えて/);
      expect(byLine[5]).toMatch(/人口を超えて/);
      expect(byLine[6]).toMatch(/年代/);
      expect(byLine[7]).toMatch(/基準日/);
      expect(byLine[8]).toMatch(/未来/);
      expect(byLine[9]).toMatch(/地区/);
      expect(byLine[10]).toMatch(/整数/);
      expect(byLine[11]).toMatch(/ファイル内/);
      const stored = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM population_figures WHERE as_of = '2022-03-31'`);
      expect(stored[0].n).toBe(2);
    });

    it('refuses at once a file without the columns, and imports published rates', async () => {
      const res = await uploadCsv(policy, 'population-figures', csv(['asOf,district,population', '2022-03-31,水原,100'])).expect(400);
      expect(res.body.message).toMatch(/年代/);
      const job = await importCsv(
        policy,
        'benchmark-rates',
        csv(['基準日,範囲,申請率,交付率', '2022-03-31,全国,45.1%,42.0', '2022-03-31,prefecture,44.2,41.3', '2022-03-31,市町村,44,41', '2022-04-30,national,101,40']),
      );
      expect(job).toMatchObject({ status: 'done', accepted: 2, rejected: 2 });
      expect(job.errors.map((e: { line: number }) => e.line)).toEqual([4, 5]);
      const rates = await policy.get(`/api/benchmark-rates?${listQuery({ filter: { asOf: '2022-03-31' }, sort: ['scope', 'ASC'] })}`).expect(200);
      expect(rates.body.map((r: { scope: string; applicationRatePercent: number }) => [r.scope, r.applicationRatePercent])).toEqual([
        ['national', 45.1],
        ['prefecture', 44.2],
      ]);
    });

    it('needs the right to write the figures', async () => {
      await uploadCsv(manager, 'population-figures', figuresCsv('2022-03-31', [])).expect(403);
    });
  });

  describe('GET /api/stats/card-uptake', () => {
    // A municipality of its own, so the figures of the other tests do not mix in.
    const CODE = '152307';
    let a: Client_;
    const asOf = '2022-12-31';
    const cells: Cell[] = [
      { district: '水原', ageBand: '40s', population: 10000, cardApplications: 6100, cardsIssued: 5000 },
      { district: '水原', ageBand: '70_plus', population: 5000, cardApplications: 2000, cardsIssued: 1900 },
      { district: '京ヶ瀬', ageBand: '40s', population: 3500, cardApplications: 1592, cardsIssued: 1400 },
      { district: '京ヶ瀬', ageBand: '70_plus', population: 3000, cardApplications: 1500, cardsIssued: 1300 },
    ];

    beforeAll(async () => {
      await t.addMunicipality(CODE, '田上町', ['水原', '京ヶ瀬']);
      a = await t.as('policy', CODE);
      await importCsv(a, 'population-figures', figuresCsv('2022-11-30', cells.map((c) => ({ ...c, cardApplications: c.cardApplications - 100, cardsIssued: c.cardsIssued - 100 }))));
      await importCsv(a, 'population-figures', figuresCsv(asOf, cells));
      await importCsv(a, 'benchmark-rates', csv(['asOf,scope,applicationRatePercent,issuanceRatePercent', '2022-11-30,national,50.1,45.0', '2022-12-31,national,66.2,55.5', '2022-12-31,prefecture,65.0,54.1']));
      await a.post('/api/targets').send({ name: '国の交付金の要件', metric: 'application_rate', percent: 53.9, dueOn: '2022-12-31' }).expect(201);
      await a.post('/api/targets').send({ name: '交付率 60%', metric: 'issuance_rate', percent: 60, dueOn: '2023-12-31' }).expect(201);
    });

    it('gives the rates overall, by district and by age band, with the published rates and the gap to each target in people', async () => {
      const res = await a.get(`/api/stats/card-uptake?asOf=2023-01-15`).expect(200);
      const s = res.body as CardUptakeStats;
      expect(s).toMatchObject({ asOf: '2023-01-15', figuresAsOf: asOf });
      // 11,192 / 21,500 = 52.055…% → 52.1; 9,600 / 21,500 = 44.651…% → 44.7
      expect(s.overall).toMatchObject({ population: 21500, cardApplications: 11192, cardsIssued: 9600, applicationRatePercent: 52.1, issuanceRatePercent: 44.7 });
      expect(s.byDistrict.map((d) => d.district)).toEqual(['水原', '京ヶ瀬']);
      // 京ヶ瀬: 3,092 of 6,500 applied; 53.9 % of 6,500 is 3,503.5: 412 more applications reach it.
      const kyogase = s.byDistrict[1];
      expect(kyogase).toMatchObject({ population: 6500, cardApplications: 3092, applicationRatePercent: 47.6 });
      expect(kyogase.gaps[0]).toEqual({ targetId: s.targets[0].id, people: 412, reached: false });
      // 水原: 8,100 of 15,000 = 54.0 %: reached.
      expect(s.byDistrict[0]).toMatchObject({ applicationRatePercent: 54, gaps: [{ people: 0, reached: true }, { people: 2100, reached: false }] });
      expect(s.byAgeBand.map((b) => b.ageBand)).toEqual(['40s', '70_plus']);
      expect(s.national).toEqual({ asOf: '2022-12-31', applicationRatePercent: 66.2, issuanceRatePercent: 55.5 });
      expect(s.prefecture).toEqual({ asOf: '2022-12-31', applicationRatePercent: 65, issuanceRatePercent: 54.1 });
      expect(s.targets.map((x) => [x.name, x.currentPercent, x.people, x.reached])).toEqual([
        ['国の交付金の要件', 52.1, 397, false], // ceil(0.539 × 21,500) = 11,589 − 11,192
        ['交付率 60%', 44.7, 3300, false], // 12,900 − 9,600
      ]);
      expect(s.series.map((m) => [m.month, m.asOf, m.city?.applicationRatePercent, m.national?.applicationRatePercent ?? null])).toEqual([
        ['2022-11', '2022-11-30', 50.2, 50.1],
        ['2022-12', '2022-12-31', 52.1, 66.2],
        ['2023-01', null, undefined, null],
      ]);
    });

    it('reads the latest snapshot on or before asOf, and has no rate before the first', async () => {
      const nov = (await a.get('/api/stats/card-uptake?asOf=2022-12-30').expect(200)).body as CardUptakeStats;
      expect(nov.figuresAsOf).toBe('2022-11-30');
      expect(nov.national?.asOf).toBe('2022-11-30');
      expect(nov.prefecture).toBeNull();
      const before = (await a.get('/api/stats/card-uptake?asOf=2022-01-01').expect(200)).body as CardUptakeStats;
      expect(before).toMatchObject({ figuresAsOf: null, byDistrict: [], byAgeBand: [], series: [], national: null });
      expect(before.overall).toMatchObject({ population: 0, applicationRatePercent: null, issuanceRatePercent: null });
      expect(before.overall.gaps.every((g) => g.people === 0 && !g.reached)).toBe(true);
      await a.get('/api/stats/card-uptake?asOf=2022-13-01').expect(400);
    });

    it('shows a prefecture user its municipalities summed, each at its own latest snapshot, and no targets', async () => {
      const code = '152064';
      await t.addMunicipality(code, '新発田市', ['豊浦']);
      const b = await t.as('policy', code);
      await importCsv(b, 'population-figures', figuresCsv('2022-10-31', [{ district: '豊浦', ageBand: '40s', population: 1000, cardApplications: 500, cardsIssued: 400 }]));
      const [{ password_hash: hash }] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'policy' LIMIT 1`);
      await t.sql(
        `INSERT INTO users (municipality_code, username, display_name, role, password_hash, prefecture_code) VALUES ('000000', 'niigata', '新潟県', 'prefecture', $1, '15')`,
        [hash],
      );
      const pref = t.client(await t.token('niigata', DEMO_PASSWORD));
      const s = (await pref.get('/api/stats/card-uptake?asOf=2023-01-15').expect(200)).body as CardUptakeStats;
      const own = (await a.get('/api/stats/card-uptake?asOf=2023-01-15').expect(200)).body as CardUptakeStats;
      // Every municipality of the prefecture with figures: the default one's (other tests), 田上町's and 新発田市's.
      const each = await Promise.all(
        [t.as('policy'), Promise.resolve(a), Promise.resolve(b)].map(async (c) => ((await (await c).get('/api/stats/card-uptake?asOf=2023-01-15').expect(200)).body as CardUptakeStats).overall),
      );
      expect(s.overall.population).toBe(each.reduce((n, o) => n + o.population, 0));
      expect(s.overall.cardApplications).toBe(each.reduce((n, o) => n + o.cardApplications, 0));
      expect(s.byDistrict.find((d) => d.district === '豊浦')).toMatchObject({ population: 1000, cardApplications: 500 });
      expect(s.targets).toEqual([]);
      expect(s.national).toEqual(own.national);
      // Lists of records stay closed to it.
      await pref.get('/api/population-figures').expect(403);
    });

    // The law of the rates: whatever the figures, every rate and gap the API gives is the
    // one a direct, exact computation gives from the same counts.
    it('computes every rate and gap as a direct computation does (property)', async () => {
      const code = '152102';
      await t.addMunicipality(code, '加茂市', []);
      const c = await t.as('policy', code);
      await c.post('/api/targets').send({ name: '目標A', metric: 'application_rate', percent: 53.9, dueOn: '2030-03-31' }).expect(201);
      await c.post('/api/targets').send({ name: '目標B', metric: 'issuance_rate', percent: 71.3, dueOn: '2030-03-31' }).expect(201);
      const targets = [
        { metric: 'cardApplications' as const, percent: 53.9 },
        { metric: 'cardsIssued' as const, percent: 71.3 },
      ];
      const cellArb = fc
        .record({ district: fc.constantFrom('甲', '乙', '丙'), ageBand: fc.constantFrom(...AGE_BAND.values), population: fc.integer({ min: 0, max: 50_000 }), a: fc.double({ min: 0, max: 1, noNaN: true }), i: fc.double({ min: 0, max: 1, noNaN: true }) })
        .map(({ a: x, i: y, ...rest }) => ({ ...rest, cardApplications: Math.floor(rest.population * x), cardsIssued: Math.floor(rest.population * y) }));
      const cellsArb = fc.uniqueArray(cellArb, { minLength: 1, maxLength: 12, selector: (x) => `${x.district}/${x.ageBand}` });
      let day = 0;
      await fc.assert(
        fc.asyncProperty(cellsArb, async (cells) => {
          const date = new Date(Date.UTC(2010, 0, 1 + day++)).toISOString().slice(0, 10);
          const job = await importCsv(c, 'population-figures', figuresCsv(date, cells));
          expect(job).toMatchObject({ status: 'done', accepted: cells.length });
          const s = (await c.get(`/api/stats/card-uptake?asOf=${date}`).expect(200)).body as CardUptakeStats;
          const check = (g: CardUptakeStats['overall'], members: Cell[]) => {
            const sum = (k: 'population' | 'cardApplications' | 'cardsIssued') => members.reduce((n, m) => n + m[k], 0);
            const [p, ap, is] = [sum('population'), sum('cardApplications'), sum('cardsIssued')];
            expect([g.population, g.cardApplications, g.cardsIssued]).toEqual([p, ap, is]);
            expect(holdsRate(g.applicationRatePercent, ap, p)).toBe(true);
            expect(holdsRate(g.issuanceRatePercent, is, p)).toBe(true);
            expect(g.gaps.map((x) => x.people)).toEqual(targets.map((x) => missing(x.metric === 'cardApplications' ? ap : is, p, x.percent)));
          };
          check(s.overall, cells);
          for (const d of s.byDistrict) check(d, cells.filter((x) => x.district === d.district));
          for (const b of s.byAgeBand) check(b, cells.filter((x) => x.ageBand === b.ageBand));
          expect(s.byDistrict.map((d) => d.district).sort()).toEqual([...new Set(cells.map((x) => x.district))].sort());
        }),
        { numRuns: 15 },
      );
    });
  });
});

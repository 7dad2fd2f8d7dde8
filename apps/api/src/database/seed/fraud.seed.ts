import { FraudStatus, RequestedItem, Severity, defaultFraudSeverity, maxSeverity } from '@mynapoint/domain';
import { SeedContext, SeedStep } from './seed-context';

// Scam reports as residents brought them to the counter or phoned them in during
// Round 1 (2020-07 … 2021-12): mostly phone calls, phishing SMS and mail, some
// visits; callers posing as MIC, the city or the "Mynapoint office". A few ended in
// damage. Older cases are closed or referred to the police, recent ones still open;
// four warning notices were published (and two are still drafts).

type Scenario = {
  channel: string;
  impersonated: string;
  items: RequestedItem[];
  text: string;
  weight: number;
  /** Damage in yen when the resident paid or handed something over. */
  damage?: number[];
};

const SCENARIOS: Scenario[] = [
  { channel: 'phone', impersonated: 'mic_staff', items: ['money_or_fee'], weight: 9, text: '総務省の職員を名乗る男性から電話があり、「マイナポイントの申し込みには手数料3,000円が必要」と言われ、コンビニで電子マネーを購入するよう求められた。不審に思い家族に相談した。' },
  { channel: 'phone', impersonated: 'city_staff', items: ['bank_account', 'pin'], weight: 8, text: '市役所の職員を名乗る女性から電話。「マイナポイントの未払い分を口座に振り込む」として、口座番号とキャッシュカードの暗証番号を聞かれた。答えずに電話を切った。' },
  { channel: 'sms', impersonated: 'payment_operator', items: ['my_number', 'other'], weight: 8, text: '「マイナポイント事務局」を名乗るSMSが届き、「ポイントが失効します」としてURLからマイナンバーとクレジットカード情報の入力を求められた。URLは開いていない。' },
  { channel: 'email', impersonated: 'payment_operator', items: ['bank_account', 'other'], weight: 6, text: '「【マイナポイント】ポイント付与手続きのお知らせ」という件名のメールが届き、リンク先で銀行口座とログインパスワードの入力を求められた。' },
  { channel: 'visit', impersonated: 'city_staff', items: ['passbook_or_cash_card', 'pin'], weight: 4, text: '市職員を名乗る男性2人が自宅を訪問し、「マイナポイントの手続きのため」と通帳とキャッシュカードを預かろうとし、暗証番号を紙に書くよう求めた。家族が帰宅したところ立ち去った。' },
  { channel: 'phone', impersonated: 'mic_staff', items: ['my_number', 'family', 'assets'], weight: 6, text: '総務省マイナポイント担当を名乗る電話で、マイナンバー、同居の家族、預貯金の額を聞かれた。「調査のため」と繰り返していた。' },
  { channel: 'letter', impersonated: 'other', items: ['money_or_fee'], weight: 3, text: '「マイナポイント登録センター」名義のはがきが届き、「登録手続きが未完了。期限までに登録料を振り込むこと」と記載されていた。' },
  { channel: 'website', impersonated: 'payment_operator', items: ['my_number', 'bank_account'], weight: 3, text: '検索で上位に表示された「マイナポイント申込サイト」で、マイナンバーと口座番号の入力を求められた。公式サイトではないと窓口で説明した。' },
  { channel: 'phone', impersonated: 'police', items: ['passbook_or_cash_card'], weight: 3, text: '警察官を名乗る電話があり、「あなたのマイナポイントが不正に使われている。確認のためキャッシュカードを受け取りに行く」と言われた。' },
  { channel: 'phone', impersonated: 'unknown', items: ['other'], weight: 4, text: '名乗らない相手からの自動音声電話で「マイナポイントの受け取り期限が切れます。1番を押してください」と案内された。押さずに切った。' },
  { channel: 'sms', impersonated: 'city_staff', items: ['pin'], weight: 3, text: '市からの案内を装ったSMSで、マイナンバーカードの暗証番号（4桁）を返信するよう求められた。' },
  { channel: 'phone', impersonated: 'payment_operator', items: ['money_or_fee', 'bank_account'], weight: 3, text: '決済事業者を名乗る電話で「マイナポイントの上乗せキャンペーンに当選した。受け取りには事務手数料が必要」と言われ、振込先口座を案内された。' },
  { channel: 'visit', impersonated: 'mic_staff', items: ['money_or_fee'], weight: 2, damage: [10000, 20000, 30000], text: '総務省の委託業者を名乗る人物が訪問し、「マイナポイントの申し込みを代行する」として代行手数料を現金で受け取って行った。後日、市の窓口で詐欺と判明した。' },
  { channel: 'phone', impersonated: 'city_staff', items: ['passbook_or_cash_card', 'pin'], weight: 2, damage: [200000, 500000, 1000000], text: '市職員を名乗る電話の後、自宅に来た男にキャッシュカードを渡し暗証番号を伝えてしまった。翌日、口座から現金が引き出されていた。' },
  { channel: 'sms', impersonated: 'payment_operator', items: ['money_or_fee', 'other'], weight: 2, damage: [5000, 9800, 15000], text: '「マイナポイント事務局」からのSMSのリンク先で「再登録料」を電子マネーで支払ってしまった。支払った後に連絡が取れなくなった。' },
  { channel: 'other', impersonated: 'unknown', items: [], weight: 2, text: 'スーパーの駐車場で「マイナポイントの手続きを手伝う」と声をかけられた。何も渡さずに断った。同様の声かけが他にもあったと聞いた。' },
];

/** A municipality's reports: where the residents live, the police station cases go to, how many. */
export interface FraudPlan {
  /** Drawn uniformly: a district repeated is more likely; null is "not given". */
  districts: (string | null)[];
  policeStation: string;
  /** Reports per month, as a share of the demo city's. */
  volume: number;
  /** Which notices of the demo city's this municipality wrote (by index; published and drafts alike). */
  notices: number[];
}

export const AGANO_FRAUD: FraudPlan = {
  districts: ['水原', '水原', '水原', '京ヶ瀬', '京ヶ瀬', '安田', '安田', '笹神', '笹神', null],
  policeStation: '阿賀野警察署',
  volume: 1,
  notices: [0, 1, 2, 3, 4, 5],
};

export const SHIBATA_FRAUD: FraudPlan = {
  districts: ['新発田', '新発田', '新発田', '新発田', '新発田', '豊浦', '紫雲寺', '加治川', '加治川', null],
  policeStation: '新発田警察署',
  volume: 0.5,
  notices: [1, 2],
};

// Reports per month: a rise when earning began (2020-09), near the original deadline
// (2021-03), and after the extension was announced (2021-09).
const MONTHS: [string, number][] = [
  ['2020-07', 3], ['2020-08', 5], ['2020-09', 9], ['2020-10', 7], ['2020-11', 5], ['2020-12', 6],
  ['2021-01', 5], ['2021-02', 6], ['2021-03', 9], ['2021-04', 5], ['2021-05', 3], ['2021-06', 3],
  ['2021-07', 3], ['2021-08', 4], ['2021-09', 7], ['2021-10', 6], ['2021-11', 4], ['2021-12', 4],
];

// Notices published from a report of the given scenario near the given date (newest last).
const NOTICES: { scenario: number; month: string; publishedAt: string; title: string; body: string }[] = [
  {
    scenario: 0,
    month: '2020-08',
    publishedAt: '2020-08-24T10:00:00+09:00',
    title: '総務省職員を名乗る「手数料」請求の電話にご注意ください',
    body: [
      '市内で、総務省の職員を名乗る者から「マイナポイントの申し込みには手数料が必要」として、コンビニで電子マネーを購入するよう求める電話が相次いでいます。',
      'マイナポイントの予約・申し込みに手数料はかかりません。総務省や市の職員が、電話で金銭や手数料を求めることは絶対にありません。',
      '電子マネーの番号を教えたり、カードを購入したりせず、すぐに電話を切って、家族や下記の相談窓口にご相談ください。',
    ].join('\n'),
  },
  {
    scenario: 2,
    month: '2020-12',
    publishedAt: '2020-12-14T09:30:00+09:00',
    title: '「マイナポイント事務局」を名乗るSMS・メールにご注意ください',
    body: [
      '「マイナポイント事務局」や決済事業者を名乗り、「ポイントが失効します」「付与手続きが必要です」などとしてURLに誘導するSMSやメールが確認されています。',
      'リンク先の偽サイトでは、マイナンバー、口座番号、クレジットカード情報、パスワードの入力を求められます。',
      'マイナポイントの手続きで、SMSやメールからマイナンバーや口座番号を入力させることはありません。URLは開かず、メッセージは削除してください。',
    ].join('\n'),
  },
  {
    scenario: 4,
    month: '2021-04',
    publishedAt: '2021-04-19T13:00:00+09:00',
    title: '市職員を名乗る訪問者に通帳・キャッシュカードを渡さないでください',
    body: [
      '市職員を名乗る者が自宅を訪れ、「マイナポイントの手続きのため」として通帳やキャッシュカードを預かろうとする事案が発生しています。',
      '市の職員が通帳やキャッシュカードを預かったり、確認したりすること、暗証番号をお聞きすることは絶対にありません。',
      '身分証の提示を求め、その場で渡さずに市役所へ確認してください。少しでも不審に思ったら、下記の窓口や警察にご相談ください。',
    ].join('\n'),
  },
  {
    scenario: 9,
    month: '2021-10',
    publishedAt: '2021-10-11T10:00:00+09:00',
    title: 'マイナポイントの「期限切れ」をかたる電話・SMSにご注意ください',
    body: [
      'マイナポイント第1弾の期限延長にあわせて、「ポイントの受け取り期限が切れます」「再登録が必要です」とする自動音声電話やSMSが市内で確認されています。',
      '案内に従って番号を押したり、折り返し電話をかけたりすると、個人情報や金銭を要求されるおそれがあります。',
      'ポイントの受け取りや期限は、ご自身で選んだ決済サービスの公式窓口でご確認ください。不審な電話はすぐに切り、下記の窓口にご相談ください。',
    ].join('\n'),
  },
];

const DRAFTS: { scenario: number; month: string; title: string; body: string }[] = [
  {
    scenario: 6,
    month: '2021-11',
    title: '「マイナポイント登録センター」名義のはがきにご注意ください（案）',
    body: '「マイナポイント登録センター」名義で登録料の振込を求めるはがきが届いたとの相談がありました。マイナポイントの手続きに登録料はかかりません。振り込まずに、下記の窓口にご相談ください。',
  },
  {
    scenario: 11,
    month: '2021-12',
    title: '「上乗せキャンペーン当選」をかたる電話にご注意ください（案）',
    body: '',
  },
];

const INVESTIGATE_COMMENTS = ['相談者に折り返し連絡し、状況を確認する。', '同様の相談が他地区でもないか確認する。', '内容を聞き取り、消費生活センターと情報共有。', null];
const CLOSE_COMMENTS = ['被害なし。相談者へ注意喚起の内容を説明し終了。', '相談者に188（消費者ホットライン）を案内し終了。', '同種事案として記録し終了。', null];
const policeComments = (station: string) => [`被害があったため${station}へ情報提供。相談者にも#9110を案内。`, '警察署生活安全課へ連絡済み。', '被害届の提出を案内し、警察へ連絡。'];
const REOPEN_COMMENTS = ['相談者から再度連絡があり、追加の聞き取りを行う。', '警察から照会があったため再開。'];

const DAY = 86_400_000;

export function fraudSeedFor(plan: FraudPlan): SeedStep {
  return { name: 'fraud alerts and notices', run: (ctx) => seedFraud(ctx, plan) };
}

export const fraudSeed = fraudSeedFor(AGANO_FRAUD);

async function seedFraud(ctx: SeedContext, plan: FraudPlan): Promise<void> {
  const users = await ctx.query<{ id: number; username: string }>(
    `SELECT id, username FROM users WHERE username IN ('counter','counter2','policy','manager','admin') AND municipality_code = current_municipality()`,
  );
  const id = (name: string) => users.find((u) => u.username === name)?.id ?? users[0].id;
  const reporters = [id('counter'), id('counter'), id('counter2'), id('policy')];
  const policy = id('policy');
  const manager = id('manager');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(ctx.random() * xs.length)];
  const weighted = (): number => {
    const total = SCENARIOS.reduce((s, x) => s + x.weight, 0);
    let r = ctx.random() * total;
    for (let i = 0; i < SCENARIOS.length; i++) if ((r -= SCENARIOS[i].weight) < 0) return i;
    return 0;
  };
  const end = Date.parse('2021-12-28T17:00:00+09:00');

  // Which reports carry a notice: the first report of that scenario in that month.
  const noticeFor = new Map<string, (typeof NOTICES)[number] | (typeof DRAFTS)[number]>();
  [...NOTICES, ...DRAFTS].forEach((n, i) => {
    if (plan.notices.includes(i)) noticeFor.set(`${n.month}:${n.scenario}`, n);
  });

  for (const [month, perMonth] of MONTHS) {
    const count = Math.max(1, Math.round(perMonth * plan.volume));
    const forced = [...noticeFor.keys()].filter((k) => k.startsWith(month)).map((k) => Number(k.split(':')[1]));
    for (let k = 0; k < count; k++) {
      const s = k < forced.length ? forced[k] : weighted();
      const sc = SCENARIOS[s];
      const notice = noticeFor.get(`${month}:${s}`);
      if (notice) noticeFor.delete(`${month}:${s}`);
      const published = notice && 'publishedAt' in notice ? notice : null;
      // A published notice comes from a report received before it.
      const reportedAt = officeHour(ctx, month, published ? Date.parse(published.publishedAt) : undefined);
      const reporter = pick(reporters);
      const damage = sc.damage ? pick(sc.damage) : 0;
      const facts = { damageYen: damage, requestedItems: sc.items };
      // Policy staff raised a few after repeated reports in the same district.
      let severity: Severity = defaultFraudSeverity(facts);
      if (ctx.random() < 0.12) severity = maxSeverity(severity, severity === 'low' ? 'medium' : 'high');

      const steps = lifecycle(ctx, reportedAt, damage > 0, end, plan.policeStation);
      const status = steps.length ? steps[steps.length - 1].to : 'new';
      const [row] = await ctx.query<{ id: number }>(
        `INSERT INTO fraud_alerts (reported_at, channel, impersonated, requested_items, damage_yen, district, description, status, severity,
                                   notice_title, notice_body, notice_published_at, notice_published_by, reported_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $1, $15) RETURNING id`,
        [
          new Date(reportedAt),
          sc.channel,
          sc.impersonated,
          sc.items,
          damage,
          pick(plan.districts),
          sc.text,
          status,
          severity,
          notice?.title ?? null,
          notice?.body || null,
          published ? new Date(published.publishedAt) : null,
          published ? manager : null,
          reporter,
          new Date(Math.max(reportedAt, ...steps.map((st) => st.at), published ? Date.parse(published.publishedAt) : 0)),
        ],
      );
      // The first history row is the report itself: its 受付職員, at its time.
      await ctx.query(`INSERT INTO fraud_alert_history (fraud_alert_id, from_status, to_status, changed_by, changed_at) VALUES ($1, NULL, 'new', $2, $3)`, [
        row.id,
        reporter,
        new Date(reportedAt),
      ]);
      for (const st of steps) {
        await ctx.query(`INSERT INTO fraud_alert_history (fraud_alert_id, from_status, to_status, changed_by, changed_at, comment) VALUES ($1, $2, $3, $4, $5, $6)`, [
          row.id,
          st.from,
          st.to,
          policy,
          new Date(st.at),
          st.comment,
        ]);
      }
    }
  }
}

// Office hours at the city hall: JST weekdays 8:30–17:15 (minutes of the day).
const OPENS = 8 * 60 + 30;
const CLOSES = 17 * 60 + 15;
const JST = 9 * 3_600_000;

// A JST weekday in office hours in the month (before `latest` when given).
function officeHour(ctx: SeedContext, month: string, latest?: number): number {
  for (;;) {
    const day = 1 + Math.floor(ctx.random() * 28);
    const date = `${month}-${String(day).padStart(2, '0')}`;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const minutes = OPENS + Math.floor(ctx.random() * (CLOSES - OPENS));
    const at = Date.parse(`${date}T00:00:00+09:00`) + minutes * 60_000;
    if (latest === undefined || at < latest) return at;
  }
}

// The first office moment at or after `t`: before opening → that morning, after
// closing → the next morning, Saturday and Sunday → Monday (always later, never earlier).
function inOfficeHours(ctx: SeedContext, t: number): number {
  const dayStart = Math.floor((t + JST) / DAY) * DAY - JST;
  const minutes = (t - dayStart) / 60_000;
  let day = dayStart;
  let at = t;
  if (minutes < OPENS) at = day + (OPENS + Math.floor(ctx.random() * 60)) * 60_000;
  else if (minutes >= CLOSES) {
    day += DAY;
    at = day + (OPENS + Math.floor(ctx.random() * 120)) * 60_000;
  }
  for (;;) {
    const dow = new Date(day + JST).getUTCDay();
    if (dow !== 0 && dow !== 6) return at;
    day += DAY;
    at += DAY;
  }
}

type Step = { from: FraudStatus; to: FraudStatus; at: number; comment: string | null };

// How a report moved through triage: older ones finished, the last weeks still open.
function lifecycle(ctx: SeedContext, reportedAt: number, damaged: boolean, end: number, policeStation: string): Step[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(ctx.random() * xs.length)];
  const steps: Step[] = [];
  let at = reportedAt;
  const go = (from: FraudStatus, to: FraudStatus, minDays: number, maxDays: number, comment: string | null): boolean => {
    const next = inOfficeHours(ctx, at + (minDays + ctx.random() * (maxDays - minDays)) * DAY);
    if (next > end) return false;
    at = next;
    steps.push({ from, to, at, comment });
    return true;
  };
  const age = (end - reportedAt) / DAY;
  if (age < 14 && ctx.random() < 0.6) return steps; // still new
  if (!go('new', 'investigating', 0.05, 2, pick(INVESTIGATE_COMMENTS))) return steps;
  if (age < 45 && ctx.random() < 0.5) return steps; // still being looked into
  const finish: FraudStatus = damaged || ctx.random() < 0.1 ? 'referred_police' : 'closed';
  if (!go('investigating', finish, 1, 14, finish === 'closed' ? pick(CLOSE_COMMENTS) : pick(policeComments(policeStation)))) return steps;
  if (ctx.random() < 0.08) {
    if (!go(finish, 'investigating', 3, 30, pick(REOPEN_COMMENTS))) return steps;
    go('investigating', 'closed', 1, 10, '追加の聞き取りを終え、終了。');
  }
  return steps;
}

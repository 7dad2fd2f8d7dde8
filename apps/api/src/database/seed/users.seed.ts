import { hashPassword } from '../../common/auth/password';
import { INSTALLATION } from '../../common/db/tenant';
import { DEMO_PASSWORD } from '../../users/password-policy';
import { SeedContext, SeedStep } from './seed-context';

export { DEMO_PASSWORD };

export interface DemoUser {
  username: string;
  displayName: string;
  role: string;
  prefectureCode?: string;
}

/** The demo city's staff (阿賀野市, the installation's default municipality). */
export const DEMO_USERS = [
  { username: 'admin', displayName: 'システム管理者', role: 'admin' },
  { username: 'policy', displayName: '政策推進係 佐藤', role: 'policy' },
  { username: 'counter', displayName: '市民係 窓口 鈴木', role: 'counter' },
  { username: 'manager', displayName: '市民生活課長 高橋', role: 'manager' },
] as const;

/** The second municipality's staff (新発田市): the same four usernames. */
export const SHIBATA_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: 'システム管理者', role: 'admin' },
  { username: 'policy', displayName: '情報政策課 小林', role: 'policy' },
  { username: 'counter', displayName: '市民まちづくり支援課 窓口 伊藤', role: 'counter' },
  { username: 'manager', displayName: '市民課長 渡辺', role: 'manager' },
];

/** The installation's own accounts (municipality 000000). */
export const INSTALLATION_USERS: readonly DemoUser[] = [
  { username: 'operator', displayName: '運用事業者 オペレーター', role: 'operator' },
  { username: 'prefecture', displayName: '新潟県 デジタル政策課', role: 'prefecture', prefectureCode: '15' },
];

async function insertUsers(ctx: SeedContext, users: readonly DemoUser[], hash: string): Promise<void> {
  for (const u of users) {
    await ctx.query(
      `INSERT INTO users (username, display_name, role, password_hash, prefecture_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [u.username, u.displayName, u.role, hash, u.prefectureCode ?? null],
    );
  }
}

/** A municipality's demo users, and a second counter clerk so "own records only" shows in the demo. */
export function usersSeedFor(users: readonly DemoUser[], secondClerk: string): SeedStep {
  return {
    name: 'demo users',
    async run(ctx) {
      const hash = await hashPassword(DEMO_PASSWORD);
      await insertUsers(ctx, [...users, { username: 'counter2', displayName: secondClerk, role: 'counter' }], hash);
    },
  };
}

export const usersSeed = usersSeedFor(DEMO_USERS, '市民係 窓口 田中');

/** `operator` and `prefecture` (新潟県), in the installation's pseudo-municipality. */
export const installationUsersSeed: SeedStep = {
  name: 'installation accounts (operator, prefecture)',
  async run(ctx) {
    const hash = await hashPassword(DEMO_PASSWORD);
    await ctx.asMunicipality(INSTALLATION, () => insertUsers(ctx, INSTALLATION_USERS, hash));
  },
};

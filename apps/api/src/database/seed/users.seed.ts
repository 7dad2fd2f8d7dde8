import { hashPassword } from '../../common/auth/password';
import { DEMO_PASSWORD } from '../../users/password-policy';
import { SeedStep } from './seed-context';

export { DEMO_PASSWORD };

export const DEMO_USERS = [
  { username: 'admin', displayName: 'システム管理者', role: 'admin' },
  { username: 'policy', displayName: '政策推進係 佐藤', role: 'policy' },
  { username: 'counter', displayName: '市民係 窓口 鈴木', role: 'counter' },
  { username: 'manager', displayName: '市民生活課長 高橋', role: 'manager' },
] as const;

export const usersSeed: SeedStep = {
  name: 'demo users',
  async run(ctx) {
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      await ctx.query(
        `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [u.username, u.displayName, u.role, hash],
      );
    }
    // A second counter clerk, so "own records only" shows in the demo.
    await ctx.query(
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ('counter2', '市民係 窓口 田中', 'counter', $1)
       ON CONFLICT DO NOTHING`,
      [hash],
    );
  },
};

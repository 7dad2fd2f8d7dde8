import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// libs/domain is pure TypeScript shared by the API and the browser: no framework may leak in.
describe('libs/domain', () => {
  it('imports no framework or Node module', () => {
    const offenders: string[] = [];
    for (const file of readdirSync(__dirname, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      const source = readFileSync(join(__dirname, file), 'utf8');
      for (const m of source.matchAll(/from\s+'([^']+)'/g)) {
        if (!m[1].startsWith('.')) offenders.push(`${file}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

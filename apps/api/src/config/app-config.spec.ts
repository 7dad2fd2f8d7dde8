import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/x', MYKEY_HMAC_SECRET: 'a-long-enough-secret' };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.districts).toEqual(['水原', '京ヶ瀬', '安田', '笹神']);
    expect(c.seedDemo).toBe(false);
    expect(c.tokenTtlMinutes).toBe(480);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', MYKEY_HMAC_SECRET: 'short', SEED_DEMO: 'perhaps', MUNICIPALITY_CODE: '12' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as Error).message;
      for (const name of ['DATABASE_URL', 'PORT', 'MYKEY_HMAC_SECRET', 'SEED_DEMO', 'MUNICIPALITY_CODE']) expect(text).toContain(name);
    }
  });

  it('reads the city’s district list', () => {
    expect(loadConfig({ ...base, DISTRICTS: ' 北区, 南区 ,' }).districts).toEqual(['北区', '南区']);
  });

  it('reads district populations (optional JSON object) and refuses anything else', () => {
    expect(loadConfig(base).districtPopulation).toEqual({});
    expect(loadConfig({ ...base, DISTRICT_POPULATION: '{"水原": 23000, "安田": 9000}' }).districtPopulation).toEqual({ 水原: 23000, 安田: 9000 });
    for (const bad of ['[1]', '{"水原": -1}', '{"水原": "many"}', 'not json', '42']) {
      expect(() => loadConfig({ ...base, DISTRICT_POPULATION: bad })).toThrow(/DISTRICT_POPULATION/);
    }
  });
});

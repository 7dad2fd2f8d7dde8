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

  it('listens on every interface unless HOST says otherwise, and refuses what is not an address', () => {
    expect(loadConfig(base).host).toBe('0.0.0.0');
    expect(loadConfig({ ...base, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...base, HOST: '::1' }).host).toBe('::1');
    expect(() => loadConfig({ ...base, HOST: 'http://x/' })).toThrow(/HOST/);
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

describe('loadConfig in production', () => {
  const prod = { ...base, NODE_ENV: 'production' };
  const strong = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

  it('accepts a generated key', () => {
    expect(loadConfig({ ...prod, MYKEY_HMAC_SECRET: strong }).production).toBe(true);
  });

  it.each([
    ['an example value', 'a-long-enough-secret'],
    ['a placeholder', 'change-me-change-me-change-me-123456'],
    ['a key shorter than 32', '0123456789abcdef0123'],
    ['a repetitive key', 'abababababababababababababababababab'],
  ])('refuses %s as MYKEY_HMAC_SECRET', (_what, secret) => {
    expect(() => loadConfig({ ...prod, MYKEY_HMAC_SECRET: secret })).toThrow(/MYKEY_HMAC_SECRET/);
  });

  it('refuses the demo seed', () => {
    expect(() => loadConfig({ ...prod, MYKEY_HMAC_SECRET: strong, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
  });

  it('lets a development setup keep a short key', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).myKeyHmacSecret).toBe('a-long-enough-secret');
  });
});

describe('CORS_ORIGINS', () => {
  it('is empty (closed) by default and takes a comma-separated list of origins', () => {
    expect(loadConfig(base).corsOrigins).toEqual([]);
    expect(loadConfig({ ...base, CORS_ORIGINS: 'https://a.example.jp, http://10.0.0.5:8080' }).corsOrigins).toEqual(['https://a.example.jp', 'http://10.0.0.5:8080']);
  });

  it('refuses a wildcard or a URL with a path', () => {
    expect(() => loadConfig({ ...base, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: 'https://a.example.jp/app' })).toThrow(/CORS_ORIGINS/);
  });
});

// Configuration comes from the environment only, validated once at start-up so a
// typo fails loudly with the variable's name instead of misbehaving later.
export interface AppConfig {
  port: number;
  /** Connection string; set by the launcher to the embedded PostgreSQL when absent. */
  databaseUrl: string;
  /** Key for the MyKey ID hash (HMAC-SHA-256). */
  myKeyHmacSecret: string;
  /** The deployment's own municipality code (全国地方公共団体コード, 6 digits). */
  municipalityCode: string;
  cityName: string;
  /** Districts the UI suggests (free text is still accepted). */
  districts: string[];
  /** Residents per district (DISTRICT_POPULATION, JSON object), for uptake rates; empty when not configured. */
  districtPopulation: Record<string, number>;
  tokenTtlMinutes: number;
  seedDemo: boolean;
  logFormat: 'json' | 'pretty';
  /** Directory of the built admin UI; served at `/` when it exists. */
  adminDir: string | null;
  /** Upper bound for an upload (bytes). */
  maxUploadBytes: number;
  /** Import jobs one API process runs at the same time. */
  importConcurrency: number;
  /** Connections one import job may use for its set-based phase (point awards run chunks side by side). */
  importApplyWorkers: number;
  /** Rows per transaction in an import's set-based phase (about). */
  importChunkRows: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_DISTRICTS = ['水原', '京ヶ瀬', '安田', '笹神'];

export function loadConfig(env: Env, overrides: Partial<AppConfig> = {}): AppConfig {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is not set');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres://');

  const myKeyHmacSecret = overrides.myKeyHmacSecret ?? env.MYKEY_HMAC_SECRET ?? '';
  if (myKeyHmacSecret.length < 16) problems.push('MYKEY_HMAC_SECRET must be at least 16 characters');

  const municipalityCode = env.MUNICIPALITY_CODE ?? '152234';
  if (!/^\d{6}$/.test(municipalityCode)) problems.push('MUNICIPALITY_CODE must be 6 digits');

  const logFormat = (env.LOG_FORMAT ?? 'pretty') as AppConfig['logFormat'];
  if (logFormat !== 'json' && logFormat !== 'pretty') problems.push('LOG_FORMAT must be json or pretty');

  const districts = (env.DISTRICTS ?? DEFAULT_DISTRICTS.join(','))
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);

  // {"水原": 23000, …}: the uptake stats divide reservations by these.
  const districtPopulation: Record<string, number> = {};
  if (env.DISTRICT_POPULATION) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.DISTRICT_POPULATION);
    } catch {
      parsed = null;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) problems.push('DISTRICT_POPULATION must be a JSON object of district → population');
    else {
      for (const [district, n] of Object.entries(parsed)) {
        if (!Number.isInteger(n) || (n as number) <= 0) problems.push(`DISTRICT_POPULATION["${district}"] must be a positive integer`);
        else districtPopulation[district] = n as number;
      }
    }
  }

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    myKeyHmacSecret,
    municipalityCode,
    cityName: env.CITY_NAME ?? '阿賀野市',
    districts,
    districtPopulation,
    tokenTtlMinutes: int('TOKEN_TTL_MINUTES', 8 * 60, 1, 60 * 24 * 30),
    seedDemo: bool('SEED_DEMO', false),
    logFormat,
    adminDir: env.ADMIN_DIR ?? null,
    maxUploadBytes: int('MAX_UPLOAD_MB', 512, 1, 10_240) * 1024 * 1024,
    importConcurrency: int('IMPORT_CONCURRENCY', 2, 1, 16),
    importApplyWorkers: int('IMPORT_APPLY_WORKERS', 2, 1, 8),
    importChunkRows: int('IMPORT_CHUNK_ROWS', 200_000, 1, 10_000_000),
    ...overrides,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

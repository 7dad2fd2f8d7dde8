import { createHmac } from 'node:crypto';
import { DirectoryConfig, loadDirectoryConfig } from './directory-config';

// Configuration comes from the environment only, validated once at start-up so a
// typo fails loudly with the variable's name instead of misbehaving later.
export interface AppConfig {
  port: number;
  /**
   * API processes on this machine (API_PROCESSES, default 1): Node's cluster shares the
   * port among them. They share no state that could go stale: sessions are dropped on
   * PostgreSQL's notices, rate limits, imports' locks and idempotency keys live in the
   * database.
   */
  processes: number;
  /** Listen address (HOST). `npm start`'s demo sets 127.0.0.1; a server setup listens on every interface. */
  host: string;
  /** Connection string of the role that owns the tables: migrations, the demo seed. Set by the launcher to the embedded PostgreSQL when absent. */
  databaseUrl: string;
  /**
   * The API's own connection (APP_DATABASE_URL): a role that owns nothing, so row-level
   * security always applies to it. Without the variable: DATABASE_URL's server as the
   * role `mynapoint_app`, whose password start-up sets (derived from MYKEY_HMAC_SECRET).
   */
  appDatabaseUrl: string;
  /** True when start-up manages the API role's login (APP_DATABASE_URL not given). */
  appRoleManaged: boolean;
  /** Key for the MyKey ID hash (HMAC-SHA-256). */
  myKeyHmacSecret: string;
  /** The installation's default municipality (全国地方公共団体コード, 6 digits): sign-in without a code means it. */
  municipalityCode: string;
  // The default municipality's first settings (CITY_NAME, DISTRICTS, DISTRICT_POPULATION):
  // written to its row of `municipalities` on the first start (database/installation.ts);
  // from then on the row is the truth and these are not read.
  cityName: string;
  districts: string[];
  districtPopulation: Record<string, number>;
  tokenTtlMinutes: number;
  /** A session unused this long ends (SESSION_IDLE_MINUTES), besides the absolute lifetime. */
  sessionIdleMinutes: number;
  /** The city's directory (LDAP_URL and the rest); null = local accounts only. */
  directory: DirectoryConfig | null;
  /** Issuer shown in authenticator apps (TOTP_ISSUER). */
  totpIssuer: string;
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
  /** Minutes between runs of the job that erases appointments' names and phone numbers after the retention (0: never, e.g. when a cron runs it elsewhere). */
  appointmentErasureMinutes: number;
  /** NODE_ENV=production: secrets must be real, demo seeding is refused. */
  production: boolean;
  /** Origins allowed to call the API from another site (CORS); empty = same origin only. */
  corsOrigins: string[];
  /** Largest JSON (or form) request body, bytes. */
  maxJsonBytes: number;
  /** Consecutive wrong passwords that lock an account. */
  loginMaxFailures: number;
  /** How long a locked account stays locked (minutes); 0 = until an admin unlocks it. */
  loginLockMinutes: number;
  /** Failed logins from one address within the window before it must wait (429). */
  loginIpMaxFailures: number;
  loginIpWindowMinutes: number;
  /** Per user, per minute: imports started, export downloads (incl. tickets and reports). */
  rateLimitImportsPerMinute: number;
  rateLimitExportsPerMinute: number;
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

  const production = env.NODE_ENV === 'production';
  const myKeyHmacSecret = overrides.myKeyHmacSecret ?? env.MYKEY_HMAC_SECRET ?? '';
  if (myKeyHmacSecret.length < 16) problems.push('MYKEY_HMAC_SECRET must be at least 16 characters');
  // In production a guessable key would let anyone holding a dump link hashes back to
  // MyKey IDs and forge download tickets: refuse the published/example values and weak ones.
  else if (production) problems.push(...weakSecretProblems('MYKEY_HMAC_SECRET', myKeyHmacSecret));
  if (production && /^(true|1|yes)$/i.test(env.SEED_DEMO ?? '')) {
    problems.push('SEED_DEMO must not be true with NODE_ENV=production: the demo accounts share a published password');
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (!/^https?:\/\/[^/\s*]+$/.test(o)) problems.push(`CORS_ORIGINS entries must be origins like https://example.jp (got "${o}")`);
  }

  const host = env.HOST || '0.0.0.0';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) problems.push(`HOST must be an IP address or a host name (got "${host}")`);

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
    processes: int('API_PROCESSES', 1, 1, 64),
    host,
    databaseUrl,
    myKeyHmacSecret,
    municipalityCode,
    cityName: env.CITY_NAME ?? '阿賀野市',
    districts,
    districtPopulation,
    tokenTtlMinutes: int('TOKEN_TTL_MINUTES', 8 * 60, 1, 60 * 24 * 30),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 1, 60 * 24 * 30),
    directory: loadDirectoryConfig(env, municipalityCode, problems),
    totpIssuer: (env.TOTP_ISSUER || 'マイナポイント庁内管理').slice(0, 60),
    seedDemo: bool('SEED_DEMO', false),
    logFormat,
    adminDir: env.ADMIN_DIR ?? null,
    maxUploadBytes: int('MAX_UPLOAD_MB', 512, 1, 10_240) * 1024 * 1024,
    importConcurrency: int('IMPORT_CONCURRENCY', 2, 1, 16),
    importApplyWorkers: int('IMPORT_APPLY_WORKERS', 2, 1, 8),
    importChunkRows: int('IMPORT_CHUNK_ROWS', 200_000, 1, 10_000_000),
    appointmentErasureMinutes: int('APPOINTMENT_ERASURE_MINUTES', 60, 0, 1440),
    production,
    corsOrigins,
    maxJsonBytes: int('MAX_JSON_KB', 1024, 1, 102_400) * 1024,
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 30, 0, 60 * 24 * 30),
    loginIpMaxFailures: int('LOGIN_IP_MAX_FAILURES', 30, 1, 100_000),
    loginIpWindowMinutes: int('LOGIN_IP_WINDOW_MINUTES', 15, 1, 24 * 60),
    rateLimitImportsPerMinute: int('RATE_LIMIT_IMPORTS_PER_MINUTE', 20, 1, 100_000),
    rateLimitExportsPerMinute: int('RATE_LIMIT_EXPORTS_PER_MINUTE', 60, 1, 100_000),
    appDatabaseUrl: '',
    appRoleManaged: false,
    ...overrides,
  };
  if (!config.appDatabaseUrl) {
    const explicit = env.APP_DATABASE_URL ?? '';
    if (explicit && !/^postgres(ql)?:\/\//.test(explicit)) problems.push('APP_DATABASE_URL must start with postgres://');
    config.appDatabaseUrl = explicit || appRoleUrl(config.databaseUrl, config.myKeyHmacSecret);
    config.appRoleManaged = !explicit;
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_ROLE = 'mynapoint_app';

/** The API role's password when start-up manages it: derived, so nothing more to keep secret. */
export function appRolePassword(secret: string): string {
  return createHmac('sha256', secret).update('mynapoint_app database password').digest('base64url');
}

function appRoleUrl(databaseUrl: string, secret: string): string {
  try {
    const url = new URL(databaseUrl);
    url.username = APP_ROLE;
    url.password = appRolePassword(secret);
    return url.toString();
  } catch {
    return ''; // DATABASE_URL's own problem is reported
  }
}

// Values that have appeared in this repository's docs, examples and tests, or that a
// person types when asked for "a secret".
const KNOWN_SECRETS = new Set(['test-only-mykey-hmac-secret', 'a-long-enough-secret', 'a-secret-for-this-test', 'change-me', 'changeme', 'secret', 'mynapoint', 'mynapoint-demo']);

function weakSecretProblems(name: string, value: string): string[] {
  const lower = value.toLowerCase();
  if (KNOWN_SECRETS.has(lower) || /change.?me|example|default|secret|password|test/.test(lower)) {
    return [`${name} is a default or example value: generate one (e.g. openssl rand -hex 32) for production`];
  }
  if (value.length < 32) return [`${name} must be at least 32 characters with NODE_ENV=production (e.g. openssl rand -hex 32)`];
  if (new Set(value).size < 10) return [`${name} is too repetitive to be a key: generate one (e.g. openssl rand -hex 32)`];
  return [];
}

export const APP_CONFIG = Symbol('APP_CONFIG');

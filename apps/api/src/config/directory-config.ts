import { readFileSync } from 'node:fs';
import type { Role } from '@mynapoint/domain';

// The city's directory (LDAP v3: OpenLDAP or Active Directory), from the environment.
// docs/directory.md explains every variable with an AD and an OpenLDAP example.

// The municipality roles (libs/domain's MUNICIPALITY_ROLES), spelled out: the
// configuration is loaded by the migration runner too, outside the domain's path alias.
const MUNICIPALITY_ROLES = ['admin', 'policy', 'counter', 'manager'] as const satisfies readonly Role[];
export type DirectoryRole = (typeof MUNICIPALITY_ROLES)[number];

export interface DirectoryConfig {
  /** ldap://host:389 (then StartTLS unless LDAP_STARTTLS=false) or ldaps://host:636. */
  url: string;
  startTls: boolean;
  /** PEM of the CA that signed the directory's certificate (LDAP_TLS_CA_FILE); null = the system's CAs. */
  ca: string | null;
  tlsRejectUnauthorized: boolean;
  /** The service account that searches for users. */
  bindDn: string;
  bindPassword: string;
  userBase: string;
  /** `{username}` is replaced by the name typed, escaped (RFC 4515). */
  userFilter: string;
  displayNameAttribute: string;
  /** Where to look for groups; null = read the user entry's memberOf (Active Directory). */
  groupBase: string | null;
  /** `{dn}` is replaced by the user's DN, escaped. */
  groupFilter: string;
  /** Per municipality code: group DN (normalised) → role, in the order given (the first match wins). */
  roleGroups: Record<string, [group: string, role: DirectoryRole][]>;
  timeoutMs: number;
}

type Env = Record<string, string | undefined>;

/** A DN compared case- and spacing-insensitively ("CN=A, OU=B" = "cn=a,ou=b"). */
export function normalizeDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) => rdn.trim().replace(/\s*=\s*/, '='))
    .join(',')
    .toLowerCase();
}

function isRole(v: unknown): v is DirectoryRole {
  return typeof v === 'string' && (MUNICIPALITY_ROLES as readonly string[]).includes(v);
}

function groupMap(value: unknown, where: string, problems: string[]): [string, DirectoryRole][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where} must be a JSON object of group DN → role`);
    return [];
  }
  const out: [string, DirectoryRole][] = [];
  for (const [dn, role] of Object.entries(value)) {
    if (!isRole(role)) problems.push(`${where}["${dn}"] must be one of ${MUNICIPALITY_ROLES.join(', ')} (got ${JSON.stringify(role)})`);
    else if (!/=/.test(dn)) problems.push(`${where}: "${dn}" is not a DN`);
    else out.push([normalizeDn(dn), role]);
  }
  return out;
}

/**
 * LDAP_ROLE_GROUPS: either `{ "<group DN>": "<role>", … }` (for the installation's
 * municipality, MUNICIPALITY_CODE) or `{ "<municipality code>": { "<group DN>": "<role>" }, … }`.
 * A municipality that is not named signs in with local accounts only.
 */
export function parseRoleGroups(raw: string, defaultMunicipality: string, problems: string[]): DirectoryConfig['roleGroups'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push('LDAP_ROLE_GROUPS must be JSON');
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push('LDAP_ROLE_GROUPS must be a JSON object');
    return {};
  }
  const entries = Object.entries(parsed);
  const perMunicipality = entries.length > 0 && entries.every(([k]) => /^\d{6}$/.test(k));
  if (!perMunicipality) return { [defaultMunicipality]: groupMap(parsed, 'LDAP_ROLE_GROUPS', problems) };
  return Object.fromEntries(entries.map(([code, map]) => [code, groupMap(map, `LDAP_ROLE_GROUPS["${code}"]`, problems)]));
}

/** Null when LDAP_URL is unset: local accounts only. */
export function loadDirectoryConfig(env: Env, defaultMunicipality: string, problems: string[]): DirectoryConfig | null {
  const url = env.LDAP_URL ?? '';
  if (!url) return null;
  if (!/^ldaps?:\/\/[^/\s]+\/?$/.test(url)) problems.push(`LDAP_URL must look like ldap://host:389 or ldaps://host:636 (got "${url}")`);
  const flag = (name: string, fallback: boolean) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const need = (name: string) => {
    const v = env[name] ?? '';
    if (!v) problems.push(`${name} is required with LDAP_URL`);
    return v;
  };
  let ca: string | null = null;
  if (env.LDAP_TLS_CA_FILE) {
    try {
      ca = readFileSync(env.LDAP_TLS_CA_FILE, 'utf8');
    } catch {
      problems.push(`LDAP_TLS_CA_FILE cannot be read (${env.LDAP_TLS_CA_FILE})`);
    }
  }
  const timeout = Number(env.LDAP_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 60_000) problems.push('LDAP_TIMEOUT_MS must be an integer between 100 and 60000');
  const userFilter = env.LDAP_USER_FILTER || '(uid={username})';
  if (!userFilter.includes('{username}')) problems.push('LDAP_USER_FILTER must contain {username}');
  const groupFilter = env.LDAP_GROUP_FILTER || '(|(member={dn})(uniqueMember={dn}))';
  if (!groupFilter.includes('{dn}')) problems.push('LDAP_GROUP_FILTER must contain {dn}');
  const roleGroups = parseRoleGroups(need('LDAP_ROLE_GROUPS') || '{}', defaultMunicipality, problems);
  return {
    url,
    startTls: url.startsWith('ldap://') && flag('LDAP_STARTTLS', true),
    ca,
    tlsRejectUnauthorized: flag('LDAP_TLS_REJECT_UNAUTHORIZED', true),
    bindDn: need('LDAP_BIND_DN'),
    bindPassword: need('LDAP_BIND_PASSWORD'),
    userBase: need('LDAP_USER_BASE'),
    userFilter,
    displayNameAttribute: env.LDAP_DISPLAY_NAME_ATTRIBUTE || 'displayName',
    groupBase: env.LDAP_GROUP_BASE || null,
    groupFilter,
    roleGroups,
    timeoutMs: timeout,
  };
}

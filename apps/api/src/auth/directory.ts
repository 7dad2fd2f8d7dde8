import { Client, InvalidCredentialsError } from 'ldapts';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { DirectoryConfig, DirectoryRole, normalizeDn } from '../config/directory-config';

// Sign-in through the city's directory (LDAP v3), the usual three steps: bind as the
// service account, find the user's entry by name, bind as that entry with the password
// typed. Then the groups the entry belongs to decide the role (LDAP_ROLE_GROUPS).
// Each sign-in uses its own connection: a bind changes who the connection is, and a
// pooled connection would carry one person's bind into another's sign-in.

export type DirectoryOutcome =
  | { ok: true; dn: string; displayName: string; role: DirectoryRole | null }
  | { ok: false; reason: 'unknown_user' | 'wrong_password' | 'directory_unavailable' };

/** RFC 4515: a value inside a search filter; `*`, `(`, `)`, `\` and NUL are escaped. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The role of the first mapped group (in LDAP_ROLE_GROUPS order) the user is in. */
export function roleOfGroups(groups: readonly string[], mapping: readonly [string, DirectoryRole][]): DirectoryRole | null {
  const mine = new Set(groups.map(normalizeDn));
  return mapping.find(([group]) => mine.has(group))?.[1] ?? null;
}

function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return typeof v === 'string' ? v : undefined;
}

function texts(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)));
}

export class Directory {
  constructor(private readonly config: DirectoryConfig) {}

  /** Whether sign-ins of this municipality go through the directory. */
  serves(municipalityCode: string): boolean {
    return Boolean(this.config.roleGroups[municipalityCode]);
  }

  async authenticate(municipalityCode: string, username: string, password: string): Promise<DirectoryOutcome> {
    const c = this.config;
    // An empty password would be an "unauthenticated bind", which many servers accept.
    if (!password) return { ok: false, reason: 'wrong_password' };
    let client: Client | undefined;
    try {
      client = await this.connect();
      await client.bind(c.bindDn, c.bindPassword);
      const attrs = [c.displayNameAttribute, 'cn', ...(c.groupBase ? [] : ['memberOf'])];
      const { searchEntries } = await client.search(c.userBase, {
        scope: 'sub',
        filter: c.userFilter.replaceAll('{username}', escapeFilterValue(username)),
        attributes: attrs,
        sizeLimit: 2,
      });
      // Two entries for one name: refuse rather than guess whose password to check.
      if (searchEntries.length !== 1) return { ok: false, reason: 'unknown_user' };
      const entry = searchEntries[0];
      try {
        await client.bind(entry.dn, password);
      } catch (e) {
        if (e instanceof InvalidCredentialsError) return { ok: false, reason: 'wrong_password' };
        throw e;
      }
      // Groups are read with the service account's rights, not the user's.
      await client.bind(c.bindDn, c.bindPassword);
      let groups: string[];
      if (c.groupBase) {
        const found = await client.search(c.groupBase, {
          scope: 'sub',
          filter: c.groupFilter.replaceAll('{dn}', escapeFilterValue(entry.dn)),
          attributes: ['1.1'],
        });
        groups = found.searchEntries.map((g) => g.dn);
      } else {
        groups = texts(entry.memberOf);
      }
      const displayName = (text(entry[c.displayNameAttribute]) ?? text(entry.cn) ?? username).slice(0, 60);
      return { ok: true, dn: entry.dn, displayName, role: roleOfGroups(groups, c.roleGroups[municipalityCode] ?? []) };
    } catch {
      // Unreachable, a TLS failure, a timeout, or the service account refused (a
      // configuration fault): the user could not be checked.
      return { ok: false, reason: 'directory_unavailable' };
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }

  private async connect(): Promise<Client> {
    const c = this.config;
    const tlsOptions: ConnectionOptions = { rejectUnauthorized: c.tlsRejectUnauthorized, ...(c.ca ? { ca: c.ca } : {}) };
    // tlsOptions only for ldaps://: given on an ldap:// URL, ldapts opens the connection
    // with TLS already, and the StartTLS handshake that follows is cut off.
    const secure = c.url.startsWith('ldaps://');
    const client = new Client({ url: c.url, timeout: c.timeoutMs, connectTimeout: c.timeoutMs, ...(secure ? { tlsOptions } : {}), strictDN: false });
    const host = new URL(c.url).hostname;
    // SNI takes a host name only (RFC 6066); the certificate is still checked against an address.
    if (c.startTls) await client.startTLS({ ...tlsOptions, ...(isIP(host) ? {} : { servername: host }) });
    return client;
  }
}

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attribute, Change, Client } from 'ldapts';
import type { DirectoryConfig } from '../../apps/api/src/config/directory-config';
import { freePort } from './free-port';

// A real OpenLDAP (Debian's slapd) for the directory tests: its own loopback ports, a
// throwaway config and data folder, a throwaway CA and server certificate for StartTLS
// and ldaps. `npm test` and .ci/run install slapd when it is missing.

export const SLAPD = '/usr/sbin/slapd';
export const BASE = 'dc=city,dc=example';
export const ROOT_DN = `cn=admin,${BASE}`;
const ROOT_PW = 'root-secret-for-tests';
export const SERVICE_DN = `cn=mynapoint,ou=services,${BASE}`;
export const SERVICE_PW = 'service-secret-for-tests';

export const groupDn = (cn: string) => `cn=${cn},ou=groups,${BASE}`;
export const userDn = (uid: string) => `uid=${uid},ou=people,${BASE}`;

export interface DirectoryUser {
  uid: string;
  name: string;
  password: string;
  groups: string[];
}


async function waitForPort(port: number, child: ChildProcess, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`slapd exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on ${port}`);
}

function certificates(dir: string): { ca: string; cert: string; key: string } {
  const f = (n: string) => join(dir, n);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=Mynapoint test CA');
  ssl('req', ...ec, '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=localhost');
  writeFileSync(f('ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  ssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('server.pem'), '-days', '2', '-extfile', f('ext.cnf'));
  return { ca: f('ca.pem'), cert: f('server.pem'), key: f('server.key') };
}

function ldif(users: DirectoryUser[], groups: string[]): string {
  const entries = [
    `dn: ${BASE}\nobjectClass: dcObject\nobjectClass: organization\ndc: city\no: City`,
    `dn: ou=people,${BASE}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${BASE}\nobjectClass: organizationalUnit\nou: groups`,
    `dn: ou=services,${BASE}\nobjectClass: organizationalUnit\nou: services`,
    `dn: ${SERVICE_DN}\nobjectClass: person\ncn: mynapoint\nsn: service\nuserPassword: ${SERVICE_PW}`,
    ...users.map(
      (u) =>
        // displayName in base64: LDIF values must be ASCII unless encoded.
        `dn: ${userDn(u.uid)}\nobjectClass: inetOrgPerson\nuid: ${u.uid}\ncn: ${u.uid}\nsn: ${u.uid}\ndisplayName:: ${Buffer.from(u.name).toString('base64')}\nuserPassword: ${u.password}`,
    ),
    ...groups.map((g) => {
      const members = users.filter((u) => u.groups.includes(g)).map((u) => `member: ${userDn(u.uid)}`);
      // groupOfNames needs a member: the service account stands in for an empty group.
      return `dn: ${groupDn(g)}\nobjectClass: groupOfNames\ncn: ${g}\n${(members.length ? members : [`member: ${SERVICE_DN}`]).join('\n')}`;
    }),
  ];
  return entries.join('\n\n') + '\n';
}

export class Slapd {
  private constructor(
    private readonly dir: string,
    private child: ChildProcess | null,
    private readonly args: string[],
    readonly port: number,
    readonly tlsPort: number,
    readonly caFile: string,
  ) {}

  get url(): string {
    return `ldap://127.0.0.1:${this.port}`;
  }

  get ldapsUrl(): string {
    return `ldaps://127.0.0.1:${this.tlsPort}`;
  }

  static async start(users: DirectoryUser[], groups: string[]): Promise<Slapd> {
    if (!existsSync(SLAPD)) throw new Error('slapd is not installed: apt-get install -y slapd (npm test and .ci/run install it)');
    const dir = mkdtempSync(join(tmpdir(), 'mynapoint-slapd-'));
    mkdirSync(join(dir, 'data'));
    const tls = certificates(dir);
    const conf = join(dir, 'slapd.conf');
    writeFileSync(
      conf,
      [
        'include /etc/ldap/schema/core.schema',
        'include /etc/ldap/schema/cosine.schema',
        'include /etc/ldap/schema/inetorgperson.schema',
        'modulepath /usr/lib/ldap',
        'moduleload back_mdb',
        `pidfile ${join(dir, 'slapd.pid')}`,
        `TLSCACertificateFile ${tls.ca}`,
        `TLSCertificateFile ${tls.cert}`,
        `TLSCertificateKeyFile ${tls.key}`,
        'database mdb',
        'maxsize 10485760',
        `suffix "${BASE}"`,
        `rootdn "${ROOT_DN}"`,
        `rootpw ${ROOT_PW}`,
        `directory ${join(dir, 'data')}`,
        // Users may bind; only the service account (and the root) may read the tree.
        `access to attrs=userPassword by anonymous auth by * none`,
        `access to * by dn.exact="${SERVICE_DN}" read by self read by * none`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'data.ldif'), ldif(users, groups));
    execFileSync('/usr/sbin/slapadd', ['-f', conf, '-l', join(dir, 'data.ldif')], { stdio: 'pipe' });
    const [port, tlsPort] = [await freePort(), await freePort()];
    const args = ['-f', conf, '-h', `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${tlsPort}/`, '-d', '0'];
    const s = new Slapd(dir, null, args, port, tlsPort, tls.ca);
    await s.resume();
    return s;
  }

  /** Directory settings for the app: StartTLS on ldap://, the throwaway CA trusted. */
  config(roleGroups: Record<string, string>, municipalityCode: string, overrides: Partial<DirectoryConfig> = {}): DirectoryConfig {
    return {
      url: this.url,
      startTls: true,
      ca: readFileSync(this.caFile, 'utf8'),
      tlsRejectUnauthorized: true,
      bindDn: SERVICE_DN,
      bindPassword: SERVICE_PW,
      userBase: `ou=people,${BASE}`,
      userFilter: '(uid={username})',
      displayNameAttribute: 'displayName',
      groupBase: `ou=groups,${BASE}`,
      groupFilter: '(member={dn})',
      roleGroups: { [municipalityCode]: Object.entries(roleGroups).map(([g, r]) => [g.toLowerCase(), r as 'admin']) },
      timeoutMs: 2000,
      ...overrides,
    };
  }

  /** Adds (or removes) a user to a group, as the directory's administrator would. */
  async setMember(group: string, uid: string, member: boolean): Promise<void> {
    const c = new Client({ url: this.url });
    try {
      await c.bind(ROOT_DN, ROOT_PW);
      await c.modify(groupDn(group), new Change({ operation: member ? 'add' : 'delete', modification: new Attribute({ type: 'member', values: [userDn(uid)] }) }));
    } finally {
      await c.unbind();
    }
  }

  /** The directory goes away (a network fault, a maintenance window)… */
  async pause(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** …and comes back with the same data. */
  async resume(): Promise<void> {
    const child = spawn(SLAPD, this.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    try {
      await waitForPort(this.port, child);
    } catch (e) {
      child.kill('SIGKILL');
      throw new Error(`${(e as Error).message}\n${log}`);
    }
    this.child = child;
  }

  async stop(): Promise<void> {
    await this.pause();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

import { loadDirectoryConfig, normalizeDn, parseRoleGroups } from './directory-config';

const BASE_ENV = {
  LDAP_URL: 'ldap://ldap.city.example:389',
  LDAP_BIND_DN: 'cn=svc,dc=city,dc=example',
  LDAP_BIND_PASSWORD: 'x',
  LDAP_USER_BASE: 'ou=people,dc=city,dc=example',
  LDAP_ROLE_GROUPS: '{"cn=admins,ou=groups,dc=city,dc=example":"admin"}',
};

describe('parseRoleGroups', () => {
  it('reads a flat map as the installation municipality’s, keeping the order given', () => {
    const problems: string[] = [];
    const map = parseRoleGroups('{"CN=Admins, OU=Groups,DC=City":"admin","cn=counter,ou=groups,dc=city":"counter"}', '152234', problems);
    expect(problems).toEqual([]);
    expect(map).toEqual({ '152234': [['cn=admins,ou=groups,dc=city', 'admin'], ['cn=counter,ou=groups,dc=city', 'counter']] });
  });

  it('reads a map per municipality', () => {
    const problems: string[] = [];
    const map = parseRoleGroups('{"152234":{"cn=a,dc=x":"admin"},"152064":{"cn=b,dc=y":"policy"}}', '152234', problems);
    expect(problems).toEqual([]);
    expect(Object.keys(map).sort()).toEqual(['152064', '152234']);
    expect(map['152064']).toEqual([['cn=b,dc=y', 'policy']]);
  });

  it.each([
    ['not JSON', '{', 'must be JSON'],
    ['an array', '[]', 'JSON object'],
    ['an installation role', '{"cn=ops,dc=x":"operator"}', 'must be one of admin, policy, counter, manager'],
    ['a key that is no DN', '{"admins":"admin"}', 'is not a DN'],
    ['a municipality without a map', '{"152234":"admin"}', 'JSON object of group DN'],
  ])('names the problem with %s', (_what, raw, message) => {
    const problems: string[] = [];
    parseRoleGroups(raw, '152234', problems);
    expect(problems.join('\n')).toContain(message);
  });
});

describe('loadDirectoryConfig', () => {
  it('is off without LDAP_URL', () => {
    expect(loadDirectoryConfig({}, '152234', [])).toBeNull();
  });

  it('uses StartTLS on ldap:// unless told not to, never on ldaps://', () => {
    expect(loadDirectoryConfig(BASE_ENV, '152234', [])!.startTls).toBe(true);
    expect(loadDirectoryConfig({ ...BASE_ENV, LDAP_STARTTLS: 'false' }, '152234', [])!.startTls).toBe(false);
    expect(loadDirectoryConfig({ ...BASE_ENV, LDAP_URL: 'ldaps://ldap.city.example' }, '152234', [])!.startTls).toBe(false);
  });

  it('names each missing or bad setting', () => {
    const problems: string[] = [];
    loadDirectoryConfig({ LDAP_URL: 'http://x', LDAP_USER_FILTER: '(uid=x)', LDAP_TLS_CA_FILE: '/nonexistent/ca.pem' }, '152234', problems);
    expect(problems.join('\n')).toEqual(expect.stringContaining('LDAP_URL must look like'));
    for (const name of ['LDAP_BIND_DN', 'LDAP_BIND_PASSWORD', 'LDAP_USER_BASE', 'LDAP_ROLE_GROUPS', 'LDAP_USER_FILTER must contain', 'LDAP_TLS_CA_FILE']) {
      expect(problems.join('\n')).toContain(name);
    }
  });
});

describe('normalizeDn', () => {
  it('ignores case and spaces around commas and equals signs, not escaped commas', () => {
    expect(normalizeDn('CN=Sato\\, Hanako , OU = People,DC=City')).toBe('cn=sato\\, hanako,ou=people,dc=city');
  });
});

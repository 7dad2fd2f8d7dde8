import { escapeFilterValue, roleOfGroups } from './directory';

describe('escapeFilterValue', () => {
  it('escapes what would change a filter (RFC 4515)', () => {
    expect(escapeFilterValue('tanak*')).toBe('tanak\\2a');
    expect(escapeFilterValue('a)(uid=*')).toBe('a\\29\\28uid=\\2a');
    expect(escapeFilterValue('back\\slash\0')).toBe('back\\5cslash\\00');
    expect(escapeFilterValue('佐藤.hanako-1')).toBe('佐藤.hanako-1');
  });
});

describe('roleOfGroups', () => {
  const mapping: [string, 'admin' | 'counter'][] = [
    ['cn=admins,ou=groups,dc=city', 'admin'],
    ['cn=counter,ou=groups,dc=city', 'counter'],
  ];
  it('takes the first mapped group the user is in, whatever the DN’s case and spacing', () => {
    expect(roleOfGroups(['CN=Counter, OU=Groups, DC=City', 'cn=admins,ou=groups,dc=city'], mapping)).toBe('admin');
    expect(roleOfGroups(['CN=Counter, OU=Groups, DC=City'], mapping)).toBe('counter');
  });
  it('gives no role for no mapped group', () => {
    expect(roleOfGroups(['cn=other,ou=groups,dc=city'], mapping)).toBeNull();
    expect(roleOfGroups([], mapping)).toBeNull();
  });
});

import { ACTIONS, PERMISSIONS, RESOURCES, can, canExport, scopeOf } from './permissions';
import { ROLE } from './roles';

describe('the permissions table', () => {
  it('has a grant for every resource and role', () => {
    for (const resource of RESOURCES) for (const role of ROLE.values) expect(PERMISSIONS[resource][role]).toBeDefined();
  });

  it('follows API.md on the rows that matter most', () => {
    expect(can('admin', 'users', 'delete')).toBe(true);
    expect(can('policy', 'users', 'list')).toBe(false);
    expect(can('counter', 'payment-services', 'list')).toBe(true);
    expect(can('counter', 'payment-services', 'create')).toBe(false);
    expect(can('policy', 'reservations', 'delete')).toBe(false);
    expect(can('counter', 'reservations', 'create')).toBe(true);
    expect(can('counter', 'reservations', 'edit')).toBe(false);
    expect(can('counter', 'participants', 'list')).toBe(false);
    expect(can('manager', 'fraud-alerts', 'publish')).toBe(true);
    expect(can('policy', 'fraud-alerts', 'publish')).toBe(false);
    expect(can('counter', 'fraud-alerts', 'publish')).toBe(false);
    expect(can('manager', 'audit-logs', 'list')).toBe(true);
    expect(can('policy', 'audit-logs', 'list')).toBe(false);
    expect(can('counter', 'stats/counter', 'show')).toBe(true);
    expect(can('counter', 'stats/summary', 'show')).toBe(false);
  });

  it('lets policy and admin run the desks, counter staff book and check in, managers read (issue #21)', () => {
    for (const resource of ['desks', 'appointment-slots', 'terminals'] as const) {
      expect(can('policy', resource, 'create')).toBe(true);
      expect(can('counter', resource, 'create')).toBe(false);
      expect(can('manager', resource, 'list')).toBe(true);
    }
    expect(can('counter', 'appointments', 'create')).toBe(true);
    expect(can('counter', 'appointments', 'edit')).toBe(true);
    expect(can('counter', 'appointments', 'delete')).toBe(false);
    expect(can('manager', 'appointments', 'edit')).toBe(false);
    expect(['admin', 'policy', 'counter', 'manager'].filter((r) => can(r as never, 'appointments', 'check_in'))).toEqual(['admin', 'counter']);
    expect(can('counter', 'wrong-person-incidents', 'create')).toBe(true);
    expect(can('counter', 'wrong-person-incidents', 'edit')).toBe(false);
    expect(can('operator', 'appointments', 'list')).toBe(false);
  });

  it('limits counter staff to their own assistance records', () => {
    expect(scopeOf('counter', 'assistance-records')).toBe('own');
    expect(scopeOf('policy', 'assistance-records')).toBe('all');
  });

  it('allows exports to managers and admins only, for lists they can read', () => {
    for (const resource of RESOURCES) {
      expect(canExport('policy', resource)).toBe(false);
      expect(canExport('counter', resource)).toBe(false);
    }
    expect(canExport('manager', 'payment-services')).toBe(true);
    expect(canExport('admin', 'users')).toBe(true);
    expect(canExport('manager', 'users')).toBe(false);
  });

  it('refuses unknown roles, resources and actions', () => {
    expect(can(undefined, 'users', 'list')).toBe(false);
    expect(can('admin', 'nope', 'list')).toBe(false);
    expect(ACTIONS).not.toContain('import');
  });
});

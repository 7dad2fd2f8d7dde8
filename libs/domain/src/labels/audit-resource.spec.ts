import { RESOURCES } from '../permissions';
import { auditResourceCodes, auditResourceLabel } from './index';

describe('auditResourceLabel', () => {
  it('names sign-in and every resource of the permissions table, in both languages', () => {
    expect(auditResourceLabel('auth')).toBe('認証（サインイン）');
    expect(auditResourceLabel('payment-services')).toBe('キャッシュレス決済サービス');
    for (const r of [...RESOURCES, 'auth']) {
      expect(auditResourceLabel(r, 'ja')).not.toBe(r);
      expect(auditResourceLabel(r, 'en')).not.toBe(r);
      expect(auditResourceCodes()).toContain(r);
    }
  });

  it('shows an unknown code as itself', () => {
    expect(auditResourceLabel('padding')).toBe('padding');
  });
});

import { generateSync } from 'otplib';
import { looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash, Totp } from './totp';

// A clock the test moves: codes are computed from the secret for a chosen instant.
function setup(startMs: number) {
  const clock = { t: startMs, now: () => clock.t };
  const totp = new Totp('a-key-for-this-test-only', clock);
  const secret = totp.newSecret();
  const codeAt = (ms: number) => generateSync({ secret, epoch: Math.floor(ms / 1000) });
  return { clock, totp, secret, codeAt };
}

// 1 700 000 010 s is 10 s into a step (steps start at multiples of 30 s).
const STEP_START = 1_699_999_980_000;

describe('Totp.verify', () => {
  it('accepts the code of the current step, from its first to its last second', () => {
    const { clock, totp, secret, codeAt } = setup(STEP_START);
    const code = codeAt(STEP_START);
    expect(totp.verify(secret, code, null)).toBe(STEP_START / 30_000);
    clock.t = STEP_START + 29_999;
    expect(totp.verify(secret, code, null)).toBe(STEP_START / 30_000);
  });

  it('allows one step of drift either way: just before the step and just after it', () => {
    const { clock, totp, secret, codeAt } = setup(STEP_START);
    const code = codeAt(STEP_START);
    clock.t = STEP_START - 1; // the phone is a second ahead
    expect(totp.verify(secret, code, null)).not.toBeNull();
    clock.t = STEP_START + 30_000; // typed as the next step began
    expect(totp.verify(secret, code, null)).not.toBeNull();
  });

  it('refuses a code two steps old or two steps ahead', () => {
    const { clock, totp, secret, codeAt } = setup(STEP_START);
    const code = codeAt(STEP_START);
    clock.t = STEP_START + 60_000;
    expect(totp.verify(secret, code, null)).toBeNull();
    clock.t = STEP_START - 30_001;
    expect(totp.verify(secret, code, null)).toBeNull();
  });

  it('refuses a code reused, and an older one once a newer one was accepted', () => {
    const { clock, totp, secret, codeAt } = setup(STEP_START + 30_000);
    const step = totp.verify(secret, codeAt(STEP_START + 30_000), null);
    expect(step).not.toBeNull();
    expect(totp.verify(secret, codeAt(STEP_START + 30_000), step)).toBeNull();
    // the previous step's code is still inside the drift window, but older than the last used
    expect(totp.verify(secret, codeAt(STEP_START), step)).toBeNull();
    clock.t = STEP_START + 60_000;
    expect(totp.verify(secret, codeAt(STEP_START + 60_000), step)).toBe(step! + 1);
  });

  it('refuses what is not six digits, and another secret’s code', () => {
    const { totp, secret, codeAt } = setup(STEP_START);
    const other = setup(STEP_START);
    expect(totp.verify(secret, `${codeAt(STEP_START)}0`, null)).toBeNull();
    expect(totp.verify(secret, 'abcdef', null)).toBeNull();
    expect(totp.verify(secret, other.codeAt(STEP_START), null) === null || other.codeAt(STEP_START) === codeAt(STEP_START)).toBe(true);
  });
});

describe('Totp.seal', () => {
  it('opens what it sealed, and nothing sealed under another key', () => {
    const { totp, secret } = setup(0);
    const sealed = totp.seal(secret);
    expect(sealed.toString('utf8')).not.toContain(secret);
    expect(totp.open(sealed)).toBe(secret);
    expect(new Totp('another-key-entirely', { now: () => 0 }).open(sealed)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes that read back whatever the case, spaces or hyphens', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(looksLikeRecoveryCode(c.toUpperCase().replace('-', ' '))).toBe(true);
      expect(recoveryCodeHash(7, c.toUpperCase())).toEqual(recoveryCodeHash(7, c.replace('-', '')));
    }
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });

  it('hashes the same code differently for another user', () => {
    expect(recoveryCodeHash(1, 'abcde-fghjk')).not.toEqual(recoveryCodeHash(2, 'abcde-fghjk'));
  });
});

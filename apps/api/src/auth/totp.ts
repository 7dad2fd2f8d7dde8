import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

// Two-factor sign-in with TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps, what
// every authenticator app reads from the QR code), through otplib.

export const PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** What "now" is for the second factor; tests replace it to stand before, at and after a step. */
export interface Clock {
  now(): number;
}
export const AUTH_CLOCK = Symbol('AUTH_CLOCK');
/** One per app (tests move their app's clock without touching another's). */
export const systemClock = (): Clock => ({ now: () => Date.now() });

export class Totp {
  private readonly key: Buffer;

  /** The sealing key is derived from MYKEY_HMAC_SECRET: nothing more to keep. */
  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = createHmac('sha256', secret).update('mynapoint totp secret sealing key').digest();
  }

  newSecret(): string {
    return generateSecret();
  }

  uri(issuer: string, label: string, secret: string): string {
    return generateURI({ issuer, label, secret, period: PERIOD_SECONDS });
  }

  /**
   * The time step of `code` when it is valid now, allowing one step of clock drift
   * either way; null when it is wrong or its step is not after `lastStep` (a code is
   * accepted once, and never one older than the last accepted).
   */
  verify(secret: string, code: string, lastStep: number | null): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    try {
      const r = verifySync({
        secret,
        token: code,
        epoch: Math.floor(this.clock.now() / 1000),
        period: PERIOD_SECONDS,
        epochTolerance: PERIOD_SECONDS,
        ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
      });
      // The TOTP result carries the step (the union also covers HOTP's, which does not).
      return r.valid ? (r as { timeStep: number }).timeStep : null;
    } catch {
      return null;
    }
  }

  /** AES-256-GCM: iv (12) | tag (16) | ciphertext. A dump of the database alone yields no codes. */
  seal(secret: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): string | null {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null; // sealed under another MYKEY_HMAC_SECRET
    }
  }
}

// Recovery codes: 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i),
// shown as "abcde-fghjk": about 50 bits each, so a plain SHA-256 (with the user's id)
// is enough to store them.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Spaces, hyphens and case do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  const n = normalizeRecoveryCode(code);
  return n.length === 10 && [...n].every((c) => ALPHABET.includes(c));
}

export function recoveryCodeHash(userId: number, code: string): Buffer {
  return createHash('sha256').update(`${userId}:${normalizeRecoveryCode(code)}`).digest();
}

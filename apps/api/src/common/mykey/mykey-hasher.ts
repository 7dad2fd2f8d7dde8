import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { maskMyKeyLast4, normalizeMyKeyId } from '@mynapoint/domain';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

export interface MyKeyDigest {
  /** HMAC-SHA-256 of the normalised MyKey ID: identifies the participant. */
  hash: Buffer;
  /** Last 4 characters, for display only. */
  last4: string;
  /** `****7Q2K` */
  ref: string;
}

// The MyKey ID is never stored in clear. With a keyed hash, a leaked table cannot be
// matched against guessed IDs without the key, which lives outside the database.
export function digestMyKeyId(secret: string, normalized: string): MyKeyDigest {
  const last4 = normalized.slice(-4);
  return { hash: createHmac('sha256', secret).update(normalized).digest(), last4, ref: maskMyKeyLast4(last4) };
}

@Injectable()
export class MyKeyHasher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** null when the input is not 8 alphanumeric characters (for inputs no DTO checked: list filters). */
  tryDigest(raw: string): MyKeyDigest | null {
    const normalized = normalizeMyKeyId(raw);
    return normalized ? digestMyKeyId(this.config.myKeyHmacSecret, normalized) : null;
  }

  /**
   * For a body field the edge has validated (`MyKeyIdField`, the one place that
   * answers a malformed MyKey ID with a 400): a malformed one here is a bug.
   */
  digest(validated: string): MyKeyDigest {
    const digest = this.tryDigest(validated);
    if (!digest) throw new Error('MyKey ID reached a service unvalidated: declare it with MyKeyIdField');
    return digest;
  }
}

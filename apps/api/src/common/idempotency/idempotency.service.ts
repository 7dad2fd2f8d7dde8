import { Injectable } from '@nestjs/common';
import { Db } from '../db/db.service';
import { CommonError, CommonException } from '../errors/domain.exception';

export interface IdempotencyClaim {
  userId: number;
  key: string;
}

export type IdempotencyOutcome = { kind: 'claimed'; claim: IdempotencyClaim } | { kind: 'replay'; body: unknown };

const KEY = /^[\w.:-]{8,100}$/;

// `Idempotency-Key` on a create: the first request claims the key inside its own
// transaction; a concurrent duplicate blocks on the key's unique index until the
// first commits, then replays its stored response. If the first rolls back, the
// duplicate runs normally. So a double-clicked save creates exactly one record.
@Injectable()
export class IdempotencyService {
  constructor(private readonly db: Db) {}

  async claim(userId: number, key: string, method: string, path: string): Promise<IdempotencyOutcome> {
    if (!KEY.test(key)) {
      throw new CommonException(CommonError.BadQuery, 'Idempotency-Key は英数字8〜100文字で指定してください。');
    }
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_code, user_id, key) DO NOTHING RETURNING key`,
      [userId, key, method, path],
    );
    if (inserted.length) return { kind: 'claimed', claim: { userId, key } };
    const prior = await this.db.one<{ method: string; path: string; response: unknown }>(
      'SELECT method, path, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    if (!prior || prior.method !== method || prior.path !== path) {
      throw new CommonException(CommonError.Conflict, 'この Idempotency-Key は別の操作で使われています。');
    }
    return { kind: 'replay', body: prior.response };
  }

  async complete(claim: IdempotencyClaim, response: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET response = $3 WHERE user_id = $1 AND key = $2', [
      claim.userId,
      claim.key,
      JSON.stringify(response ?? null),
    ]);
  }
}

import { MYKEY_ID_FORMAT_MESSAGE } from '@mynapoint/domain';
import { CommonError, CommonException } from '../errors/domain.exception';
import type { ListQuery } from '../list/list-query';
import type { CustomFilter } from '../list/list-spec';
import type { MyKeyHasher } from './mykey-hasher';

// `filter={"myKeyId":"AB12CD7Q"}`: staff look a resident up by the MyKey ID they
// hold, and the database is searched by its keyed hash, never by the clear ID.
export function myKeyIdFilter(hashColumn: string): CustomFilter {
  return {
    description: 'マイキーID（英数字8文字）で検索（ハッシュで照合）',
    where(value, p) {
      if (!Buffer.isBuffer(value)) throw new Error('myKeyId filter used without hashMyKeyIdFilter');
      return `${hashColumn} = ${p.add(value)}`;
    },
  };
}

/** Replaces a clear MyKey ID in the parsed filter by its hash (400 when malformed). */
export function hashMyKeyIdFilter(q: ListQuery, hasher: MyKeyHasher): ListQuery {
  const raw = q.filter.myKeyId;
  if (raw === undefined) return q;
  const digest = typeof raw === 'string' ? hasher.tryDigest(raw) : null;
  if (!digest) throw new CommonException(CommonError.BadQuery, MYKEY_ID_FORMAT_MESSAGE, { myKeyId: MYKEY_ID_FORMAT_MESSAGE });
  return { ...q, filter: { ...q.filter, myKeyId: digest.hash } };
}

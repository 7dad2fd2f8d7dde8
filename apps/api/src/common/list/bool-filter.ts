import { badQuery } from './list-query';
import type { CustomFilter } from './list-spec';

/** A yes/no filter on a SQL condition that is not a field of its own (e.g. "has applied"). */
export function boolFilter(condition: string, description: string): CustomFilter {
  return {
    description,
    where(value, p) {
      if (value !== true && value !== false && value !== 'true' && value !== 'false') throw badQuery('true か false を指定してください。');
      return `(${condition} = ${p.add(value === true || value === 'true')})`;
    },
  };
}

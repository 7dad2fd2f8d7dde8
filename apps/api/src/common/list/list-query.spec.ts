import { defineEnum } from '@mynapoint/domain';
import { SqlParams } from '../db/sql-params';
import { DomainException } from '../errors/domain.exception';
import { parseListQuery } from './list-query';
import { countFrom, orderBy, whereClause } from './list-sql';
import { defineListSpec, type ListSpec } from './list-spec';

const COLOR = defineEnum({ red: { ja: '赤', en: 'Red' }, blue: { ja: '青', en: 'Blue' } });
const spec = defineListSpec({
  resource: 'payment-services',
  from: 'things t',
  fields: {
    id: { sql: 't.id', kind: 'int', label: { ja: 'ID', en: 'ID' } },
    name: { sql: 't.name', kind: 'text', label: { ja: '名前', en: 'Name' } },
    color: { sql: 't.color', kind: 'enum', enum: COLOR, label: { ja: '色', en: 'Color' } },
    on: { sql: 't.on', kind: 'date', label: { ja: '日', en: 'On' } },
    at: { sql: 't.at', kind: 'instant', label: { ja: '日時', en: 'At' } },
    tags: { sql: 't.tags', kind: 'enumArray', enum: COLOR, label: { ja: 'タグ', en: 'Tags' } },
    meta: { sql: 't.meta', kind: 'json', label: { ja: 'メタ', en: 'Meta' } },
    active: { sql: 't.active', kind: 'bool', label: { ja: '有効', en: 'Active' } },
    note: { sql: 't.note', kind: 'text', nullable: true, label: { ja: '備考', en: 'Note' } },
  },
  search: ['t.name'],
  filters: { big: { where: (_v, p) => `t.size > ${p.add(10)}` } },
  defaultSort: ['name', 'ASC'],
  notFound: 'thing_not_found',
});

const parse = (q: Record<string, string>) => parseListQuery(spec, q);
const rejects = (q: Record<string, string>) => {
  expect(() => parse(q)).toThrow(DomainException);
  try {
    parse(q);
  } catch (e) {
    expect((e as DomainException).status).toBe(400);
  }
};

describe('parseListQuery', () => {
  it('defaults to the first page in the default order', () => {
    expect(parse({})).toEqual({ sort: { field: 'name', order: 'ASC' }, range: { start: 0, end: 24 }, filter: {} });
  });

  it('reads react-admin parameters', () => {
    const q = parse({ sort: '["on","desc"]', range: '[50,99]', filter: '{"color":"red","q":"pay","id":[1,2]}' });
    expect(q.sort).toEqual({ field: 'on', order: 'DESC' });
    expect(q.range).toEqual({ start: 50, end: 99 });
    expect(q.filter).toEqual({ color: 'red', q: 'pay', id: [1, 2] });
  });

  it('ignores filters react-admin sends as empty strings', () => {
    expect(parse({ filter: '{"name":""}' }).filter).toEqual({});
  });

  it.each([
    [{ sort: '["nope","ASC"]' }],
    [{ sort: '["meta","ASC"]' }],
    [{ sort: '["name","UP"]' }],
    [{ sort: 'not json' }],
    [{ sort: '"name"' }],
    [{ range: '[10,5]' }],
    [{ range: '[-1,5]' }],
    [{ range: '[0,5000]' }],
    [{ range: '[0.5,3]' }],
    [{ filter: '[]' }],
    [{ filter: '{"nope":1}' }],
    [{ filter: '{"color":"green"}' }],
    [{ filter: '{"id":"abc"}' }],
    [{ filter: '{"on":"2020-02-30"}' }],
    [{ filter: '{"at_gte":"yesterday"}' }],
    [{ filter: '{"active":"maybe"}' }],
    [{ filter: '{"meta":{}}' }],
    [{ filter: '{"q":5}' }],
    [{ filter: '{"tags_gte":"red"}' }],
  ])('refuses %j with 400', (q) => rejects(q as Record<string, string>));
});

describe('whereClause', () => {
  const where = (filter: Record<string, unknown>) => {
    const p = new SqlParams();
    return { sql: whereClause(spec, filter, p), values: p.values };
  };

  it('binds every value as a parameter', () => {
    expect(where({ color: 'red', id: [1, 2] })).toEqual({ sql: 'WHERE t.color = $1 AND t.id = ANY($2::bigint[])', values: ['red', [1, 2]] });
  });

  it('searches text case-insensitively with LIKE wildcards escaped', () => {
    expect(where({ q: '50%_off' })).toEqual({ sql: 'WHERE (t.name ILIKE $1)', values: ['%50\\%\\_off%'] });
  });

  it('treats a date bound on an instant as whole JST days', () => {
    const { sql } = where({ at_gte: '2020-09-01', at_lte: '2020-09-30' });
    expect(sql).toContain(`t.at >= (($1::date)::timestamp AT TIME ZONE 'Asia/Tokyo')`);
    expect(sql).toContain(`t.at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')`);
  });

  it('tests set membership for enum arrays', () => {
    expect(where({ tags: 'red' }).sql).toBe('WHERE $1::text = ANY(t.tags)');
    expect(where({ tags: ['red', 'blue'] }).sql).toBe('WHERE t.tags && $1::text[]');
  });

  it('compares a list of instants as timestamps (found by the query fuzzer)', () => {
    expect(where({ at: ['2020-09-01T10:00:00Z', '2020-09-02'] }).sql).toBe('WHERE t.at = ANY($1::timestamptz[])');
  });

  it('applies custom filters and null', () => {
    expect(where({ big: true, on: null }).sql).toBe('WHERE t.size > $1 AND t.on IS NULL');
  });
});

describe('orderBy', () => {
  it('breaks ties by id so pages never overlap', () => {
    expect(orderBy(spec, { field: 'name', order: 'DESC' })).toBe('ORDER BY t.name DESC, t.id DESC');
    expect(orderBy(spec, { field: 'id', order: 'ASC' })).toBe('ORDER BY t.id ASC');
  });

  it('places NULLs (last going down, first going up) only where a value can be NULL', () => {
    expect(orderBy(spec, { field: 'note', order: 'DESC' })).toBe('ORDER BY t.note DESC NULLS LAST, t.id DESC');
    expect(orderBy(spec, { field: 'note', order: 'ASC' })).toBe('ORDER BY t.note ASC NULLS FIRST, t.id ASC');
    expect(orderBy(spec, { field: 'on', order: 'ASC' })).toBe('ORDER BY t.on ASC, t.id ASC');
  });
});

describe('countFrom', () => {
  const joined: ListSpec = {
    resource: 'point-awards',
    from: 'things t JOIN owners o ON o.id = t.owner_id',
    fields: {
      id: { sql: 't.id', kind: 'int' },
      size: { sql: 't.size', kind: 'int' },
      day: { sql: 'to_char(t.on, \'YYYY-MM-DD\')', kind: 'text' },
      ownerName: { sql: `'**' || o.name`, kind: 'text' },
    },
    search: ['t.name'],
    filters: { big: { where: () => 't.size > 10' } },
    defaultSort: ['id', 'ASC'],
    notFound: 'thing_not_found',
    count: { from: 'things t', alias: 't' },
  };

  it('counts the base table alone while every filter stays on it', () => {
    expect(countFrom(joined, {})).toBe('things t');
    expect(countFrom(joined, { size_gte: 3, day: '2021-01-01', q: 'x' })).toBe('things t');
  });

  it('keeps the joins when a filter, a custom filter, the search or a scope may need them', () => {
    expect(countFrom(joined, { ownerName: 'x' })).toBe(joined.from);
    expect(countFrom(joined, { big: true })).toBe(joined.from);
    expect(countFrom(joined, {}, { where: () => 't.size > 1' })).toBe(joined.from);
    expect(countFrom({ ...joined, search: ['o.name'] }, { q: 'x' })).toBe(joined.from);
    expect(countFrom({ ...joined, count: undefined }, {})).toBe(joined.from);
  });
});

describe('names that are Object members', () => {
  // Found by the query fuzzer: sort=["__proto__","asc"] reached SQL as "[object Object]".
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses %s as a sort field, filter or custom filter (400)', (name) => {
    for (const query of [{ sort: JSON.stringify([name, 'ASC']) }, { filter: `{"${name}":1}` }, { filter: `{"${name}_gte":1}` }]) {
      let error: unknown;
      try {
        parseListQuery(spec, query);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainException);
      expect((error as DomainException).status).toBe(400);
    }
  });
});

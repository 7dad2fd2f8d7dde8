import { PAYMENT_SERVICE_KIND } from '@mynapoint/domain';
import { cellSql, inlineParams } from './export-format';

describe('inlineParams', () => {
  it('writes each value as a safe literal', () => {
    expect(inlineParams('a = $1 AND b = ANY($2::bigint[]) AND c = $3 AND d = $10', ["O'Neil", [1, 2], true, 4, 5, 6, 7, 8, 9, null])).toBe(
      "a = 'O''Neil' AND b = ANY(ARRAY[1,2]::bigint[]) AND c = TRUE AND d = NULL",
    );
  });

  it('refuses a missing parameter', () => {
    expect(() => inlineParams('a = $2', [1])).toThrow();
  });
});

describe('cellSql', () => {
  it('labels enum codes in the chosen language, raw keeps codes', () => {
    const f = { sql: 't.kind', kind: 'enum' as const, enum: PAYMENT_SERVICE_KIND };
    expect(cellSql(f, { lang: 'ja', raw: false })).toContain(`WHEN 'qr_code' THEN 'QRコード決済'`);
    expect(cellSql(f, { lang: 'en', raw: false })).toContain(`THEN 'QR-code payment'`);
    expect(cellSql(f, { lang: 'ja', raw: true })).not.toContain('QRコード決済');
  });

  it('makes text inert against formula injection', () => {
    expect(cellSql({ sql: 't.notes', kind: 'text' }, { lang: 'ja', raw: false })).toContain(`'^[=+\\-@\\t\\r]'`);
  });

  it('leaves text as stored in XLSX, where a string cell is never a formula', () => {
    const f = { sql: 't.notes', kind: 'text' as const };
    expect(cellSql(f, { lang: 'ja', raw: false, format: 'xlsx' })).toBe('t.notes::text');
    expect(cellSql(f, { lang: 'ja', raw: false, format: 'csv' })).toContain(`'^[=+\\-@\\t\\r]'`);
  });
});

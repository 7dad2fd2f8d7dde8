import { IMPORT_COLUMNS, matchHeader, normalizeHeader, sampleCsv } from './import-format';
import { IMPORT_TYPE } from './uptake';

describe('matchHeader', () => {
  it('maps English column names in any order, ignoring unknown columns', () => {
    const m = matchHeader('point-awards', ['memo', 'amountYen', 'kind', 'transactionDate', 'myKeyId', 'externalId']);
    expect(m.missing).toEqual([]);
    expect(m.indexOf).toEqual({ externalId: 5, myKeyId: 4, transactionDate: 3, kind: 2, amountYen: 1 });
  });

  it('accepts the Japanese headers offices and operators use, in full or half width', () => {
    const m = matchHeader('point-awards', ['取引ＩＤ', 'マイキーID', '利用日', '種別', '金額（円）']);
    expect(m.missing).toEqual([]);
    expect(matchHeader('reservations', ['マイキーＩＤ', '予約日時', '予約方法']).missing).toEqual([]);
  });

  it('names the required columns that are missing', () => {
    expect(matchHeader('reservations', ['myKeyId', 'district']).missing.map((c) => c.key)).toEqual(['reservedAt', 'channel']);
  });

  it('needs the payment service of an application by id or by name', () => {
    expect(matchHeader('applications', ['myKeyId', 'appliedAt', 'channel']).missing.map((c) => c.key)).toEqual(['paymentServiceId']);
    expect(matchHeader('applications', ['myKeyId', '決済サービス', 'appliedAt', 'channel']).missing).toEqual([]);
  });

  it('normalizes width, case and separators', () => {
    expect(normalizeHeader(' My_Key Id ')).toBe('mykeyid');
    expect(normalizeHeader('ＡｍｏｕｎｔＹｅｎ')).toBe('amountyen');
  });
});

describe('sampleCsv', () => {
  it('has a header every import type understands', () => {
    for (const type of IMPORT_TYPE.values) {
      const header = sampleCsv(type).split('\r\n')[0].split(',');
      expect(matchHeader(type, header).missing).toEqual([]);
    }
  });

  it('gives every column a label and a hint in both languages', () => {
    for (const type of IMPORT_TYPE.values) {
      for (const c of IMPORT_COLUMNS[type]) expect(c.label.ja && c.label.en && c.hint.ja && c.hint.en).toBeTruthy();
    }
  });
});

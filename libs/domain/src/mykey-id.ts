// The MyKey ID (マイキーID) is 8 alphanumeric characters, case-insensitive. It is not
// the My Number. The back office keeps only a keyed hash and the last 4 characters.
const MYKEY_ID = /^[0-9A-Za-z]{8}$/;

export function normalizeMyKeyId(raw: string): string | null {
  const trimmed = typeof raw === 'string' ? raw.trim().normalize('NFKC') : '';
  return MYKEY_ID.test(trimmed) ? trimmed.toUpperCase() : null;
}

export function maskMyKeyLast4(last4: string): string {
  return `****${last4}`;
}

export const MYKEY_ID_FORMAT_MESSAGE = 'マイキーIDは英数字8文字で入力してください。';

import { defineEnum, EnumValue } from './enum';

export const AUDIT_ACTION = defineEnum({
  create: { ja: '作成', en: 'Create' },
  update: { ja: '更新', en: 'Update' },
  delete: { ja: '削除', en: 'Delete' },
  login: { ja: 'ログイン', en: 'Login' },
  login_failed: { ja: 'ログイン失敗', en: 'Login failed' },
  logout: { ja: 'ログアウト', en: 'Logout' },
  export: { ja: 'エクスポート', en: 'Export' },
  import: { ja: '取り込み', en: 'Import' },
  publish: { ja: '公開', en: 'Publish' },
  // Extension to the contract: a write refused because it carried a My Number.
  // The row records who and where, never the number.
  my_number_refused: { ja: 'マイナンバー入力拒否', en: 'My Number refused' },
  // Extension: repeated wrong passwords locked an account; an admin lifted a lock.
  account_locked: { ja: 'アカウントロック', en: 'Account locked' },
  unlock: { ja: 'ロック解除', en: 'Unlock' },
});
export type AuditAction = EnumValue<typeof AUDIT_ACTION>;

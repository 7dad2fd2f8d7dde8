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
  // Extension (issue #22): the second factor turned on, reset by an admin, new recovery
  // codes issued; a session ended by its user or an admin.
  totp_enabled: { ja: '二要素認証の有効化', en: 'Two-factor on' },
  totp_reset: { ja: '二要素認証のリセット', en: 'Two-factor reset' },
  recovery_codes_issued: { ja: '復旧コードの発行', en: 'Recovery codes issued' },
  session_ended: { ja: 'セッション終了', en: 'Session ended' },
});
export type AuditAction = EnumValue<typeof AUDIT_ACTION>;

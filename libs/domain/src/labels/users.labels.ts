import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const USERS_LABELS = defineResourceLabels({
  one: { ja: 'ユーザー', en: 'User' },
  many: { ja: 'ユーザー', en: 'Users' },
  fields: {
    ...COMMON_FIELDS,
    username: { ja: 'ユーザー名', en: 'Username' },
    displayName: { ja: '氏名・表示名', en: 'Display name' },
    role: { ja: '役割', en: 'Role' },
    prefectureCode: { ja: '都道府県', en: 'Prefecture' },
    active: { ja: '有効', en: 'Active' },
    password: { ja: 'パスワード', en: 'Password' },
    lastLoginAt: { ja: '最終ログイン', en: 'Last login' },
    locked: { ja: 'ロック中', en: 'Locked' },
    lockedUntil: { ja: 'ロック期限', en: 'Locked until' },
    failedLogins: { ja: '連続ログイン失敗', en: 'Failed logins in a row' },
    authSource: { ja: '認証方式', en: 'Sign-in through' },
    totpEnabled: { ja: '二要素認証', en: 'Two-factor' },
  },
});

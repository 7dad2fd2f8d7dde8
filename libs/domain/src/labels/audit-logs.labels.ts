import { defineResourceLabels } from './resource-labels';

export const AUDIT_LOGS_LABELS = defineResourceLabels({
  one: { ja: '監査ログ', en: 'Audit log entry' },
  many: { ja: '監査ログ', en: 'Audit log' },
  fields: {
    id: { ja: 'ID', en: 'ID' },
    at: { ja: '日時', en: 'At' },
    userId: { ja: 'ユーザーID', en: 'User ID' },
    username: { ja: 'ユーザー名', en: 'Username' },
    action: { ja: '操作', en: 'Action' },
    resource: { ja: '対象', en: 'Resource' },
    resourceId: { ja: '対象ID', en: 'Resource ID' },
    ip: { ja: 'IPアドレス', en: 'IP address' },
    changes: { ja: '内容', en: 'Changes' },
    before: { ja: '変更前', en: 'Before' },
  },
});

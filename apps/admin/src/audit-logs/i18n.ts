export default {
  ja: {
    show: {
      title: '監査ログ #%{id}',
      changes: '変更内容',
      field: '項目',
      before: '変更前',
      after: '変更後',
      value: '内容',
      blank: '（空）',
      not_logged: '（記録なし）',
      no_changes: '記録された内容はありません。',
      before_help: '変更前は、同じ記録への以前の登録・更新のうち、その項目を含む最新のものです。取り込みなど監査ログに項目が残らない変更を経たものは「（記録なし）」と表示します。太字は値が変わった項目です。',
    },
  },
  en: {
    show: {
      title: 'Audit log entry #%{id}',
      changes: 'Changes',
      field: 'Field',
      before: 'Before',
      after: 'After',
      value: 'Value',
      blank: '(blank)',
      not_logged: '(not logged)',
      no_changes: 'Nothing was recorded.',
      before_help: 'Before is the latest earlier create or update of the same record that named the field. Fields no logged write had set (imports, for example) show "(not logged)". Bold rows changed.',
    },
  },
};

export default {
  ja: {
    empty: '参加者はまだいません。予約が登録されると、マイキーIDとキャンペーンごとに1人ずつ表示されます。',
    sections: { reservation: '予約', application: '申し込み（決済サービス）', points: 'ポイント', history: '経過' },
    history: { reserved: '予約', applied: '申し込み', reapplied: '再申込（削除後）', application_deleted: '申し込みを削除', reason: '理由: %{reason}' },
    not_applied: 'まだ申し込みをしていません。',
    open_application: '申し込みの詳細を開く',
    points: '%{total}円 / 上限 %{cap}円',
    cap_reached: '上限に到達',
    filters: { q: 'マイキーID下4桁で検索' },
  },
  en: {
    empty: 'No participants yet. Each reservation adds one per MyKey ID and campaign.',
    sections: { reservation: 'Reservation', application: 'Application (payment service)', points: 'Points', history: 'History' },
    history: { reserved: 'Reserved', applied: 'Applied', reapplied: 'Re-applied (after a deletion)', application_deleted: 'Application deleted', reason: 'Reason: %{reason}' },
    not_applied: 'Has not applied yet.',
    open_application: 'Open the application',
    points: '%{total} of %{cap} yen',
    cap_reached: 'Cap reached',
    filters: { q: 'Search MyKey ID last 4' },
  },
};

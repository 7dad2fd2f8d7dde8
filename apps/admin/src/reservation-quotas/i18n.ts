export default {
  ja: {
    empty: '予約枠はまだ登録されていません。',
    gauge: {
      normal: '受付余裕あり',
      warn: '残りわずか',
      full: '上限到達',
      remaining: '残り %{remaining} / %{capacity}件（%{percent}%）',
    },
    helper: {
      capacity: '先着順で予約できる上限数。現在の予約数より少なくはできません。',
      warnAtPercent: 'この充足率でゲージが黄色（残りわずか）になります。',
      opensAt: '空欄ならキャンペーンの予約開始日 0:00',
      closesAt: 'この時刻ちょうどで受付終了。空欄ならキャンペーンの予約終了日の翌日 0:00',
    },
    filters: { q: '予約枠の名称で検索' },
    sort_by_fill: '充足率の高い順',
  },
  en: {
    empty: 'No reservation quotas yet.',
    gauge: {
      normal: 'Room left',
      warn: 'Nearly full',
      full: 'Full',
      remaining: '%{remaining} of %{capacity} left (%{percent}%)',
    },
    helper: {
      capacity: 'First come, first served up to this number. Cannot go below the reservations already made.',
      warnAtPercent: 'The gauge turns amber (nearly full) at this fill rate.',
      opensAt: 'Empty: the campaign’s first reservation day, 0:00',
      closesAt: 'Closed from this instant. Empty: the day after the campaign’s last reservation day, 0:00',
    },
    filters: { q: 'Search by name' },
    sort_by_fill: 'Fullest first',
  },
};

export default {
  ja: {
    empty: 'キャンペーンはまだ登録されていません。',
    sections: { periods: '期間', rule: 'ポイント付与のルール', quotas: '予約枠' },
    periods: { reservation: '予約期間', application: '申し込み期間', earning: 'ポイント対象期間' },
    validation: { end_before_start: '開始日以降の日付にしてください。' },
    helper: {
      name: '例: マイナポイント第1弾',
      capPerPersonYen: '変更すると参加者全員の上限も変わります。付与済みのポイントより低くはできません。',
      awardRatePercent: 'チャージ・購入額に対する付与率',
      periods: '期間は実施中に延長されることがあります（例: 第1弾のポイント対象期間は2021年12月31日まで延長）。',
    },
    rule: '%{rate}%（1人あたり上限 %{cap}円）',
    filters: { q: 'キャンペーン名で検索' },
    noQuotas: 'このキャンペーンの予約枠はまだありません。',
  },
  en: {
    empty: 'No campaigns yet.',
    sections: { periods: 'Periods', rule: 'Award rule', quotas: 'Reservation quotas' },
    periods: { reservation: 'Reservation period', application: 'Application period', earning: 'Earning period' },
    validation: { end_before_start: 'Must not be before the start date.' },
    helper: {
      name: 'e.g. Mynapoint Round 1',
      capPerPersonYen: 'Changing it changes every participant’s cap. It cannot go below points already awarded.',
      awardRatePercent: 'Share of the charge or purchase awarded as points',
      periods: 'Periods can be extended while a campaign runs (Round 1’s earning period was extended to 2021-12-31).',
    },
    rule: '%{rate}% (up to %{cap} yen per person)',
    filters: { q: 'Search by name' },
    noQuotas: 'No quotas in this campaign yet.',
  },
};

export default {
  ja: {
    empty: '決済サービスはまだ登録されていません。',
    helper: {
      applicationsOpenOn: 'この日から申し込みを受け付けます。',
      preRegistrationRequired: '申し込み前に事業者への登録が必要なサービス',
    },
    filters: { q: 'サービス名・事業者で検索' },
  },
  en: {
    empty: 'No payment services registered yet.',
    helper: {
      applicationsOpenOn: 'Applications are accepted from this date.',
      preRegistrationRequired: 'Residents must register with the operator before applying',
    },
    filters: { q: 'Search name or operator' },
  },
};

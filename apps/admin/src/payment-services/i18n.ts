export default {
  ja: {
    empty: '決済サービスはまだ登録されていません。',
    helper: {
      applicationsOpenOn: 'この日から申し込みを受け付けます。',
      preRegistrationRequired: '申し込み前に事業者への登録が必要なサービス',
      nameKana: '一覧はこの読みの五十音順に並びます（英字の名前が先）。ひらがな・カタカナで入力。空欄なら名前から作ります。',
    },
    validation: {
      nameKana: 'よみがなは、ひらがな・カタカナ・長音記号（ー）・空白で入力してください。',
      url: 'URL は http:// または https:// で始めてください。',
    },
    filters: { q: 'サービス名・事業者・よみがなで検索' },
  },
  en: {
    empty: 'No payment services registered yet.',
    helper: {
      applicationsOpenOn: 'Applications are accepted from this date.',
      preRegistrationRequired: 'Residents must register with the operator before applying',
      nameKana: 'The list sorts by this reading in gojūon order (Latin names first). Hiragana or katakana; left blank, it is made from the name.',
    },
    validation: {
      nameKana: 'The reading takes hiragana, katakana, the long-vowel mark (ー) and spaces only.',
      url: 'The URL must start with http:// or https://.',
    },
    filters: { q: 'Search name, operator or reading' },
  },
};

export default {
  ja: {
    empty: '全国・都道府県の普及率はまだ登録されていません。総務省が公表する申請率・交付率をCSVで取り込めます。',
    import: 'CSVを取り込む',
    helper: { rate: '0〜100（小数第2位まで）' },
  },
  en: {
    empty: 'No published rates yet. Import the application and issuance rates MIC publishes as CSV.',
    import: 'Import a CSV',
    helper: { rate: '0 to 100 (up to two decimals)' },
  },
};

import { POPULATION_COUNT_PROBLEM } from '@mynapoint/domain';

export default {
  ja: {
    empty: '人口とカード交付の集計はまだありません。住民基本台帳の集計（地区・年代ごと）をCSVで取り込めます。',
    empty_read_only: '人口とカード交付の集計はまだありません。',
    import: 'CSVを取り込む',
    helper: {
      asOf: 'この日現在の数字（月末など）',
      counts: '人数・件数だけ（個人の情報は入れません）。申請件数・交付枚数は人口以下。',
    },
    filters: { q: '地区名で検索', from: '基準日（から）', to: '基準日（まで）' },
    validation: { negative: POPULATION_COUNT_PROBLEM.labels.negative.ja, above_population: POPULATION_COUNT_PROBLEM.labels.above_population.ja },
  },
  en: {
    empty: 'No population figures yet. Import the resident register’s aggregates (by district and age band) as CSV.',
    empty_read_only: 'No population figures yet.',
    import: 'Import a CSV',
    helper: {
      asOf: 'The figures as of this day (e.g. a month end)',
      counts: 'Counts only (nothing about a person). Applications and cards at most the population.',
    },
    filters: { q: 'Search by district', from: 'As of (from)', to: 'As of (to)' },
    validation: { negative: POPULATION_COUNT_PROBLEM.labels.negative.en, above_population: POPULATION_COUNT_PROBLEM.labels.above_population.en },
  },
};
